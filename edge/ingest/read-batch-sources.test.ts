import { describe, expect, it } from 'vitest';
import { defaultReadValidationPolicy } from '../../domain/ingest/index.js';
import { cameraHealthOf } from './camera-health.js';
import { readBatchId } from './enqueue-read-batch.js';
import { validateCameraBatch, validateNgsiLdBatch, validateTopicBatch } from './read-batch-sources.js';

const now = Date.parse('2026-03-01T09:00:00Z');
const known = (id: string) => id === 'cam-1';
const read = (readId: string, cameraId = 'cam-1') =>
  ({ readId, cameraId, capturedAt: '2026-03-01T08:59:00Z', candidates: [{ text: '123가4567', confidence: 0.9 }] });
const entity = (id: string, device = 'urn:ngsi-ld:Device:cam-1') =>
  ({ id, type: 'AnprFlowObserved', dateObserved: '2026-03-01T08:59:00Z', refDevice: device, licensePlate: '123가4567' });

describe('validateTopicBatch', () => {
  it('refuses a read claiming another camera than the topic, at its own index', () => {
    const result = validateTopicBatch([read('a'), read('b', 'cam-2'), read('c')], 'cam-1', defaultReadValidationPolicy, known, now);
    expect(result.accepted.map((r) => r.readId)).toEqual(['a', 'c']);
    expect(result.rejected).toEqual([{ index: 1, readId: 'b', code: 'DS_READ_MALFORMED', message: 'cameraId: not the camera named by the topic' }]);
  });

  it('takes a single read as a batch of one', () => {
    expect(validateTopicBatch(read('a'), 'cam-1', defaultReadValidationPolicy, known, now).accepted).toHaveLength(1);
  });
});

describe('validateCameraBatch', () => {
  it('finding 2: refuses a read of another camera than the credential\'s (DS_CAMERA_FORBIDDEN), at its own index', () => {
    const result = validateCameraBatch([read('a'), read('b', 'cam-2'), read('c', '<bad id>')], 'cam-1', defaultReadValidationPolicy, known, now);
    expect(result.accepted.map((r) => r.readId)).toEqual(['a']);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([[1, 'DS_CAMERA_FORBIDDEN'], [2, 'DS_READ_MALFORMED']]);
  });
});

describe('validateNgsiLdBatch', () => {
  it('keeps indices of the sent batch across mapping and validation failures', () => {
    const result = validateNgsiLdBatch(
      [{ type: 'Nope' }, entity('urn:ngsi-ld:AnprFlowObserved:1'), entity('urn:ngsi-ld:AnprFlowObserved:2', 'cam-9')],
      'cam-1', defaultReadValidationPolicy, known, now,
    );
    expect(result.accepted.map((r) => r.readId)).toEqual(['urn:ngsi-ld:AnprFlowObserved:1']);
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([[0, 'DS_READ_MALFORMED'], [2, 'DS_CAMERA_FORBIDDEN']]);
  });

  it('refuses a batch over the item limit before mapping anything', () => {
    const result = validateNgsiLdBatch([entity('a'), entity('b')], 'cam-1', { ...defaultReadValidationPolicy, maxBatchItems: 1 }, known, now);
    expect(result.batchProblem?.code).toBe('DS_BATCH_TOO_LARGE');
  });
});

describe('readBatchId', () => {
  it('is the same whatever order the reads came in', () => {
    const batch = validateTopicBatch([read('a'), read('b')], 'cam-1', defaultReadValidationPolicy, known, now).accepted;
    expect(readBatchId(batch)).toBe(readBatchId([...batch].reverse()));
    expect(readBatchId(batch)).not.toBe(readBatchId(batch.slice(1)));
  });
});

describe('cameraHealthOf', () => {
  const minutes = (n: number) => now - n * 60_000;
  it('marks a camera silent when neither a heartbeat nor a read came within the period, or never', () => {
    const rows = cameraHealthOf({
      heartbeats: new Map([['cam-1', minutes(1)], ['cam-2', minutes(10)]]),
      lastReads: new Map([['cam-2', minutes(6)], ['cam-3', minutes(2)]]),
      readsLastHour: new Map([['cam-3', 7]]),
    }, ['cam-1', 'cam-2', 'cam-3', 'cam-4'], now, 5 * 60_000);
    expect(rows.map((row) => [row.cameraId, row.silent, row.readsLastHour])).toEqual([
      ['cam-1', false, 0], ['cam-2', true, 0], ['cam-3', false, 7], ['cam-4', true, 0],
    ]);
    expect(rows[3]).toMatchObject({ lastHeartbeatAt: null, lastReadAt: null });
  });
});
