import type { Redis } from 'ioredis';
import type { ReplayClock } from '../../domain/simulation/index.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { policeKeys } from '../../stores/police/police-keys.js';

const hitStatuses = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;

/**
 * Hits the police list has recorded with a capture time inside a replay's capture window: what the edges matched
 * and the graph writer recorded, whoever the wanted vehicle is. Hits are indexed by capture time per status.
 */
export async function countPoliceHits(redis: Redis, clock: ReplayClock, spanSeconds: number): Promise<number> {
  const keys = policeKeys();
  const from = Math.floor(clock.captureOriginMs);
  const to = Math.ceil(clock.captureOriginMs + spanSeconds * 1000 + 10_000);
  const counts = await Promise.all(hitStatuses.map((status) => redis.zcount(keys.hitsInStatus(status), from, to)));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Hits recorded for each of the given wanted vehicles (police ids). */
export async function hitsPerWantedVehicle(redis: Redis, wantedVehicleIds: readonly string[]): Promise<Map<string, number>> {
  const keys = policeKeys();
  return new Map(await Promise.all(wantedVehicleIds.map(async (id) => [id, await redis.zcard(keys.wantedVehicleHits(id))] as const)));
}

/**
 * Hits recorded for each of the given wanted vehicles (police ids) at the given cameras: at cameras without ANPR,
 * the hits that came from frames the edge read itself.
 */
export async function hitsPerWantedVehicleAt(redis: Redis, wantedVehicleIds: readonly string[], cameraIds: ReadonlySet<string>): Promise<Map<string, number>> {
  const hits = createHitStore(redis, policeKeys());
  return new Map(await Promise.all(wantedVehicleIds.map(async (id) => [id, (await hits.ofWantedVehicle(id)).filter((hit) => cameraIds.has(hit.cameraId)).length] as const)));
}
