import type { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import { hourKeyOf, hourStartsIn, hourlyVolumesByKey, type HourlyVolume } from './hourly-volumes.js';

/** The hash of one camera's hourly counts: hour start (UTC ISO) → vehicles. */
export const cameraVolumesKey = (cameraId: string) => `ds:civic:volumes:${cameraId}`;

export interface CameraVolumeStore {
  /**
   * Stores one camera's hourly counts. A count replaces what the hour held, never adds to it, so an edge node may
   * resend an hour (a retry, a late correction) without counting its vehicles twice.
   */
  recordCameraVolumes(cameraId: string, volumes: readonly HourlyVolume[]): Promise<number>;
  /** The counts of the hours starting in [fromMs, toMs), oldest first; hours never reported are left out. */
  hourlyVolumes(cameraId: string, fromMs: number, toMs: number): Promise<HourlyVolume[]>;
}

function checkedCameraId(cameraId: string): string {
  if (cameraId.trim() === '' || cameraId.length > 200) throw new DongseonError('DS_INVALID_INPUT', 'cameraId must be 1 to 200 characters');
  return cameraId;
}

export function createCameraVolumeStore(redis: Redis): CameraVolumeStore {
  return {
    async recordCameraVolumes(cameraId, volumes) {
      const byKey = hourlyVolumesByKey(volumes);
      if (byKey.size > 0) await redis.hset(cameraVolumesKey(checkedCameraId(cameraId)), Object.fromEntries(byKey));
      return byKey.size;
    },
    async hourlyVolumes(cameraId, fromMs, toMs) {
      const hours = hourStartsIn(fromMs, toMs).map(hourKeyOf);
      if (hours.length === 0) return [];
      const counts = await redis.hmget(cameraVolumesKey(checkedCameraId(cameraId)), ...hours);
      return hours.flatMap((hourStart, index) => {
        const count = counts[index];
        return count == null ? [] : [{ hourStart, vehicles: Number(count) }];
      });
    },
  };
}
