import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { PoliceKeys } from './police-keys.js';
import { hashFieldsOf, readHash, readHashes } from './redis-hash.js';
import { wantedStatusAt, type WantedStatus } from './wanted-vehicle-status.js';

export const wantedReasons = ['STOLEN', 'FUGITIVE', 'MISSING_PERSON', 'HIT_AND_RUN', 'AMBER_ALERT', 'OTHER'] as const;

export const wantedVehicleRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['FULL_PLATE', 'PARTIAL_PLATE']),
  /** Canonical plate (normalizePlate) of a FULL_PLATE entry. */
  plate: z.string().optional(),
  /** Canonical witness pattern (compilePlatePattern) of a PARTIAL_PLATE entry. */
  platePattern: z.string().optional(),
  reason: z.enum(wantedReasons),
  priority: z.coerce.number().int(),
  validFrom: z.string(),
  validUntil: z.string().optional(),
  caseNumber: z.string(),
  owningAgency: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.string().optional(),
  revokedBy: z.string().optional(),
  revocationReason: z.string().optional(),
});

/** An entry of the wanted-vehicle list as stored: the hash under `wanted-vehicle:<id>`. */
export type WantedVehicleRecord = z.infer<typeof wantedVehicleRecordSchema>;

export interface Revocation {
  readonly revokedAt: string;
  readonly revokedBy: string;
  readonly revocationReason: string;
}

export type RevocationOutcome = 'revoked' | 'missing' | 'already-revoked';

export interface WantedVehicleStore {
  /** Stores the entry unless its id is taken; false when it was. */
  add(record: WantedVehicleRecord): Promise<boolean>;
  find(id: string): Promise<WantedVehicleRecord | undefined>;
  /** Entries in `status` at `now`, highest priority first. */
  list(status: WantedStatus, first: number, now: number): Promise<WantedVehicleRecord[]>;
  ofCase(caseNumber: string): Promise<WantedVehicleRecord[]>;
  revoke(id: string, revocation: Revocation): Promise<RevocationOutcome>;
  count(): Promise<number>;
  /** Every entry's id, highest priority first. */
  ids(): Promise<string[]>;
}

const addScript = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[1])
return 1`;

// A revocation is final: checked and written in one script so two revocations cannot both succeed.
const revokeScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if redis.call('HEXISTS', KEYS[1], 'revokedAt') == 1 then return 'already-revoked' end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 'revoked'`;

const listPageSize = 200;

export function createWantedVehicleStore(redis: Redis, keys: PoliceKeys): WantedVehicleStore {
  return {
    async add(record) {
      const added = await redis.eval(
        addScript, 3, keys.wantedVehicle(record.id), keys.wantedVehiclesByPriority, keys.caseWantedVehicles(record.caseNumber),
        record.id, record.priority, ...hashFieldsOf(record),
      );
      return added === 1;
    },
    find: (id) => readHash(redis, keys.wantedVehicle(id), wantedVehicleRecordSchema),
    async list(status, first, now) {
      const found: WantedVehicleRecord[] = [];
      for (let start = 0; found.length < first; start += listPageSize) {
        const ids = await redis.zrevrange(keys.wantedVehiclesByPriority, start, start + listPageSize - 1);
        if (ids.length === 0) break;
        const page = await readHashes(redis, ids.map(keys.wantedVehicle), wantedVehicleRecordSchema);
        found.push(...page.filter((entry) => wantedStatusAt(entry, now) === status).slice(0, first - found.length));
      }
      return found;
    },
    async ofCase(caseNumber) {
      const ids = await redis.smembers(keys.caseWantedVehicles(caseNumber));
      const entries = await readHashes(redis, ids.map(keys.wantedVehicle), wantedVehicleRecordSchema);
      return entries.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
    },
    async revoke(id, revocation) {
      return (await redis.eval(revokeScript, 1, keys.wantedVehicle(id), ...hashFieldsOf(revocation))) as RevocationOutcome;
    },
    count: () => redis.zcard(keys.wantedVehiclesByPriority),
    ids: () => redis.zrevrange(keys.wantedVehiclesByPriority, 0, -1),
  };
}
