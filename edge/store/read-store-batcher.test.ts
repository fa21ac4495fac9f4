import { describe, expect, it } from 'vitest';
import type { CameraRead } from '../../domain/ingest/index.js';
import type { HitMark } from '../../runtime/queues/pipeline-jobs.js';
import type { EdgeReadStore } from './edge-read-store.js';
import { createReadStoreBatcher } from './read-store-batcher.js';

const read = (readId: string): CameraRead => ({
  readId, cameraId: 'cam-1', capturedAt: '2026-03-31T12:00:00.000Z', capturedAtMs: 0, receivedAt: '2026-03-31T12:00:00.000Z', receivedAtMs: 0,
  candidates: [{ text: '12가3456', confidence: 0.9 }],
});

/** A store whose writes wait until released, recording what each write carried; reads in `closedBefore` count as stored before. */
function recordingStore(closedBefore: ReadonlySet<string> = new Set()) {
  const writes: { readIds?: string[]; marks?: string[] }[] = [];
  const releases: (() => void)[] = [];
  let failNext = false;
  const store = {
    async storeReads(reads: readonly CameraRead[]) {
      writes.push({ readIds: reads.map((r) => r.readId) });
      await new Promise<void>((resolve) => releases.push(resolve));
      if (failNext) {
        failNext = false;
        throw new Error('write failed');
      }
      return reads.map((r) => r.readId).filter((id) => !closedBefore.has(id));
    },
    async markHits(marks: readonly HitMark[]) {
      writes.push({ marks: marks.map((m) => `${m.readId}=${m.hitId}`) });
      await new Promise<void>((resolve) => releases.push(resolve));
    },
  } as unknown as EdgeReadStore;
  const releaseAll = async () => {
    for (let i = 0; i < 20; i++) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { store, writes, releaseAll, failNextWrite: () => { failNext = true; } };
}

describe('the edge store batcher (group commit)', () => {
  it('sends the batches that arrive during a write together in the next one, each getting its own open reads', async () => {
    const { store, writes, releaseAll } = recordingStore(new Set(['b2']));
    const batcher = createReadStoreBatcher(store);
    const a = batcher.storeReads([read('a1')]);
    const b = batcher.storeReads([read('b1'), read('b2')]);
    const c = batcher.storeReads([read('c1')]);
    await releaseAll();
    expect(writes.map((w) => w.readIds)).toEqual([['a1'], ['b1', 'b2', 'c1']]);
    expect(await a).toEqual(['a1']);
    expect(await b).toEqual(['b1']);
    expect(await c).toEqual(['c1']);
  });

  it('never puts more than the limit in one write, unless one batch alone is larger', async () => {
    const { store, writes, releaseAll } = recordingStore();
    const batcher = createReadStoreBatcher(store, { maxReadsPerWrite: 3 });
    const stored = [batcher.storeReads([read('x')]), batcher.storeReads([read('a1'), read('a2')]), batcher.storeReads([read('b1'), read('b2')]),
      batcher.storeReads([read('c1'), read('c2'), read('c3'), read('c4')])];
    await releaseAll();
    await Promise.all(stored);
    expect(writes.map((w) => w.readIds?.length)).toEqual([1, 2, 2, 4]);
  });

  it('rejects the batches of a failed write, and stores them when they come again', async () => {
    const { store, writes, releaseAll, failNextWrite } = recordingStore();
    const batcher = createReadStoreBatcher(store);
    failNextWrite();
    const failed = batcher.storeReads([read('a1')]);
    const failedOutcome = failed.catch((error: unknown) => error);
    await releaseAll();
    expect(await failedOutcome).toEqual(new Error('write failed'));
    const retried = batcher.storeReads([read('a1')]);
    await releaseAll();
    expect(await retried).toEqual(['a1']);
    expect(writes.map((w) => w.readIds)).toEqual([['a1'], ['a1']]);
  });

  it('applies the hit marks of the batches it groups in one write after their reads, and marks alone without a read write', async () => {
    const { store, writes, releaseAll } = recordingStore();
    const batcher = createReadStoreBatcher(store);
    const first = batcher.storeReads([read('a1')]);
    const grouped = [batcher.storeReads([read('b1')], [{ readId: 'b1', hitId: 'h1' }]), batcher.storeReads([], [{ readId: 'a1', hitId: 'h2' }])];
    await releaseAll();
    expect(await first).toEqual(['a1']);
    expect(await Promise.all(grouped)).toEqual([['b1'], []]);
    const marksOnly = batcher.storeReads([], [{ readId: 'z9', hitId: 'h3' }]);
    await releaseAll();
    expect(await marksOnly).toEqual([]);
    expect(writes).toEqual([{ readIds: ['a1'] }, { readIds: ['b1'] }, { marks: ['b1=h1', 'a1=h2'] }, { marks: ['z9=h3'] }]);
  });
});
