import { createHmac } from 'node:crypto';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { connectBrokerAccounts, type BrokerAdminEndpoint } from '../../stores/broker-accounts/broker-accounts.js';
import { devSecret } from './dev-secrets.js';

/**
 * The broker password of a local edge node (`npm start`, benchmarks, tests): derived from a dev secret of the
 * checkout, so every launcher of the same municipality's node agrees on it without sharing a file per node.
 * Never used outside development.
 */
export function edgeBrokerPassword(municipalityId: string): string {
  return createHmac('sha256', devSecret('broker-edge-password-key')).update(municipalityId).digest('base64url');
}

/** The environment an edge node of `municipalityId` needs for its broker account. */
export const edgeBrokerEnvironment = (municipalityId: string): Record<string, string> => ({ DS_EDGE_MQTT_PASSWORD: edgeBrokerPassword(municipalityId) });

/** Makes (or sets the password of) the broker accounts of these edge nodes: call before launching them. */
export async function ensureEdgeBrokerAccounts(municipalityIds: readonly string[], admin: BrokerAdminEndpoint = brokerAdminEndpoint()): Promise<void> {
  const accounts = await connectBrokerAccounts(admin);
  try {
    for (const municipalityId of new Set(municipalityIds)) await accounts.ensureEdgeClient(municipalityId, edgeBrokerPassword(municipalityId));
  } finally {
    await accounts.close();
  }
}
