import { open } from 'node:fs/promises';
import { decodeAuditLine, type AuditRecord } from '../../domain/audit/index.js';
import { listAuditFiles } from './audit-files.js';

const newline = 0x0a;
const chunkBytes = 256 * 1024;

/**
 * A file's complete lines, last first, read backwards in chunks: the newest records cost the same whatever the file's
 * size. Bytes after the last newline (an append in flight, or torn by a crash) are not a line and are left out.
 */
async function* linesLastFirst(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    let position = (await handle.stat()).size;
    // The start of the region read so far, up to its first newline: the end of a line that began further back.
    let remainder = Buffer.alloc(0);
    let inUnterminatedTail = true;
    while (position > 0) {
      const length = Math.min(chunkBytes, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position);
      const bytes = Buffer.concat([chunk.subarray(0, bytesRead), remainder]);
      const pieces: Buffer[] = [];
      let start = 0;
      for (let i = bytes.indexOf(newline); i !== -1; i = bytes.indexOf(newline, start)) {
        pieces.push(bytes.subarray(start, i));
        start = i + 1;
      }
      const last = bytes.subarray(start);
      if (inUnterminatedTail) {
        if (pieces.length === 0) {
          remainder = Buffer.from(bytes);
          continue;
        }
        inUnterminatedTail = false;
      } else {
        pieces.push(last);
      }
      // The first piece began before this chunk, unless the chunk starts the file.
      const first = position > 0 ? pieces.shift() : undefined;
      for (let i = pieces.length - 1; i >= 0; i--) yield pieces[i] as Buffer;
      remainder = Buffer.from(first ?? Buffer.alloc(0));
    }
  } finally {
    await handle.close();
  }
}

/**
 * Every well-formed record of the log, newest first, read backwards across its files without taking the writer's lock
 * (a reader never blocks the gateway), so a page of the newest records reads only the end of the log. Lines that are
 * not canonical records are skipped: whether the chain holds is `verifyAuditLog`'s question, not a reader's.
 */
export async function* readAuditRecordsNewestFirst(dir: string): AsyncGenerator<AuditRecord> {
  for (const file of (await listAuditFiles(dir)).reverse()) {
    for await (const line of linesLastFirst(file.path)) {
      const decoded = decodeAuditLine(line);
      if (decoded.ok) yield decoded.record;
    }
  }
}
