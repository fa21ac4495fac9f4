import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DongseonError } from '../../domain/errors/index.js';
import { stackDir } from '../../runtime/endpoints/stack-paths.js';
import { isAlive, readPidFile } from './processes.js';

const lockFile = join(stackDir, 'stack.lock');

/**
 * Runs `work` while holding .stack/stack.lock, so two processes (a terminal and a test run) never start the
 * same server twice. A lock left by a process that has died is taken over.
 */
export async function withStackLock<T>(work: () => Promise<T>, waitMs = 300_000): Promise<T> {
  await acquire(Date.now() + waitMs);
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function acquire(deadline: number): Promise<void> {
  await mkdir(stackDir, { recursive: true });
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readPidFile(lockFile);
    if (holder !== undefined && !isAlive(holder)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new DongseonError('DS_STACK_BUSY', `Process ${holder ?? '?'} holds ${lockFile}; try again when it is done.`, {
        lockFile,
      });
    }
    await sleep(250);
  }
}
