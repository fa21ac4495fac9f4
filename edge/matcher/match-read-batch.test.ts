import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CameraRead, Sighting } from '../../domain/ingest/index.js';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { createPlateKeyRing, hasherFor } from '../../domain/plates/keyed-plate-hash.js';
import { encodeHotlistPublication } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { aggregateBatchJobSchema, hitBatchJobSchema } from '../../runtime/queues/pipeline-jobs.js';
import { loadHotlist, matchFullPlates, matchPartialPlates } from '../hotlist/loaded-hotlist.js';
import { aggregateBatchJobOf, forwardedHitsOf, hitBatchJobsOf, hitIdOf, substitutionText, type SightingMatcher } from './match-read-batch.js';

const ring = createPlateKeyRing('k', { k: randomBytes(32) });
const loaded = loadHotlist(encodeHotlistPublication({
  header: { version: 1, keyId: 'k', createdAt: new Date().toISOString(), maxSubstitutions: 1, entryCount: 3 },
  snapshot: publishKeyedHotlist([{ ref: 'stolen-1', plate: '123가4567' }, { ref: 'stolen-2', plate: '12가3456' }], hasherFor(ring)),
  partialPatterns: [{ ref: 'witness-1', pattern: '45나67??' }],
}), ring);
const hotlist: SightingMatcher = {
  match: (candidates) => matchFullPlates(loaded, candidates),
  matchPartial: (candidates) => matchPartialPlates(loaded, candidates),
};

const capturedAt = '2026-03-01T09:00:00.000Z';
function sightingOf(readId: string, text: string, readIds = [readId]) {
  const bestRead: CameraRead = {
    readId, cameraId: 'cam-1', capturedAt, capturedAtMs: Date.parse(capturedAt),
    receivedAt: '2026-03-01T09:00:01.000Z', receivedAtMs: Date.parse(capturedAt) + 1000,
    candidates: [{ text, confidence: 0.9 }], plateImageRef: `plates/${readId}.jpg`,
  };
  const sighting: Sighting = {
    cameraId: 'cam-1', plate: text, firstCapturedAtMs: bestRead.capturedAtMs, lastCapturedAtMs: bestRead.capturedAtMs,
    bestReadId: readId, bestConfidence: 0.9, candidates: bestRead.candidates, plateImageRef: `plates/${readId}.jpg`, readIds,
  };
  return { sighting, bestRead };
}

describe('substitutionText', () => {
  it.each([
    [[{ position: 2, read: '고', truth: '가', confusion: 'ㄱ vowels', cost: 1 }], '고→가 at position 3'],
    [[{ position: 0, read: '7', truth: '1', confusion: '1/7', cost: 1 }, { position: 6, read: '8', truth: '6', confusion: '6/8', cost: 1 }], '7→1 at position 1, 8→6 at position 7'],
  ])('names each confusion and its 1-based position', (substitutions, text) => {
    expect(substitutionText(substitutions)).toBe(text);
  });
});

describe('forwardedHitsOf', () => {
  it('forwards an exact hit with its evidence', () => {
    expect(forwardedHitsOf('suwon', sightingOf('r1', '123가4567', ['r0', 'r1', 'r2']), hotlist)).toEqual([{
      hitId: 'suwon:r1:stolen-1', wantedVehicleId: 'stolen-1', kind: 'FULL_PLATE', matchKind: 'EXACT', confidence: 0.9,
      cameraId: 'cam-1', municipalityId: 'suwon', capturedAt, receivedAt: '2026-03-01T09:00:01.000Z',
      evidence: { readId: 'r1', readText: '123가4567', plateImageRef: 'plates/r1.jpg', collapsedReads: 3 },
    }]);
  });

  it('forwards a misread as a possible hit that says which confusion made it', () => {
    expect(forwardedHitsOf('suwon', sightingOf('r2', '12고3456'), hotlist)).toMatchObject([
      { hitId: 'suwon:r2:stolen-2', kind: 'FULL_PLATE', matchKind: 'POSSIBLE', substitution: '고→가 at position 3', evidence: { readText: '12고3456' } },
    ]);
  });

  it('forwards a partial-plate hit', () => {
    expect(forwardedHitsOf('suwon', sightingOf('r3', '45나6789'), hotlist)).toMatchObject([
      { hitId: 'suwon:r3:witness-1', wantedVehicleId: 'witness-1', kind: 'PARTIAL_PLATE', matchKind: 'EXACT' },
    ]);
  });

  it('forwards an exact match of a read the edge recognised from frames that did not agree as a possible hit, saying so', () => {
    const { sighting, bestRead } = sightingOf('rec-1', '123가4567');
    const unconfirmed = { sighting, bestRead: { ...bestRead, recognition: { status: 'possible' as const, frames: 1 } } };
    expect(forwardedHitsOf('suwon', unconfirmed, hotlist)).toMatchObject([
      { matchKind: 'POSSIBLE', substitution: 'unconfirmed recognition: 1 frame without agreement', evidence: { readId: 'rec-1' } },
    ]);
    const confirmed = { sighting, bestRead: { ...bestRead, recognition: { status: 'confirmed' as const, frames: 4 } } };
    expect(forwardedHitsOf('suwon', confirmed, hotlist)).toMatchObject([{ matchKind: 'EXACT' }]);
    expect(forwardedHitsOf('suwon', confirmed, hotlist)[0]).not.toHaveProperty('substitution');
  });

  it('forwards nothing for a read that hits nothing', () => {
    expect(forwardedHitsOf('suwon', sightingOf('r4', '99너1234'), hotlist)).toEqual([]);
  });
});

describe('hit and job ids', () => {
  it('are the same however often, and in whatever order, the same hits are built', () => {
    const hits = [sightingOf('r1', '123가4567'), sightingOf('r3', '45나6789')].flatMap((s) => forwardedHitsOf('suwon', s, hotlist));
    const again = [sightingOf('r3', '45나6789'), sightingOf('r1', '123가4567')].flatMap((s) => forwardedHitsOf('suwon', s, hotlist));
    const [first] = hitBatchJobsOf('suwon', hits);
    const [second] = hitBatchJobsOf('suwon', again);
    expect(first?.jobId).toBe(second?.jobId);
    expect(first?.jobId).toMatch(/^hits-suwon-[0-9a-f]{32}$/);
    expect(first?.job).toEqual(second?.job);
    expect(hitBatchJobSchema.parse(first?.job)).toEqual(first?.job);
    expect(hitIdOf('suwon', 'r1', 'stolen-1')).toBe('suwon:r1:stolen-1');
  });

  it('makes no job when nothing hit', () => {
    expect(hitBatchJobsOf('suwon', [])).toEqual([]);
  });
});

describe('aggregateBatchJobOf', () => {
  it('counts reads and transitions without a plate or a pseudonym', () => {
    const t0 = Date.parse(capturedAt);
    const reads = ['123가4567', '12가3456', '45나6789'].flatMap((plate, i) => [
      { readId: `a${i}`, cameraId: 'cam-a', capturedAtMs: t0 + i * 1000, receivedAtMs: t0, plate, hit: false },
      { readId: `b${i}`, cameraId: 'cam-b', capturedAtMs: t0 + 60_000 + i * 1000, receivedAtMs: t0, plate, hit: false },
    ]);
    const { jobId, job } = aggregateBatchJobOf('suwon', reads, randomBytes(32), { maxGapMs: 30 * 60_000, minimumCount: 1 });
    expect(aggregateBatchJobSchema.parse(job)).toEqual(job);
    expect(job.hourlyCounts).toEqual([
      { cameraId: 'cam-a', hourStart: capturedAt, reads: 3 },
      { cameraId: 'cam-b', hourStart: capturedAt, reads: 3 },
    ]);
    expect(job.transitions).toEqual([{ fromCameraId: 'cam-a', toCameraId: 'cam-b', hourOfDayUtc: 9, count: 3, meanSeconds: 60, medianSeconds: 60, p90Seconds: 60 }]);
    expect(jobId).toBe(aggregateBatchJobOf('suwon', [...reads].reverse(), randomBytes(32)).jobId);
    const json = JSON.stringify(job);
    for (const { plate } of reads) expect(json).not.toContain(plate);
  });
});
