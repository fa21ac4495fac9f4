import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraRead } from '../../domain/ingest/index.js';
import { edgeReadStoreFile } from './edge-read-store.js';
import { openThreadedEdgeReadStore } from './threaded-read-store.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-threaded-store-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const read = (readId: string): CameraRead => ({
  readId, cameraId: 'cam-1', capturedAt: '2026-12-07T09:00:00.000Z', capturedAtMs: Date.parse('2026-12-07T09:00:00Z'),
  receivedAt: '2026-12-07T09:00:01.000Z', receivedAtMs: Date.parse('2026-12-07T09:00:01Z'), candidates: [{ text: '12가3456', confidence: 0.9 }],
});

describe('the read store with its writes in a worker thread', () => {
  it('stores and marks through the writer, and the node\'s own connection sees what it committed', async () => {
    const store = await openThreadedEdgeReadStore({ file: edgeReadStoreFile(dir, 'suwon'), municipalityId: 'suwon' });
    try {
      expect((await store.storeReads([read('t1'), read('t2')])).sort()).toEqual(['t1', 't2']);
      expect(await store.storeReads([read('t1'), read('t3')])).toEqual(['t3']);
      await store.markHits([{ readId: 't2', hitId: 'suwon:t2:wv-1' }, { readId: 'later', hitId: 'suwon:later:wv-1' }]);
      expect(await store.countReads()).toBe(3);
      expect(await store.storedReads(['t2'])).toMatchObject([{ readId: 't2', hitIds: ['suwon:t2:wv-1'] }]);
      expect(await store.readsOfPlate('12가3456', 0, Date.now())).toHaveLength(3);
      // Many writes in flight at once come back each with its own answer.
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => store.storeReads([read(`c${i}`)])));
      expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => [`c${i}`]));
    } finally {
      store.close();
    }
  });
});
