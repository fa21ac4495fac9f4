import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { claimsFromIdentity, identityClaimsSchema, identityFromClaims } from './identity-claims.js';

/** The header the gateway sets on every subgraph request; subgraphs accept no request without it. */
export const identityHeaderName = 'x-dongseon-identity';
const audience = 'dongseon-subgraphs';
const issuer = 'dongseon-gateway';
const lifetimeSeconds = 60;
export const minimumIdentitySecretBytes = 32;

/** DS_IDENTITY_HEADER_SECRET as the gateway and every subgraph check it at start-up: one rule, one message. */
export const identitySecretVariable = z
  .string({ message: 'required: the secret the gateway signs the identity header with and every subgraph verifies it with' })
  .refine((secret) => Buffer.byteLength(secret) >= minimumIdentitySecretBytes, {
    message: `expected a secret of at least ${minimumIdentitySecretBytes} bytes, shared by the gateway and the subgraphs`,
  });

const headerClaimsSchema = identityClaimsSchema.extend({
  purpose: z.string().max(500).optional(),
  caseNumber: z.string().max(100).optional(),
});

function secretKey(secret: string): Uint8Array {
  const key = new TextEncoder().encode(secret);
  if (key.length < minimumIdentitySecretBytes) {
    throw new DongseonError('DS_CONFIG_INVALID', `the identity header secret must hold at least ${minimumIdentitySecretBytes} bytes`);
  }
  return key;
}

/** Signs who is asking and why, for one subgraph request, valid for a minute. */
export async function signIdentityHeader(access: RequestAccess, secret: string): Promise<string> {
  return new SignJWT({
    ...claimsFromIdentity(access.identity),
    ...(access.purpose ? { purpose: access.purpose } : {}),
    ...(access.caseNumber ? { caseNumber: access.caseNumber } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${lifetimeSeconds}s`)
    .sign(secretKey(secret));
}

/** Verifies the gateway's signature; anything else is DS_AUTH_UNAUTHENTICATED. */
export async function verifyIdentityHeader(header: string | undefined, secret: string): Promise<RequestAccess> {
  if (!header) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `missing ${identityHeaderName} header`);
  try {
    const { payload } = await jwtVerify(header, secretKey(secret), { issuer, audience, algorithms: ['HS256'] });
    const claims = headerClaimsSchema.parse(payload);
    return {
      identity: identityFromClaims(claims),
      ...(claims.purpose ? { purpose: claims.purpose } : {}),
      ...(claims.caseNumber ? { caseNumber: claims.caseNumber } : {}),
    };
  } catch {
    throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `${identityHeaderName} header is not valid`);
  }
}
