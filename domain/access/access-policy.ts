import { Kind, type ConstArgumentNode, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import type { ErrorCode } from '../errors/index.js';
import type { RequestAccess } from './identity.js';

/** One `@access` directive, as declared in a subgraph's SDL. */
export interface AccessRule {
  readonly scopes: readonly string[];
  readonly agencies: readonly string[];
  readonly clearance: number;
  readonly personalData: boolean;
}

/** Every `@access` rule of a schema, by object type and by field coordinate (`Type.field`). */
export interface AccessPolicy {
  readonly types: ReadonlyMap<string, AccessRule>;
  readonly fields: ReadonlyMap<string, AccessRule>;
}

export type AccessDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: ErrorCode; readonly reason: string };

export const accessDirectiveName = 'access';

function stringList(argument: ConstArgumentNode | undefined): string[] {
  if (!argument) return [];
  const value = argument.value;
  if (value.kind === Kind.LIST) return value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []));
  return value.kind === Kind.STRING ? [value.value] : [];
}

function ruleOf(directive: ConstDirectiveNode): AccessRule {
  const argument = (name: string) => directive.arguments?.find((arg) => arg.name.value === name);
  const clearance = argument('clearance')?.value;
  const personalData = argument('personalData')?.value;
  return {
    scopes: stringList(argument('scopes')),
    agencies: stringList(argument('agencies')),
    clearance: clearance?.kind === Kind.INT ? Number(clearance.value) : 0,
    personalData: personalData?.kind === Kind.BOOLEAN ? personalData.value : false,
  };
}

const accessDirectiveOf = (directives: readonly ConstDirectiveNode[] | undefined) =>
  directives?.find((directive) => directive.name.value === accessDirectiveName);

/** Reads the `@access` rules of one or more SDL documents; later documents add to earlier ones. */
export function accessPolicyFromSdl(...documents: readonly DocumentNode[]): AccessPolicy {
  const types = new Map<string, AccessRule>();
  const fields = new Map<string, AccessRule>();
  for (const document of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const typeName = definition.name.value;
      const typeDirective = accessDirectiveOf(definition.directives);
      if (typeDirective) types.set(typeName, ruleOf(typeDirective));
      for (const field of definition.fields ?? []) {
        const fieldDirective = accessDirectiveOf(field.directives);
        if (fieldDirective) fields.set(`${typeName}.${field.name.value}`, ruleOf(fieldDirective));
      }
    }
  }
  return { types, fields };
}

/**
 * Decides one rule for one request. Order matters for the caller's benefit: the first unmet requirement is the
 * one reported, and the reason names it without revealing anything about the data behind the field.
 */
export function decideAccess(rule: AccessRule, access: RequestAccess | undefined): AccessDecision {
  if (!access) return { allowed: false, code: 'DS_AUTH_UNAUTHENTICATED', reason: 'no verified identity' };
  const { identity } = access;
  if (rule.agencies.length > 0 && !rule.agencies.includes(identity.agency)) {
    return { allowed: false, code: 'DS_AUTH_FORBIDDEN', reason: `agency "${identity.agency}" is not cleared for this field` };
  }
  const missing = rule.scopes.filter((scope) => !identity.scopes.includes(scope));
  if (missing.length > 0) {
    return { allowed: false, code: 'DS_AUTH_FORBIDDEN', reason: `missing scope ${missing.join(', ')}` };
  }
  if (identity.clearance < rule.clearance) {
    return { allowed: false, code: 'DS_AUTH_CLEARANCE', reason: `clearance ${rule.clearance} required` };
  }
  if (rule.personalData && (!access.purpose?.trim() || !access.caseNumber?.trim())) {
    return { allowed: false, code: 'DS_AUTH_PURPOSE_REQUIRED', reason: 'personal data needs a stated purpose and a case number' };
  }
  return { allowed: true };
}

/** The rules that govern a field: its own, and that of the object type it returns. */
export function rulesForField(policy: AccessPolicy, parentType: string, fieldName: string, returnType: string): AccessRule[] {
  const rules: AccessRule[] = [];
  const fieldRule = policy.fields.get(`${parentType}.${fieldName}`);
  if (fieldRule) rules.push(fieldRule);
  const typeRule = policy.types.get(returnType);
  if (typeRule) rules.push(typeRule);
  return rules;
}

export function decideAll(rules: readonly AccessRule[], access: RequestAccess | undefined): AccessDecision {
  for (const rule of rules) {
    const decision = decideAccess(rule, access);
    if (!decision.allowed) return decision;
  }
  return { allowed: true };
}

export const involvesPersonalData = (rules: readonly AccessRule[]): boolean => rules.some((rule) => rule.personalData);
