import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { roadSchema, type Road } from './road-graph-store.js';

const demoRoadGraphFile = new URL('../../data/demo-region/road-graph.json', import.meta.url);

/** The demo region's camera-to-camera roads (data/demo-region/road-graph.json). */
export function demoRoadGraph(): Road[] {
  return z.object({ roads: z.array(roadSchema) }).parse(JSON.parse(readFileSync(demoRoadGraphFile, 'utf8'))).roads;
}
