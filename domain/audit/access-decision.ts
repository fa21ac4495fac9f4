import { Kind, type FieldNode, type SelectionSetNode } from 'graphql';
import type { AccessEntry, DeniedField } from './audit-record.js';
import type { OperationFields } from './operation-fields.js';

/** What the audit needs of a response error: its code and where it struck. */
export interface ResponseError {
  readonly code?: unknown;
  readonly path?: readonly (string | number)[];
}

interface Denial {
  readonly code: string;
  /** Response keys from the root; empty when the denial struck the whole operation. */
  readonly keys: readonly string[];
}

const isAuthorizationCode = (code: unknown): code is string => typeof code === 'string' && code.startsWith('DS_AUTH_');
const responseKey = (field: FieldNode) => (field.alias ?? field.name).value;
const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);
const isStrictPrefix = (prefix: readonly string[], path: readonly string[]) =>
  prefix.length < path.length && prefix.every((key, i) => key === path[i]);

/**
 * Follows response paths through an operation without expanding it: each step looks only at the fields one
 * selection level holds, fragments flattened at that level alone.
 */
function operationPaths(fields: OperationFields, personal: ReadonlySet<FieldNode>) {
  const fieldsOf = (selectionSets: readonly SelectionSetNode[]): FieldNode[] => {
    const found: FieldNode[] = [];
    const flattened = new Set<string>();
    const collect = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (fields.byNode.has(selection)) found.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          collect(selection.selectionSet);
        } else if (!flattened.has(selection.name.value)) {
          flattened.add(selection.name.value);
          const fragment = fields.fragments.get(selection.name.value);
          if (fragment) collect(fragment.selectionSet);
        }
      }
    };
    selectionSets.forEach(collect);
    return found;
  };
  const childrenOf = (nodes: readonly FieldNode[]) => nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

  const holdsPersonal = new Map<SelectionSetNode, boolean>();
  const containsPersonal = (selectionSet: SelectionSetNode): boolean => {
    const known = holdsPersonal.get(selectionSet);
    if (known !== undefined) return known;
    holdsPersonal.set(selectionSet, false);
    const result = fieldsOf([selectionSet]).some((node) => personal.has(node) || (node.selectionSet !== undefined && containsPersonal(node.selectionSet)));
    holdsPersonal.set(selectionSet, result);
    return result;
  };
  const readsPersonal = (node: FieldNode) => personal.has(node) || (node.selectionSet !== undefined && containsPersonal(node.selectionSet));

  /** The fields at a response path; for a path that leaves the document, the deepest fields it reaches. */
  const fieldsAt = (keys: readonly string[]): FieldNode[] => {
    let level: FieldNode[] = [];
    let selectionSets: readonly SelectionSetNode[] = [fields.selectionSet];
    for (const key of keys) {
      const next = fieldsOf(selectionSets).filter((node) => responseKey(node) === key);
      if (next.length === 0) break;
      level = next;
      selectionSets = childrenOf(next);
    }
    return level;
  };

  /** Whether some personal field is outside every denied path: walks down only along the denied paths. */
  const servesPersonal = (deniedPaths: readonly (readonly string[])[]) => {
    const walk = (selectionSets: readonly SelectionSetNode[], prefix: readonly string[]): boolean => {
      const byKey = new Map<string, FieldNode[]>();
      for (const node of fieldsOf(selectionSets)) {
        const group = byKey.get(responseKey(node));
        if (group) group.push(node);
        else byKey.set(responseKey(node), [node]);
      }
      for (const [key, nodes] of byKey) {
        const path = [...prefix, key];
        if (deniedPaths.some((denied) => samePath(denied, path))) continue;
        if (nodes.some((node) => personal.has(node))) return true;
        const children = childrenOf(nodes);
        if (deniedPaths.some((denied) => isStrictPrefix(path, denied))) {
          if (walk(children, path)) return true;
        } else if (children.some(containsPersonal)) {
          return true;
        }
      }
      return false;
    };
    return walk([fields.selectionSet], []);
  };

  return { fieldsAt, readsPersonal, servesPersonal };
}

/**
 * Derives the recorded decision from the response. An operation answered without data (refused before execution
 * by authentication or limits, or null at the root) denies every personal field with the response's codes. Otherwise a
 * DS_AUTH_* error denies the field at its path and everything beneath it; errors of other kinds are failures, not
 * decisions. The outcome says whether personal data was served: all of it (allowed), some (partial) or none (denied).
 */
export function accessDecision(
  fields: OperationFields, personal: ReadonlySet<FieldNode>, errors: readonly ResponseError[], refusedAsAWhole: boolean,
): AccessEntry['decision'] {
  const refusals: readonly ResponseError[] = errors.length > 0 ? errors : [{}];
  const denials: Denial[] = refusedAsAWhole
    ? refusals.map((error) => ({ code: typeof error.code === 'string' ? error.code : 'DS_INTERNAL', keys: [] }))
    : errors.filter((error) => isAuthorizationCode(error.code)).map((error) => ({
      code: error.code as string,
      keys: (error.path ?? []).filter((key): key is string => typeof key === 'string'),
    }));
  if (denials.length === 0) return { outcome: 'allowed', denied: [] };

  const paths = operationPaths(fields, personal);
  const denied = new Map<string, DeniedField>();
  const deny = (coordinate: string, code: string) => denied.set(`${coordinate} ${code}`, { coordinate, code });
  for (const { code, keys } of denials) {
    const struck = keys.length === 0 ? [...personal] : paths.fieldsAt(keys);
    for (const node of struck) deny((fields.byNode.get(node) as { coordinate: string }).coordinate, code);
  }
  const list = [...denied.keys()].sort().map((key) => denied.get(key) as DeniedField);

  if (denials.some((denial) => denial.keys.length === 0)) return { outcome: 'denied', denied: list };
  const deniedPaths = denials.map((denial) => denial.keys);
  const deniesPersonal = deniedPaths.some((keys) => paths.fieldsAt(keys).some(paths.readsPersonal));
  if (!deniesPersonal) return { outcome: 'allowed', denied: list };
  return { outcome: paths.servesPersonal(deniedPaths) ? 'partial' : 'denied', denied: list };
}
