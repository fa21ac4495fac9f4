import { DongseonError } from '../errors/index.js';
import type { PlateHasher } from '../plates/index.js';

const dayKeyPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day of a time, `YYYY-MM-DD`: the period one pseudonym key covers. */
export function utcDayKey(atMs: number): string {
  return new Date(atMs).toISOString().slice(0, 10);
}

/**
 * A plate's pseudonym for one day: HMAC(day key, day + canonical plate). The caller passes that day's hasher;
 * keys rotate daily and are discarded after the day's statistics are made, so pseudonyms of different days
 * cannot be linked to each other or, without the key, to a plate. The day is also hashed in, so a key
 * mistakenly reused across days still yields unlinkable pseudonyms.
 */
export function dailyPseudonym(hasher: PlateHasher, dayKey: string, canonicalPlate: string): string {
  if (!dayKeyPattern.test(dayKey)) throw new DongseonError('DS_INVALID_INPUT', 'dayKey: expected YYYY-MM-DD');
  return hasher.digestHex(`${dayKey}\u0000${canonicalPlate}`);
}
