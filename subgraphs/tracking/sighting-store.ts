import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import type { MatchKind } from './generated/resolver-types.js';
import { recordSightings } from '../../stores/sightings/record-sightings.js';

/** The sighting graph's copy of a camera; name and municipality are cctv's, absent until cctv has written them. */
export interface CameraRow {
  readonly id: string;
  readonly name: string | null;
  readonly municipalityId: string | null;
}

export interface SightingRow {
  readonly id: string;
  readonly vehicleId: string;
  readonly camera: CameraRow;
  readonly capturedAt: string;
  readonly receivedAt: string;
  readonly matchKind: MatchKind;
  readonly confidence: number;
}

export interface MunicipalityCrossingRow {
  readonly municipalityId: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly sightings: number;
}

/** A half-open capture-time window [from, to); either end may be open. */
export interface CaptureWindow {
  readonly from?: string;
  readonly to?: string;
}

export interface SightingStore {
  /** Writes a batch of sightings; see `recordSightings`. */
  recordSightings(batch: unknown): Promise<{ recorded: number }>;
  /** True once the wanted vehicle has been sighted at least once (by a sighting not rejected). */
  isSighted(vehicleId: string): Promise<boolean>;
  sighting(id: string): Promise<SightingRow | undefined>;
  /** Sightings in capture-time order; those of rejected hits, here and below, are left out. */
  sightingsOf(vehicleId: string, window: CaptureWindow, first: number): Promise<SightingRow[]>;
  lastSightingOf(vehicleId: string): Promise<SightingRow | undefined>;
  /** The vehicle's latest `first` sightings, oldest first: what forecasts from the latest sighting need. */
  recentSightingsOf(vehicleId: string, first: number): Promise<SightingRow[]>;
  previousOf(sightingId: string): Promise<SightingRow | undefined>;
  nextOf(sightingId: string): Promise<SightingRow | undefined>;
  /** One entry per municipality, in the order the vehicle was first seen there. */
  municipalitiesCrossedBy(vehicleId: string): Promise<MunicipalityCrossingRow[]>;
  /** Vehicles sighted in the municipality since the instant, most recently sighted there first. */
  vehiclesSeenIn(municipalityId: string, since: string, first: number): Promise<string[]>;
}

// A sighting whose hit an operator rejected (`recordHitDecisions`) is not the vehicle's: it stays in the graph and
// its chain, and is found by id, but no track, route, forecast or plan is made from it.
const counts = "coalesce(sighting.decision, '') <> 'REJECTED'";

const sightingColumns = `
RETURN sighting.id AS id, vehicle.id AS vehicleId,
  camera.id AS cameraId, camera.name AS cameraName, camera.municipalityId AS municipalityId,
  toString(sighting.capturedAt) AS capturedAt, toString(sighting.receivedAt) AS receivedAt,
  sighting.matchKind AS matchKind, sighting.confidence AS confidence`;

const sightingById = `
MATCH (vehicle:Vehicle)-[:SIGHTED]->(sighting:Sighting {id: $id})-[:AT]->(camera:Camera)
${sightingColumns}`;

const sightingsOfVehicle = `
MATCH (vehicle:Vehicle {id: $vehicleId})-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
WHERE ($from IS NULL OR sighting.capturedAt >= datetime($from)) AND ($to IS NULL OR sighting.capturedAt < datetime($to)) AND ${counts}
WITH vehicle, sighting, camera ORDER BY sighting.capturedAt, sighting.id LIMIT $first
${sightingColumns}`;

const lastSightingOfVehicle = `
MATCH (vehicle:Vehicle {id: $vehicleId})-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
WHERE ${counts}
WITH vehicle, sighting, camera ORDER BY sighting.capturedAt DESC, sighting.id DESC LIMIT 1
${sightingColumns}`;

const recentSightingsOfVehicle = `
MATCH (vehicle:Vehicle {id: $vehicleId})-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
WHERE ${counts}
WITH vehicle, sighting, camera ORDER BY sighting.capturedAt DESC, sighting.id DESC LIMIT $first
${sightingColumns}`;

// The neighbours in the vehicle's chain that count: the chain's order (capture time, then id), REJECTED ones skipped.
const previousSighting = `
MATCH (vehicle:Vehicle)-[:SIGHTED]->(start:Sighting {id: $id})
MATCH (vehicle)-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
WHERE (sighting.capturedAt < start.capturedAt OR (sighting.capturedAt = start.capturedAt AND sighting.id < start.id)) AND ${counts}
WITH vehicle, sighting, camera ORDER BY sighting.capturedAt DESC, sighting.id DESC LIMIT 1
${sightingColumns}`;

const nextSighting = `
MATCH (vehicle:Vehicle)-[:SIGHTED]->(start:Sighting {id: $id})
MATCH (vehicle)-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
WHERE (sighting.capturedAt > start.capturedAt OR (sighting.capturedAt = start.capturedAt AND sighting.id > start.id)) AND ${counts}
WITH vehicle, sighting, camera ORDER BY sighting.capturedAt, sighting.id LIMIT 1
${sightingColumns}`;

const crossingsOfVehicle = `
MATCH (:Vehicle {id: $vehicleId})-[:SIGHTED]->(sighting:Sighting)-[:AT]->(camera:Camera)
WHERE camera.municipalityId IS NOT NULL AND ${counts}
WITH camera.municipalityId AS municipalityId, min(sighting.capturedAt) AS first, max(sighting.capturedAt) AS last, count(sighting) AS sightings
ORDER BY first, municipalityId
RETURN municipalityId, toString(first) AS firstSeenAt, toString(last) AS lastSeenAt, sightings`;

const vehiclesInMunicipality = `
MATCH (camera:Camera {municipalityId: $municipalityId})<-[:AT]-(sighting:Sighting)<-[:SIGHTED]-(vehicle:Vehicle)
WHERE sighting.capturedAt >= datetime($since) AND ${counts}
WITH vehicle, max(sighting.capturedAt) AS lastSeenThere
ORDER BY lastSeenThere DESC, vehicle.id
LIMIT $first
RETURN vehicle.id AS id`;

const vehicleIsSighted = `
MATCH (vehicle:Vehicle {id: $vehicleId})
WHERE EXISTS { MATCH (vehicle)-[:SIGHTED]->(sighting:Sighting) WHERE ${counts} }
RETURN vehicle.id AS id`;

function sightingOf(record: Neo4jRecord): SightingRow {
  return {
    id: record.get('id') as string,
    vehicleId: record.get('vehicleId') as string,
    camera: {
      id: record.get('cameraId') as string,
      name: record.get('cameraName') as string | null,
      municipalityId: record.get('municipalityId') as string | null,
    },
    capturedAt: record.get('capturedAt') as string,
    receivedAt: record.get('receivedAt') as string,
    matchKind: record.get('matchKind') as MatchKind,
    confidence: Number(record.get('confidence')),
  };
}

export function createSightingStore(driver: Driver): SightingStore {
  const read = async (query: string, parameters: Record<string, unknown>) =>
    (await driver.executeQuery(query, parameters, { routing: neo4j.routing.READ })).records;
  const readSighting = async (query: string, parameters: Record<string, unknown>) => {
    const [record] = await read(query, parameters);
    return record ? sightingOf(record) : undefined;
  };
  return {
    recordSightings: (batch) => recordSightings(driver, batch),
    isSighted: async (vehicleId) => (await read(vehicleIsSighted, { vehicleId })).length > 0,
    sighting: (id) => readSighting(sightingById, { id }),
    sightingsOf: async (vehicleId, window, first) =>
      (await read(sightingsOfVehicle, { vehicleId, from: window.from ?? null, to: window.to ?? null, first: neo4j.int(first) })).map(sightingOf),
    lastSightingOf: (vehicleId) => readSighting(lastSightingOfVehicle, { vehicleId }),
    recentSightingsOf: async (vehicleId, first) => (await read(recentSightingsOfVehicle, { vehicleId, first: neo4j.int(first) })).map(sightingOf).reverse(),
    previousOf: (id) => readSighting(previousSighting, { id }),
    nextOf: (id) => readSighting(nextSighting, { id }),
    municipalitiesCrossedBy: async (vehicleId) => (await read(crossingsOfVehicle, { vehicleId })).map((record) => ({
      municipalityId: record.get('municipalityId') as string,
      firstSeenAt: record.get('firstSeenAt') as string,
      lastSeenAt: record.get('lastSeenAt') as string,
      sightings: Number(record.get('sightings')),
    })),
    vehiclesSeenIn: async (municipalityId, since, first) =>
      (await read(vehiclesInMunicipality, { municipalityId, since, first: neo4j.int(first) })).map((record) => record.get('id') as string),
  };
}
