import { spawnSync } from 'node:child_process';
import { runProcess } from '../runtime/config.js';
import { loadStackConfig } from '../runtime/endpoints/stack-config.js';
import { findExecutable } from '../runtime/processes/executables.js';
import { stackDown, stackServers, stackUp } from '../infra/stack/stack.js';
import { withStackLock } from '../infra/stack/stack-lock.js';
import { benchmarks } from './registry.js';

const pinnedMarker = 'DS_BENCH_PINNED_CPU';

/** Re-runs this process on CPU 0 alone, so a benchmark's "one core" is one core and not the GC's helpers too. */
function rerunOnOneCore(): number | undefined {
  if (process.env[pinnedMarker] !== undefined) return undefined;
  const taskset = findExecutable('taskset');
  if (taskset === undefined) {
    console.log('taskset not found: running unpinned');
    return undefined;
  }
  const result = spawnSync(taskset, ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [pinnedMarker]: '0' },
  });
  return result.status ?? 1;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const benchmark = benchmarks.find((candidate) => candidate.name === name);
  if (!benchmark) {
    console.error(`usage: npm run bench -- <name> [options]\n\n${benchmarks.map((b) => `  ${b.name.padEnd(10)} ${b.description}`).join('\n')}`);
    process.exitCode = 2;
    return;
  }
  if (benchmark.oneCore) {
    const status = rerunOnOneCore();
    if (status !== undefined) {
      process.exitCode = status;
      return;
    }
  }
  const servers = stackServers(loadStackConfig()).filter((server) => benchmark.needs.includes(server.name));
  const reports = servers.length > 0 ? await withStackLock(() => stackUp(servers)) : [];
  const startedHere = reports.filter((report) => report.state === 'started').map((report) => report.name);
  try {
    console.log(`bench ${benchmark.name}: ${benchmark.description}`);
    console.log(`machine: node ${process.version}, ${process.env[pinnedMarker] !== undefined ? 'pinned to CPU 0' : 'unpinned'}`);
    const figures = await benchmark.run(args);
    console.log(JSON.stringify({ bench: benchmark.name, ...figures }));
  } finally {
    if (startedHere.length > 0) await withStackLock(() => stackDown(servers, startedHere));
  }
}

await runProcess(main);
