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

/** Signed identity headers live a minute; a new one is signed well before that, never one per request. */
const resignAfterMs = 20_000;

/**
 * How the gateway calls a subgraph: the identity header it signs. Renewed as the load runs, so a measured window
 * of any length stays authorised without signing on every request.
 */
export function subgraphHeaders(access: RequestAccess, identitySecret: string): () => Promise<Record<string, string>> {
  let signed: { headers: Promise<Record<string, string>>; at: number } | undefined;
  return () => {
    const now = Date.now();
    if (signed === undefined || now - signed.at > resignAfterMs) {
      signed = { headers: signIdentityHeader(access, identitySecret).then((header) => ({ [identityHeaderName]: header })), at: now };
    }
    return signed.headers;
  };
}
