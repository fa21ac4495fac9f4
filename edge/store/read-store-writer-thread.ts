import { parentPort, workerData } from 'node:worker_threads';
import { openEdgeReadStore } from './edge-read-store.js';
import type { WriterReply, WriterRequest, WriterStart } from './threaded-read-store.js';

// The edge's read-store writer, in a worker thread: SQLite commits (and their fsync) block this thread, never the
// node's event loop, where ingest and the matcher forward hits.
const { file, municipalityId } = workerData as WriterStart;
const store = openEdgeReadStore({ file, municipalityId, existing: true });
const port = parentPort;
if (port === null) throw new Error('the read-store writer runs as a worker thread');

port.on('message', (request: WriterRequest) => {
  void (async (): Promise<WriterReply> => {
    try {
      switch (request.op) {
        case 'store':
          return { id: request.id, created: await store.storeReads(request.reads) };
        case 'mark':
          await store.markHits(request.hits);
          return { id: request.id, created: [] };
        case 'close':
          store.close();
          return { id: request.id, created: [] };
      }
    } catch (error) {
      return { id: request.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  })().then((reply) => port.postMessage(reply));
});
