import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(repoRoot, 'console/dist');
/** The fingerprint of the inputs the current build was made from. */
const stampFile = join(distDir, '.build-inputs');

/** Everything a console build is made from: its sources, the trusted documents, the base map's scenario, the lock file. */
const inputRoots = ['console/src', 'console/index.html', 'console/vite.config.ts', 'operations/trusted-documents.json',
  'data/demo-city/road-graph.json', 'data/demo-city/municipalities.json', 'domain/plates', 'domain/hits', 'domain/errors', 'package-lock.json'];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** SHA-256 over every input's path and content: a checkout's file times do not matter, only what the files hold. */
export function consoleInputsFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of inputRoots.flatMap((root) => filesUnder(join(repoRoot, root))).filter((file) => !file.endsWith('.test.ts'))) {
    hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Whether console/dist was built from the inputs as they are now. */
export function consoleBuildIsCurrent(fingerprint = consoleInputsFingerprint()): boolean {
  return existsSync(join(distDir, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === fingerprint;
}

/** Runs `vite build` for the console; resolves with its wall time in milliseconds. */
export async function buildConsole(): Promise<number> {
  const started = performance.now();
  const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`console build: vite build exited with ${String(code)}`);
  return performance.now() - started;
}

/** Builds the console when console/dist is missing or was built from other inputs; a current build is left alone. */
export async function ensureConsoleBuild(log: (line: string) => void = (line) => console.error(line)): Promise<void> {
  const fingerprint = consoleInputsFingerprint();
  if (consoleBuildIsCurrent(fingerprint)) return;
  log('console: building console/dist (vite build)');
  const ms = await buildConsole();
  writeFileSync(stampFile, `${fingerprint}\n`);
  log(`console: built in ${(ms / 1000).toFixed(1)} s`);
}
