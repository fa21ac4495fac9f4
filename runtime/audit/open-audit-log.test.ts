import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleAccessEntry } from '../../domain/audit/audit-entry-arbitraries.js';
import { decodeAuditLine, type AuditEntry } from '../../domain/audit/index.js';
import { isDongseonError } from '../../domain/errors/index.js';
import { openAuditLog, type AuditLog } from './open-audit-log.js';
import { verifyAuditLog } from './verify-audit-log.js';

let dir: string;
const opened: AuditLog[] = [];

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dongseon-audit-')), 'nested', 'audit');
});
afterEach(async () => {
  for (const log of opened.splice(0)) await log.close();
  await rm(join(dir, '..', '..'), { recursive: true, force: true });
});

async function open(rotateBytes = 1024 * 1024): Promise<AuditLog> {
  const log = await openAuditLog({ dir, rotateBytes });
  opened.push(log);
  return log;
}

async function reopen(log: AuditLog, rotateBytes?: number): Promise<AuditLog> {
  await log.close();
  return open(rotateBytes);
}

const fileLines = async (name: string) => (await readFile(join(dir, name), 'utf8')).split('\n').filter((line) => line !== '');
const appendEntries = (log: AuditLog, from: number, count: number) =>
  Promise.all(Array.from({ length: count }, (_, i) => log.append(sampleAccessEntry(from + i))));

async function expectCoded(promise: Promise<unknown>, code: Parameters<typeof isDongseonError>[1]): Promise<Error> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(isDongseonError(error, code), String(error)).toBe(true);
  return error as Error;
}

describe('openAuditLog', () => {
  it('creates its directory and writes one canonical line per record, readable only by its owner', async () => {
    const log = await open();
    const record = await log.append(sampleAccessEntry(1));
    expect(record).toMatchObject({ sequence: 1, previousHash: '0'.repeat(64), subject: 'officer-1' });
    const [line] = await fileLines('audit-000001.jsonl');
    expect(decodeAuditLine(line as string)).toEqual({ ok: true, record });
    expect((await stat(join(dir, 'audit-000001.jsonl'))).mode & 0o777).toBe(0o600);
  });

  it('keeps acknowledged records across a re-open and continues the chain from them', async () => {
    let log = await open();
    const first = await appendEntries(log, 1, 3);
    log = await reopen(log);
    expect(log.head()).toEqual({ sequence: 3, hash: first[2]?.hash });
    const next = await log.append(sampleAccessEntry(4));
    expect(next).toMatchObject({ sequence: 4, previousHash: first[2]?.hash });
    expect(await fileLines('audit-000001.jsonl')).toHaveLength(4);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, files: 1, records: 4 });
  });

  it('serialises concurrent appends with strictly increasing sequence numbers', async () => {
    const log = await open();
    const records = await appendEntries(log, 1, 40);
    expect(records.map((record) => record.sequence)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const [i, record] of records.entries()) if (i > 0) expect(record.previousHash).toBe(records[i - 1]?.hash);
    const lines = await fileLines('audit-000001.jsonl');
    expect(lines.map((line) => (JSON.parse(line) as { sequence: number }).sequence)).toEqual(records.map((record) => record.sequence));
  });

  it('rotates by size, and the chain continues across files and across a re-open', async () => {
    let log = await open(4096);
    await appendEntries(log, 1, 12);
    log = await reopen(log, 4096);
    await appendEntries(log, 13, 6);
    const files = (await readdir(dir)).filter((name) => name.endsWith('.jsonl')).sort();
    expect(files.length).toBeGreaterThan(2);
    for (const name of files) expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(4096);
    const lastOfFirst = JSON.parse((await fileLines(files[0] as string)).at(-1) as string) as { hash: string; sequence: number };
    const firstOfSecond = JSON.parse((await fileLines(files[1] as string))[0] as string) as { previousHash: string; sequence: number };
    expect(firstOfSecond).toMatchObject({ previousHash: lastOfFirst.hash, sequence: lastOfFirst.sequence + 1 });
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, files: files.length, records: 18 });
  });

  it('continues from the previous file when a crash left the newest file empty', async () => {
    let log = await open();
    await appendEntries(log, 1, 2);
    await log.close();
    await writeFile(join(dir, 'audit-000002.jsonl'), '');
    log = await open();
    expect(await log.append(sampleAccessEntry(3))).toMatchObject({ sequence: 3 });
    expect(await fileLines('audit-000002.jsonl')).toHaveLength(1);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3 });
  });

  it('reports a crash-torn last line, keeps its bytes beside the file and continues after the last whole record', async () => {
    let log = await open();
    await appendEntries(log, 1, 3);
    await log.close();
    const torn = '{"agency":"police","caseNumber":"2026-112-0004","deci';
    await appendFile(join(dir, 'audit-000001.jsonl'), torn);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, records: 3, unterminated: { file: 'audit-000001.jsonl', line: 4 } });

    log = await open();
    expect(log.tornTail).toMatchObject({ file: 'audit-000001.jsonl', line: 4, bytes: torn.length });
    expect(await readFile(log.tornTail?.savedTo as string, 'utf8')).toBe(torn);
    expect(await log.append(sampleAccessEntry(4))).toMatchObject({ sequence: 4 });
    expect(await fileLines('audit-000001.jsonl')).toHaveLength(4);
    const verdict = await verifyAuditLog(dir);
    expect(verdict).toMatchObject({ ok: true, records: 4, tornTails: [expect.stringMatching(/^audit-000001\.jsonl\.torn-\d+$/)] });
  });

  it('refuses to continue from a partial line in an older file, which no crash of this writer leaves', async () => {
    const log = await open();
    await appendEntries(log, 1, 2);
    await log.close();
    await appendFile(join(dir, 'audit-000001.jsonl'), '{"partial');
    await writeFile(join(dir, 'audit-000002.jsonl'), '');
    await expectCoded(openAuditLog({ dir, rotateBytes: 4096 }), 'DS_AUDIT_CHAIN_BROKEN');
    // Refused again for the same reason, not for a lock the failed open kept.
    await expectCoded(openAuditLog({ dir, rotateBytes: 4096 }), 'DS_AUDIT_CHAIN_BROKEN');
    expect(await verifyAuditLog(dir)).toMatchObject({
      ok: false, reason: 'malformed', position: { file: 'audit-000001.jsonl', line: 3 },
    });
  });

  it('refuses an entry outside the schema without stopping the log', async () => {
    const log = await open();
    const error = await expectCoded(log.append({ ...sampleAccessEntry(1), subject: '' } as AuditEntry), 'DS_AUDIT_RECORD_INVALID');
    expect(error.message).toContain('subject');
    expect(await log.append(sampleAccessEntry(2))).toMatchObject({ sequence: 1 });
  });

  it('admits one writer at a time and takes over the lock of a dead one', async () => {
    const log = await open();
    await expectCoded(openAuditLog({ dir, rotateBytes: 4096 }), 'DS_AUDIT_LOG_LOCKED');
    await log.close();
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(join(dir, 'writer.lock'), `${dead}\n`);
    const next = await open();
    expect(await next.append(sampleAccessEntry(1))).toMatchObject({ sequence: 1 });
  });

  it('takes over a lock naming its own pid that an earlier process left (containers reuse pids)', async () => {
    await open().then((log) => log.close());
    await writeFile(join(dir, 'writer.lock'), `${process.pid}\n`);
    expect(await (await open()).append(sampleAccessEntry(1))).toMatchObject({ sequence: 1 });
  });

  it('refuses appends after close but completes those queued before it', async () => {
    const log = await openAuditLog({ dir, rotateBytes: 4096 });
    const queued = appendEntries(log, 1, 3);
    await log.close();
    expect(await queued).toHaveLength(3);
    await expectCoded(log.append(sampleAccessEntry(4)), 'DS_AUDIT_WRITE_FAILED');
  });
});
