import { open } from 'node:fs/promises';
import { chainHash, decodeAuditLine, genesisHead, headOf, type ChainHead } from '../../domain/audit/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { auditFileMode, listAuditFiles, tornTailPath, type AuditFile } from './audit-files.js';
import { readLastLines } from './read-last-lines.js';
import { countLinesBefore } from './read-audit-lines.js';
import { syncDirectory } from './sync-directory.js';

/** A last line whose write never completed, found when the log was opened. */
export interface TornTail {
  readonly file: string;
  readonly line: number;
  readonly offset: number;
  readonly bytes: number;
  /** Where its bytes were kept before they were cut from the log. */
  readonly savedTo: string;
}

export interface RecoveredChain {
  readonly head: ChainHead;
  /** The newest file, which appends continue in; absent when the log has no file yet. */
  readonly file?: AuditFile;
  readonly size: number;
  readonly tornTail?: TornTail;
}

/**
 * Sets a torn last line aside. Its append never resolved, so nothing acknowledged is lost; it is still kept, beside
 * the file, because it is evidence. The copy is made durable before the file is cut, so a crash in between loses
 * nothing either.
 */
async function setAsideTornTail(dir: string, file: AuditFile, offset: number, bytes: Buffer): Promise<TornTail> {
  const savedTo = tornTailPath(file, offset);
  const copy = await open(savedTo, 'w', auditFileMode);
  try {
    await copy.writeFile(bytes);
    await copy.sync();
  } finally {
    await copy.close();
  }
  const log = await open(file.path, 'r+');
  try {
    await log.truncate(offset);
    await log.sync();
  } finally {
    await log.close();
  }
  await syncDirectory(dir);
  return { file: file.name, line: (await countLinesBefore(file.path, offset)) + 1, offset, bytes: bytes.length, savedTo };
}

function headFromLastLine(file: AuditFile, line: Buffer): ChainHead {
  const decoded = decodeAuditLine(line);
  if (!decoded.ok) {
    throw new DongseonError('DS_AUDIT_CHAIN_BROKEN', `${file.name}: the last record is ${decoded.detail}; run npm run audit -- verify`, { file: file.name });
  }
  if (chainHash(decoded.record.previousHash, decoded.record) !== decoded.record.hash) {
    throw new DongseonError('DS_AUDIT_CHAIN_BROKEN', `${file.name}: the last record does not match its hash; run npm run audit -- verify`, { file: file.name });
  }
  return headOf(decoded.record);
}

/**
 * Finds where the chain ends: the last record of the newest file that holds one. Only that record is checked
 * (its own hash); the whole chain is the verify command's job, which would make every start-up as slow as the log
 * is long.
 */
export async function recoverChainHead(dir: string): Promise<RecoveredChain> {
  const files = await listAuditFiles(dir);
  const newest = files.at(-1);
  if (!newest) return { head: genesisHead, size: 0 };
  let tail = await readLastLines(newest.path, 1);
  let tornTail: TornTail | undefined;
  if (tail.unterminated) {
    tornTail = await setAsideTornTail(dir, newest, tail.unterminated.offset, tail.unterminated.bytes);
    tail = await readLastLines(newest.path, 1);
  }
  const size = tail.size;
  for (const file of files.slice().reverse()) {
    const fileTail = file === newest ? tail : await readLastLines(file.path, 1);
    if (fileTail.unterminated) {
      throw new DongseonError('DS_AUDIT_CHAIN_BROKEN', `${file.name} ends in a partial line, and only the newest file may`, { file: file.name });
    }
    const last = fileTail.lines.at(-1);
    if (last) return { head: headFromLastLine(file, last), file: newest, size, ...(tornTail ? { tornTail } : {}) };
  }
  return { head: genesisHead, file: newest, size, ...(tornTail ? { tornTail } : {}) };
}
