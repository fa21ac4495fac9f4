import neo4j, { type Driver } from 'neo4j-driver';

export interface ReachableCameraRow {
  readonly cameraId: string;
  readonly municipalityId: string | null;
  readonly seconds: number;
  readonly hops: number;
}

export interface FlowGraphStore {
  /**
   * Cameras reachable from a camera within the time over the learned `FLOW` edges of one UTC hour of day (or of
   * any hour when `hourOfDayUtc` is null), by least sum of median travel times; the start camera left out.
   */
  reachableCameras(fromCameraId: string, hourOfDayUtc: number | null, withinSeconds: number): Promise<ReachableCameraRow[]>;
}

/**
 * Flows of fewer than this many hops only: the walk enumerates paths, and a denser flow graph multiplies them.
 * Six camera-to-camera hops is well past the half hour an interception plan looks ahead.
 */
export const maxFlowHops = 6;

// The quantified path keeps only the hour's flows while it walks, and the running sum prunes nothing, so the hop
// bound is what keeps it finite; min() over paths gives each camera its fastest chain. Cypher takes the bound only
// as a literal, hence the constant in the query text.
const reachableOverFlows = `
MATCH (start:Camera {id: $fromCameraId})
MATCH path = (start) (()-[flow:FLOW WHERE $hour IS NULL OR flow.hourOfDayUtc = $hour]->()){1,${maxFlowHops}} (camera:Camera)
WHERE camera <> start
WITH camera, reduce(total = 0.0, f IN flow | total + f.medianSeconds) AS seconds, size(flow) AS hops
WHERE seconds <= $withinSeconds
WITH camera, min(seconds) AS seconds, min(hops) AS hops
RETURN camera.id AS cameraId, camera.municipalityId AS municipalityId, seconds, hops
ORDER BY seconds, cameraId`;

export function createFlowGraphStore(driver: Driver): FlowGraphStore {
  return {
    async reachableCameras(fromCameraId, hourOfDayUtc, withinSeconds) {
      const { records } = await driver.executeQuery(
        reachableOverFlows, { fromCameraId, hour: hourOfDayUtc === null ? null : neo4j.int(hourOfDayUtc), withinSeconds }, { routing: neo4j.routing.READ },
      );
      return records.map((record) => ({
        cameraId: record.get('cameraId') as string,
        municipalityId: record.get('municipalityId') as string | null,
        seconds: Number(record.get('seconds')),
        hops: Number(record.get('hops')),
      }));
    },
  };
}
