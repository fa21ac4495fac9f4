import { describe, expect, it } from 'vitest';
import { bearerTokenOf, newCameraSecret, parseCameraToken, secretMatches, sha256Hex } from './camera-credential.js';

describe('camera credentials', () => {
  it('issues <keyId>.<secret> with 256 random bits and stores only the SHA-256 of the secret', () => {
    const issued = newCameraSecret();
    const parsed = parseCameraToken(issued.token);
    expect(parsed?.keyId).toBe(issued.keyId);
    expect(Buffer.from(parsed?.secret ?? '', 'base64url')).toHaveLength(32);
    expect(issued.secretSha256).toBe(sha256Hex(parsed?.secret ?? ''));
    expect(newCameraSecret().token).not.toBe(issued.token);
  });

  it('matches the secret only against its own hash, and never an unknown key', () => {
    const issued = newCameraSecret();
    const secret = parseCameraToken(issued.token)?.secret ?? '';
    expect(secretMatches(secret, issued.secretSha256)).toBe(true);
    expect(secretMatches(secret, newCameraSecret().secretSha256)).toBe(false);
    expect(secretMatches(secret, undefined)).toBe(false);
  });

  it.each([
    '', 'ck_', 'nodot', 'ck_short.secret', `ck_${'a'.repeat(16)}.${'b'.repeat(42)}`, `ck_${'a'.repeat(16)}.${'b'.repeat(43)}.x`,
    `xx_${'a'.repeat(16)}.${'b'.repeat(43)}`, `ck_${'a'.repeat(16)}.${'b'.repeat(42)}=`,
  ])('refuses the malformed token %j', (token) => {
    expect(parseCameraToken(token)).toBeUndefined();
  });

  it('takes the token of a Bearer header only', () => {
    expect(bearerTokenOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerTokenOf('Basic abc')).toBeUndefined();
    expect(bearerTokenOf('Bearer a b')).toBeUndefined();
    expect(bearerTokenOf(undefined)).toBeUndefined();
  });
});
