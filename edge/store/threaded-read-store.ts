import { Worker } from 'node:worker_threads';
import type { CameraRead } from '../../domain/ingest/index.js';
import { openEdgeReadStore, type EdgeReadStore, type EdgeReadStoreOptions } from './edge-read-store.js';

export interface WriterStart {
  readonly file: string;
  readonly municipalityId: string;
}

type WriterWork =
  | { readonly op: 'store'; readonly reads: readonly CameraRead[] }
  | { readonly op: 'mark'; readonly hits: readonly { readonly readId: string; readonly hitId: string }[] }
  | { readonly op: 'close' };

export type WriterRequest = WriterWork & { readonly id: number };

export type WriterReply = { readonly id: number; readonly created: string[] } | { readonly id: number; readonly error: string };

const writerModule = new URL('./read-store-writer-thread.ts', import.meta.url).href;

/**
 * The edge read store with its two hot writes (storing reads, marking hits) done in a worker thread of their own,
 * on their own connection: a group commit of thousands of reads, and its fsync, then never holds up the event loop
 * that takes camera batches and forwards hits. Everything else (searches, aggregates, evidence, retention) runs on
 * the calling thread's connection; WAL lets both read while one writes.
 */
export async function openThreadedEdgeReadStore(options: EdgeReadStoreOptions): Promise<EdgeReadStore> {
  // The calling thread creates the schema first; the writer opens the existing database.
  const store = openEdgeReadStore(options);
  // The worker loads this project's TypeScript through tsx, as every process of the project does.
  const worker = new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(writerModule)}); })`,
    { eval: true, workerData: { file: options.file, municipalityId: options.municipalityId } satisfies WriterStart },
  );
  const pending = new Map<number, { resolve: (created: string[]) => void; reject: (error: Error) => void }>();
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: WriterReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiting?.reject(new Error(`read store writer: ${reply.error}`));
    else waiting?.resolve(reply.created);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`read store writer exited (${code})`)));
  let nextId = 0;
  const request = (message: WriterWork): Promise<string[]> => {
    if (failure !== undefined) return Promise.reject(failure);
    const id = ++nextId;
    return new Promise<string[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  return {
    ...store,
    async storeReads(reads) {
      return reads.length === 0 ? [] : request({ op: 'store', reads });
    },
    async markHits(hits) {
      if (hits.length > 0) await request({ op: 'mark', hits });
    },
    close() {
      // The writer finishes the commits it was given, closes its connection and is then let go.
      void request({ op: 'close' }).catch(() => undefined).finally(() => void worker.terminate());
      store.close();
    },
  };
}
