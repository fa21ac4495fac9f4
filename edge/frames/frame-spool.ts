import { createHash } from 'node:crypto';
import { link, mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AcceptedFrame } from '../../domain/ingest/index.js';

/**
 * Where accepted frames wait for the recognize worker: one file per frame under the node's state folder, written
 * and synced before the frame is queued, so a queued frame always has its image. A frame sent again under the same
 * id keeps the first image. The worker removes a frame's file once it has been read.
 */
export interface FrameSpool {
  readonly dir: string;
  /** Writes the image (unless the frame is there already); resolves to its path relative to `dir`. */
  put(frame: AcceptedFrame, bytes: Uint8Array): Promise<string>;
  read(file: string): Promise<Buffer>;
  remove(file: string): Promise<void>;
}

/** Camera ids may hold `/` and `:`; a digest names the camera's folder. Frame ids are file-name safe by their schema. */
export const frameSpoolFile = (frame: Pick<AcceptedFrame, 'cameraId' | 'frameId'>): string =>
  join(createHash('sha256').update(frame.cameraId).digest('hex').slice(0, 24), `${frame.frameId}.img`);

export function createFrameSpool(dir: string): FrameSpool {
  const within = (file: string): string => {
    const path = join(dir, file);
    // Hazard: a job's file name comes from Redis; only a path under the spool is ever read or removed.
    if (!path.startsWith(`${dir}/`) || file.includes('..')) throw new Error(`frame file outside the spool: ${JSON.stringify(file.slice(0, 80))}`);
    return path;
  };
  return {
    dir,
    async put(frame, bytes) {
      const file = frameSpoolFile(frame);
      const path = within(file);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        // A hard link appears whole or not at all, and fails when the frame is there: the first image stays.
        await link(temporary, path).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
      } finally {
        await rm(temporary, { force: true });
      }
      return file;
    },
    read: async (file) => readFile(within(file)),
    remove: async (file) => rm(within(file), { force: true }),
  };
}
