import type { CameraRead, ReadPlateCandidate } from './camera-read.js';

/** One vehicle passing one camera: the repeated reads of it collapsed, the best frame kept. */
export interface Sighting {
  readonly cameraId: string;
  /** The best candidate's cleaned text, the same for every read in the sighting. */
  readonly plate: string;
  /** Earliest capture time among the reads. */
  readonly firstCapturedAtMs: number;
  readonly lastCapturedAtMs: number;
  /** The best frame: its read id (also the sighting's idempotency key), candidates and image references. */
  readonly bestReadId: string;
  readonly bestConfidence: number;
  readonly candidates: readonly ReadPlateCandidate[];
  readonly plateImageRef?: string;
  readonly vehicleImageRef?: string;
  /** Every read collapsed into this sighting, in arrival order. */
  readonly readIds: readonly string[];
}

export interface ReadCollapseOptions {
  /** A read joins a group when captured within this long of the group's reads. */
  readonly windowMs: number;
  /** Open groups kept at most; past it the least recently extended group is closed early. */
  readonly maxOpenGroups: number;
}

export const defaultReadCollapseOptions: ReadCollapseOptions = { windowMs: 30_000, maxOpenGroups: 100_000 };

export interface ReadCollapser {
  /** Adds a read; returns the sightings this closes (none, or a group it cannot join). */
  add(read: CameraRead): Sighting[];
  /** Closes every group whose last read is more than the window before `nowMs`. */
  flushBefore(nowMs: number): Sighting[];
  /** Closes every group (shutdown, end of a replay). */
  flushAll(): Sighting[];
  /**
   * The open group `read` was added to, as it stands now (a snapshot: its read ids are copied), or undefined when
   * the read is in no open group (a straggler, already emitted, or never added). Its first read id names the group.
   */
  openSightingOf(read: CameraRead): Sighting | undefined;
  readonly openGroups: number;
}

interface Group {
  readonly key: string;
  firstMs: number;
  lastMs: number;
  best: CameraRead;
  readonly readIds: string[];
}

const bestCandidate = (read: CameraRead): ReadPlateCandidate => read.candidates[0] as ReadPlateCandidate;

/**
 * Whether `a` is a better frame than `b`: higher confidence, then earlier capture, then the smaller read id.
 * A total order, so the frame kept does not depend on the order reads arrive in.
 */
function isBetterFrame(a: CameraRead, b: CameraRead): boolean {
  const byConfidence = bestCandidate(a).confidence - bestCandidate(b).confidence;
  if (byConfidence !== 0) return byConfidence > 0;
  if (a.capturedAtMs !== b.capturedAtMs) return a.capturedAtMs < b.capturedAtMs;
  return a.readId < b.readId;
}

function sightingOf(group: Group): Sighting {
  const best = group.best;
  return {
    cameraId: best.cameraId,
    plate: bestCandidate(best).text,
    firstCapturedAtMs: group.firstMs,
    lastCapturedAtMs: group.lastMs,
    bestReadId: best.readId,
    bestConfidence: bestCandidate(best).confidence,
    candidates: best.candidates,
    ...(best.plateImageRef === undefined ? {} : { plateImageRef: best.plateImageRef }),
    ...(best.vehicleImageRef === undefined ? {} : { vehicleImageRef: best.vehicleImageRef }),
    readIds: group.readIds,
  };
}

/**
 * Collapses repeated reads of one plate (its best candidate, cleaned) at one camera. Reads are accepted reads
 * (`validateReadBatch`), whose candidates are non-empty and sorted best first. Memory holds open groups only,
 * at most `maxOpenGroups`; a closed group is emitted and forgotten.
 */
export function createReadCollapser(options: ReadCollapseOptions = defaultReadCollapseOptions): ReadCollapser {
  const { windowMs, maxOpenGroups } = options;
  // Map order is least recently extended first: every extension re-inserts the group.
  const groups = new Map<string, Group>();

  const open = (key: string, read: CameraRead): Sighting[] => {
    const emitted: Sighting[] = [];
    if (groups.size >= maxOpenGroups) {
      const [oldestKey, oldest] = groups.entries().next().value as [string, Group];
      groups.delete(oldestKey);
      emitted.push(sightingOf(oldest));
    }
    groups.set(key, { key, firstMs: read.capturedAtMs, lastMs: read.capturedAtMs, best: read, readIds: [read.readId] });
    return emitted;
  };

  return {
    add(read) {
      const key = `${read.cameraId}\u0000${bestCandidate(read).text}`;
      const group = groups.get(key);
      if (group === undefined) return open(key, read);
      const t = read.capturedAtMs;
      if (t > group.lastMs + windowMs) {
        groups.delete(key);
        return [sightingOf(group), ...open(key, read)];
      }
      if (t < group.firstMs - windowMs) {
        // A straggler from before the group: a sighting of its own, so no read is lost or merged across a gap.
        return [sightingOf({ key, firstMs: t, lastMs: t, best: read, readIds: [read.readId] })];
      }
      group.firstMs = Math.min(group.firstMs, t);
      group.lastMs = Math.max(group.lastMs, t);
      group.readIds.push(read.readId);
      if (isBetterFrame(read, group.best)) group.best = read;
      groups.delete(key);
      groups.set(key, group);
      return [];
    },
    flushBefore(nowMs) {
      const emitted: Sighting[] = [];
      for (const [key, group] of groups) {
        if (group.lastMs + windowMs < nowMs) {
          groups.delete(key);
          emitted.push(sightingOf(group));
        }
      }
      return emitted;
    },
    flushAll() {
      const emitted = [...groups.values()].map(sightingOf);
      groups.clear();
      return emitted;
    },
    openSightingOf(read) {
      const group = groups.get(`${read.cameraId}\u0000${bestCandidate(read).text}`);
      if (group === undefined || !group.readIds.includes(read.readId)) return undefined;
      return sightingOf({ ...group, readIds: [...group.readIds] });
    },
    get openGroups() {
      return groups.size;
    },
  };
}
