import type { Redis } from 'ioredis';
import type { HourlyVolumeEntry } from './hourly-volume-input.js';
import { execTransaction } from '../../runtime/redis/exec-transaction.js';
import { signalsKeys } from './signals-keys.js';

export interface StoredHourlyVolume {
  readonly hourStartMs: number;
  readonly vehicles: number;
}

/** Vehicles counted per approach and clock hour: one sorted set per approach, scored by the hour's start. */
export function createHourlyVolumeStore(redis: Redis) {
  return {
    /** Stores every count in one transaction; a count for an hour already counted replaces it, so replays are safe. */
    async record(entries: readonly HourlyVolumeEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const transaction = redis.multi();
      for (const { approachId, hourStartMs, vehicles } of entries) {
        const key = signalsKeys.hourlyVolumes(approachId);
        transaction.zremrangebyscore(key, hourStartMs, hourStartMs).zadd(key, hourStartMs, `${hourStartMs}:${vehicles}`);
      }
      await execTransaction(transaction);
    },

    /** The counts of hours starting in [fromMs, toMs), oldest first. */
    async range(approachId: string, fromMs: number, toMs: number): Promise<StoredHourlyVolume[]> {
      const members = await redis.zrangebyscore(signalsKeys.hourlyVolumes(approachId), fromMs, `(${toMs}`);
      return members.map((member) => {
        const [hourStartMs, vehicles] = member.split(':').map(Number);
        return { hourStartMs: hourStartMs ?? Number.NaN, vehicles: vehicles ?? Number.NaN };
      });
    },
  };
}

export type HourlyVolumeStore = ReturnType<typeof createHourlyVolumeStore>;
