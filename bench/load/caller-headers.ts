import type { AccessPurpose, RequestAccess } from '../../domain/access/index.js';
import { caseNumberHeaderName, purposeHeaderName } from '../../gateway/gateway-context.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';

/** How a client calls the gateway: its access token, and for personal data its purpose and case (percent-encoded). */
export function gatewayHeaders(accessToken: string, purpose: AccessPurpose = {}): Record<string, string> {
  return {
    authorization: `Bearer ${accessToken}`,
    ...(purpose.purpose ? { [purposeHeaderName]: encodeURIComponent(purpose.purpose) } : {}),
    ...(purpose.caseNumber ? { [caseNumberHeaderName]: encodeURIComponent(purpose.caseNumber) } : {}),
  };
}

/**
 * How the gateway calls a subgraph: an identity header signed for this one request (subgraph, `POST /graphql`, this
 * body) with a fresh nonce, as the gateway signs one per subgraph fetch; a subgraph accepts each header once.
 */
export function subgraphHeaders(access: RequestAccess, identitySecret: string, target: { subgraph: string; body: string }): () => Promise<Record<string, string>> {
  return async () => ({
    [identityHeaderName]: await signIdentityHeader(access, identitySecret, { subgraph: target.subgraph, method: 'POST', path: '/graphql', body: target.body }),
  });
}
