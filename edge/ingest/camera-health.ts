import type { Redis } from 'ioredis';
import type { CameraRead } from '../../domain/ingest/index.js';

/**
 * Camera health as the edge sees it: the last heartbeat, the last read, and reads per minute counted at ingest.
 * Kept in Redis so an edge restart does not make every camera look silent or forget its read rate:
 * `ds:edge:<municipality>:camera-health` (a hash: `heartbeat:<cameraId>` and `read:<cameraId>` → epoch ms) and
 * `ds:edge:<municipality>:camera-reads:<epoch minute>` (a hash: cameraId → reads that minute, expiring after two hours).
 */

export const defaultSilenceMs = 5 * 60 * 1000;
const minuteMs = 60_000;
const countedMinutes = 60;

export interface CameraHealth {
  readonly cameraId: string;
  readonly lastHeartbeatAt: string | null;
  readonly lastReadAt: string | null;
  readonly readsLastHour: number;
  /** Neither a heartbeat nor a read for longer than the silence period (or never). */
  readonly silent: boolean;
}

export interface CameraHealthState {
  readonly heartbeats: ReadonlyMap<string, number>;
  readonly lastReads: ReadonlyMap<string, number>;
  readonly readsLastHour: ReadonlyMap<string, number>;
}

/** One row per camera, the registered ones and any that reported; sorted by camera id. */
export function cameraHealthOf(
  state: CameraHealthState, knownCameraIds: readonly string[], nowMs: number, silenceMs: number,
): CameraHealth[] {
  const ids = new Set([...knownCameraIds, ...state.heartbeats.keys(), ...state.lastReads.keys()]);
  return [...ids].sort().map((cameraId) => {
    const heartbeat = state.heartbeats.get(cameraId);
    const read = state.lastReads.get(cameraId);
    const lastSeen = Math.max(heartbeat ?? -Infinity, read ?? -Infinity);
    return {
      cameraId,
      lastHeartbeatAt: heartbeat === undefined ? null : new Date(heartbeat).toISOString(),
      lastReadAt: read === undefined ? null : new Date(read).toISOString(),
      readsLastHour: state.readsLastHour.get(cameraId) ?? 0,
      silent: nowMs - lastSeen > silenceMs,
    };
  });
}

export interface CameraHealthStore {
  recordHeartbeat(cameraId: string, atMs: number): Promise<void>;
  /** Counts accepted reads at their receive time. */
  recordReads(reads: readonly CameraRead[]): Promise<void>;
  health(knownCameraIds: readonly string[], nowMs: number): Promise<CameraHealth[]>;
}

export function cameraHealthKeys(municipalityId: string) {
  const prefix = `ds:edge:${municipalityId}:`;
  return { health: `${prefix}camera-health`, readsInMinute: (minute: number) => `${prefix}camera-reads:${minute}` };
}

const numbers = (fields: Record<string, string>, prefix: string): Map<string, number> =>
  new Map(Object.entries(fields).filter(([field]) => field.startsWith(prefix)).map(([field, value]) => [field.slice(prefix.length), Number(value)]));

export function createCameraHealthStore(redis: Redis, municipalityId: string, silenceMs = defaultSilenceMs): CameraHealthStore {
  const keys = cameraHealthKeys(municipalityId);
  // Keeps the later of two times, so a late write (an older batch) never moves a camera's last read back.
  const latest = `local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
    if tonumber(ARGV[2]) > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
    return 1`;
  return {
    async recordHeartbeat(cameraId, atMs) {
      await redis.eval(latest, 1, keys.health, `heartbeat:${cameraId}`, String(atMs));
    },
    async recordReads(reads) {
      if (reads.length === 0) return;
      const pipeline = redis.pipeline();
      const lastRead = new Map<string, number>();
      const perMinute = new Map<string, number>();
      for (const read of reads) {
        lastRead.set(read.cameraId, Math.max(lastRead.get(read.cameraId) ?? -1, read.receivedAtMs));
        const key = `${Math.floor(read.receivedAtMs / minuteMs)}\u0000${read.cameraId}`;
        perMinute.set(key, (perMinute.get(key) ?? 0) + 1);
      }
      for (const [cameraId, atMs] of lastRead) pipeline.eval(latest, 1, keys.health, `read:${cameraId}`, String(atMs));
      for (const [key, count] of perMinute) {
        const [minute, cameraId] = key.split('\u0000') as [string, string];
        const minuteKey = keys.readsInMinute(Number(minute));
        pipeline.hincrby(minuteKey, cameraId, count).expire(minuteKey, 2 * countedMinutes * 60);
      }
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error !== null);
      if (failed !== undefined) throw failed[0];
    },
    async health(knownCameraIds, nowMs) {
      const nowMinute = Math.floor(nowMs / minuteMs);
      const pipeline = redis.pipeline().hgetall(keys.health);
      for (let minute = nowMinute - countedMinutes + 1; minute <= nowMinute; minute += 1) pipeline.hgetall(keys.readsInMinute(minute));
      const results = (await pipeline.exec()) ?? [];
      const [healthResult, ...minuteResults] = results;
      if (healthResult === undefined || healthResult[0] !== null) throw healthResult?.[0] ?? new Error('no reply from Redis');
      const fields = healthResult[1] as Record<string, string>;
      const readsLastHour = new Map<string, number>();
      for (const [error, counts] of minuteResults) {
        if (error !== null) throw error;
        for (const [cameraId, count] of Object.entries(counts as Record<string, string>)) {
          readsLastHour.set(cameraId, (readsLastHour.get(cameraId) ?? 0) + Number(count));
        }
      }
      return cameraHealthOf(
        { heartbeats: numbers(fields, 'heartbeat:'), lastReads: numbers(fields, 'read:'), readsLastHour },
        knownCameraIds, nowMs, silenceMs,
      );
    },
  };
}
