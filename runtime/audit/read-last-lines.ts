import { open } from 'node:fs/promises';

const newline = 0x0a;
const chunkBytes = 64 * 1024;

/** The end of a file: its last complete lines, and what follows the last newline if the file does not end in one. */
export interface FileTail {
  readonly size: number;
  /** Up to the requested count of complete lines, oldest first, without their newlines. */
  readonly lines: readonly Buffer[];
  /** Bytes after the last newline: a line whose write never completed. */
  readonly unterminated?: { readonly offset: number; readonly bytes: Buffer };
}

function splitLines(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(newline); i !== -1; i = bytes.indexOf(newline, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  return lines;
}

/** Reads a file backwards in chunks until it holds `count` complete lines, so the cost does not grow with the file. */
export async function readLastLines(path: string, count: number): Promise<FileTail> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    let position = size;
    let tail = Buffer.alloc(0);
    let newlines = 0;
    while (position > 0 && newlines < count + 1) {
      const length = Math.min(chunkBytes, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await handle.read(chunk, 0, length, position);
      for (let i = 0; i < bytesRead; i++) if (chunk[i] === newline) newlines += 1;
      tail = Buffer.concat([chunk.subarray(0, bytesRead), tail]);
    }
    const lastNewline = tail.lastIndexOf(newline);
    const unterminated = lastNewline === tail.length - 1
      ? undefined
      : { offset: position + lastNewline + 1, bytes: tail.subarray(lastNewline + 1) };
    const complete = splitLines(tail.subarray(0, lastNewline + 1));
    // Unless the read reached the start of the file, the first piece is the end of a line that began earlier.
    if (position > 0) complete.shift();
    return { size, lines: complete.slice(-count), ...(unterminated ? { unterminated } : {}) };
  } finally {
    await handle.close();
  }
}
