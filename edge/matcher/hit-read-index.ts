import type { Redis } from 'ioredis';

/** A read known to be part of a forwarded pass, with every hit of that pass. */
export interface HitRead {
  readonly readId: string;
  readonly capturedAtMs: number;
  readonly hitIds: readonly string[];
}

export interface HitReadIndex {
  /** The hit ids of those of `reads` that are part of a forwarded pass, by read id. */
  hitIdsOf(reads: readonly { readonly readId: string; readonly capturedAtMs: number }[]): Promise<Map<string, string[]>>;
  record(hitReads: readonly HitRead[]): Promise<void>;
}

const hourMs = 60 * 60 * 1000;
/**
 * How long a capture hour's entries are kept after the hour: past the oldest read the edge accepts (24 h) with a
 * day to spare for a backlog in the reads queue.
 */
const keptAfterHourMs = 48 * hourMs;

/**
 * Which reads the matcher has already forwarded as part of a hit, in the edge's Redis: one hash per capture hour
 * (`ds:edge:<municipality>:hit-reads:<hour>`, read id → JSON hit ids) that expires two days after the hour.
 *
 * It is what keeps a replay from matching again: the matcher no longer learns from the store which reads are new
 * (it matches before the store has them), so a read already forwarded — in a batch sent again under another id, a
 * retried job, or a job taken back from a matcher that died — is recognised here, is not matched again and gets
 * its hit marks once more on its way to the store. Only hit reads are recorded, so the index stays small.
 */
export function createHitReadIndex(redis: Redis, municipalityId: string): HitReadIndex {
  const keyOf = (hour: number): string => `ds:edge:${municipalityId}:hit-reads:${hour}`;
  const hourOf = (capturedAtMs: number): number => Math.floor(capturedAtMs / hourMs);
  return {
    async hitIdsOf(reads) {
      const byHour = new Map<number, string[]>();
      for (const read of reads) {
        const hour = hourOf(read.capturedAtMs);
        const ids = byHour.get(hour);
        if (ids) ids.push(read.readId);
        else byHour.set(hour, [read.readId]);
      }
      const found = new Map<string, string[]>();
      if (byHour.size === 0) return found;
      const hours = [...byHour];
      const pipeline = redis.pipeline();
      for (const [hour, ids] of hours) pipeline.hmget(keyOf(hour), ...ids);
      const answers = (await pipeline.exec()) ?? [];
      for (const [i, [error, values]] of answers.entries()) {
        if (error) throw error;
        const ids = hours[i]?.[1] ?? [];
        (values as (string | null)[]).forEach((value, j) => {
          if (value !== null) found.set(ids[j] as string, JSON.parse(value) as string[]);
        });
      }
      return found;
    },
    async record(hitReads) {
      if (hitReads.length === 0) return;
      const pipeline = redis.pipeline();
      const hours = new Set<number>();
      for (const read of hitReads) {
        const hour = hourOf(read.capturedAtMs);
        hours.add(hour);
        pipeline.hset(keyOf(hour), read.readId, JSON.stringify([...read.hitIds].sort()));
      }
      for (const hour of hours) pipeline.pexpireat(keyOf(hour), (hour + 1) * hourMs + keptAfterHourMs);
      for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
    },
  };
}
