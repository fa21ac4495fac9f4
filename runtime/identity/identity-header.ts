import { createHash, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { claimsFromIdentity, identityClaimsSchema, identityFromClaims } from './identity-claims.js';
import type { IdentityNonceLedger } from './identity-nonce-ledger.js';

/** The header the gateway sets on every subgraph request; subgraphs accept no request without it. */
export const identityHeaderName = 'x-dongseon-identity';
const issuer = 'dongseon-gateway';
/** How long a signed header is accepted; a subgraph keeps each header's nonce at least this long. */
export const identityHeaderLifetimeSeconds = 60;
export const minimumIdentitySecretBytes = 32;

/** DS_IDENTITY_HEADER_SECRET as the gateway and every subgraph check it at start-up: one rule, one message. */
export const identitySecretVariable = z
  .string({ message: 'required: the secret the gateway signs the identity header with and every subgraph verifies it with' })
  .refine((secret) => Buffer.byteLength(secret) >= minimumIdentitySecretBytes, {
    message: `expected a secret of at least ${minimumIdentitySecretBytes} bytes, shared by the gateway and the subgraphs`,
  });

/**
 * The one HTTP request a header is signed for. The header is bound to its method, path and body and carries a
 * nonce a subgraph accepts once: a header read off the wire can be neither replayed nor moved to another query.
 */
export interface SubgraphRequestTarget {
  /** The subgraph's name (`police`): the header's audience, so it is not accepted by another subgraph. */
  readonly subgraph: string;
  readonly method: string;
  /** The path of the request target, `/graphql`; never the host, which differs behind proxies. */
  readonly path: string;
  readonly body: string | Uint8Array;
}

const headerClaimsSchema = identityClaimsSchema.extend({
  purpose: z.string().max(500).optional(),
  caseNumber: z.string().max(100).optional(),
  htm: z.string().min(1).max(16),
  htp: z.string().min(1).max(200),
  bdh: z.string().length(43),
  jti: z.string().min(16).max(64),
  exp: z.number().int(),
});

function secretKey(secret: string): Uint8Array {
  const key = new TextEncoder().encode(secret);
  if (key.length < minimumIdentitySecretBytes) {
    throw new DongseonError('DS_CONFIG_INVALID', `the identity header secret must hold at least ${minimumIdentitySecretBytes} bytes`);
  }
  return key;
}

const audienceOf = (target: SubgraphRequestTarget) => `dongseon-subgraph:${target.subgraph}`;

/** SHA-256 of the exact bytes sent, base64url. */
export function bodyDigest(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

/** Signs who is asking and why, for one subgraph request (method, path, body, fresh nonce), valid for a minute. */
export async function signIdentityHeader(access: RequestAccess, secret: string, target: SubgraphRequestTarget): Promise<string> {
  return new SignJWT({
    ...claimsFromIdentity(access.identity),
    ...(access.purpose ? { purpose: access.purpose } : {}),
    ...(access.caseNumber ? { caseNumber: access.caseNumber } : {}),
    htm: target.method.toUpperCase(),
    htp: target.path,
    bdh: bodyDigest(target.body),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(issuer)
    .setAudience(audienceOf(target))
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${identityHeaderLifetimeSeconds}s`)
    .sign(secretKey(secret));
}

/**
 * Verifies the gateway's signature, that the header was signed for this very request, and that its nonce is
 * used for the first time (recorded in `nonces` until the header expires). Anything else is DS_AUTH_UNAUTHENTICATED;
 * a second use is DS_AUTH_IDENTITY_REPLAYED.
 */
export async function verifyIdentityHeader(
  header: string | undefined, secret: string, target: SubgraphRequestTarget, nonces: IdentityNonceLedger,
): Promise<RequestAccess> {
  if (!header) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `missing ${identityHeaderName} header`);
  let claims: z.infer<typeof headerClaimsSchema>;
  try {
    const { payload } = await jwtVerify(header, secretKey(secret), { issuer, audience: audienceOf(target), algorithms: ['HS256'], maxTokenAge: `${identityHeaderLifetimeSeconds + 5}s` });
    claims = headerClaimsSchema.parse(payload);
  } catch {
    throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `${identityHeaderName} header is not valid`);
  }
  if (claims.htm !== target.method.toUpperCase() || claims.htp !== target.path || claims.bdh !== bodyDigest(target.body)) {
    throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `${identityHeaderName} header was signed for another request`);
  }
  if (!(await nonces.claim(claims.jti, claims.exp))) {
    throw new DongseonError('DS_AUTH_IDENTITY_REPLAYED', `${identityHeaderName} header was already used`);
  }
  return {
    identity: identityFromClaims(claims),
    ...(claims.purpose ? { purpose: claims.purpose } : {}),
    ...(claims.caseNumber ? { caseNumber: claims.caseNumber } : {}),
  };
}
