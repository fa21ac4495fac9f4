import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import type { AccessPurpose } from '../../domain/access/index.js';
import { randomPlate } from '../../domain/plates/index.js';
import { identityHeaderName, signIdentityHeader } from '../../runtime/identity/identity-header.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { cameraVolumesKey, createCameraVolumeStore } from '../../stores/civic-volumes/camera-volume-store.js';
import { hourMs } from '../../stores/civic-volumes/hourly-volumes.js';
import { recordSightings } from '../../stores/sightings/record-sightings.js';

/** The seeded demo case every personal-data request of the benchmark is made under. */
export const benchPurpose: AccessPurpose = { purpose: '게이트웨이 성능 측정', caseNumber: '2026-경기남부-0142' };

/** Cameras of the demo region, by municipality, in the order the benchmark's vehicle drives past them. */
const routeCameras = [
  ['cam-suwon-01', 'cam-suwon-02', 'cam-suwon-03', 'cam-suwon-04'],
  ['cam-hwaseong-01', 'cam-hwaseong-02', 'cam-hwaseong-03', 'cam-hwaseong-04'],
  ['cam-osan-01', 'cam-osan-02', 'cam-osan-03', 'cam-osan-04'],
] as const;

export const benchSightingCount = 50;
export const benchVolumeHours = 24;

/** Everything one benchmark run writes is named from its run id, so it can be found and removed, even half-written. */
export interface BenchDataPlan {
  readonly runId: string;
  readonly policeKeyPrefix: string;
  readonly sightingIdPrefix: string;
  /** A camera id of the benchmark's own, so no real camera's counts are overwritten or deleted. */
  readonly volumesCameraId: string;
}

export const benchDataPlan = (runId: string): BenchDataPlan => ({
  runId,
  policeKeyPrefix: `ds:police:bench-${runId}:`,
  sightingIdPrefix: `bench-${runId}-`,
  volumesCameraId: `cam-bench-${runId}`,
});

export interface BenchData {
  readonly wantedVehicleId: string;
  readonly volumesFrom: string;
  readonly volumesTo: string;
}

export interface BenchDataStores {
  readonly redis: Redis;
  readonly neo4j: Driver;
  readonly policeUrl: string;
  readonly identitySecret: string;
}

/** Adds a wanted vehicle through the police subgraph itself, as the gateway would on an investigator's behalf. */
async function addWantedVehicle(stores: BenchDataStores): Promise<string> {
  const access = { identity: sampleUsers['police-investigator'], ...benchPurpose };
  const body = JSON.stringify({
    query: 'mutation($input: WantedVehicleInput!) { addWantedVehicle(input: $input) { id } }',
    variables: { input: { plate: randomPlate(Math.random), reason: 'STOLEN', priority: 90, caseNumber: benchPurpose.caseNumber } },
  });
  const identity = await signIdentityHeader(access, stores.identitySecret, { subgraph: 'police', method: 'POST', path: '/graphql', body });
  const response = await fetch(stores.policeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [identityHeaderName]: identity },
    body,
  });
  const answer = await response.json() as { data?: { addWantedVehicle?: { id: string } } | null; errors?: unknown };
  const id = answer.data?.addWantedVehicle?.id;
  if (response.status !== 200 || id === undefined) throw new Error(`addWantedVehicle failed: HTTP ${response.status} ${JSON.stringify(answer)}`);
  return id;
}

/** 50 sightings an hour ago and later, two minutes apart, through Suwon, then Hwaseong, then Osan. */
function sightingsOf(plan: BenchDataPlan, vehicleId: string, startMs: number) {
  return Array.from({ length: benchSightingCount }, (_, n) => {
    const leg = routeCameras[Math.min(2, Math.floor((n * routeCameras.length) / benchSightingCount))] as readonly string[];
    const capturedMs = startMs + n * 120_000;
    return {
      id: `${plan.sightingIdPrefix}${n}`,
      vehicleId,
      cameraId: leg[n % leg.length] as string,
      capturedAt: new Date(capturedMs).toISOString(),
      receivedAt: new Date(capturedMs + 2_000).toISOString(),
      matchKind: 'EXACT' as const,
      confidence: 0.95,
    };
  });
}

/** A day's traffic at one camera: quiet at night, busy in the rush hours. */
const vehiclesInHour = (hourOfDay: number) => Math.round(300 + 900 * Math.max(0, Math.sin(((hourOfDay - 5) / 24) * 2 * Math.PI)));

/** Writes the wanted vehicle with its sightings across the three municipalities, and a day of one camera's counts. */
export async function writeBenchData(plan: BenchDataPlan, stores: BenchDataStores, onVehicle: (id: string) => void): Promise<BenchData> {
  const wantedVehicleId = await addWantedVehicle(stores);
  onVehicle(wantedVehicleId);
  const now = Date.now();
  const { recorded } = await recordSightings(stores.neo4j, sightingsOf(plan, wantedVehicleId, now - 3 * hourMs));
  if (recorded !== benchSightingCount) throw new Error(`recorded ${recorded} sightings, expected ${benchSightingCount}`);

  const fromMs = Math.floor(now / hourMs) * hourMs - benchVolumeHours * hourMs;
  const hours = Array.from({ length: benchVolumeHours }, (_, h) => fromMs + h * hourMs);
  await createCameraVolumeStore(stores.redis).recordCameraVolumes(
    plan.volumesCameraId, hours.map((hourStart) => ({ hourStart: new Date(hourStart).toISOString(), vehicles: vehiclesInHour(new Date(hourStart).getUTCHours()) })),
  );
  return { wantedVehicleId, volumesFrom: new Date(fromMs).toISOString(), volumesTo: new Date(fromMs + benchVolumeHours * hourMs).toISOString() };
}

/** Removes what `writeBenchData` wrote, whatever part of it got written. */
export async function removeBenchData(plan: BenchDataPlan, wantedVehicleId: string | undefined, stores: Pick<BenchDataStores, 'redis' | 'neo4j'>): Promise<void> {
  await stores.neo4j.executeQuery('MATCH (sighting:Sighting) WHERE sighting.id STARTS WITH $prefix DETACH DELETE sighting', { prefix: plan.sightingIdPrefix });
  if (wantedVehicleId !== undefined) await stores.neo4j.executeQuery('MATCH (vehicle:Vehicle {id: $id}) DETACH DELETE vehicle', { id: wantedVehicleId });
  const policeKeys = await stores.redis.keys(`${plan.policeKeyPrefix}*`);
  await stores.redis.del(cameraVolumesKey(plan.volumesCameraId), ...policeKeys);
}
