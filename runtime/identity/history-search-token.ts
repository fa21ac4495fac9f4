import { errors as joseErrors, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import type { PlateHistoryQuery } from '../../domain/history/index.js';
import { claimsFromIdentity, identityClaimsSchema, identityFromClaims } from './identity-claims.js';

/**
 * The region-to-edge request of the case-bound history search. The cctv subgraph signs, for one edge node and one
 * search, who asks, why, and exactly what; the edge verifies with the public key only. The key pair is its own,
 * not the gateway's identity-header secret: an edge node (run by a municipality) must be able neither to forge
 * identities for the subgraphs nor to sign history searches against another municipality's edge.
 */
export const historySearchTokenAlgorithm = 'ES256';
/** The cctv subgraph: it signs every request the region makes of an edge node. */
export const edgeRequestIssuer = 'dongseon-cctv';
/** How long a signed search is valid, and so the oldest one an edge node takes: one minute. */
export const historySearchLifetimeSeconds = 60;
/** How far the clocks of the cctv subgraph and an edge node may disagree. */
export const historySearchClockSkewSeconds = 5;
export const historySearchAudience = (municipalityId: string): string => `dongseon-edge:${municipalityId}`;

/** What one signed history search carries. */
export interface HistorySearchGrant {
  /** One id per search, the same on every edge node asked; each edge's audit record carries it. */
  readonly searchId: string;
  readonly access: RequestAccess;
  readonly query: PlateHistoryQuery;
}

const grantClaimsSchema = identityClaimsSchema.extend({
  jti: z.string().min(1).max(100),
  iat: z.number().finite(),
  exp: z.number().finite(),
  purpose: z.string().max(500).optional(),
  caseNumber: z.string().max(100).optional(),
  search: z.strictObject({ plate: z.string().max(64), from: z.string().max(64), to: z.string().max(64) }),
});

/**
 * Signs one request of the region to one edge node: who asks and why (`access`), `claims` saying exactly what, and
 * `jti`, the request's id; valid for a minute. History searches and evidence requests are both signed so.
 */
export async function signEdgeRequest(access: RequestAccess, claims: Record<string, unknown>, jti: string, municipalityId: string, privateKey: CryptoKey): Promise<string> {
  return new SignJWT({
    ...claimsFromIdentity(access.identity),
    ...(access.purpose ? { purpose: access.purpose } : {}),
    ...(access.caseNumber ? { caseNumber: access.caseNumber } : {}),
    ...claims,
  })
    .setProtectedHeader({ alg: historySearchTokenAlgorithm })
    .setIssuer(edgeRequestIssuer)
    .setAudience(historySearchAudience(municipalityId))
    .setJti(jti)
    .setIssuedAt()
    .setExpirationTime(`${historySearchLifetimeSeconds}s`)
    .sign(privateKey);
}

export async function signHistorySearch(grant: HistorySearchGrant, municipalityId: string, privateKey: CryptoKey): Promise<string> {
  const { query } = grant;
  return signEdgeRequest(grant.access, { search: { plate: query.plate, from: query.from, to: query.to } }, grant.searchId, municipalityId, privateKey);
}

/**
 * A signed search that is authentic: signed with the region's key, for this edge node, by the cctv subgraph. `ok:
 * false` is one refused for its times: issued in the future (beyond the clock skew), valid for longer than a minute,
 * issued more than a minute ago or expired. It is still attributable, so the edge audits the refusal.
 */
export type VerifiedHistorySearch =
  | {
    readonly ok: true;
    readonly grant: HistorySearchGrant;
    /** Unix ms until which this grant is taken (its `exp` plus the skew): its id must be remembered that long. */
    readonly acceptedUntilMs: number;
  }
  | { readonly ok: false; readonly grant: HistorySearchGrant; readonly code: 'DS_HISTORY_SEARCH_TIME_INVALID'; readonly reason: string };

/** Why a signed edge request is refused for its times (issued, lifetime, expiry), or undefined when they are good. */
export function timeRefusal(iat: number, exp: number, nowSeconds: number): string | undefined {
  const skew = historySearchClockSkewSeconds;
  if (iat > nowSeconds + skew) return 'the signed history search is issued in the future';
  if (exp - iat > historySearchLifetimeSeconds) return `the signed history search is valid for longer than ${historySearchLifetimeSeconds} seconds`;
  if (nowSeconds - iat > historySearchLifetimeSeconds + skew) return `the signed history search was issued more than ${historySearchLifetimeSeconds} seconds ago`;
  if (exp < nowSeconds - skew) return 'the signed history search has expired';
  return undefined;
}

/**
 * The payload of a request signed by the cctv subgraph for this edge node (`what` names it in refusals). What is not
 * authentic (no token, another key, another edge node, altered, malformed) is DS_AUTH_UNAUTHENTICATED; an expired
 * one is returned, as it is still attributable: the caller judges its times (`timeRefusal`) and audits the refusal.
 */
export async function authenticEdgeRequestPayload(token: string | undefined, municipalityId: string, publicKey: CryptoKey, nowMs: number, what: string): Promise<JWTPayload> {
  if (!token) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `missing signed ${what} (Authorization: Bearer)`);
  try {
    return (await jwtVerify(token, publicKey, {
      issuer: edgeRequestIssuer, audience: historySearchAudience(municipalityId), algorithms: [historySearchTokenAlgorithm],
      requiredClaims: ['exp', 'iat', 'jti'], currentDate: new Date(nowMs), clockTolerance: historySearchClockSkewSeconds,
    })).payload;
  } catch (error) {
    // jose checks the signature, then issuer and audience, and only then the times: an expired request is authentic.
    if (!(error instanceof joseErrors.JWTExpired) || error.claim !== 'exp') throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `the signed ${what} is not valid for this edge node`);
    return error.payload;
  }
}

/**
 * Verifies a history search signed for this municipality's edge node. What is not authentic (no token, another key,
 * another edge node, altered, malformed) is DS_AUTH_UNAUTHENTICATED; an authentic one is judged by its times here
 * (see `VerifiedHistorySearch`). Single use is the caller's: it must remember `searchId` until `acceptedUntilMs`.
 */
export async function verifyHistorySearch(token: string | undefined, municipalityId: string, publicKey: CryptoKey, nowMs: number = Date.now()): Promise<VerifiedHistorySearch> {
  const payload = await authenticEdgeRequestPayload(token, municipalityId, publicKey, nowMs, 'history search');
  const unauthenticated = new DongseonError('DS_AUTH_UNAUTHENTICATED', 'the signed history search is not valid for this edge node');
  const claims = grantClaimsSchema.safeParse(payload);
  if (!claims.success) throw unauthenticated;
  const { iat, exp } = claims.data;
  const grant: HistorySearchGrant = {
    searchId: claims.data.jti,
    access: {
      identity: identityFromClaims(claims.data),
      ...(claims.data.purpose ? { purpose: claims.data.purpose } : {}),
      ...(claims.data.caseNumber ? { caseNumber: claims.data.caseNumber } : {}),
    },
    query: claims.data.search,
  };
  const reason = timeRefusal(iat, exp, nowMs / 1000);
  if (reason) return { ok: false, grant, code: 'DS_HISTORY_SEARCH_TIME_INVALID', reason };
  return { ok: true, grant, acceptedUntilMs: (exp + historySearchClockSkewSeconds) * 1000 };
}

const ecJwkShape = { kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1) };

const jwkVariable = <Schema extends z.ZodType>(schema: Schema) =>
  z.string().transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'expected a JWK as JSON' });
      return z.NEVER;
    }
  }).pipe(schema);

/** The cctv subgraph's private signing key: an EC P-256 JWK with `d`. */
export const historySigningJwkVariable = jwkVariable(z.looseObject({ ...ecJwkShape, d: z.string().min(1, { message: 'expected the private key (with "d")' }) }));

/** An edge node's verification key: an EC P-256 public JWK; a private key does not belong on an edge node. */
export const historyVerifyJwkVariable = jwkVariable(z.looseObject({ ...ecJwkShape, d: z.never({ message: 'must be a public key (no "d")' }).optional() }));

export async function importHistorySearchKey(jwk: JWK): Promise<CryptoKey> {
  return importJWK(jwk, historySearchTokenAlgorithm) as Promise<CryptoKey>;
}
