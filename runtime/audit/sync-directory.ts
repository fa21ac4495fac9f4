import { open } from 'node:fs/promises';

/** Makes a directory's entries durable: a file created or truncated is not crash-safe until its directory is synced. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
