import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { RoadGraphStore } from './road-graph-store.js';
import type { SightingStore } from './sighting-store.js';

/** What every tracking resolver receives: the verified request access and the Neo4j sighting graph. */
export type TrackingContext = AccessContext & {
  readonly sightings: SightingStore;
  readonly roads: RoadGraphStore;
};
