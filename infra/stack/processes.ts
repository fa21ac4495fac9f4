import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { lastLines } from '../../runtime/processes/executables.js';

export async function readPidFile(pidFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(pidFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandLineOf(pid: number): Promise<string | undefined> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
}

/**
 * The pid in `pidFile` when that process is alive and its command line holds every marker. A pid file can
 * outlive its server and the pid be reused by an unrelated process; the markers keep us from ever signalling
 * a process we did not start. Zombies have an empty command line and so never match.
 */
export async function ownedPid(pidFile: string, markers: readonly string[]): Promise<number | undefined> {
  const pid = await readPidFile(pidFile);
  if (pid === undefined || !isAlive(pid)) return undefined;
  const commandLine = await commandLineOf(pid);
  if (commandLine === undefined) return process.platform === 'linux' ? undefined : pid;
  return markers.every((marker) => commandLine.includes(marker)) ? pid : undefined;
}

export async function removeStalePidFile(pidFile: string, markers: readonly string[]): Promise<void> {
  if ((await ownedPid(pidFile, markers)) === undefined) await rm(pidFile, { force: true });
}

export interface DetachedProcess {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Starts a server in its own session, so Ctrl-C in the terminal that started it does not reach it. */
export async function spawnDetached(options: DetachedProcess): Promise<number> {
  const log = openSync(options.logFile, 'a');
  try {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid ?? -1));
      child.once('error', reject);
    });
    child.unref();
    await writeFile(options.pidFile, `${pid}\n`);
    return pid;
  } finally {
    closeSync(log);
  }
}

/** The state letter of /proc/<pid>/stat (`R`, `S`, `Z`…), if there is one. */
async function processStateOf(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  } catch {
    return undefined;
  }
}

async function threadCountOf(pid: number): Promise<number> {
  try {
    return (await readdir(`/proc/${pid}/task`)).length;
  } catch {
    return 0;
  }
}

/**
 * Gone, or a zombie waiting to be reaped. Not an empty command line: a dying process loses its memory (and with it
 * the command line) before it closes its files and sockets, so its port may still be held for a moment; and the
 * first thread of a JVM is a zombie while its other threads are still exiting.
 */
async function hasExited(pid: number): Promise<boolean> {
  if (!isAlive(pid)) return true;
  const state = await processStateOf(pid);
  return (state === 'Z' || state === 'X') && (await threadCountOf(pid)) <= 1;
}

export async function waitForExit(pid: number, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (!(await hasExited(pid))) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** SIGTERM, then SIGKILL if the process has not exited within `graceMs`. */
export async function terminate(pid: number, graceMs: number): Promise<'exited' | 'killed'> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return 'exited';
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 5_000);
  return 'killed';
}

/** SIGKILL, as a crash ends a process: no shutdown handler runs and nothing more is flushed. Resolves once it is gone. */
export async function crash(pid: number): Promise<void> {
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export async function tailOfFile(file: string, lines = 30): Promise<string> {
  try {
    return lastLines(await readFile(file, 'utf8'), lines);
  } catch {
    return '';
  }
}
