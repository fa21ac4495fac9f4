import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionVariants, createPlateHasher } from '../plates/index.js';
import { anyCanonicalPlate } from '../plates/plate-arbitraries.js';
import { loadKeyedHotlist, matchPlateRead, publishKeyedHotlist, type ClearHotlistEntry } from './index.js';

const hasher = createPlateHasher('test-key', randomBytes(32));
const indexOf = (entries: ClearHotlistEntry[], maxSubstitutions = 1) =>
  loadKeyedHotlist(publishKeyedHotlist(entries, hasher, { maxSubstitutions }));
const read = (text: string, confidence = 0.9) => [{ text, confidence }];

describe('matching a read against the keyed hotlist', () => {
  const index = indexOf([
    { ref: 'stolen-1', plate: '123가4567' },
    { ref: 'rental-2', plate: '123허4567' },
    { ref: 'twin-3', plate: '123거4567' },
  ]);

  it('an exact read is an exact hit', () => {
    expect(matchPlateRead(read('123가 4567'), index, hasher)[0]).toEqual({
      kind: 'exact', refs: ['stolen-1'], candidateIndex: 0, confidence: 0.9,
    });
  });

  it('a read one confusion away is a possible hit that names the substitution', () => {
    expect(matchPlateRead(read('723가4567'), index, hasher)).toEqual([{
      kind: 'possible', refs: ['stolen-1'], candidateIndex: 0, confidence: 0.9, cost: 1,
      substitutions: [{ position: 0, read: '7', truth: '1', confusion: '1/7', cost: 1 }],
    }]);
  });

  it('a rental plate whose 허 was read as 0 is found although the read is not grammatical', () => {
    const [match] = matchPlateRead(read('12304567'), index, hasher);
    expect(match).toMatchObject({ kind: 'possible', refs: ['rental-2'] });
  });

  it('an exact hit on one plate still reports possible hits on listed look-alikes', () => {
    const matches = matchPlateRead(read('123가4567'), index, hasher);
    expect(matches.map((m) => [m.kind, m.refs[0]])).toEqual([['exact', 'stolen-1'], ['possible', 'twin-3']]);
  });

  it('every top-k candidate is matched; the best evidence per plate wins', () => {
    const matches = matchPlateRead([{ text: '723가4567', confidence: 0.7 }, { text: '123가4567', confidence: 0.2 }], index, hasher);
    expect(matches[0]).toMatchObject({ kind: 'exact', refs: ['stolen-1'], candidateIndex: 1 });
  });

  it('a plate two confusions away is no hit under a one-substitution hotlist', () => {
    expect(matchPlateRead(read('723고4567'), indexOf([{ ref: 'a', plate: '123가4567' }]), hasher)).toEqual([]);
    expect(matchPlateRead(read('723고4567'), indexOf([{ ref: 'a', plate: '123가4567' }], 2), hasher)[0]).toMatchObject({ kind: 'possible', cost: 2 });
  });

  it('illegal candidates are skipped, not fatal', () => {
    expect(matchPlateRead(read('<script>'), index, hasher)).toEqual([]);
  });

  it('two entries listing one plate are both named', () => {
    const shared = indexOf([{ ref: 'case-1', plate: '55너5555' }, { ref: 'case-2', plate: '55너5555' }]);
    expect(matchPlateRead(read('55너5555'), shared, hasher)[0]?.refs).toEqual(['case-1', 'case-2']);
  });

  it('finds exactly what exhaustive variant hashing finds (property)', () => {
    fc.assert(fc.property(fc.uniqueArray(anyCanonicalPlate, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 29 }), fc.boolean(),
      (plates, pick, perturb) => {
        const entries = plates.map((plate, i) => ({ ref: `e${i}`, plate }));
        const listed = new Map(entries.map((e) => [e.plate, e.ref]));
        const base = plates[pick % plates.length] as string;
        const text = perturb ? (confusionVariants(base)[1]?.plate ?? base) : base;
        const expected = confusionVariants(text).filter((v) => listed.has(v.plate)).map((v) => listed.get(v.plate)).sort();
        const actual = matchPlateRead(read(text), indexOf(entries), hasher).map((m) => m.refs[0]).sort();
        expect(actual).toEqual(expected);
      }), { numRuns: 150 });
  });
});

describe('loading a keyed hotlist snapshot', () => {
  it('refuses a snapshot whose arrays disagree, with a coded error', () => {
    const snapshot = publishKeyedHotlist([{ ref: 'a', plate: '123가4567' }], hasher);
    expect(() => loadKeyedHotlist({ ...snapshot, misreadPositions: snapshot.misreadPositions.subarray(1) }))
      .toThrow(expect.objectContaining({ code: 'DS_HOTLIST_SNAPSHOT_INVALID' }));
    expect(() => loadKeyedHotlist({ ...snapshot, misreadPositions: new Uint16Array(snapshot.misreadPositions.length) }))
      .toThrow(expect.objectContaining({ code: 'DS_HOTLIST_SNAPSHOT_INVALID' }));
  });

  it('publishes no plate in clear', () => {
    const snapshot = publishKeyedHotlist([{ ref: 'entry-9', plate: '123가4567' }], hasher);
    const published = JSON.stringify({ ...snapshot, exactDigests: [...snapshot.exactDigests], misreadDigests: [...snapshot.misreadDigests] });
    expect(published).not.toContain('123가4567');
  });
});
