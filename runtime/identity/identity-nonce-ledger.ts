import type { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';

/**
 * Where a subgraph records the nonce of every identity header it accepted, until the header expires, so that each
 * header is accepted once. Replicas of one subgraph must share it, or a header could be replayed on another replica.
 */
export interface IdentityNonceLedger {
  /** True the first time a nonce is claimed before `expiresAtSeconds` (Unix seconds), false on every later claim. */
  claim(nonce: string, expiresAtSeconds: number): Promise<boolean>;
}

/** Nonces in Redis (`SET NX` with the header's expiry), shared by every replica that uses the same Redis and prefix. */
export function redisIdentityNonceLedger(redis: Redis, keyPrefix: string): IdentityNonceLedger {
  return {
    async claim(nonce, expiresAtSeconds) {
      const expiresAtMs = Math.max(expiresAtSeconds * 1000, Date.now() + 1000);
      try {
        return (await redis.set(`${keyPrefix}${nonce}`, '1', 'PXAT', expiresAtMs, 'NX')) === 'OK';
      } catch {
        // Fails closed: a header whose first use cannot be recorded is not accepted.
        throw new DongseonError('DS_SUBGRAPH_UNAVAILABLE', 'the identity nonce ledger is unreachable');
      }
    },
  };
}

/** Most nonces the in-process ledger holds at once: a minute of headers at about 4,000 requests a second. */
export const inProcessNonceLimit = 250_000;

/**
 * Nonces in this process only, for a subgraph without Redis: a replay on another replica is not caught, so run such a
 * subgraph as one replica. Bounded: when `limit` unexpired nonces are held, new headers are refused
 * (DS_SUBGRAPH_UNAVAILABLE) rather than an old nonce forgotten, which would let its header be replayed.
 */
export function inProcessIdentityNonceLedger(limit = inProcessNonceLimit, now: () => number = Date.now): IdentityNonceLedger {
  // Insertion order is close to expiry order (every header lives as long), so pruning stops at the first live nonce.
  const expiries = new Map<string, number>();
  return {
    async claim(nonce, expiresAtSeconds) {
      const nowSeconds = now() / 1000;
      for (const [held, expiresAt] of expiries) {
        if (expiresAt > nowSeconds) break;
        expiries.delete(held);
      }
      if (expiries.has(nonce)) return false;
      if (expiries.size >= limit) throw new DongseonError('DS_SUBGRAPH_UNAVAILABLE', 'too many identity headers in flight');
      expiries.set(nonce, expiresAtSeconds);
      return true;
    },
  };
}
