import {
  getNamedType, isObjectType,
  type DocumentNode, type GraphQLOutputType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { decideAll, rulesForField, type AccessPolicy, type RequestAccess } from '../../domain/access/index.js';
import type { ErrorCode } from '../../domain/errors/index.js';
import { walkOperation } from './walk-operation.js';

/** One field on the way from the response root to a denied field. */
export interface ResponseStep {
  readonly key: string;
  /** The field's type: tells lists apart and where a null may stand. */
  readonly type: GraphQLOutputType;
  /** Set when the field was selected on an object type: the rule then holds for objects of that type only. */
  readonly selectedOn: string | undefined;
}

export interface DeniedField {
  readonly steps: readonly ResponseStep[];
  readonly code: ErrorCode;
  readonly message: string;
}

export interface DeniedFields {
  readonly denied: readonly DeniedField[];
  /** False when the operation expanded past the walk's budget: some fields went unchecked. */
  readonly complete: boolean;
}

/**
 * Every field of the operation the caller may not read, decided by the same `@access` rules and the same
 * decision function the subgraphs use. A denied field's selections are not visited: null covers them.
 */
export function deniedFields(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
  policy: AccessPolicy, access: RequestAccess | undefined, options: { readonly maxFieldVisits: number },
): DeniedFields {
  const denied: DeniedField[] = [];
  const outcome = walkOperation(schema, document, operation, {
    enterField(step, ancestors) {
      const coordinate = `${step.parentType.name}.${step.definition.name}`;
      const rules = rulesForField(policy, step.parentType.name, step.definition.name, getNamedType(step.definition.type).name);
      const decision = decideAll(rules, access);
      if (decision.allowed) return true;
      const steps = [...ancestors, step].map((field) => ({
        key: field.responseKey, type: field.definition.type, selectedOn: isObjectType(field.parentType) ? field.parentType.name : undefined,
      }));
      denied.push({ steps, code: decision.code, message: `${coordinate}: ${decision.reason}` });
      return false;
    },
  }, options);
  return { denied, complete: outcome.complete };
}
