import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { PoliceKeys } from '../../stores/police/police-keys.js';
import { hashFieldsOf, readHash } from '../../stores/police/redis-hash.js';

export const caseRecordSchema = z.object({
  caseNumber: z.string(),
  title: z.string(),
  leadAgency: z.string(),
  status: z.enum(['OPEN', 'CLOSED']),
  openedAt: z.string(),
});

/** An investigation as stored: the hash under `case:<caseNumber>`. */
export type CaseRecord = z.infer<typeof caseRecordSchema>;

export interface CaseStore {
  /** Stores the case unless its number is taken; false when it was. */
  create(record: CaseRecord): Promise<boolean>;
  find(caseNumber: string): Promise<CaseRecord | undefined>;
  exists(caseNumber: string): Promise<boolean>;
  count(): Promise<number>;
  /** Every case number, unordered. */
  caseNumbers(): Promise<string[]>;
}

// Check and write in one script, so two requests opening the same case number cannot both succeed.
const createCaseScript = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SADD', KEYS[2], ARGV[1])
return 1`;

export function createCaseStore(redis: Redis, keys: PoliceKeys): CaseStore {
  return {
    async create(record) {
      const created = await redis.eval(createCaseScript, 2, keys.case(record.caseNumber), keys.caseNumbers, record.caseNumber, ...hashFieldsOf(record));
      return created === 1;
    },
    find: (caseNumber) => readHash(redis, keys.case(caseNumber), caseRecordSchema),
    exists: async (caseNumber) => (await redis.exists(keys.case(caseNumber))) === 1,
    count: () => redis.scard(keys.caseNumbers),
    caseNumbers: () => redis.smembers(keys.caseNumbers),
  };
}
