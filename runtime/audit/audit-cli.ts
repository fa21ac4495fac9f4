import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChainHead } from '../../domain/audit/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { runProcess } from '../config.js';
import { loadAuditConfig } from './audit-config.js';
import { recentAuditLines } from './recent-audit-lines.js';
import { verifyAuditLog } from './verify-audit-log.js';

const usage = [
  'usage: npm run audit -- verify [--dir D] [--start SEQUENCE:HASH]',
  '       npm run audit -- tail [-n N] [--dir D]',
].join('\n');

function startHead(value: string | undefined): ChainHead | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new DongseonError('DS_INVALID_INPUT', '--start expects SEQUENCE:HASH, the last record before the first one kept');
  return { sequence: Number(match[1]), hash: match[2] as string };
}

async function verify(dir: string, start: ChainHead | undefined): Promise<void> {
  const verdict = await verifyAuditLog(dir, start ? { start } : {});
  if (!verdict.ok) {
    const { position, reason, detail } = verdict;
    throw new DongseonError('DS_AUDIT_CHAIN_BROKEN', `${position.file} line ${position.line}: ${reason}: ${detail}`, { ...position, reason });
  }
  const range = verdict.records === 0 ? 'no records' : `sequence ${verdict.head.sequence - verdict.records + 1}..${verdict.head.sequence}`;
  console.log(`audit log verified: ${dir}: ${verdict.files} file(s), ${verdict.records} record(s), ${range}, head ${verdict.head.hash}`);
  if (verdict.unterminated) {
    console.log(`note: ${verdict.unterminated.file} line ${verdict.unterminated.line} has no newline yet: an append in flight, or torn by a crash (the writer sets it aside when it opens)`);
  }
  for (const torn of verdict.tornTails) console.log(`note: a torn last line was set aside earlier: ${torn}`);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { dir: { type: 'string' }, lines: { type: 'string', short: 'n' }, start: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const { positionals, values } = parsed;
  const dir = values.dir === undefined ? loadAuditConfig('audit').dir : resolve(values.dir);
  switch (positionals[0]) {
    case 'verify':
      await verify(dir, startHead(values.start));
      return;
    case 'tail': {
      const count = Number(values.lines ?? 20);
      if (!Number.isInteger(count) || count < 1) throw new DongseonError('DS_INVALID_INPUT', '-n expects a whole number of records, at least 1');
      for (const line of await recentAuditLines(dir, count)) console.log(line);
      return;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
}

await runProcess(main);
