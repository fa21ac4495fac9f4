import neo4j, { type Driver } from 'neo4j-driver';
import { detectImpossibleTravel, type ImpossibleTravelReason, type TravelTimeReference } from '../../domain/tracking/index.js';

/** A sighting the travel check flagged: it could not have followed its predecessor in the vehicle's chain. */
export interface ImpossibleTravelFlag {
  readonly sightingId: string;
  readonly previousSightingId: string;
  readonly reason: ImpossibleTravelReason;
  readonly requiredSeconds: number | null;
  readonly availableSeconds: number;
}

// A sighting whose hit an operator rejected is not the vehicle's: it is neither checked nor a neighbour.
const counts = (sighting: string) => `coalesce(${sighting}.decision, '') <> 'REJECTED'`;
const before = (earlier: string, later: string) =>
  `(${earlier}.capturedAt < ${later}.capturedAt OR (${earlier}.capturedAt = ${later}.capturedAt AND ${earlier}.id < ${later}.id))`;

// Both neighbours of each sighting in its vehicle's chain (capture time, then id: the NEXT order), rejected ones
// skipped: a late sighting lands inside the chain, so it is the later one of one pair and the earlier one of another.
const chainPairs = `
UNWIND $ids AS id
MATCH (vehicle:Vehicle)-[:SIGHTED]->(sighting:Sighting {id: id})-[:AT]->(camera:Camera)
WHERE ${counts('sighting')}
CALL (vehicle, sighting) {
  OPTIONAL MATCH (vehicle)-[:SIGHTED]->(previous:Sighting) WHERE ${before('previous', 'sighting')} AND ${counts('previous')}
  WITH previous ORDER BY previous.capturedAt DESC, previous.id DESC LIMIT 1
  RETURN previous
}
CALL (vehicle, sighting) {
  OPTIONAL MATCH (vehicle)-[:SIGHTED]->(next:Sighting) WHERE ${before('sighting', 'next')} AND ${counts('next')}
  WITH next ORDER BY next.capturedAt, next.id LIMIT 1
  RETURN next
}
OPTIONAL MATCH (previous)-[:AT]->(previousCamera:Camera)
OPTIONAL MATCH (next)-[:AT]->(nextCamera:Camera)
RETURN sighting.id AS id, camera.id AS cameraId, sighting.capturedAt.epochMillis AS capturedAtMs,
  previous.id AS previousId, previousCamera.id AS previousCameraId, previous.capturedAt.epochMillis AS previousAtMs,
  next.id AS nextId, nextCamera.id AS nextCameraId, next.capturedAt.epochMillis AS nextAtMs`;

// SET of the same values is a no-op in effect, so re-flagging on a replay changes nothing.
const setFlags = `
UNWIND $flags AS flag
MATCH (sighting:Sighting {id: flag.sightingId})
SET sighting.impossibleTravel = true,
  sighting.impossibleTravelReason = flag.reason,
  sighting.impossibleTravelAfter = flag.previousSightingId`;

const millis = (value: unknown): number => neo4j.integer.toNumber(value as number);

interface ChainedSighting {
  readonly id: string;
  readonly cameraId: string;
  readonly capturedAtMs: number;
}

/**
 * Compares each of the sightings with its neighbours in its vehicle's NEXT chain (REJECTED sightings skipped on both
 * sides) against the fastest plausible
 * drive (the tracking model's for that hour where it knows both cameras, else the road graph's free-flow route),
 * and flags the later sighting of every pair no vehicle could have made (a cloned plate or a misread).
 * Flags are only ever set, never cleared: once a pair was impossible, the evidence stays for the operator.
 */
export async function flagImpossibleTravel(driver: Driver, sightingIds: readonly string[], travelTimes: TravelTimeReference): Promise<ImpossibleTravelFlag[]> {
  if (sightingIds.length === 0) return [];
  const { records } = await driver.executeQuery(chainPairs, { ids: sightingIds });
  const pairs = new Map<string, [ChainedSighting, ChainedSighting]>();
  for (const record of records) {
    const current: ChainedSighting = { id: record.get('id') as string, cameraId: record.get('cameraId') as string, capturedAtMs: millis(record.get('capturedAtMs')) };
    const previousId = record.get('previousId') as string | null;
    if (previousId !== null) {
      pairs.set(`${previousId}>${current.id}`, [
        { id: previousId, cameraId: record.get('previousCameraId') as string, capturedAtMs: millis(record.get('previousAtMs')) }, current,
      ]);
    }
    const nextId = record.get('nextId') as string | null;
    if (nextId !== null) {
      pairs.set(`${current.id}>${nextId}`, [
        current, { id: nextId, cameraId: record.get('nextCameraId') as string, capturedAtMs: millis(record.get('nextAtMs')) },
      ]);
    }
  }
  const flags: ImpossibleTravelFlag[] = [];
  for (const [earlier, later] of pairs.values()) {
    const verdict = detectImpossibleTravel(earlier, later, travelTimes);
    if (!verdict.impossible) continue;
    flags.push({
      sightingId: later.id, previousSightingId: earlier.id, reason: verdict.reason,
      requiredSeconds: verdict.requiredSeconds, availableSeconds: verdict.availableSeconds,
    });
  }
  if (flags.length > 0) await driver.executeQuery(setFlags, { flags });
  return flags;
}
