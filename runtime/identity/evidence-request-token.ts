import { errors as joseErrors, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import {
  edgeRequestIssuer, historySearchAudience, historySearchClockSkewSeconds, historySearchLifetimeSeconds, historySearchTokenAlgorithm, timeRefusal,
} from './history-search-token.js';
import { claimsFromIdentity, identityClaimsSchema, identityFromClaims } from './identity-claims.js';

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
  const { access } = grant;
  return new SignJWT({
    ...claimsFromIdentity(access.identity),
    ...(access.purpose ? { purpose: access.purpose } : {}),
    ...(access.caseNumber ? { caseNumber: access.caseNumber } : {}),
    evidence: { hitId: grant.hitId },
  })
    .setProtectedHeader({ alg: historySearchTokenAlgorithm })
    .setIssuer(edgeRequestIssuer)
    .setAudience(historySearchAudience(municipalityId))
    .setJti(grant.requestId)
    .setIssuedAt()
    .setExpirationTime(`${historySearchLifetimeSeconds}s`)
    .sign(privateKey);
}

export type VerifiedEvidenceRequest =
  | { readonly ok: true; readonly grant: EvidenceGrant; readonly acceptedUntilMs: number }
  | { readonly ok: false; readonly grant: EvidenceGrant; readonly code: 'DS_HISTORY_SEARCH_TIME_INVALID'; readonly reason: string };

/**
 * Verifies an evidence request signed for this municipality's edge node: what is not authentic is
 * DS_AUTH_UNAUTHENTICATED; an authentic one may still be refused for its times (attributable, so audited).
 */
export async function verifyEvidenceRequest(token: string | undefined, municipalityId: string, publicKey: CryptoKey, nowMs: number = Date.now()): Promise<VerifiedEvidenceRequest> {
  if (!token) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', 'missing signed evidence request (Authorization: Bearer)');
  const unauthenticated = new DongseonError('DS_AUTH_UNAUTHENTICATED', 'the signed evidence request is not valid for this edge node');
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, publicKey, {
      issuer: edgeRequestIssuer, audience: historySearchAudience(municipalityId), algorithms: [historySearchTokenAlgorithm],
      requiredClaims: ['exp', 'iat', 'jti'], currentDate: new Date(nowMs), clockTolerance: historySearchClockSkewSeconds,
    }));
  } catch (error) {
    if (!(error instanceof joseErrors.JWTExpired) || error.claim !== 'exp') throw unauthenticated;
    payload = error.payload;
  }
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
