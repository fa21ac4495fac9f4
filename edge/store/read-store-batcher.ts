import type { CameraRead } from '../../domain/ingest/index.js';
import type { HitMark } from '../../runtime/queues/pipeline-jobs.js';
import type { EdgeReadStore } from './edge-read-store.js';

export interface ReadStoreBatcher {
  /**
   * Stores `reads` in the next write and then applies `hitMarks` (to reads of this write or any other); resolves to
   * the ids of those of `reads` that write created.
   */
  storeReads(reads: readonly CameraRead[], hitMarks?: readonly HitMark[]): Promise<string[]>;
}

export interface ReadStoreBatcherOptions {
  /** The most reads one write takes; more wait for the next. 2,000 unless given. */
  readonly maxReadsPerWrite?: number;
}

interface Waiting {
  readonly reads: readonly CameraRead[];
  readonly hitMarks: readonly HitMark[];
  readonly resolve: (open: string[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the edge store: while one write is in flight, the batches that arrive wait and then go
 * together in one transaction, and their hit marks together in one more. A commit of thousands of reads costs the
 * store little more than a commit of hundreds (one disk sync each), so a busy edge stores many more reads per second.
 */
export function createReadStoreBatcher(store: EdgeReadStore, options: ReadStoreBatcherOptions = {}): ReadStoreBatcher {
  const maxReadsPerWrite = options.maxReadsPerWrite ?? 2_000;
  let waiting: Waiting[] = [];
  let inFlight: Promise<void> | undefined;

  const takeWaiting = (): Waiting[] => {
    let reads = 0;
    let count = 0;
    while (count < waiting.length && (count === 0 || reads + (waiting[count]?.reads.length ?? 0) <= maxReadsPerWrite)) {
      reads += waiting[count]?.reads.length ?? 0;
      count++;
    }
    const taken = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return taken;
  };

  const writeOnce = async (): Promise<void> => {
    const taken = takeWaiting();
    try {
      const reads = taken.flatMap((w) => w.reads);
      const created = new Set(reads.length > 0 ? await store.storeReads(reads) : []);
      const hitMarks = taken.flatMap((w) => w.hitMarks);
      if (hitMarks.length > 0) await store.markHits(hitMarks);
      for (const w of taken) w.resolve(w.reads.filter((read) => created.has(read.readId)).map((read) => read.readId));
    } catch (error) {
      for (const w of taken) w.reject(error);
    }
  };

  const drain = (): Promise<void> => {
    inFlight ??= (async () => {
      try {
        while (waiting.length > 0) await writeOnce();
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    storeReads(reads, hitMarks = []) {
      const stored = new Promise<string[]>((resolve, reject) => waiting.push({ reads, hitMarks, resolve, reject }));
      void drain();
      return stored;
    },
  };
}
