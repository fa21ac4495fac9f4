import type { Driver } from 'neo4j-driver';
import type { AggregateBatchJob } from '../../runtime/queues/pipeline-jobs.js';

export type Transition = AggregateBatchJob['transitions'][number];

// JavaScript numbers reach Cypher as floats: hour and count are made integers so they compare and MERGE as such.
// Replace semantics: an edge holds the statistics of the latest batch that reported its camera pair and hour. It
// is rewritten only when a statistic differs, so a replayed batch leaves even `updatedAt` as it was. Cameras are
// matched by id only; cctv owns their properties.
const mergeFlows = `
UNWIND $transitions AS transition
MERGE (from:Camera {id: transition.fromCameraId})
MERGE (to:Camera {id: transition.toCameraId})
MERGE (from)-[flow:FLOW {hourOfDayUtc: toInteger(transition.hourOfDayUtc)}]->(to)
WITH flow, transition, toInteger(transition.count) AS vehicles
WHERE flow.count IS NULL OR flow.count <> vehicles OR flow.meanSeconds <> transition.meanSeconds
  OR flow.medianSeconds <> transition.medianSeconds OR flow.p90Seconds <> transition.p90Seconds
SET flow.count = vehicles, flow.meanSeconds = transition.meanSeconds, flow.medianSeconds = transition.medianSeconds,
  flow.p90Seconds = transition.p90Seconds, flow.updatedAt = datetime($updatedAt)
RETURN count(flow) AS changed`;

/** MERGEs one `(:Camera)-[:FLOW {hourOfDayUtc}]->(:Camera)` edge per camera pair and hour; returns how many changed. */
export async function writeFlowEdges(driver: Driver, transitions: readonly Transition[], updatedAt: Date): Promise<number> {
  if (transitions.length === 0) return 0;
  // One row per pair and hour (the last wins), so one statement never writes one edge twice.
  const byEdge = new Map(transitions.map((transition) => [`${transition.fromCameraId}\n${transition.toCameraId}\n${transition.hourOfDayUtc}`, transition]));
  const { records } = await driver.executeQuery(mergeFlows, { transitions: [...byEdge.values()], updatedAt: updatedAt.toISOString() });
  return Number(records[0]?.get('changed') ?? 0);
}
