import type { Driver } from 'neo4j-driver';
import { numberFromNeo4j } from '../neo4j/neo4j-numbers.js';
import { sightingBatchOf } from './sighting-batch.js';

// Serialises batches per vehicle: setting and removing a property takes the node's write lock until commit, so
// two batches of one vehicle cannot re-chain its sightings at the same time. Ids are sorted to avoid deadlocks.
const lockVehicles = `
UNWIND $vehicleIds AS vehicleId
MERGE (vehicle:Vehicle {id: vehicleId})
SET vehicle.writeLock = true
REMOVE vehicle.writeLock`;

const createUnknownSightings = `
UNWIND $sightings AS sighting
OPTIONAL MATCH (known:Sighting {id: sighting.id})
WITH sighting WHERE known IS NULL
MATCH (vehicle:Vehicle {id: sighting.vehicleId})
MERGE (camera:Camera {id: sighting.cameraId})
CREATE (vehicle)-[:SIGHTED]->(created:Sighting {
  id: sighting.id,
  capturedAt: datetime(sighting.capturedAt),
  receivedAt: datetime(sighting.receivedAt),
  matchKind: sighting.matchKind,
  confidence: sighting.confidence
})-[:AT]->(camera)
WITH vehicle, created
OPTIONAL MATCH (decided:HitDecision {hitId: created.id})
SET created.decision = decided.status
RETURN vehicle.id AS vehicleId, min(created.capturedAt) AS since, count(created) AS created`;

// Re-links the NEXT chain of each vehicle from the last sighting before its earliest new one onwards: a late
// sighting lands between the two it belongs between, and the link that used to join them is removed.
const rechainFromEarliestNew = `
UNWIND $tails AS tail
MATCH (vehicle:Vehicle {id: tail.vehicleId})
OPTIONAL MATCH (vehicle)-[:SIGHTED]->(earlier:Sighting) WHERE earlier.capturedAt < tail.since
WITH tail, vehicle, earlier ORDER BY earlier.capturedAt DESC, earlier.id DESC
WITH tail, vehicle, head(collect(earlier)) AS anchor
MATCH (vehicle)-[:SIGHTED]->(later:Sighting) WHERE later.capturedAt >= tail.since
WITH vehicle, anchor, later ORDER BY later.capturedAt, later.id
WITH vehicle, anchor, collect(later) AS laterSightings
WITH CASE WHEN anchor IS NULL THEN laterSightings ELSE [anchor] + laterSightings END AS chain
UNWIND range(0, size(chain) - 1) AS position
WITH chain[position] AS current, chain[position + 1] AS successor
OPTIONAL MATCH (current)-[stale:NEXT]->(linked) WHERE successor IS NULL OR linked <> successor
DELETE stale
WITH DISTINCT current, successor WHERE successor IS NOT NULL
MERGE (current)-[:NEXT]->(successor)`;

/**
 * Writes a batch of sightings into the regional graph in one transaction: each new sighting joins its vehicle,
 * its camera (matched by id only; cctv owns the camera's properties) and its place in the vehicle's time chain.
 * Sightings already in the graph are left exactly as they are, so replaying a batch changes nothing. A sighting whose
 * hit an operator decided before it got here takes that decision (`recordHitDecisions`).
 */
export async function recordSightings(driver: Driver, batch: unknown): Promise<{ recorded: number }> {
  const sightings = sightingBatchOf(batch);
  if (sightings.length === 0) return { recorded: 0 };
  const vehicleIds = [...new Set(sightings.map((sighting) => sighting.vehicleId))].sort();
  const session = driver.session();
  try {
    return await session.executeWrite(async (transaction) => {
      await transaction.run(lockVehicles, { vehicleIds });
      const { records } = await transaction.run(createUnknownSightings, { sightings });
      const tails = records.map((record) => ({ vehicleId: record.get('vehicleId') as string, since: record.get('since') as unknown }));
      if (tails.length > 0) await transaction.run(rechainFromEarliestNew, { tails });
      return { recorded: records.reduce((sum, record) => sum + numberFromNeo4j(record.get('created')), 0) };
    });
  } finally {
    await session.close();
  }
}
