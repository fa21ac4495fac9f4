import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { CameraRow } from './sighting-store.js';

export const roadSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  lengthMeters: z.number().positive(),
  freeFlowSeconds: z.number().positive(),
});

/** A directed road link between two cameras, as road-graph.json lists them. */
export type Road = z.infer<typeof roadSchema>;

export interface RoadPath {
  /** Cameras along the path, both ends included. */
  readonly cameras: readonly CameraRow[];
  readonly lengthMeters: number;
  readonly freeFlowSeconds: number;
}

export interface RoadGraphStore {
  /** Adds the roads the graph lacks; a road already present keeps its measures. */
  recordRoads(roads: readonly Road[]): Promise<void>;
  /** The road path of least free-flow time between two cameras, or undefined when none joins them. */
  fastestPath(fromCameraId: string, toCameraId: string): Promise<RoadPath | undefined>;
}

const mergeRoads = `
UNWIND $roads AS road
MERGE (origin:Camera {id: road.from})
MERGE (destination:Camera {id: road.to})
MERGE (origin)-[link:ROAD]->(destination)
ON CREATE SET link.lengthMeters = road.lengthMeters, link.freeFlowSeconds = road.freeFlowSeconds`;

/**
 * Community Neo4j has no weighted shortest path without plugins. `SHORTEST k` finds the k paths of fewest hops;
 * the fastest of those is taken. A faster path with many more hops than all k is missed: raise k if road graphs
 * with long detours make that matter. Cypher takes k only as a literal, hence the constant in the query text.
 */
export const candidatePaths = 32;

const fastestOfShortestPaths = `
MATCH (origin:Camera {id: $fromCameraId}), (destination:Camera {id: $toCameraId})
MATCH path = SHORTEST ${candidatePaths} (origin)-[:ROAD]->+(destination)
WITH path,
  reduce(total = 0.0, link IN relationships(path) | total + link.freeFlowSeconds) AS freeFlowSeconds,
  reduce(total = 0.0, link IN relationships(path) | total + link.lengthMeters) AS lengthMeters
ORDER BY freeFlowSeconds, lengthMeters
LIMIT 1
RETURN [camera IN nodes(path) | {id: camera.id, name: camera.name, municipalityId: camera.municipalityId}] AS cameras,
  lengthMeters, freeFlowSeconds`;

export function createRoadGraphStore(driver: Driver): RoadGraphStore {
  return {
    async recordRoads(roads) {
      await driver.executeQuery(mergeRoads, { roads: roads.map((road) => roadSchema.parse(road)) });
    },
    async fastestPath(fromCameraId, toCameraId) {
      const { records } = await driver.executeQuery(fastestOfShortestPaths, { fromCameraId, toCameraId }, { routing: neo4j.routing.READ });
      const [record] = records;
      if (!record) return undefined;
      return {
        cameras: record.get('cameras') as CameraRow[],
        lengthMeters: Number(record.get('lengthMeters')),
        freeFlowSeconds: Number(record.get('freeFlowSeconds')),
      };
    },
  };
}
