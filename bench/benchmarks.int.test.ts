import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../runtime/endpoints/stack-config.js';
import { repoRoot } from '../runtime/endpoints/stack-paths.js';
import { allHealthy, stackServers, stackStatus } from '../infra/stack/stack.js';
import { benchRunsDir, processGroupMembers } from './bench-runs.js';
import { benchmarks } from './registry.js';

/**
 * Every benchmark in quick mode, as a user runs it (the runner in a child process), so a benchmark that rots fails
 * CI. Full runs stay out of CI; these check that each one runs from the stack as it is, prints its figures and
 * ends by itself with nothing of it left running.
 */

/** The figures each benchmark's JSON line must carry as numbers (paths into the line). */
const keyFigures: Record<string, readonly string[]> = {
  plates: ['readsPerSec', 'exhaustiveReadsPerSec', 'speedupVsExhaustive'],
  gateway: ['overheadRatio', 'operations.0.rps', 'operations.0.p99Ms', 'operations.0.directRps', 'operations.2.rpsPerCoreProcesses'],
  ingest: ['readsPerSec', 'acceptedPerSec', 'storedAfterDrain', 'rssMbEnd'],
  alert: ['p50Ms', 'p99Ms', 'channelP50Ms', 'cadP50Ms', 'stages.edge.p50Ms'],
  tracking: ['p50Ms', 'p95Ms', 'legs'],
  recognize: ['cropsPerSec', 'cropP95Ms', 'frameP50Ms', 'frameP95Ms', 'framesPerSecPerCore', 'modelMb', 'loadMs', 'rssMb'],
  console: ['cameras', 'fps', 'frameP50Ms', 'frameP95Ms', 'firstContentfulPaintMs', 'mapReadyMs'],
};

/** A quick run takes seconds of work; the rest is starting processes on a busy machine. */
const quickRunLimitMs = 150_000;

interface QuickRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly runnerPid: number;
  readonly timedOut: boolean;
}

/** `node --import tsx bench/run.ts <name> --quick` in a process group of its own, killed whole if it overruns. */
function runQuick(name: string): Promise<QuickRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench/run.ts'), name, '--quick'], {
      cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The runner's group and the benchmark's, so an overrun leaves nothing behind either.
      for (const group of [child.pid as number, benchmarkGroupOf(stdout)]) {
        try {
          process.kill(-group, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }, quickRunLimitMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, runnerPid: child.pid as number, timedOut });
    });
  });
}

/** The benchmark's process group, as the runner announces it; NaN before it has. */
const benchmarkGroupOf = (stdout: string) => Number(/benchmark process group (\d+)/.exec(stdout)?.[1]);

function figureAt(figures: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], figures);
}

describe('every benchmark in quick mode', () => {
  it('has key figures named here', () => {
    expect(Object.keys(keyFigures).sort()).toEqual(benchmarks.map((benchmark) => benchmark.name).sort());
  });

  it.each(benchmarks.map((benchmark) => benchmark.name))('%s ends by itself with its figures and leaves nothing running', async (name) => {
    const run = await runQuick(name);
    const output = `\n--- stdout ---\n${run.stdout.slice(-4000)}\n--- stderr ---\n${run.stderr.slice(-4000)}`;
    expect(run.timedOut, `still running after ${quickRunLimitMs / 1000} s${output}`).toBe(false);
    expect(run.code, `exit code${output}`).toBe(0);

    const lines = run.stdout.trim().split('\n');
    const figures = JSON.parse(lines.at(-1) ?? '') as Record<string, unknown>;
    expect(figures.bench).toBe(name);
    expect(figures.quick).toBe(true);
    for (const path of keyFigures[name] ?? []) {
      expect(Number.isFinite(figureAt(figures, path)), `${path} in ${lines.at(-1)}`).toBe(true);
    }
    expect(run.stderr, 'a client or timer kept the event loop open').not.toMatch(/still open/);

    // Nothing of the run lives on: not the runner's group, not the benchmark's, and its run record is gone.
    const benchGroup = benchmarkGroupOf(run.stdout);
    expect(benchGroup).toBeGreaterThan(0);
    expect(await processGroupMembers(benchGroup)).toEqual([]);
    expect(await processGroupMembers(run.runnerPid)).toEqual([]);
    expect(existsSync(join(benchRunsDir, `run-${run.runnerPid}.json`))).toBe(false);
    // The stack servers it found running are still up.
    expect(allHealthy(await stackStatus(stackServers(loadStackConfig())))).toBe(true);
  }, quickRunLimitMs + 30_000);
});
