import { importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK } from 'jose';
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
const issuer = 'dongseon-cctv';
const lifetimeSeconds = 60;
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
  purpose: z.string().max(500).optional(),
  caseNumber: z.string().max(100).optional(),
  search: z.strictObject({ plate: z.string().max(64), from: z.string().max(64), to: z.string().max(64) }),
});

export async function signHistorySearch(grant: HistorySearchGrant, municipalityId: string, privateKey: CryptoKey): Promise<string> {
  const { access, query } = grant;
  return new SignJWT({
    ...claimsFromIdentity(access.identity),
    ...(access.purpose ? { purpose: access.purpose } : {}),
    ...(access.caseNumber ? { caseNumber: access.caseNumber } : {}),
    search: { plate: query.plate, from: query.from, to: query.to },
  })
    .setProtectedHeader({ alg: historySearchTokenAlgorithm })
    .setIssuer(issuer)
    .setAudience(historySearchAudience(municipalityId))
    .setJti(grant.searchId)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(privateKey);
}

/** Verifies a history search signed for this municipality's edge node; anything else is DS_AUTH_UNAUTHENTICATED. */
export async function verifyHistorySearch(token: string | undefined, municipalityId: string, publicKey: CryptoKey): Promise<HistorySearchGrant> {
  if (!token) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', 'missing signed history search (Authorization: Bearer)');
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer, audience: historySearchAudience(municipalityId), algorithms: [historySearchTokenAlgorithm], requiredClaims: ['exp', 'jti'],
    });
    const claims = grantClaimsSchema.parse(payload);
    return {
      searchId: claims.jti,
      access: {
        identity: identityFromClaims(claims),
        ...(claims.purpose ? { purpose: claims.purpose } : {}),
        ...(claims.caseNumber ? { caseNumber: claims.caseNumber } : {}),
      },
      query: claims.search,
    };
  } catch {
    throw new DongseonError('DS_AUTH_UNAUTHENTICATED', 'the signed history search is not valid for this edge node');
  }
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
