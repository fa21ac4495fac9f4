import { createReadStream } from 'node:fs';

const newline = 0x0a;

export interface AuditFileLine {
  /** 1-based, as an editor shows it. */
  readonly number: number;
  readonly bytes: Buffer;
  /** False only for a last line that has no newline: an append still in flight, or one torn by a crash. */
  readonly terminated: boolean;
}

/** Streams a file's lines as raw bytes, so a log of any size is read in constant memory. */
export async function* readAuditLines(path: string): AsyncGenerator<AuditFileLine> {
  let carry = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let i = bytes.indexOf(newline); i !== -1; i = bytes.indexOf(newline, start)) {
      number += 1;
      yield { number, bytes: bytes.subarray(start, i), terminated: true };
      start = i + 1;
    }
    carry = Buffer.from(bytes.subarray(start));
  }
  if (carry.length > 0) yield { number: number + 1, bytes: carry, terminated: false };
}

/** How many newlines precede `offset`: the 1-based line number of the line starting there is this plus one. */
export async function countLinesBefore(path: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  let count = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: offset - 1 })) {
    for (const byte of chunk as Buffer) if (byte === newline) count += 1;
  }
  return count;
}
