/** Where a wanted-list entry stands at a given moment. */
export type WantedStatus = 'SCHEDULED' | 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/**
 * The status of a wanted-list entry at `now` (ms). Expiry is computed, never stored, so an entry lapses at
 * `validUntil` without a job having to run; a revocation is final and outranks expiry.
 */
export function wantedStatusAt(
  entry: { readonly revokedAt?: string; readonly validFrom?: string; readonly validUntil?: string }, now: number,
): WantedStatus {
  if (entry.revokedAt !== undefined) return 'REVOKED';
  if (entry.validUntil !== undefined && Date.parse(entry.validUntil) <= now) return 'EXPIRED';
  if (entry.validFrom !== undefined && Date.parse(entry.validFrom) > now) return 'SCHEDULED';
  return 'ACTIVE';
}
