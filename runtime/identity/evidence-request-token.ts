import type { CryptoKey } from 'jose';
import { z } from 'zod';
import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { authenticEdgeRequestPayload, historySearchClockSkewSeconds, signEdgeRequest, timeRefusal } from './history-search-token.js';
import { identityClaimsSchema, identityFromClaims } from './identity-claims.js';

/**
 * The region-to-edge request for one hit's evidence (the plate crop the edge's recogniser read). Signed by the cctv
 * subgraph with the same key pair as history searches, for one edge node and one hit, with who asks and why; the
 * edge verifies with the public key, takes each request once and audits it before it sends the image.
 */
export interface EvidenceGrant {
  readonly requestId: string;
  readonly access: RequestAccess;
  readonly hitId: string;
}

const grantClaimsSchema = identityClaimsSchema.extend({
  jti: z.string().min(1).max(100),
  iat: z.number().finite(),
  exp: z.number().finite(),
  purpose: z.string().max(500).optional(),
  caseNumber: z.string().max(100).optional(),
  evidence: z.strictObject({ hitId: z.string().min(1).max(400) }),
});

export async function signEvidenceRequest(grant: EvidenceGrant, municipalityId: string, privateKey: CryptoKey): Promise<string> {
  return signEdgeRequest(grant.access, { evidence: { hitId: grant.hitId } }, grant.requestId, municipalityId, privateKey);
}

export type VerifiedEvidenceRequest =
  | { readonly ok: true; readonly grant: EvidenceGrant; readonly acceptedUntilMs: number }
  | { readonly ok: false; readonly grant: EvidenceGrant; readonly code: 'DS_HISTORY_SEARCH_TIME_INVALID'; readonly reason: string };

/**
 * Verifies an evidence request signed for this municipality's edge node: what is not authentic is
 * DS_AUTH_UNAUTHENTICATED; an authentic one may still be refused for its times (attributable, so audited).
 */
export async function verifyEvidenceRequest(token: string | undefined, municipalityId: string, publicKey: CryptoKey, nowMs: number = Date.now()): Promise<VerifiedEvidenceRequest> {
  const payload = await authenticEdgeRequestPayload(token, municipalityId, publicKey, nowMs, 'evidence request');
  const unauthenticated = new DongseonError('DS_AUTH_UNAUTHENTICATED', 'the signed evidence request is not valid for this edge node');
  // A history search's token carries no `evidence` claim, so it can never be taken for an evidence request.
  const claims = grantClaimsSchema.safeParse(payload);
  if (!claims.success) throw unauthenticated;
  const grant: EvidenceGrant = {
    requestId: claims.data.jti,
    access: {
      identity: identityFromClaims(claims.data),
      ...(claims.data.purpose ? { purpose: claims.data.purpose } : {}),
      ...(claims.data.caseNumber ? { caseNumber: claims.data.caseNumber } : {}),
    },
    hitId: claims.data.evidence.hitId,
  };
  const reason = timeRefusal(claims.data.iat, claims.data.exp, nowMs / 1000);
  if (reason) return { ok: false, grant, code: 'DS_HISTORY_SEARCH_TIME_INVALID', reason };
  return { ok: true, grant, acceptedUntilMs: (claims.data.exp + historySearchClockSkewSeconds) * 1000 };
}
