import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { createPlateHasher } from '../../domain/plates/keyed-plate-hash.js';
import { anyCanonicalPlate } from '../../domain/plates/plate-arbitraries.js';
import { decodeHotlistPublication, encodeHotlistPublication, type HotlistPublication, type PartialPlateEntry } from './hotlist-snapshot-codec.js';

const hasher = createPlateHasher('key-a', randomBytes(32));

function publicationOf(plates: readonly string[], partialPatterns: readonly PartialPlateEntry[] = [], maxSubstitutions = 1): HotlistPublication {
  const snapshot = publishKeyedHotlist(plates.map((plate, i) => ({ ref: `wanted-${i}`, plate })), hasher, { maxSubstitutions });
  return {
    header: { version: 7, keyId: snapshot.keyId, createdAt: '2026-03-01T09:00:00.000Z', maxSubstitutions, entryCount: plates.length + partialPatterns.length },
    snapshot,
    partialPatterns,
  };
}

const refusedAsInvalid = (bytes: Uint8Array): boolean => {
  try {
    decodeHotlistPublication(bytes);
    return false;
  } catch (error) {
    return isDongseonError(error, 'DS_HOTLIST_SNAPSHOT_INVALID');
  }
};

const partialEntry = fc.record({ ref: fc.uuid(), pattern: fc.constantFrom('12가34??', '??나5678', '서울12가????') });

describe('the hotlist snapshot codec', () => {
  it('decodes what it encoded, header, digests, references and partial patterns alike', () => {
    fc.assert(fc.property(fc.array(anyCanonicalPlate, { maxLength: 20 }), fc.array(partialEntry, { maxLength: 4 }), fc.integer({ min: 0, max: 2 }),
      (plates, partials, maxSubstitutions) => {
        const publication = publicationOf(plates, partials, maxSubstitutions);
        expect(decodeHotlistPublication(encodeHotlistPublication(publication))).toEqual(publication);
      }), { numRuns: 50 });
  });

  it('refuses any altered byte with DS_HOTLIST_SNAPSHOT_INVALID', () => {
    const encoded = encodeHotlistPublication(publicationOf(['12가3456', '서울12가3456'], [{ ref: 'p-1', pattern: '12가34??' }]));
    fc.assert(fc.property(fc.integer({ min: 0, max: encoded.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
      const corrupt = Buffer.from(encoded);
      corrupt[at] = (corrupt[at] as number) ^ flip;
      expect(refusedAsInvalid(corrupt)).toBe(true);
    }));
  });

  it('refuses truncated, extended, empty and foreign data', () => {
    const encoded = encodeHotlistPublication(publicationOf(['12가3456']));
    for (const bytes of [encoded.subarray(0, encoded.length - 1), Buffer.concat([encoded, Buffer.of(0)]), Buffer.alloc(0), Buffer.from('{"refs":[]}')]) {
      expect(refusedAsInvalid(bytes)).toBe(true);
    }
  });

  it('refuses a header whose entry count disagrees with the entries', () => {
    const publication = publicationOf(['12가3456']);
    const encoded = encodeHotlistPublication({ ...publication, header: { ...publication.header, entryCount: 5 } });
    expect(refusedAsInvalid(encoded)).toBe(true);
  });

  it('carries no listed plate in clear, whole or in its parts', () => {
    fc.assert(fc.property(fc.uniqueArray(anyCanonicalPlate, { minLength: 1, maxLength: 30 }), (plates) => {
      const encoded = encodeHotlistPublication(publicationOf(plates));
      const text = encoded.toString('latin1');
      for (const plate of plates) {
        expect(encoded.includes(Buffer.from(plate, 'utf8'))).toBe(false);
        expect(encoded.includes(Buffer.from(plate, 'utf16le'))).toBe(false);
        expect(text.includes(plate.replace(/\D/gu, ''))).toBe(false);
      }
    }), { numRuns: 50 });
  });
});
