import { sha256Hex } from './sha256-hex.js';

/**
 * The digest a deletion receipt carries: SHA-256 over the purged ids, sorted and de-duplicated, each followed by a
 * newline. Anyone holding the same id list (a backup, the purge's own log) can recompute it; the receipt itself
 * names no id, so it holds no personal data.
 */
export function deletionDigest(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort();
  return sha256Hex(sorted.map((id) => `${id}\n`).join(''));
}
