import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAuditLine, genesisHead, headOf, sealAuditRecord, type AuditRecord } from '../../domain/audit/index.js';
import { auditFileName } from './audit-files.js';
import { readAuditRecordsNewestFirst } from './read-audit-records.js';

const dirs: string[] = [];

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A chain of access records; `purposeOf` sizes each line (the reader's chunks are 256 KiB). */
function chain(count: number, purposeOf: (i: number) => string): AuditRecord[] {
  let head = genesisHead;
  return Array.from({ length: count }, (_, i) => {
    const record = sealAuditRecord(head, {
      kind: 'access', requestId: `r-${i}`, subject: 'police-officer-kim', agency: 'police', purpose: purposeOf(i), caseNumber: '2026-112-0042',
      operation: { hash: 'a'.repeat(64), name: 'WantedVehicleTrack', type: 'query' }, fields: ['Query.hits'], subgraphs: ['police'],
      decision: { outcome: 'allowed', denied: [] },
    }, new Date(Date.parse('2026-12-01T00:00:00Z') + i * 1000).toISOString());
    head = headOf(record);
    return record;
  });
}

async function logOf(files: readonly (readonly AuditRecord[])[], tail = ''): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dongseon-audit-read-'));
  dirs.push(dir);
  for (const [i, records] of files.entries()) await writeFile(join(dir, auditFileName(i + 1)), records.map(encodeAuditLine).join(''));
  if (tail !== '') await appendFile(join(dir, auditFileName(files.length)), tail);
  return dir;
}

async function sequencesOf(dir: string): Promise<number[]> {
  const sequences: number[] = [];
  for await (const record of readAuditRecordsNewestFirst(dir)) sequences.push(record.sequence);
  return sequences;
}

describe('readAuditRecordsNewestFirst', () => {
  it('reads every record newest first across files, lines of any length across its chunks included', async () => {
    // Lines from 300 bytes to 400 KiB, so chunk edges fall inside lines, on newlines, and inside lines longer than a chunk.
    const records = chain(1_500, (i) => (i % 500 === 7 ? '긴 목적 '.repeat(40_000) : `목적 ${'x'.repeat(i % 700)}`));
    const dir = await logOf([records.slice(0, 600), records.slice(600)]);
    expect(await sequencesOf(dir)).toEqual(records.map((record) => record.sequence).reverse());
  });

  it('leaves out an unterminated last line, however long, and lines that are not records', async () => {
    const records = chain(40, (i) => `목적 ${i}`);
    const dir = await logOf([records.slice(0, 20), [...records.slice(20, 30)]], `{"kind":"access","purpose":"${'y'.repeat(600_000)}`);
    await appendFile(join(dir, auditFileName(1)), 'not a record\n');
    expect(await sequencesOf(dir)).toEqual(records.slice(0, 30).map((record) => record.sequence).reverse());
  });

  it('reads nothing from an empty log, and a file of one unterminated line as nothing', async () => {
    expect(await sequencesOf(await logOf([]))).toEqual([]);
    expect(await sequencesOf(await logOf([[]], '{"torn":'))).toEqual([]);
  });
});
