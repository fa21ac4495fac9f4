import type { WorkerOptions } from 'bullmq';
import { z } from 'zod';

/**
 * How soon a job held by a worker that died goes back to its queue: the dead worker's lock on it lapses after the
 * lock duration, and the stalled check another worker runs every stalled interval then returns it. BullMQ's 30 s
 * each suit production; tests that kill workers shorten them.
 */
export const stallRecoveryVariables = {
  DS_QUEUE_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  DS_QUEUE_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
};

export interface StallRecoveryConfig {
  readonly DS_QUEUE_LOCK_DURATION_MS: number;
  readonly DS_QUEUE_STALLED_INTERVAL_MS: number;
}

export type StallRecovery = Required<Pick<WorkerOptions, 'lockDuration' | 'stalledInterval'>>;

/**
 * Hazard: every worker of a queue must run with the same stalled interval (the first check of a round leaves a
 * marker that lives that long), and a lock shorter than a worker's longest event-loop stall makes BullMQ take back
 * a job that is still running.
 */
export const stallRecoveryOf = (config: StallRecoveryConfig): StallRecovery => ({
  lockDuration: config.DS_QUEUE_LOCK_DURATION_MS,
  stalledInterval: config.DS_QUEUE_STALLED_INTERVAL_MS,
});
