import type { Driver } from 'neo4j-driver';

/** An operator's decision on a hit, as the sighting graph keeps it: the sighting's id is the hit's. */
export interface SightingDecision {
  readonly hitId: string;
  /** The wanted vehicle the hit is of: its node is locked while the decision is written. */
  readonly vehicleId: string;
  readonly status: 'ACCEPTED' | 'REJECTED';
  readonly decidedAt: string;
}

// The decision is kept on a node of its own as well as on the sighting: the sighting may not be in the graph yet
// (the graph writer's sighting stage runs after the alert, the operator may be quicker), and `recordSightings`
// copies a waiting decision onto the sighting it creates. Both lock the vehicle first, so the two cannot pass
// each other: whichever commits second sees what the first wrote.
const recordDecisions = `
UNWIND $decisions AS decision
MERGE (vehicle:Vehicle {id: decision.vehicleId})
SET vehicle.writeLock = true
REMOVE vehicle.writeLock
MERGE (kept:HitDecision {hitId: decision.hitId})
SET kept.status = decision.status, kept.decidedAt = datetime(decision.decidedAt)
WITH kept
OPTIONAL MATCH (sighting:Sighting {id: kept.hitId})
FOREACH (_ IN CASE WHEN sighting IS NULL THEN [] ELSE [1] END | SET sighting.decision = kept.status)
RETURN count(sighting) AS onSightings`;

/**
 * Writes operators' decisions into the sighting graph: a REJECTED sighting stops feeding routes, forecasts and
 * interception plans (the tracking subgraph's reads leave it out). Idempotent: writing a decision again sets the
 * same values.
 */
export async function recordHitDecisions(driver: Driver, decisions: readonly SightingDecision[]): Promise<{ onSightings: number }> {
  if (decisions.length === 0) return { onSightings: 0 };
  const sorted = [...decisions].sort((a, b) => a.vehicleId.localeCompare(b.vehicleId) || a.hitId.localeCompare(b.hitId));
  const session = driver.session();
  try {
    return await session.executeWrite(async (transaction) => {
      const { records } = await transaction.run(recordDecisions, { decisions: sorted });
      return { onSightings: Number(records[0]?.get('onSightings') ?? 0) };
    });
  } finally {
    await session.close();
  }
}
