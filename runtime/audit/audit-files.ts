import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';

/** One file of the log. Files are numbered from 1; the chain runs through them in number order. */
export interface AuditFile {
  readonly number: number;
  readonly name: string;
  readonly path: string;
}

/** Records name people and cases: only the writing service's user may read them. */
export const auditFileMode = 0o600;
export const auditDirectoryMode = 0o700;

const auditFilePattern = /^audit-(\d{6,})\.jsonl$/;
const tornTailPattern = /^audit-\d{6,}\.jsonl\.torn-\d+$/;

export const auditFileName = (number: number): string => `audit-${String(number).padStart(6, '0')}.jsonl`;

export const auditFile = (dir: string, number: number): AuditFile => {
  const name = auditFileName(number);
  return { number, name, path: join(dir, name) };
};

/** Where the bytes of a crash-torn last line are kept: beside the file, named for the offset they were cut at. */
export const tornTailPath = (file: AuditFile, offset: number): string => `${file.path}.torn-${offset}`;

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DongseonError('DS_NOT_FOUND', `no audit log directory at ${dir}`, { dir });
    throw error;
  }
}

export async function listAuditFiles(dir: string): Promise<AuditFile[]> {
  const files: AuditFile[] = [];
  for (const name of await namesIn(dir)) {
    const match = auditFilePattern.exec(name);
    if (match) files.push(auditFile(dir, Number(match[1])));
  }
  return files.sort((a, b) => a.number - b.number);
}

export async function listTornTails(dir: string): Promise<string[]> {
  return (await namesIn(dir)).filter((name) => tornTailPattern.test(name)).sort();
}
