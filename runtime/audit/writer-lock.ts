import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DongseonError } from '../../domain/errors/index.js';

const lockName = 'writer.lock';
/** Locks this process holds, by path: a lock naming our own pid that is not here was left by an earlier process. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderOf(path: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the log directory's writer lock. Two writers would each extend the chain from the same head and fork it,
 * so a second writer, in this process or another, is refused while the holder lives; a lock left by a dead
 * process is taken over. Returns the release.
 */
export async function acquireWriterLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, lockName);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(`${process.pid}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      heldHere.add(path);
      return async () => {
        heldHere.delete(path);
        if ((await holderOf(path)) === process.pid) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock without a pid may be one another writer has created but not yet written: give it a moment.
    const holder = (await holderOf(path)) ?? (await sleep(200), await holderOf(path));
    // In a container every start may get the same pid, so our own pid counts as alive only for a lock taken here.
    const live = holder === process.pid ? heldHere.has(path) : holder !== undefined && isAlive(holder);
    if (live) {
      throw new DongseonError('DS_AUDIT_LOG_LOCKED', `process ${holder} already writes the audit log in ${dir}`, { dir, holder });
    }
    await rm(path, { force: true });
  }
  throw new DongseonError('DS_AUDIT_LOG_LOCKED', `could not take the audit log's writer lock in ${dir}`, { dir });
}
