import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Identity } from '../../domain/access/index.js';
import { accessTokenAlgorithm, accessTokenAudience, accessTokenIssuer } from './access-token.js';
import { claimsFromIdentity } from './identity-claims.js';

/** Signs access tokens with a development key; the gateway verifies them with `publicJwk`. */
export interface DevIdentityProvider {
  readonly publicJwk: JWK;
  mintToken(identity: Identity, options?: { ttlSeconds?: number }): Promise<string>;
}

export interface DevKeyPair {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

export async function generateDevKeyPair(): Promise<DevKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(accessTokenAlgorithm, { extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

export async function createDevIdentityProvider(keys: DevKeyPair): Promise<DevIdentityProvider> {
  const privateKey = await importJWK(keys.privateJwk, accessTokenAlgorithm);
  return {
    publicJwk: keys.publicJwk,
    async mintToken(identity, options = {}) {
      return new SignJWT({ ...claimsFromIdentity(identity) })
        .setProtectedHeader({ alg: accessTokenAlgorithm })
        .setIssuer(accessTokenIssuer)
        .setAudience(accessTokenAudience)
        .setIssuedAt()
        .setExpirationTime(`${options.ttlSeconds ?? 8 * 3600}s`)
        .sign(privateKey);
    },
  };
}
