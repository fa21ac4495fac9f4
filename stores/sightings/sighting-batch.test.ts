import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { maxSightingBatchSize, sightingBatchOf, type SightingInput } from './sighting-batch.js';

const sighting: SightingInput = {
  id: 'hit-1', vehicleId: 'wv-0001', cameraId: 'cam-suwon-01', capturedAt: '2026-11-25T09:00:00+09:00',
  receivedAt: '2026-11-25T09:00:02+09:00', matchKind: 'EXACT', confidence: 0.93,
};

function refusalOf(batch: unknown): unknown {
  try {
    sightingBatchOf(batch);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('sightingBatchOf', () => {
  it('passes a valid batch as it is', () => {
    expect(sightingBatchOf([sighting, { ...sighting, id: 'hit-2', matchKind: 'POSSIBLE', confidence: 0.6 }])).toHaveLength(2);
  });

  it('keeps the first of repeated ids, as the graph keeps the first write of a sighting', () => {
    expect(sightingBatchOf([sighting, { ...sighting, confidence: 0.1 }])).toEqual([sighting]);
  });

  it.each([
    ['a capture time without offset', { capturedAt: '2026-11-25T09:00:00' }],
    ['30 February', { receivedAt: '2026-02-30T09:00:00+09:00' }],
    ['an unknown match kind', { matchKind: 'FUZZY' }],
    ['confidence above 1', { confidence: 1.5 }],
    ['an empty vehicle id', { vehicleId: '  ' }],
  ])('refuses the whole batch for %s, naming the field', (_, change) => {
    const error = refusalOf([sighting, { ...sighting, id: 'hit-2', ...change }]);
    expect(isDongseonError(error, 'DS_INVALID_INPUT')).toBe(true);
    expect((error as Error).message).toContain(`1.${Object.keys(change)[0]}`);
  });

  it('refuses a batch larger than a worker may send at once', () => {
    const batch = Array.from({ length: maxSightingBatchSize + 1 }, (_, index) => ({ ...sighting, id: `hit-${index}` }));
    expect(isDongseonError(refusalOf(batch), 'DS_INVALID_INPUT')).toBe(true);
  });
});
