import type { Redis } from 'ioredis';

/**
 * Where an edge node remembers the id of every signed history search it took, until the search expires, so that
 * each is taken once. Replicas of one edge node must share it, or a search could be replayed on another replica.
 */
export interface HistorySearchLedger {
  /** True the first time `searchId` is claimed before `untilMs` (Unix ms), false on every later claim. */
  claim(searchId: string, untilMs: number): Promise<boolean>;
}

/**
 * Ids in the edge's Redis (`ds:edge:<municipality>:history-search:<searchId>`, `SET NX PX` until the search
 * expires), shared by every replica of the node. The municipality is in the key: one search asks every edge node
 * under the same id, and edges of several municipalities may share a Redis. The time left is counted on this
 * node's clock, the one its age check used, not Redis's.
 */
export function redisHistorySearchLedger(redis: Redis, municipalityId: string, now: () => number = Date.now): HistorySearchLedger {
  const prefix = `ds:edge:${municipalityId}:history-search:`;
  return {
    async claim(searchId, untilMs) {
      return (await redis.set(`${prefix}${searchId}`, '1', 'PX', Math.max(untilMs - now(), 1000), 'NX')) === 'OK';
    },
  };
}
