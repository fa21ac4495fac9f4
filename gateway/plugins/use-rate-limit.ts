import type { GatewayPlugin } from '../gateway-plugin.js';
import { refusal } from '../refusal.js';

export interface BucketRate {
  /** Tokens added per second: the sustained request rate. */
  readonly perSecond: number;
  /** Bucket size: the most requests allowed at once after a quiet spell. */
  readonly burst: number;
}

export interface BucketVerdict {
  readonly allowed: boolean;
  /** When refused: how long until a token is back. */
  readonly retryAfterMs: number;
}

/** A token bucket shared by every gateway replica; `key` names whose bucket it is. */
export interface TokenBucket {
  take(key: string, rate: BucketRate): Promise<BucketVerdict>;
}

export interface RateLimitOptions {
  readonly bucket: TokenBucket;
  readonly rate: BucketRate;
  /** Agencies with a rate of their own (a 112 situation room needs more than a civic app). */
  readonly agencyRates?: Readonly<Record<string, BucketRate>>;
  readonly log?: (line: string) => void;
}

/**
 * One token bucket per agency, shared by all gateway replicas; over the rate: 429 DS_RATE_LIMITED with
 * Retry-After. Needs the verified identity: list it after useAuthentication.
 */
export function useRateLimit(options: RateLimitOptions): GatewayPlugin {
  const log = options.log ?? console.error;
  const rateOf = (agency: string) => (options.agencyRates && Object.hasOwn(options.agencyRates, agency) ? options.agencyRates[agency] : undefined) ?? options.rate;
  let bucketFailing = false;
  return {
    async onRequest({ access }) {
      const agency = access?.identity.agency;
      if (!agency) throw refusal('DS_AUTH_UNAUTHENTICATED', 'no verified identity to count this request against');
      let verdict: BucketVerdict;
      try {
        verdict = await options.bucket.take(agency, rateOf(agency));
        if (bucketFailing) log('[rate limit] the token bucket answers again');
        bucketFailing = false;
      } catch (error) {
        // Fails open: the limit guards capacity, and a Redis outage must not stop the 112 situation room.
        // Authentication, query limits and the subgraphs' own authorisation still hold.
        if (!bucketFailing) log(`[rate limit] token bucket unavailable, requests pass uncounted: ${error instanceof Error ? error.message : String(error)}`);
        bucketFailing = true;
        return;
      }
      if (!verdict.allowed) {
        const retryAfterSeconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
        throw refusal('DS_RATE_LIMITED', `agency "${agency}" is over its request rate; retry in ${retryAfterSeconds} s`, {
          'retry-after': String(retryAfterSeconds),
        });
      }
    },
  };
}
