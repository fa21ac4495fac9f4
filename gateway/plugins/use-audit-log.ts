import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import {
  parse, print, type DocumentNode, type FieldNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import type { AccessPolicy, RequestAccess } from '../../domain/access/index.js';
import {
  accessDecision, operationFields, readsPersonalData, sha256Hex, subgraphOwnershipFromSupergraph,
  type AccessEntry, type OperationFields, type SubgraphOwnership,
} from '../../domain/audit/index.js';
import type { ErrorCode } from '../../domain/errors/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import type { GatewayContext } from '../gateway-context.js';

export interface AuditLogOptions {
  /** Where records go; an append resolves only once its record is durable (openAuditLog). */
  readonly log: AuditAppender;
  /** The `@access` rules of every subgraph SDL (accessPolicyFromSdl). */
  readonly policy: AccessPolicy;
  /** The composed supergraph; its join directives say which subgraph owns which field. */
  readonly supergraphSdl: string;
}

/** What one operation touches, worked out once per operation document and schema. */
interface AuditedOperation {
  readonly fields: OperationFields;
  readonly personal: ReadonlySet<FieldNode>;
  readonly coordinates: readonly string[];
  readonly subgraphs: readonly string[];
}

function auditedOperation(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, policy: AccessPolicy, ownership: SubgraphOwnership,
): AuditedOperation {
  const fields = operationFields(schema, document, operation);
  const personal = new Set<FieldNode>();
  const coordinates = new Set<string>();
  for (const [node, field] of fields.byNode) {
    coordinates.add(field.coordinate);
    if (readsPersonalData(policy, schema, field)) personal.add(node);
  }
  const subgraphs = new Set([...coordinates].flatMap((coordinate) => ownership.get(coordinate) ?? []));
  return { fields, personal, coordinates: [...coordinates].sort(), subgraphs: [...subgraphs].sort() };
}

/** Whether the response carries data at all: none when refused before execution, or null at the root. */
function resultOf(response: GraphQLResponse): { readonly served: boolean; readonly errors: readonly GraphQLFormattedError[] } {
  const result = response.body.kind === 'single' ? response.body.singleResult : response.body.initialResult;
  return { served: result.data !== undefined && result.data !== null, errors: result.errors ?? [] };
}

function withhold(response: GraphQLResponse, code: ErrorCode, message: string): void {
  const error = codedGraphQLError(code, message);
  response.body = { kind: 'single', singleResult: { errors: [{ message: error.message, extensions: error.extensions }] } };
  response.http.status = error.extensions.httpStatus as number;
}

function accessEntry(
  access: RequestAccess, requestId: string, source: string, operation: OperationDefinitionNode, audited: AuditedOperation,
  decision: AccessEntry['decision'],
): AccessEntry {
  return {
    kind: 'access',
    requestId,
    subject: access.identity.subject,
    agency: access.identity.agency,
    purpose: access.purpose ?? null,
    caseNumber: access.caseNumber ?? null,
    operation: { hash: sha256Hex(source), name: operation.name?.value ?? null, type: operation.operation },
    fields: [...audited.coordinates],
    subgraphs: [...audited.subgraphs],
    decision,
  };
}

/**
 * Writes one audit record for every operation that touches personal data (`personalData: true` on a field or on
 * the type it returns), once its response is final: who, why, what, from which subgraphs, and what was denied.
 * Operations answered without data (refused before execution, or null at the root) are recorded as denied when the
 * caller is known. List this plugin after
 * every plugin that changes the response (access redaction), so the decision it records is the one sent.
 */
export function useAuditLog(options: AuditLogOptions): ApolloServerPlugin<GatewayContext> {
  const ownership = subgraphOwnershipFromSupergraph(parse(options.supergraphSdl));
  const analysed = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, AuditedOperation>>();
  const analyse = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) => {
    const bySchema = analysed.get(schema) ?? new WeakMap<OperationDefinitionNode, AuditedOperation>();
    analysed.set(schema, bySchema);
    const known = bySchema.get(operation);
    if (known) return known;
    const audited = auditedOperation(schema, document, operation, options.policy, ownership);
    bySchema.set(operation, audited);
    return audited;
  };

  return {
    async requestDidStart() {
      return {
        async willSendResponse({ schema, document, operation, source, contextValue, response, logger }) {
          // Without a validated operation nothing was resolved, so nothing was read.
          if (!document || !operation) return;
          const audited = analyse(schema, document, operation);
          if (audited.personal.size === 0) return;
          const { served, errors } = resultOf(response);
          const { access, requestId } = contextValue;
          if (!access) {
            // Personal data must never leave unattributed: with no identity to record, a result is withheld.
            if (served) withhold(response, 'DS_AUTH_UNAUTHENTICATED', 'personal data is served only to a verified identity');
            return;
          }
          const decision = accessDecision(audited.fields, audited.personal, errors.map((error) => ({ code: error.extensions?.code, ...(error.path ? { path: error.path } : {}) })), !served);
          try {
            await options.log.append(accessEntry(access, requestId, source ?? print(document), operation, audited, decision));
          } catch (error) {
            // A personal-data response goes out only with its record durable: no record, no data.
            logger.error(`[audit] request ${requestId}: ${error instanceof Error ? error.message : String(error)}`);
            withhold(response, 'DS_AUDIT_WRITE_FAILED', 'the access could not be recorded in the audit log, so no personal data was served');
          }
        },
      };
    },
  };
}
