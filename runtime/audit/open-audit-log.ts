import { constants } from 'node:fs';
import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  auditEntrySchema, encodeAuditLine, headOf, sealAuditRecord, type AuditEntry, type AuditRecord, type ChainHead,
} from '../../domain/audit/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { auditDirectoryMode, auditFile, auditFileMode, type AuditFile } from './audit-files.js';
import { recoverChainHead, type TornTail } from './recover-chain-head.js';
import { syncDirectory } from './sync-directory.js';
import { acquireWriterLock } from './writer-lock.js';

export interface AuditLogOptions {
  readonly dir: string;
  /** A file that would grow past this starts the next one; the chain continues across. */
  readonly rotateBytes: number;
  readonly now?: () => Date;
}

/** What the gateway needs of the log: an append that resolves only once the record is durable. */
export interface AuditAppender {
  append(entry: AuditEntry): Promise<AuditRecord>;
}

export interface AuditLog extends AuditAppender {
  readonly dir: string;
  /** Set when opening found a crash-torn last line; it was set aside, and whoever opened the log must report it. */
  readonly tornTail: TornTail | undefined;
  head(): ChainHead;
  /** Waits for queued appends, then releases the file and the writer lock. */
  close(): Promise<void>;
}

async function openForAppend(file: AuditFile, create: boolean): Promise<FileHandle> {
  const flags = constants.O_WRONLY | constants.O_APPEND | (create ? constants.O_CREAT | constants.O_EXCL : 0);
  return open(file.path, flags, auditFileMode);
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let written = 0; written < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written, null);
    written += bytesWritten;
  }
}

/** Creates `dir` and any missing parents, syncing each parent so the new entries survive a crash. */
async function createDirectoryDurably(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true, mode: auditDirectoryMode });
  if (firstCreated === undefined) return;
  for (let created = dir; ; created = dirname(created)) {
    await syncDirectory(dirname(created));
    if (created === firstCreated) return;
  }
}

async function openNewestFile(dir: string) {
  const recovered = await recoverChainHead(dir);
  const file = recovered.file ?? auditFile(dir, 1);
  const handle = await openForAppend(file, recovered.file === undefined);
  if (!recovered.file) await syncDirectory(dir);
  return { recovered, file, handle };
}

/**
 * Opens the append-only audit log in `dir` (created if missing), recovering the chain's head from the newest
 * record on disk. Appends are serialised in arrival order; each resolves only after its line is written with
 * O_APPEND and fdatasync'ed, so an acknowledged record survives a crash.
 */
export async function openAuditLog(options: AuditLogOptions): Promise<AuditLog> {
  const { dir, rotateBytes } = options;
  const now = options.now ?? (() => new Date());
  await createDirectoryDurably(dir);
  const releaseLock = await acquireWriterLock(dir);
  const opened = await openNewestFile(dir).catch(async (error: unknown) => {
    await releaseLock();
    throw error;
  });
  const { recovered } = opened;
  let { handle, file } = opened;
  let head = recovered.head;
  let size = recovered.size;
  let failure: unknown;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const rotate = async () => {
    const next = auditFile(dir, file.number + 1);
    const nextHandle = await openForAppend(next, true);
    await syncDirectory(dir);
    await handle.close();
    handle = nextHandle;
    file = next;
    size = 0;
  };

  const appendNow = async (entry: AuditEntry): Promise<AuditRecord> => {
    if (failure !== undefined) {
      throw new DongseonError('DS_AUDIT_WRITE_FAILED', 'the audit log stopped after a failed write; reopen it', { dir }, { cause: failure });
    }
    const parsed = auditEntrySchema.safeParse(entry);
    if (!parsed.success) {
      throw new DongseonError('DS_AUDIT_RECORD_INVALID', `audit entry refused: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    const record = sealAuditRecord(head, parsed.data, now().toISOString());
    const line = Buffer.from(encodeAuditLine(record), 'utf8');
    try {
      if (size > 0 && size + line.length > rotateBytes) await rotate();
      await writeAll(handle, line);
      await handle.datasync();
    } catch (error) {
      // After a failed write or fdatasync nobody knows what reached the disk (Linux may even drop the dirty
      // pages), so a retry could fork the chain or report a lost record as durable. Stop: every later append
      // fails, which withholds personal data, until the log is reopened and the head is read back from disk.
      failure = error;
      throw new DongseonError('DS_AUDIT_WRITE_FAILED', 'the audit record could not be made durable', { dir, file: file.name }, { cause: error });
    }
    size += line.length;
    head = headOf(record);
    return record;
  };

  return {
    dir,
    tornTail: recovered.tornTail,
    head: () => head,
    append(entry) {
      if (closed) return Promise.reject(new DongseonError('DS_AUDIT_WRITE_FAILED', 'the audit log is closed', { dir }));
      const appended = queue.then(() => appendNow(entry));
      queue = appended.catch(() => undefined);
      return appended;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await handle.close();
      await releaseLock();
    },
  };
}
