import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stackDir } from '../runtime/endpoints/stack-paths.js';
import { isAlive } from '../infra/stack/processes.js';

/**
 * Every benchmark run is a process group: the runner starts the benchmark in a group of its own, every process the
 * benchmark spawns stays in it, and the runner stops the whole group when the benchmark ends. A record under
 * .stack/bench/ names the group while the run lasts, so a run whose runner was killed (a crash, a closed terminal,
 * a CI timeout) is found and its processes stopped by the next run, before they hold ports, queues or CPU.
 */

export const benchRunsDir = join(stackDir, 'bench');

/**
 * Set in the environment of the benchmark process, and so inherited by every process it starts: it tells the
 * runner's child that it is the benchmark, and marks the processes of a run for `processGroupMembers`.
 */
export const benchProcessVariable = 'DS_BENCH_WORKER';

export interface BenchRunRecord {
  readonly bench: string;
  /** The runner that supervises the group; while it lives, the run is someone's current run, not a leftover. */
  readonly runnerPid: number;
  readonly processGroup: number;
  readonly startedAt: string;
}

const recordFile = (runnerPid: number) => join(benchRunsDir, `run-${runnerPid}.json`);

/** The command-line mark of the runner process (as `npm run bench` and `node --import tsx bench/run.ts` start it). */
const runnerMarker = join('bench', 'run.ts');

async function commandLineOf(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/** Alive and a bench runner: a dead pid may have been reused by an unrelated process, which must not count. */
export async function isBenchRunner(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return false;
  if (process.platform !== 'linux') return true;
  return (await commandLineOf(pid))?.includes(runnerMarker) ?? false;
}

async function isBenchProcess(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0').includes(`${benchProcessVariable}=1`);
  } catch {
    return false;
  }
}

/**
 * The live processes of a benchmark run's process group (Linux: from /proc). Zombies, and processes of another
 * program that happens to have been given a reused group id (no benchmark marker in its environment), are left out.
 */
export async function processGroupMembers(processGroup: number): Promise<number[]> {
  if (process.platform !== 'linux') {
    try {
      process.kill(-processGroup, 0);
      return [processGroup];
    } catch {
      return [];
    }
  }
  const members: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) !== processGroup || state === 'Z' || state === 'X') continue;
      if (await isBenchProcess(Number(entry))) members.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return members;
}

function signalGroup(processGroup: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-processGroup, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** SIGTERM to the group, SIGKILL to what is left after `graceMs`; resolves once none of its processes lives. */
export async function stopProcessGroup(processGroup: number, graceMs = 5_000): Promise<void> {
  if ((await processGroupMembers(processGroup)).length === 0) return;
  signalGroup(processGroup, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if ((await processGroupMembers(processGroup)).length === 0) return;
    await sleep(100);
  }
  signalGroup(processGroup, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && (await processGroupMembers(processGroup)).length > 0; waited += 100) await sleep(100);
}

export async function writeBenchRunRecord(record: BenchRunRecord): Promise<void> {
  await mkdir(benchRunsDir, { recursive: true });
  await writeFile(recordFile(record.runnerPid), `${JSON.stringify(record)}\n`);
}

export async function removeBenchRunRecord(runnerPid: number): Promise<void> {
  await rm(recordFile(runnerPid), { force: true });
}

async function readRecords(): Promise<BenchRunRecord[]> {
  let names: string[];
  try {
    names = await readdir(benchRunsDir);
  } catch {
    return [];
  }
  const records: BenchRunRecord[] = [];
  for (const name of names.filter((n) => /^run-\d+\.json$/.test(n))) {
    try {
      records.push(JSON.parse(await readFile(join(benchRunsDir, name), 'utf8')) as BenchRunRecord);
    } catch {
      await rm(join(benchRunsDir, name), { force: true });
    }
  }
  return records;
}

/**
 * Stops the processes of every recorded run whose runner is gone and drops its record; runs whose runner lives
 * (another terminal's benchmark) are left alone. Returns what was stopped, for the log.
 */
export async function stopLeftoverBenchRuns(): Promise<string[]> {
  const stopped: string[] = [];
  for (const record of await readRecords()) {
    if (await isBenchRunner(record.runnerPid)) continue;
    const members = await processGroupMembers(record.processGroup);
    if (members.length > 0) {
      await stopProcessGroup(record.processGroup, 2_000);
      stopped.push(`${members.length} processes of the '${record.bench}' run started ${record.startedAt}`);
    }
    await removeBenchRunRecord(record.runnerPid);
  }
  return stopped;
}
