import { importJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { DongseonError } from '../../domain/errors/index.js';
import {
  accessTokenAlgorithm, accessTokenAudience, accessTokenIssuer, defaultAccessTokenTimeLimits, importAccessTokenPublicKey, verifyAccessToken,
} from './access-token.js';
import { generateDevKeyPair } from './dev-identity-provider.js';
import { claimsFromIdentity } from './identity-claims.js';
import { sampleUsers } from './sample-users.js';

const keys = await generateDevKeyPair();
const publicKey = await importAccessTokenPublicKey(keys.publicJwk);
const now = () => Math.floor(Date.now() / 1000);

async function token(times: { iat?: number; exp: number }): Promise<string> {
  const jwt = new SignJWT({ ...claimsFromIdentity(sampleUsers['police-officer']) })
    .setProtectedHeader({ alg: accessTokenAlgorithm }).setIssuer(accessTokenIssuer).setAudience(accessTokenAudience).setExpirationTime(times.exp);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  return jwt.sign(await importJWK(keys.privateJwk, accessTokenAlgorithm));
}

const outcome = async (jwt: string, limits = defaultAccessTokenTimeLimits) => {
  try {
    return (await verifyAccessToken(jwt, publicKey, limits)).subject;
  } catch (error) {
    return error instanceof DongseonError ? `${error.code}: ${error.message}` : error;
  }
};

describe('verifyAccessToken', () => {
  it('accepts a token issued now for an hour, and one issued within the clock skew ahead', async () => {
    expect(await outcome(await token({ iat: now(), exp: now() + 3600 }))).toBe('police-officer-kim');
    expect(await outcome(await token({ iat: now() + 20, exp: now() + 3600 }))).toBe('police-officer-kim');
  });

  it('access-token hardening: refuses an iat in the future beyond the clock skew', async () => {
    expect(await outcome(await token({ iat: now() + 3600, exp: now() + 7200 }))).toBe('DS_AUTH_UNAUTHENTICATED: access token is issued in the future');
  });

  it('access-token hardening: refuses a lifetime (exp − iat) over the configured maximum', async () => {
    const tenDays = await token({ iat: now(), exp: now() + 10 * 24 * 3600 });
    expect(await outcome(tenDays)).toBe(`DS_AUTH_UNAUTHENTICATED: access token is valid for longer than ${24 * 3600} seconds`);
    const twoHours = await token({ iat: now(), exp: now() + 7200 });
    expect(await outcome(twoHours, { ...defaultAccessTokenTimeLimits, maxLifetimeSeconds: 3600 })).toBe('DS_AUTH_UNAUTHENTICATED: access token is valid for longer than 3600 seconds');
    // Issued long ago and so still "young" by exp alone: the lifetime counts from iat.
    expect(await outcome(await token({ iat: now() - 9 * 24 * 3600, exp: now() + 3600 }))).toMatch(/valid for longer/);
  });

  it('access-token hardening: refuses a token without iat, whose lifetime cannot be known', async () => {
    expect(await outcome(await token({ exp: now() + 60 }))).toBe('DS_AUTH_UNAUTHENTICATED: access token is not valid');
  });
});
