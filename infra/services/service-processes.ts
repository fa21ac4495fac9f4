import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DongseonError } from '../../domain/errors/index.js';
import { repoRoot } from '../../runtime/endpoints/stack-paths.js';
import { crash } from '../stack/processes.js';
import type { HubService } from './hub-services.js';

export interface RunningService {
  readonly service: HubService;
  readonly child: ChildProcess;
  /** The last lines the process printed, for failure reports. */
  readonly recentOutput: string[];
}

const tsxBinary = join(repoRoot, 'node_modules', '.bin', 'tsx');
const keptLines = 40;

function relayOutput(running: RunningService, stream: NodeJS.ReadableStream | null, sink: NodeJS.WriteStream): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      running.recentOutput.push(line);
      if (running.recentOutput.length > keptLines) running.recentOutput.shift();
      sink.write(`[${running.service.name}] ${line}\n`);
    }
  });
}

export function spawnService(service: HubService, env: NodeJS.ProcessEnv): RunningService {
  const child = spawn(tsxBinary, [service.entry], {
    cwd: repoRoot,
    env: { ...env, ...service.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running: RunningService = { service, child, recentOutput: [] };
  relayOutput(running, child.stdout, process.stdout);
  relayOutput(running, child.stderr, process.stderr);
  return running;
}

/** How long a worker without a health endpoint must run without exiting to count as up. */
const workerSettleMs = 3_000;

/**
 * Resolves once the service answers its health check (or, for a worker, has run a moment without exiting); fails
 * with its last output if it exits or the deadline passes.
 */
export async function waitForHealth(running: RunningService, deadlineMs = 60_000): Promise<void> {
  const started = Date.now();
  const { healthUrl } = running.service;
  while (Date.now() - started < deadlineMs) {
    if (running.child.exitCode !== null) break;
    if (healthUrl === undefined) {
      if (Date.now() - started >= workerSettleMs) return;
    } else {
      try {
        const response = await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
    }
    await sleep(300);
  }
  const why = running.child.exitCode !== null ? `exited with code ${running.child.exitCode}` : `was not healthy within ${deadlineMs / 1000} s`;
  throw new DongseonError('DS_STACK_START_FAILED', `${running.service.name} ${why}\n${running.recentOutput.slice(-15).join('\n')}`);
}

/**
 * Stops services in reverse start order: SIGTERM, then SIGKILL after a grace period, to the launcher and to the
 * process that runs the entry (tsx runs it in a child, which a killed launcher would leave running).
 */
export async function stopServices(services: readonly RunningService[], graceMs = 10_000): Promise<void> {
  for (const running of [...services].reverse()) {
    const launcher = running.child.pid;
    if (launcher === undefined || running.child.exitCode !== null || running.child.signalCode !== null) continue;
    const descendants = await descendantPids(launcher);
    const exited = once(running.child, 'exit');
    running.child.kill('SIGTERM');
    const grace = new AbortController();
    const timedOut = sleep(graceMs, 'timeout' as const, { signal: grace.signal }).catch(() => 'stopped' as const);
    const outcome = await Promise.race([exited, timedOut]);
    grace.abort();
    if (outcome !== 'timeout') continue;
    for (const pid of descendants.reverse()) await crash(pid);
    running.child.kill('SIGKILL');
    await exited;
  }
}

async function childrenOf(pid: number): Promise<number[]> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    const lists = await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')));
    return lists.flatMap((list) => list.trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

/** Every process under `pid`, parents before their children (Linux only; none elsewhere). */
export async function descendantPids(pid: number): Promise<number[]> {
  const descendants: number[] = [];
  const queue = await childrenOf(pid);
  while (queue.length > 0) {
    const next = queue.shift() as number;
    descendants.push(next);
    queue.push(...await childrenOf(next));
  }
  return descendants;
}

/**
 * Crashes a service as a power cut or the OOM killer would: SIGKILL to the process that runs the entry (tsx runs it
 * in a child of the launcher) and to the launcher, so no shutdown handler runs. Resolves once all of them are gone.
 */
export async function crashService(running: RunningService): Promise<void> {
  const launcher = running.child.pid;
  if (launcher === undefined || running.child.exitCode !== null || running.child.signalCode !== null) return;
  const exited = once(running.child, 'exit');
  for (const pid of (await descendantPids(launcher)).reverse()) await crash(pid);
  running.child.kill('SIGKILL');
  await exited;
}
