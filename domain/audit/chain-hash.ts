import { canonicalJson } from './canonical-json.js';
import type { AuditEntry, AuditRecord, ChainHead } from './audit-record.js';
import { sha256Hex } from './sha256-hex.js';

/** A record's content before it is linked: its entry, sequence and time (a `hash` present is ignored). */
export type ChainedContent = AuditEntry & { readonly sequence: number; readonly time: string; readonly hash?: string };

/**
 * SHA-256 over the canonical JSON of the record with `previousHash` set and `hash` left out. Every field of the
 * record, the link included, is covered, so no byte can change without changing the hash.
 */
export function chainHash(previousHash: string, record: ChainedContent): string {
  const content: Record<string, unknown> = { ...record, previousHash };
  delete content.hash;
  return sha256Hex(canonicalJson(content));
}

/** Links an entry to the chain's head: the next sequence number, the head's hash, and its own hash. */
export function sealAuditRecord(head: ChainHead, entry: AuditEntry, time: string): AuditRecord {
  const content = { ...entry, sequence: head.sequence + 1, time };
  return { ...content, previousHash: head.hash, hash: chainHash(head.hash, content) };
}

export const headOf = (record: AuditRecord): ChainHead => ({ sequence: record.sequence, hash: record.hash });
