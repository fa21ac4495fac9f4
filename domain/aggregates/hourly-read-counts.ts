const hourMs = 3_600_000;

export interface HourlyReadCount {
  readonly cameraId: string;
  /** Start of the UTC clock hour, ISO 8601, e.g. `2025-03-01T09:00:00.000Z`. */
  readonly hourStart: string;
  readonly reads: number;
}

/** Reads per camera per UTC clock hour of capture; carries no plate. Sorted by hour, then camera. */
export function hourlyReadCounts(reads: Iterable<{ readonly cameraId: string; readonly capturedAtMs: number }>): HourlyReadCount[] {
  const counts = new Map<string, { cameraId: string; hourStartMs: number; reads: number }>();
  for (const read of reads) {
    const hourStartMs = Math.floor(read.capturedAtMs / hourMs) * hourMs;
    const key = `${hourStartMs}\u0000${read.cameraId}`;
    const cell = counts.get(key);
    if (cell) cell.reads++;
    else counts.set(key, { cameraId: read.cameraId, hourStartMs, reads: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => a.hourStartMs - b.hourStartMs || (a.cameraId < b.cameraId ? -1 : a.cameraId > b.cameraId ? 1 : 0))
    .map(({ cameraId, hourStartMs, reads: n }) => ({ cameraId, hourStart: new Date(hourStartMs).toISOString(), reads: n }));
}
