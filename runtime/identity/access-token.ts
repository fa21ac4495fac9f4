import { errors as joseErrors, importJWK, jwtVerify, type JWK, type CryptoKey } from 'jose';
import { DongseonError } from '../../domain/errors/index.js';
import type { Identity } from '../../domain/access/index.js';
import { identityClaimsSchema, identityFromClaims } from './identity-claims.js';

export const accessTokenIssuer = 'dongseon-identity';
export const accessTokenAudience = 'dongseon';
export const accessTokenAlgorithm = 'ES256';

export type AccessTokenKey = CryptoKey | Uint8Array;

/** What a valid token's times may be: issued no later than now plus the skew, and valid for at most the lifetime. */
export interface AccessTokenTimeLimits {
  readonly maxLifetimeSeconds: number;
  readonly clockSkewSeconds: number;
}

/** A working day of dev tokens (the longest `npm run identity -- mint` signs), and half a minute of clock skew. */
export const defaultAccessTokenTimeLimits: AccessTokenTimeLimits = { maxLifetimeSeconds: 24 * 3600, clockSkewSeconds: 30 };

export async function importAccessTokenPublicKey(jwk: JWK): Promise<AccessTokenKey> {
  return importJWK(jwk, accessTokenAlgorithm) as Promise<AccessTokenKey>;
}

/**
 * Verifies a bearer token (ES256, our issuer and audience, not expired) and returns who it names. A token issued
 * in the future, or valid for longer than `maxLifetimeSeconds`, is refused: either is a token no issuer of ours
 * signs, and a long one outlives every revocation.
 */
export async function verifyAccessToken(token: string, key: AccessTokenKey, limits: AccessTokenTimeLimits = defaultAccessTokenTimeLimits): Promise<Identity> {
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: accessTokenIssuer,
      audience: accessTokenAudience,
      algorithms: [accessTokenAlgorithm],
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const { iat = Number.NaN, exp = Number.NaN } = payload;
    if (iat > Date.now() / 1000 + limits.clockSkewSeconds) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', 'access token is issued in the future');
    if (exp - iat > limits.maxLifetimeSeconds) {
      throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `access token is valid for longer than ${limits.maxLifetimeSeconds} seconds`);
    }
    const claims = identityClaimsSchema.safeParse(payload);
    if (!claims.success) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', 'access token claims are malformed');
    return identityFromClaims(claims.data);
  } catch (error) {
    if (error instanceof DongseonError) throw error;
    if (error instanceof joseErrors.JWTExpired) throw new DongseonError('DS_AUTH_TOKEN_EXPIRED', 'access token has expired');
    throw new DongseonError('DS_AUTH_UNAUTHENTICATED', 'access token is not valid');
  }
}

/** Extracts the token from an `Authorization: Bearer …` header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header?.trim() ?? '');
  return match?.[1];
}
