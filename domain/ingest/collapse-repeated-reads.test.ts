import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createReadCollapser, type CameraRead, type Sighting } from './index.js';

const t0 = Date.parse('2025-03-01T09:00:00Z');

function read(readId: string, atSeconds: number, confidence: number, plate = '123가4567', cameraId = 'cam-suwon-01'): CameraRead {
  const capturedAtMs = t0 + atSeconds * 1000;
  return {
    readId, cameraId, capturedAtMs, receivedAtMs: capturedAtMs + 500,
    capturedAt: new Date(capturedAtMs).toISOString(), receivedAt: new Date(capturedAtMs + 500).toISOString(),
    candidates: [{ text: plate, confidence }], plateImageRef: `plates/${readId}.jpg`,
  };
}

const options = { windowMs: 30_000, maxOpenGroups: 1000 };

describe('createReadCollapser', () => {
  it('collapses a burst into one sighting with the best frame and the first capture time', () => {
    const collapser = createReadCollapser(options);
    expect(collapser.add(read('a', 0, 0.7))).toEqual([]);
    expect(collapser.add(read('b', 1, 0.95))).toEqual([]);
    expect(collapser.add(read('c', 25, 0.8))).toEqual([]);
    expect(collapser.add(read('d', 50, 0.6))).toEqual([]);
    expect(collapser.flushBefore(t0 + 80_000)).toEqual([]);
    const [sighting] = collapser.flushBefore(t0 + 80_001);
    expect(sighting).toEqual({
      cameraId: 'cam-suwon-01', plate: '123가4567', firstCapturedAtMs: t0, lastCapturedAtMs: t0 + 50_000,
      bestReadId: 'b', bestConfidence: 0.95, candidates: [{ text: '123가4567', confidence: 0.95 }],
      plateImageRef: 'plates/b.jpg', readIds: ['a', 'b', 'c', 'd'],
    });
    expect(collapser.openGroups).toBe(0);
  });

  it('starts a new sighting after the window and emits the closed one', () => {
    const collapser = createReadCollapser(options);
    collapser.add(read('a', 0, 0.9));
    const emitted = collapser.add(read('b', 31, 0.5));
    expect(emitted.map((s) => s.readIds)).toEqual([['a']]);
    expect(collapser.flushAll().map((s) => s.readIds)).toEqual([['b']]);
  });

  it('keeps other plates and other cameras apart', () => {
    const collapser = createReadCollapser(options);
    collapser.add(read('a', 0, 0.9));
    collapser.add(read('b', 1, 0.9, '12가3456'));
    collapser.add(read('c', 2, 0.9, '123가4567', 'cam-suwon-02'));
    expect(collapser.flushAll().map((s) => s.readIds)).toEqual([['a'], ['b'], ['c']]);
  });

  it('closes the least recently extended group when full', () => {
    const collapser = createReadCollapser({ windowMs: 30_000, maxOpenGroups: 2 });
    collapser.add(read('a', 0, 0.9, '11가1111'));
    collapser.add(read('b', 1, 0.9, '22가2222'));
    collapser.add(read('c', 2, 0.9, '11가1111'));
    expect(collapser.add(read('d', 3, 0.9, '33가3333')).map((s) => s.readIds)).toEqual([['b']]);
    expect(collapser.openGroups).toBe(2);
  });

  it('breaks confidence ties by earliest capture, then smallest read id', () => {
    const collapser = createReadCollapser(options);
    collapser.add(read('z', 5, 0.9));
    collapser.add(read('y', 3, 0.9));
    collapser.add(read('x', 3, 0.9));
    expect(collapser.flushAll()[0]?.bestReadId).toBe('x');
  });

  const anyReads = fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 300 }),
      confidence: fc.constantFrom(0.5, 0.7, 0.9),
      plate: fc.constantFrom('11가1111', '22가2222'),
      camera: fc.constantFrom('cam-suwon-01', 'cam-suwon-02'),
    }),
    { maxLength: 60 },
  ).map((specs) => specs.map((s, i) => read(`r${i}`, s.at, s.confidence, s.plate, s.camera)));

  it('loses no read: every read ends in exactly one sighting, whatever the order and flushes', () => {
    fc.assert(fc.property(anyReads, fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }), fc.integer({ min: 1, max: 5 }), (reads, flushes, capacity) => {
      const collapser = createReadCollapser({ windowMs: 30_000, maxOpenGroups: capacity });
      const sightings: Sighting[] = [];
      reads.forEach((r, i) => {
        sightings.push(...collapser.add(r));
        if (flushes.includes(i)) sightings.push(...collapser.flushBefore(r.capturedAtMs));
      });
      sightings.push(...collapser.flushAll());
      const ids = sightings.flatMap((s) => s.readIds).sort();
      expect(ids).toEqual(reads.map((r) => r.readId).sort());
      expect(collapser.openGroups).toBe(0);
      for (const s of sightings) {
        expect(s.readIds).toContain(s.bestReadId);
        expect(s.lastCapturedAtMs - s.firstCapturedAtMs).toBeGreaterThanOrEqual(0);
      }
    }));
  });

  it('keeps the same frame whatever order a burst arrives in', () => {
    const burst = fc.array(
      fc.record({ at: fc.integer({ min: 0, max: 30 }), confidence: fc.constantFrom(0.5, 0.9) }),
      { minLength: 1, maxLength: 12 },
    ).map((specs) => specs.map((s, i) => read(`r${i}`, s.at, s.confidence)));
    fc.assert(fc.property(burst.chain((reads) => fc.tuple(fc.constant(reads), fc.shuffledSubarray(reads, { minLength: reads.length }))), ([reads, shuffled]) => {
      const collapse = (order: CameraRead[]): Sighting[] => {
        const collapser = createReadCollapser(options);
        const out = order.flatMap((r) => collapser.add(r));
        return [...out, ...collapser.flushAll()];
      };
      const [a] = collapse(reads);
      const [b] = collapse(shuffled);
      expect(collapse(shuffled)).toHaveLength(1);
      expect(b?.bestReadId).toBe(a?.bestReadId);
      expect(b?.firstCapturedAtMs).toBe(a?.firstCapturedAtMs);
      expect([...(b?.readIds ?? [])].sort()).toEqual([...(a?.readIds ?? [])].sort());
    }));
  });
});
