import { canonicalJson } from './canonical-json.js';
import { auditRecordSchema, type AuditRecord } from './audit-record.js';

/** A record as one line of the log: its canonical JSON and a newline. */
export const encodeAuditLine = (record: AuditRecord): string => `${canonicalJson(record)}\n`;

export type DecodedAuditLine =
  | { readonly ok: true; readonly record: AuditRecord }
  | { readonly ok: false; readonly detail: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads one line (without its newline) back into a record. A line must be valid UTF-8, valid JSON, match the
 * record schema and be byte-for-byte the canonical form of what it holds: a line that means the same but is
 * written differently was not written by the log, so it is refused rather than silently accepted.
 */
export function decodeAuditLine(line: Uint8Array | string): DecodedAuditLine {
  let text: string;
  try {
    text = typeof line === 'string' ? line : strictUtf8.decode(line);
  } catch {
    return { ok: false, detail: 'not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'not valid JSON' };
  }
  const parsed = auditRecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: `not an audit record (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'schema'})` };
  }
  if (canonicalJson(parsed.data) !== text) return { ok: false, detail: 'not in canonical form' };
  return { ok: true, record: parsed.data };
}
