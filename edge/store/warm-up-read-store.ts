import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { CameraRead } from '../../domain/ingest/index.js';
import { createEdgeReadStore } from './edge-read-store.js';

export interface ReadStoreWarmUpOptions {
  /** How long to write at most; the last write may end a little later. */
  readonly durationMs: number;
  /** Ends the warm-up early (after the write in flight): the node is about to take reads. */
  readonly signal?: AbortSignal;
  readonly readsPerWrite?: number;
}

export interface ReadStoreWarmUp {
  readonly writes: number;
  readonly reads: number;
  /** Reads per second of the last write, when there was one: how warm the server got. */
  readonly lastReadsPerSec?: number;
}

/** The scratch municipality a node warms up under: its own label space, never one a camera could write to. */
export const warmUpMunicipalityOf = (municipalityId: string): string => `warmup${municipalityId}`.slice(0, 31);

/**
 * Writes throwaway reads through the very write path of the edge store, under a scratch label of its own, and then
 * deletes them. A Neo4j that has just started (a fresh stack, or any restart) stores reads several times slower
 * for its first minute or two, until the JVM has compiled the write path; the edge runs this while it loads its
 * hotlist and stops it when ingest opens (a warm-up beside live reads would only take CPU from them), so the first
 * reads from cameras meet a warmer server. Nothing of it is ever aggregated or searched.
 */
export async function warmUpReadStore(driver: Driver, municipalityId: string, options: ReadStoreWarmUpOptions): Promise<ReadStoreWarmUp> {
  const store = createEdgeReadStore(driver, warmUpMunicipalityOf(municipalityId));
  await store.ensureSchema();
  const readsPerWrite = options.readsPerWrite ?? 2_000;
  const run = randomBytes(4).toString('hex');
  const endAt = Date.now() + options.durationMs;
  let writes = 0;
  let lastReadsPerSec: number | undefined;
  try {
    while (Date.now() < endAt && options.signal?.aborted !== true) {
      const now = Date.now();
      const reads: CameraRead[] = Array.from({ length: readsPerWrite }, (_, i) => ({
        readId: `warmup-${run}-${writes}-${i}`, cameraId: `warmup-${i % 8}`,
        capturedAt: new Date(now).toISOString(), capturedAtMs: now, receivedAt: new Date(now).toISOString(), receivedAtMs: now,
        candidates: [{ text: `${10 + (i % 89)}가${String(i).padStart(4, '0')}`, confidence: 0.9 }],
      }));
      const started = performance.now();
      await store.storeReads(reads);
      lastReadsPerSec = Math.round((readsPerWrite * 1000) / (performance.now() - started));
      writes++;
    }
  } finally {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction, which only session.run gives.
    const session = driver.session();
    try {
      await session.run(`MATCH (r:${store.label}) CALL (r) { DETACH DELETE r } IN TRANSACTIONS OF 10000 ROWS`);
    } finally {
      await session.close();
    }
    await driver.executeQuery('MATCH (s:EdgeStoreState {municipality: $m}) DELETE s', { m: store.municipalityId }, { routing: 'WRITE' });
  }
  return { writes, reads: writes * readsPerWrite, ...(lastReadsPerSec === undefined ? {} : { lastReadsPerSec }) };
}
