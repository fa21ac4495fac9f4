import type { Redis } from 'ioredis';
import { z } from 'zod';
import { hashFieldsOf, readHash, readHashes } from '../police/redis-hash.js';

/** Where the patrol-unit registry keeps its data in Redis. */
export const defaultPatrolKeyPrefix = 'ds:patrol:';

/** A unit whose last report is older than this is stale: its position is shown greyed, never planned with. */
export const patrolStaleAfterMs = 2 * 60 * 1000;

export const patrolUnitRecordSchema = z.object({
  id: z.string(),
  callSign: z.string(),
  registeredAt: z.string(),
  registeredBy: z.string(),
  latitude: z.coerce.number().optional(),
  longitude: z.coerce.number().optional(),
  /** The unit's own clock, as it reported. */
  reportedAt: z.string().optional(),
  reportedAtMs: z.coerce.number().optional(),
  headingDegrees: z.coerce.number().optional(),
  speedKmh: z.coerce.number().optional(),
});

/** A registered unit as stored: the hash under `unit:<id>`, with its latest position once it reported one. */
export type PatrolUnitRecord = z.infer<typeof patrolUnitRecordSchema>;

export interface PatrolPosition {
  readonly latitude: number;
  readonly longitude: number;
  readonly reportedAt: string;
  readonly reportedAtMs: number;
  readonly headingDegrees?: number;
  readonly speedKmh?: number;
}

/** What became of a position report: kept, older than the one held (kept out), or for a unit not registered. */
export type PositionReportOutcome = 'recorded' | 'older' | 'missing';

export interface PatrolUnitStore {
  /** Registers a unit unless its id is taken; false when it was. */
  register(unit: Pick<PatrolUnitRecord, 'id' | 'callSign' | 'registeredAt' | 'registeredBy'>): Promise<boolean>;
  /** Keeps the report as the unit's position unless the unit holds a later one. */
  report(unitId: string, position: PatrolPosition): Promise<PositionReportOutcome>;
  find(id: string): Promise<PatrolUnitRecord | undefined>;
  /** Every registered unit, by id. */
  list(first: number): Promise<PatrolUnitRecord[]>;
  /** Units whose latest report is from `sinceMs` on, most recent report first. */
  reportedSince(sinceMs: number, first: number): Promise<PatrolUnitRecord[]>;
}

/** Whether the unit's position is too old to plan with at `nowMs` (a unit that never reported is stale). */
export function isStale(unit: PatrolUnitRecord, nowMs: number): boolean {
  return unit.reportedAtMs === undefined || nowMs - unit.reportedAtMs > patrolStaleAfterMs;
}

const registerScript = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('ZADD', KEYS[2], 0, ARGV[1])
return 1`;

// Reports can arrive out of order (a car's modem retrying): the check and the write are one script, so only a
// later report replaces the position held. Optional fields a report leaves out are cleared, not kept from before.
const reportScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local held = tonumber(redis.call('HGET', KEYS[1], 'reportedAtMs'))
local reportedAtMs = tonumber(ARGV[2])
if held and held > reportedAtMs then return 'older' end
redis.call('HDEL', KEYS[1], 'headingDegrees', 'speedKmh')
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], reportedAtMs, ARGV[1])
return 'recorded'`;

export function createPatrolUnitStore(redis: Redis, prefix: string = defaultPatrolKeyPrefix): PatrolUnitStore {
  // A caller-supplied id only ever ends a key, after a segment naming the key's kind.
  const unitKey = (id: string) => `${prefix}unit:${id}`;
  const unitIds = `${prefix}unit-ids`;
  const unitsByReport = `${prefix}units-by-report`;
  const readUnits = (ids: readonly string[]) => readHashes(redis, ids.map(unitKey), patrolUnitRecordSchema);
  return {
    async register(unit) {
      return (await redis.eval(registerScript, 2, unitKey(unit.id), unitIds, unit.id, ...hashFieldsOf(unit))) === 1;
    },
    async report(unitId, position) {
      return (await redis.eval(
        reportScript, 2, unitKey(unitId), unitsByReport, unitId, position.reportedAtMs, ...hashFieldsOf(position),
      )) as PositionReportOutcome;
    },
    find: (id) => readHash(redis, unitKey(id), patrolUnitRecordSchema),
    async list(first) {
      if (first === 0) return [];
      return readUnits(await redis.zrange(unitIds, 0, first - 1));
    },
    async reportedSince(sinceMs, first) {
      if (first === 0) return [];
      return readUnits(await redis.zrevrangebyscore(unitsByReport, '+inf', sinceMs, 'LIMIT', 0, first));
    },
  };
}
