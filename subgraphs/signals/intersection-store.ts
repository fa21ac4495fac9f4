import type { Redis } from 'ioredis';
import type { IntersectionRecord } from './intersection-records.js';
import { execTransaction } from '../../runtime/redis/exec-transaction.js';
import { signalsKeys } from './signals-keys.js';

/** Intersections with their approaches and phase plans, one JSON document each, in Redis. */
export function createIntersectionStore(redis: Redis) {
  const recordsOf = async (ids: readonly string[]): Promise<IntersectionRecord[]> => {
    if (ids.length === 0) return [];
    const documents = await redis.mget(ids.map(signalsKeys.intersection));
    return documents.flatMap((document) => (document === null ? [] : [JSON.parse(document) as IntersectionRecord]));
  };

  const find = async (id: string): Promise<IntersectionRecord | undefined> => {
    const document = await redis.get(signalsKeys.intersection(id));
    return document === null ? undefined : (JSON.parse(document) as IntersectionRecord);
  };

  return {
    find,

    count: (): Promise<number> => redis.zcard(signalsKeys.intersectionIds),

    /** Every intersection id, in id order. */
    ids: (): Promise<string[]> => redis.zrange(signalsKeys.intersectionIds, 0, -1),

    /** The first `first` intersections by id; `first` must already be bounded by the caller. */
    async list(first: number): Promise<IntersectionRecord[]> {
      // ZRANGE 0 -1 would mean "all", so zero is answered here.
      if (first === 0) return [];
      return recordsOf(await redis.zrange(signalsKeys.intersectionIds, 0, first - 1));
    },

    async all(): Promise<IntersectionRecord[]> {
      return recordsOf(await redis.zrange(signalsKeys.intersectionIds, 0, -1));
    },

    /** The intersection of each approach id that belongs to one. */
    async intersectionIdsOfApproaches(approachIds: readonly string[]): Promise<Map<string, string>> {
      if (approachIds.length === 0) return new Map();
      const owners = await redis.hmget(signalsKeys.approachIntersections, ...approachIds);
      return new Map(approachIds.flatMap((approachId, index) => {
        const owner = owners[index];
        return owner === null || owner === undefined ? [] : [[approachId, owner] as const];
      }));
    },

    /** Creates or replaces an intersection (validated by the caller), re-pointing its approaches at it. */
    async save(intersection: IntersectionRecord): Promise<void> {
      const kept = new Set(intersection.approaches.map((approach) => approach.id));
      const dropped = ((await find(intersection.id))?.approaches ?? []).map((approach) => approach.id).filter((id) => !kept.has(id));
      const transaction = redis.multi()
        .set(signalsKeys.intersection(intersection.id), JSON.stringify(intersection))
        .zadd(signalsKeys.intersectionIds, 0, intersection.id)
        .hset(signalsKeys.approachIntersections, Object.fromEntries([...kept].map((approachId) => [approachId, intersection.id])));
      if (dropped.length > 0) transaction.hdel(signalsKeys.approachIntersections, ...dropped);
      await execTransaction(transaction);
    },
  };
}

export type IntersectionStore = ReturnType<typeof createIntersectionStore>;
