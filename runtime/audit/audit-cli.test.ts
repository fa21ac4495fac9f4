import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleAccessEntry } from '../../domain/audit/audit-entry-arbitraries.js';
import { openAuditLog } from './open-audit-log.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const cli = join(repoRoot, 'runtime', 'audit', 'audit-cli.ts');

interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runCli(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [cli, ...args], { cwd: repoRoot, env: { ...process.env, DS_AUDIT_DIR: '/nonexistent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let root: string;
let dir: string;
let pristine: Map<string, string>;
const files = ['audit-000001.jsonl', 'audit-000002.jsonl'];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dongseon-audit-cli-'));
  dir = join(root, 'audit');
  const log = await openAuditLog({ dir, rotateBytes: 4096 });
  await Promise.all(Array.from({ length: 9 }, (_, i) => log.append(sampleAccessEntry(i + 1))));
  await log.close();
  pristine = new Map(await Promise.all(files.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const)));
});
beforeEach(async () => {
  for (const [name, text] of pristine) await writeFile(join(dir, name), text);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function rewriteLines(name: string, rewrite: (lines: string[]) => string[]): Promise<void> {
  const lines = (pristine.get(name) as string).split('\n').slice(0, -1);
  await writeFile(join(dir, name), `${rewrite(lines).join('\n')}\n`);
}

describe('npm run audit -- verify', () => {
  it('exits 0 with a summary for an intact log', async () => {
    const result = await runCli('verify', '--dir', dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^audit log verified: .*: 2 file\(s\), 9 record\(s\), sequence 1\.\.9, head [0-9a-f]{64}\n$/);
  });

  it('exits 1 with DS_AUDIT_CHAIN_BROKEN naming the file, line and reason of an edited record', async () => {
    await rewriteLines('audit-000002.jsonl', (lines) => lines.map((line, i) => (i === 1 ? line.replace('"officer-', '"officer-x') : line)));
    const result = await runCli('verify', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\[DS_AUDIT_CHAIN_BROKEN\] audit-000002\.jsonl line 2: edited: sequence \d+ does not match its hash\n$/);
  });

  it('names a removed record', async () => {
    await rewriteLines('audit-000001.jsonl', (lines) => lines.filter((_, i) => i !== 2));
    const result = await runCli('verify', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[DS_AUDIT_CHAIN_BROKEN] audit-000001.jsonl line 3: removed: sequence jumps from 2 to 4');
  });

  it('names a line that is no record', async () => {
    await rewriteLines('audit-000001.jsonl', (lines) => lines.map((line, i) => (i === 0 ? line.slice(1) : line)));
    const result = await runCli('verify', '--dir', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[DS_AUDIT_CHAIN_BROKEN] audit-000001.jsonl line 1: malformed: not valid JSON');
  });

  it('fails with a coded message when the directory does not exist', async () => {
    const result = await runCli('verify', '--dir', join(root, 'missing'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^\[DS_NOT_FOUND\] no audit log directory at /);
  });
});

describe('npm run audit -- tail', () => {
  it('prints the newest records, one canonical line each, across files', async () => {
    const result = await runCli('tail', '-n', '5', '--dir', dir);
    expect(result.code).toBe(0);
    const sequences = result.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { sequence: number }).sequence);
    expect(sequences).toEqual([5, 6, 7, 8, 9]);
  });

  it('shows its usage for an unknown command', async () => {
    const result = await runCli('rewrite', '--dir', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run audit -- verify');
  });
});
