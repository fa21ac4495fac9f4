import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { parseHitDecisionLogEntry, type HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { hitDecisionJobIdOf } from '../../runtime/queues/pipeline-jobs.js';

/** The part of a BullMQ queue the relay uses: adding a job under an id, a no-op while the queue knows that id. */
export interface HitDecisionQueue {
  add(name: string, data: HitDecisionEvent, options: { jobId: string }): Promise<unknown>;
}

export interface HitDecisionRelayOptions {
  /**
   * A connection of the relay's own: it blocks on XREADGROUP. The relay disconnects it on close.
   */
  readonly redis: Redis;
  /** The decision log the police hit store appends to (`ds:hit-decisions:log`). */
  readonly streamKey: string;
  /** The consumer group; every graph writer replica joins the same one. */
  readonly group: string;
  /** This relay's name in the group; unique per process. */
  readonly consumer?: string;
  readonly queue: HitDecisionQueue;
  /** How long another consumer's entry must be pending before this one takes it over (a crashed replica's). */
  readonly reclaimIdleMs: number;
  /** How long one read waits for new entries. */
  readonly blockMs?: number;
  readonly log?: (line: string) => void;
}

export interface HitDecisionRelay {
  /** Entries enqueued and acknowledged since the start. */
  readonly relayed: number;
  close(): Promise<void>;
}

/** The consumer group of the graph writers on the decision log. */
export const hitDecisionRelayGroup = 'graph-writer';

type StreamEntry = [id: string, fields: string[] | null];

const batchSize = 100;

/**
 * Moves each decision the police hit store has recorded to the decision stage's queue, so that a decision's effects
 * follow from the decision as stored, whatever failed after the store wrote it. The decision log is read through a
 * consumer group: an entry is acknowledged only after its job is in the queue, so an entry whose enqueue failed, or
 * whose relay crashed before acknowledging, stays pending and is enqueued again, by this relay at its next turn or, once
 * idle for `reclaimIdleMs`, by any relay of the group (XAUTOCLAIM). Enqueueing again is harmless: the job id is the
 * hit's (a hit is decided once), and BullMQ ignores an id it knows (completed jobs are kept for a day, see
 * createQueue). The group starts at the log's beginning, so decisions stored before any graph writer ran are relayed too.
 */
export async function startHitDecisionRelay(options: HitDecisionRelayOptions): Promise<HitDecisionRelay> {
  const { redis, streamKey, group, queue } = options;
  const consumer = options.consumer ?? `graph-writer-${hostname()}-${process.pid}`;
  const blockMs = options.blockMs ?? 2_000;
  const log = options.log ?? console.error;
  const ensureGroup = async () => {
    try {
      await redis.xgroup('CREATE', streamKey, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error as Error).message.startsWith('BUSYGROUP')) throw error;
    }
  };
  await ensureGroup();

  let relayed = 0;
  let stopped = false;

  const relay = async (entries: readonly StreamEntry[]): Promise<void> => {
    for (const [id, fields] of entries) {
      // A pending entry the log has trimmed since (it keeps about 100,000) comes back without fields: nothing to do.
      const event = fields === null ? undefined : parseHitDecisionLogEntry(fields);
      if (event) await queue.add('decision', event, { jobId: hitDecisionJobIdOf(event.hitId) });
      else log(`[hit-decision-relay] ${streamKey} ${id} holds no decision${fields === null ? ' (trimmed)' : ''}; acknowledged without effects`);
      await redis.xack(streamKey, group, id);
      if (event) relayed += 1;
    }
  };

  const entriesOf = (reply: unknown): StreamEntry[] => {
    const streams = reply as [string, StreamEntry[]][] | null;
    return streams?.[0]?.[1] ?? [];
  };

  const turn = async (): Promise<void> => {
    // This consumer's own pending entries first: those whose enqueue failed on an earlier turn.
    await relay(entriesOf(await redis.xreadgroup('GROUP', group, consumer, 'COUNT', batchSize, 'STREAMS', streamKey, '0')));
    // Then entries another consumer left pending too long (it crashed between reading and acknowledging).
    const [, claimed] = await redis.xautoclaim(streamKey, group, consumer, options.reclaimIdleMs, '0-0', 'COUNT', batchSize) as [string, StreamEntry[]];
    await relay(claimed);
    await relay(entriesOf(await redis.xreadgroup('GROUP', group, consumer, 'COUNT', batchSize, 'BLOCK', blockMs, 'STREAMS', streamKey, '>')));
  };

  const loop = (async () => {
    while (!stopped) {
      try {
        await turn();
      } catch (error) {
        if (stopped) break;
        const message = (error as Error).message;
        log(`[hit-decision-relay] ${message}; retrying in 1 s`);
        await sleep(1_000);
        // The stream and its group went (a flushed database, a Redis restarted without its data): start them afresh.
        if (message.startsWith('NOGROUP')) await ensureGroup().catch(() => undefined);
      }
    }
  })();

  return {
    get relayed() {
      return relayed;
    },
    async close() {
      stopped = true;
      // Ends the blocking read at once; an entry read but not yet acknowledged stays pending for the next relay.
      redis.disconnect();
      await loop;
    },
  };
}
