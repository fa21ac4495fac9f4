import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { isoInstantMillis } from '../../runtime/graphql/scalar-arguments.js';

export const hourMs = 3_600_000;
/** The longest window one cameraVolumes query may span: a leap year of hours. */
export const maxVolumeWindowHours = 366 * 24;

/** An hour's count at one camera, as an edge node aggregates it. */
export interface HourlyVolume {
  readonly hourStart: string;
  readonly vehicles: number;
}

/** The one spelling an hour is stored and served under, whatever offset it arrived in: UTC, no fraction. */
export function hourKeyOf(hourStartMs: number): string {
  return new Date(hourStartMs).toISOString().replace('.000Z', 'Z');
}

/** The starts of the whole hours that begin in [fromMs, toMs). */
export function hourStartsIn(fromMs: number, toMs: number): number[] {
  const hours: number[] = [];
  for (let hour = Math.ceil(fromMs / hourMs) * hourMs; hour < toMs; hour += hourMs) hours.push(hour);
  return hours;
}

const hourlyVolumeSchema = z.object({
  hourStart: z.string().refine((text) => {
    const millis = isoInstantMillis(text);
    return millis !== undefined && millis % hourMs === 0;
  }, { message: 'expected an ISO-8601 instant with offset at the start of an hour' }),
  vehicles: z.number().int().min(0),
});

/** Validates the hourly counts of one camera and keys each by its hour; a repeated hour keeps its last count. */
export function hourlyVolumesByKey(volumes: unknown): Map<string, number> {
  const result = z.array(hourlyVolumeSchema).safeParse(volumes);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'volumes'}: ${issue.message}`);
    throw new DongseonError('DS_INVALID_INPUT', `invalid hourly volumes: ${problems.join('; ')}`);
  }
  return new Map(result.data.map((volume) => [hourKeyOf(isoInstantMillis(volume.hourStart) as number), volume.vehicles]));
}
