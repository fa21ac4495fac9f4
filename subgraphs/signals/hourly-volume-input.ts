import { z } from 'zod';
import type { HourlyVolumeInput } from './generated/resolver-types.js';

export interface HourlyVolumeEntry {
  readonly approachId: string;
  readonly hourStartMs: number;
  readonly vehicles: number;
}

/** The most counts one recordHourlyVolumes call may carry: a month of one busy intersection's approaches. */
export const maximumVolumesPerCall = 10_000;
const hourMs = 3_600_000;
const isoInstant = z.iso.datetime({ offset: true });

/**
 * Validates counts before any is stored: whole, non-negative vehicle counts, each for a clock hour (a whole hour in
 * UTC, hence in every whole-hour zone such as KST), at most once per approach and hour.
 */
export function hourlyVolumeEntries(volumes: readonly HourlyVolumeInput[]): { entries: HourlyVolumeEntry[]; problems: string[] } {
  const entries: HourlyVolumeEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  volumes.forEach((volume, index) => {
    const at = `volumes[${index}]`;
    const hourStartMs = isoInstant.safeParse(volume.hourStart).success ? Date.parse(volume.hourStart) : Number.NaN;
    let valid = true;
    if (!Number.isInteger(volume.vehicles) || volume.vehicles < 0) {
      problems.push(`${at}.vehicles: expected a whole count of 0 or more (got ${volume.vehicles})`);
      valid = false;
    }
    if (Number.isNaN(hourStartMs) || hourStartMs % hourMs !== 0) {
      problems.push(`${at}.hourStart: expected the start of a clock hour, e.g. 2026-11-25T09:00:00+09:00 (got ${volume.hourStart})`);
      valid = false;
    }
    const key = `${volume.approachId}@${hourStartMs}`;
    if (valid && seen.has(key)) {
      problems.push(`${at}: approach "${volume.approachId}" is counted twice for ${volume.hourStart}`);
      valid = false;
    }
    seen.add(key);
    if (valid) entries.push({ approachId: volume.approachId, hourStartMs, vehicles: volume.vehicles });
  });
  return { entries, problems };
}
