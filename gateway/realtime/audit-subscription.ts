import { randomUUID } from 'node:crypto';
import { getOperationAST, parse, type GraphQLError, type GraphQLSchema } from 'graphql';
import { operationFields, sha256Hex, type AccessEntry } from '../../domain/audit/index.js';
import type { RequestAccess } from '../../domain/access/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';

/** The subscription source the real-time server audits itself; alerts never pass the gateway's audit plugin. */
export const realtimeAuditSubgraph = 'realtime';

/**
 * The audit entry for one subscription to the alert stream, allowed or refused. Alerts are personal data (a
 * wanted vehicle's position and time), so every subscription is recorded before its first event can flow.
 */
export function subscriptionAuditEntry(
  schema: GraphQLSchema, access: RequestAccess, query: string, operationName: string | null | undefined, refusals: readonly GraphQLError[],
): AccessEntry | undefined {
  let coordinates: string[] = [];
  let name: string | null = null;
  try {
    const document = parse(query);
    const operation = getOperationAST(document, operationName);
    if (operation) {
      name = operation.name?.value ?? null;
      coordinates = [...new Set([...operationFields(schema, document, operation).byNode.values()].map((field) => field.coordinate))].sort();
    }
  } catch {
    // A document that does not parse selects nothing; the refusal is still recorded.
  }
  const denied = refusals.map((error) => ({
    coordinate: coordinates[0] ?? 'Subscription.alertRaised',
    code: String(error.extensions.code ?? 'DS_INTERNAL'),
  }));
  return {
    kind: 'access',
    requestId: randomUUID(),
    subject: access.identity.subject,
    agency: access.identity.agency,
    purpose: access.purpose ?? null,
    caseNumber: access.caseNumber ?? null,
    operation: { hash: sha256Hex(query), name, type: 'subscription' },
    fields: coordinates,
    subgraphs: [realtimeAuditSubgraph],
    decision: { outcome: denied.length > 0 ? 'denied' : 'allowed', denied },
  };
}

export async function recordSubscription(log: AuditAppender, entry: AccessEntry | undefined): Promise<boolean> {
  if (!entry) return true;
  try {
    await log.append(entry);
    return true;
  } catch {
    return false;
  }
}
