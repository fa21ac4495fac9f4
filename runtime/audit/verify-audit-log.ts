import {
  createAuditChainVerifier, decodeAuditLine, type ChainBreakReason, type ChainHead,
} from '../../domain/audit/index.js';
import { listAuditFiles, listTornTails } from './audit-files.js';
import { readAuditLines } from './read-audit-lines.js';

export interface LinePosition {
  readonly file: string;
  readonly line: number;
}

export type AuditLogVerdict =
  | {
    readonly ok: true;
    readonly files: number;
    readonly records: number;
    readonly head: ChainHead;
    /** A last line without its newline: an append in flight, or torn by a crash and not yet set aside. */
    readonly unterminated?: LinePosition;
    /** Torn last lines an earlier open set aside. */
    readonly tornTails: readonly string[];
  }
  | {
    readonly ok: false; readonly position: LinePosition; readonly reason: ChainBreakReason; readonly detail: string;
    /** Whole records before the first broken one. */
    readonly recordsBefore: number;
  };

/**
 * Verifies every file of the log in order as one chain, streaming, and stops at the first break. Only the newest
 * file may end in an unterminated line; it is reported, not counted, because its append never resolved.
 */
export async function verifyAuditLog(dir: string, options: { start?: ChainHead } = {}): Promise<AuditLogVerdict> {
  const files = await listAuditFiles(dir);
  const verifier = createAuditChainVerifier<LinePosition>(options.start ? { start: options.start } : {});
  let unterminated: LinePosition | undefined;
  scan: for (const [i, file] of files.entries()) {
    for await (const line of readAuditLines(file.path)) {
      const position = { file: file.name, line: line.number };
      if (!line.terminated && i === files.length - 1) {
        unterminated = position;
        break scan;
      }
      const decoded = line.terminated ? decodeAuditLine(line.bytes) : { ok: false as const, detail: 'a partial line in a file that is not the newest' };
      if (decoded.ok) verifier.push(decoded.record, position);
      else verifier.pushMalformed(decoded.detail, position);
      if (verifier.settled) break scan;
    }
  }
  const verdict = verifier.finish();
  if (!verdict.ok) {
    const { position, reason, detail, index } = verdict.broken;
    return { ok: false, position, reason, detail, recordsBefore: index };
  }
  return {
    ok: true, files: files.length, records: verdict.records, head: verdict.head,
    ...(unterminated ? { unterminated } : {}), tornTails: await listTornTails(dir),
  };
}
