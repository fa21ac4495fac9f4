import { createWorker, type QueueWorker, type QueueWorkerOptions } from '../../runtime/queues/create-worker.js';
import { hitAlertProcessor, sightingGraphProcessor, type GraphWriterDependencies } from './graph-writer-processor.js';
import { hitDecisionProcessor } from './hit-decision-processor.js';

export interface GraphWriterQueues {
  /** Stage 1's queue: `ds-region-hits` in production. */
  readonly hits: string;
  /** Stage 2's queue: `ds-region-sightings` in production; `dependencies.sightingBatches` must be a handle on it. */
  readonly sightings: string;
  /** The decision stage's queue: `ds-region-hit-decisions` in production; absent, no decision stage runs. */
  readonly decisions?: string;
}

export interface GraphWriter {
  /** Stage 1: police hit store, alerts, then one job for stage 2. */
  readonly hits: QueueWorker<unknown>;
  /** Stage 2: sighting graph and impossible travel. */
  readonly sightings: QueueWorker<unknown>;
  /** The decision stage: decided hits into the sighting graph, and their 112 CAD follow-ups. */
  readonly decisions?: QueueWorker<unknown>;
  /** Closes every worker (stage 1 first, so that it adds no job stage 2 is no longer there to take). */
  close(force?: boolean): Promise<void>;
}

/**
 * Starts both stages of the graph writer, each a worker with its own slots (`options.sightings` for stage 2), so an
 * alert never waits for a slot held by Neo4j writes. The dependencies stay the caller's to close.
 */
export async function startGraphWriter(
  queues: GraphWriterQueues, dependencies: GraphWriterDependencies,
  options: { readonly hits: QueueWorkerOptions; readonly sightings: QueueWorkerOptions; readonly decisions?: QueueWorkerOptions },
): Promise<GraphWriter> {
  const sightings = await createWorker<unknown>(queues.sightings, sightingGraphProcessor(dependencies), options.sightings);
  let hits: QueueWorker<unknown>;
  let decisions: QueueWorker<unknown> | undefined;
  try {
    if (queues.decisions !== undefined) {
      decisions = await createWorker<unknown>(queues.decisions, hitDecisionProcessor(dependencies), options.decisions ?? options.sightings);
    }
    hits = await createWorker<unknown>(queues.hits, hitAlertProcessor(dependencies), options.hits);
  } catch (error) {
    await decisions?.close(true);
    await sightings.close(true);
    throw error;
  }
  return {
    hits,
    sightings,
    ...(decisions ? { decisions } : {}),
    async close(force = false) {
      try {
        await hits.close(force);
      } finally {
        try {
          await decisions?.close(force);
        } finally {
          await sightings.close(force);
        }
      }
    },
  };
}
