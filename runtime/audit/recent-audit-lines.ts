import { listAuditFiles } from './audit-files.js';
import { readLastLines } from './read-last-lines.js';

/** The newest `count` complete lines of the log, oldest first, reading back across rotated files as needed. */
export async function recentAuditLines(dir: string, count: number): Promise<string[]> {
  const lines: string[] = [];
  for (const file of (await listAuditFiles(dir)).reverse()) {
    if (lines.length >= count) break;
    const tail = await readLastLines(file.path, count - lines.length);
    lines.unshift(...tail.lines.map((line) => line.toString('utf8')));
  }
  return lines;
}
