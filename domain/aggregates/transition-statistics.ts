/** A sighting as the transition statistics see it: a pseudonym, never a plate. */
export interface PseudonymousSighting {
  readonly pseudonym: string;
  readonly cameraId: string;
  readonly capturedAtMs: number;
}

export interface TransitionStatistic {
  readonly fromCameraId: string;
  readonly toCameraId: string;
  /** UTC hour of day (0–23) at which the vehicle left `fromCameraId`. */
  readonly hourOfDayUtc: number;
  readonly count: number;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  /** Nearest-rank 90th percentile. */
  readonly p90Seconds: number;
}

export interface TransitionStatisticsOptions {
  /** Consecutive sightings further apart than this are separate trips, not a transition. */
  readonly maxGapMs: number;
  /** Cells with fewer transitions are left out, so a rare trip cannot single out one vehicle. */
  readonly minimumCount: number;
}

export const defaultTransitionStatisticsOptions: TransitionStatisticsOptions = { maxGapMs: 30 * 60_000, minimumCount: 5 };

const hourMs = 3_600_000;

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Camera-to-camera transition counts and travel times per UTC hour of day. Each pseudonym's sightings are taken
 * in time order; two consecutive sightings at different cameras within `maxGapMs` make one transition (repeats
 * at the same camera continue the chain from the later one). The output names cameras and hours only.
 */
export function transitionStatistics(
  sightings: Iterable<PseudonymousSighting>,
  options: TransitionStatisticsOptions = defaultTransitionStatisticsOptions,
): TransitionStatistic[] {
  const byPseudonym = new Map<string, PseudonymousSighting[]>();
  for (const sighting of sightings) {
    const list = byPseudonym.get(sighting.pseudonym);
    if (list) list.push(sighting);
    else byPseudonym.set(sighting.pseudonym, [sighting]);
  }
  const cells = new Map<string, { from: string; to: string; hour: number; seconds: number[] }>();
  for (const list of byPseudonym.values()) {
    list.sort((a, b) => a.capturedAtMs - b.capturedAtMs);
    for (let i = 1; i < list.length; i++) {
      const from = list[i - 1] as PseudonymousSighting;
      const to = list[i] as PseudonymousSighting;
      const gapMs = to.capturedAtMs - from.capturedAtMs;
      if (from.cameraId === to.cameraId || gapMs > options.maxGapMs) continue;
      const hour = Math.floor(((from.capturedAtMs % (24 * hourMs)) + 24 * hourMs) % (24 * hourMs) / hourMs);
      const key = `${from.cameraId}\u0000${to.cameraId}\u0000${hour}`;
      const cell = cells.get(key);
      if (cell) cell.seconds.push(gapMs / 1000);
      else cells.set(key, { from: from.cameraId, to: to.cameraId, hour, seconds: [gapMs / 1000] });
    }
  }
  const statistics: TransitionStatistic[] = [];
  for (const { from, to, hour, seconds } of cells.values()) {
    if (seconds.length < options.minimumCount) continue;
    seconds.sort((a, b) => a - b);
    statistics.push({
      fromCameraId: from,
      toCameraId: to,
      hourOfDayUtc: hour,
      count: seconds.length,
      meanSeconds: seconds.reduce((sum, s) => sum + s, 0) / seconds.length,
      medianSeconds: median(seconds),
      p90Seconds: seconds[Math.ceil(0.9 * seconds.length) - 1] as number,
    });
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return statistics.sort((a, b) =>
    order(a.fromCameraId, b.fromCameraId) || order(a.toCameraId, b.toCameraId) || a.hourOfDayUtc - b.hourOfDayUtc);
}
