import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { createPlateKeyRing, hasherFor } from '../../domain/plates/keyed-plate-hash.js';
import { encodeHotlistPublication } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { loadHotlist, matchFullPlates, matchPartialPlates } from './loaded-hotlist.js';

const secrets = { a: randomBytes(32), b: randomBytes(32) };
const ringA = createPlateKeyRing('a', { a: secrets.a });
const ringAB = createPlateKeyRing('b', secrets);

function encoded(keyId: 'a' | 'b', partialPatterns = [{ ref: 'witness-1', pattern: '45나67??' }]) {
  const snapshot = publishKeyedHotlist([{ ref: 'stolen-1', plate: '123가4567' }], hasherFor(ringAB, keyId));
  return encodeHotlistPublication({
    header: { version: 1, keyId, createdAt: new Date().toISOString(), maxSubstitutions: 1, entryCount: 1 + partialPatterns.length },
    snapshot, partialPatterns,
  });
}
const read = (text: string) => [{ text, confidence: 0.9 }];

describe('a hotlist loaded on an edge node', () => {
  it('matches listed plates exactly and their misreads as possible', () => {
    const hotlist = loadHotlist(encoded('a'), ringA);
    expect(matchFullPlates(hotlist, read('123가4567'))).toMatchObject([{ kind: 'exact', refs: ['stolen-1'] }]);
    expect(matchFullPlates(hotlist, read('723가4567'))).toMatchObject([{ kind: 'possible', refs: ['stolen-1'], cost: 1 }]);
    expect(matchFullPlates(hotlist, read('99나1234'))).toEqual([]);
  });

  it('matches partial plates against their wildcards, also through one confusion', () => {
    const hotlist = loadHotlist(encoded('a'), ringA);
    expect(matchPartialPlates(hotlist, read('45나6789'))).toMatchObject([{ kind: 'partial', ref: 'witness-1', pattern: '45나67??', cost: 0 }]);
    expect(matchPartialPlates(hotlist, read('45나6189'))[0]).toMatchObject({ ref: 'witness-1', cost: 1 });
    expect(matchPartialPlates(hotlist, read('12나3456'))).toEqual([]);
  });

  it('refuses a snapshot made under a key it does not hold', () => {
    expect(() => loadHotlist(encoded('b'), ringA)).toThrow(expect.objectContaining({ code: 'DS_HOTLIST_KEY_UNKNOWN' }));
  });

  it('refuses a partial entry that is not a valid pattern', () => {
    expect(() => loadHotlist(encoded('a', [{ ref: 'bad', pattern: '????' }]), ringA)).toThrow(expect.objectContaining({ code: 'DS_HOTLIST_SNAPSHOT_INVALID' }));
  });
});
