import { decodeAuditLine, type AuditRecord } from '../../domain/audit/index.js';
import { listAuditFiles } from './audit-files.js';
import { readAuditLines } from './read-audit-lines.js';

/**
 * Every well-formed record of the log, oldest first, streamed across its files in number order without taking the
 * writer's lock (a reader never blocks the gateway). Lines that are not canonical records, and a last line still
 * without its newline, are skipped: whether the chain holds is `verifyAuditLog`'s question, not a reader's.
 */
export async function* readAuditRecords(dir: string): AsyncGenerator<AuditRecord> {
  for (const file of await listAuditFiles(dir)) {
    for await (const line of readAuditLines(file.path)) {
      if (!line.terminated) continue;
      const decoded = decodeAuditLine(line.bytes);
      if (decoded.ok) yield decoded.record;
    }
  }
}
