import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A camera's credential: `<keyId>.<secret>`, sent as `Authorization: Bearer <keyId>.<secret>` to its edge node and
 * as its MQTT password. The secret is 256 random bits (base64url), shown once when issued; the registry keeps only
 * its SHA-256, so a stolen registry yields no credential. The key id names the credential, so a camera can hold two
 * while it rotates.
 */

export const cameraKeyIdPattern = /^ck_[A-Za-z0-9_-]{16}$/;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;

export interface IssuedSecret {
  readonly keyId: string;
  /** `<keyId>.<secret>`: what the camera sends; never stored. */
  readonly token: string;
  /** Hex SHA-256 of the secret: what the registry stores. */
  readonly secretSha256: string;
}

export const sha256Hex = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function newCameraSecret(): IssuedSecret {
  const keyId = `ck_${randomBytes(12).toString('base64url')}`;
  const secret = randomBytes(32).toString('base64url');
  return { keyId, token: `${keyId}.${secret}`, secretSha256: sha256Hex(secret) };
}

/** The key id and secret of a token, or undefined when it is not of the issued form. */
export function parseCameraToken(token: string): { readonly keyId: string; readonly secret: string } | undefined {
  const dot = token.indexOf('.');
  if (dot < 0) return undefined;
  const keyId = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return cameraKeyIdPattern.test(keyId) && secretPattern.test(secret) ? { keyId, secret } : undefined;
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer ([^\s]{1,200})$/.exec(header);
  return match?.[1];
}

const unknownKeyHash = sha256Hex('no such camera key');

/**
 * True when `secret` hashes to `secretSha256`, compared in constant time. Pass `undefined` for an unknown key id:
 * the same work is done, so timing does not tell a known key id from an unknown one.
 */
export function secretMatches(secret: string, secretSha256: string | undefined): boolean {
  const expected = Buffer.from(secretSha256 ?? unknownKeyHash, 'hex');
  const actual = Buffer.from(sha256Hex(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) && secretSha256 !== undefined;
}

/** `Authorization` header value for a camera token. */
export const cameraAuthorization = (token: string): string => `Bearer ${token}`;
