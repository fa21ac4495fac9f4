import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../errors/index.js';
import { createPlateHasher, createPlateKeyRing, hotlistKeyFor } from './index.js';

const reference = (key: Uint8Array, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex').slice(0, 32);

describe('keyed plate hashing (HMAC-SHA256, first 128 bits)', () => {
  it('agrees with node:crypto bit for bit, for any key length and text', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 130 }), fc.string({ maxLength: 90, unit: 'grapheme' }), (key, text) => {
      expect(createPlateHasher('k', key).digestHex(text)).toBe(reference(key, text));
    }), { numRuns: 300 });
  });

  it('agrees at the padding boundaries (55, 56, 63, 64, 65 bytes)', () => {
    const key = randomBytes(32);
    const hasher = createPlateHasher('k', key);
    for (const length of [0, 55, 56, 63, 64, 65, 119, 120, 128]) {
      const text = 'x'.repeat(length);
      expect(hasher.digestHex(text)).toBe(reference(key, text));
    }
  });

  it('refuses keys shorter than 256 bits', () => {
    expect(() => createPlateHasher('short', new Uint8Array(16))).toThrow(/at least 32 bytes/);
  });

  it('differs per key, so a rotated key makes old digests useless', () => {
    const ring = createPlateKeyRing('2026-11', { '2026-10': randomBytes(32), '2026-11': randomBytes(32) });
    const current = hotlistKeyFor(ring, '123가4567');
    const previous = hotlistKeyFor(ring, '123가4567', '2026-10');
    expect(current.keyId).toBe('2026-11');
    expect(previous.keyId).toBe('2026-10');
    expect(current.digest).not.toBe(previous.digest);
    expect(current.digest).toMatch(/^[0-9a-f]{32}$/);
  });

  it('an unknown key id is a coded error', () => {
    const ring = createPlateKeyRing('a', { a: randomBytes(32) });
    try {
      hotlistKeyFor(ring, '123가4567', 'b');
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_HOTLIST_KEY_UNKNOWN')).toBe(true);
    }
    expect(() => createPlateKeyRing('missing', { a: randomBytes(32) })).toThrow(/not in the key ring/);
  });
});
