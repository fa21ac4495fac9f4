import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { runProcess } from '../runtime/config.js';
import { loadStackConfig } from '../runtime/endpoints/stack-config.js';
import { findExecutable } from '../runtime/processes/executables.js';
import { stackDown, stackServers, stackUp } from '../infra/stack/stack.js';
import { withStackLock } from '../infra/stack/stack-lock.js';
import type { Benchmark } from './benchmark.js';
import { benchProcessVariable, removeBenchRunRecord, stopLeftoverBenchRuns, stopProcessGroup, writeBenchRunRecord } from './bench-runs.js';
import { benchmarks } from './registry.js';

/**
 * `npm run bench -- <name> [--quick] [options]`. The runner starts the benchmark as a child in a process group of
 * its own and, when the child ends (by success, failure or a signal), stops every process left in that group: the
 * edges, workers and receivers a benchmark spawns never outlive it. Processes of an earlier run whose runner was
 * killed are stopped before a new run starts (bench-runs.ts).
 */

const pinnedMarker = 'DS_BENCH_PINNED_CPU';

function usage(): string {
  return `usage: npm run bench -- <name> [--quick] [options]\n\n${benchmarks.map((b) => `  ${b.name.padEnd(10)} ${b.description}`).join('\n')}\n\n` +
    '  --quick    seconds and tiny sizes through the same code (npm test runs each benchmark so)';
}

/** The command that runs this file again as the benchmark process; on one pinned CPU where the benchmark asks for it. */
function benchmarkCommand(benchmark: Benchmark): { file: string; args: string[]; pinned: boolean } {
  const self = [...process.execArgv, ...process.argv.slice(1)];
  if (benchmark.oneCore) {
    const taskset = findExecutable('taskset');
    if (taskset !== undefined) return { file: taskset, args: ['-c', '0', process.execPath, ...self], pinned: true };
    console.log('taskset not found: running unpinned');
  }
  return { file: process.execPath, args: self, pinned: false };
}

/** Runs the benchmark in a new process group, stops whatever of that group is left when it ends; its exit status. */
async function superviseBenchmark(benchmark: Benchmark): Promise<number> {
  for (const line of await stopLeftoverBenchRuns()) console.log(`stopped what an earlier run left behind: ${line}`);
  const command = benchmarkCommand(benchmark);
  const child = spawn(command.file, command.args, {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, [benchProcessVariable]: '1', ...(command.pinned ? { [pinnedMarker]: '0' } : {}) },
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  await once(child, 'spawn');
  const processGroup = child.pid as number;
  await writeBenchRunRecord({ bench: benchmark.name, runnerPid: process.pid, processGroup, startedAt: new Date().toISOString() });
  console.log(`runner: benchmark process group ${processGroup}`);
  // Ctrl-C reaches the runner's group only; pass it on, and stay alive to stop what the benchmark leaves.
  const relay = (signal: NodeJS.Signals) => {
    try {
      process.kill(-processGroup, signal);
    } catch {
      // already gone
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, relay);
  try {
    const [code, signal] = await exited;
    if (signal !== null) console.error(`bench ${benchmark.name}: the benchmark process ended on ${signal}`);
    return code ?? 1;
  } finally {
    await stopProcessGroup(processGroup);
    await removeBenchRunRecord(process.pid);
    for (const signal of signals) process.off(signal, relay);
  }
}

/** The benchmark itself: brings up the servers it needs, runs it, prints the JSON line, stops what it started. */
async function runBenchmark(benchmark: Benchmark, args: readonly string[]): Promise<void> {
  const quick = args.includes('--quick');
  // Explicit options come first, so they win over the quick preset (numericArgument takes the first occurrence).
  const runArgs = quick ? [...args.filter((arg) => arg !== '--quick'), ...benchmark.quickArgs] : args;
  const servers = stackServers(loadStackConfig()).filter((server) => benchmark.needs.includes(server.name));
  const reports = servers.length > 0 ? await withStackLock(() => stackUp(servers)) : [];
  const startedHere = reports.filter((report) => report.state === 'started').map((report) => report.name);
  try {
    console.log(`bench ${benchmark.name}${quick ? ' (quick)' : ''}: ${benchmark.description}`);
    console.log(`machine: node ${process.version}, ${process.env[pinnedMarker] !== undefined ? 'pinned to CPU 0' : 'unpinned'}`);
    const figures = await benchmark.run(runArgs);
    console.log(JSON.stringify({ bench: benchmark.name, ...(quick ? { quick: true } : {}), ...figures }));
  } finally {
    // The benchmark has closed its clients by now; only then may servers it started go down.
    if (startedHere.length > 0) await withStackLock(() => stackDown(servers, startedHere));
  }
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const benchmark = benchmarks.find((candidate) => candidate.name === name);
  if (!benchmark) {
    console.error(usage());
    process.exitCode = 2;
    return;
  }
  if (process.env[benchProcessVariable] === undefined) process.exitCode = await superviseBenchmark(benchmark);
  else await runBenchmark(benchmark, args);
}

try {
  await runProcess(main);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
// Everything the benchmark opened is closed by now; a client that still holds the event loop open (a retrying
// connection, a forgotten timer) must not keep the run from ending. Name it, so it gets fixed, and exit.
// An Immediate is not among them: it runs on the next turn of the loop and cannot hold it open (onnxruntime-node,
// loaded by the registry, leaves one behind now and then).
const leftOpen = process.getActiveResourcesInfo().filter((resource) => !['TTYWrap', 'PipeWrap', 'FSReqCallback', 'FileHandle', 'Immediate'].includes(resource));
if (process.env[benchProcessVariable] !== undefined && leftOpen.length > 0) console.error(`bench: exiting with ${leftOpen.join(', ')} still open`);
process.exit();
