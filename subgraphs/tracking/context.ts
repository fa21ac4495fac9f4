import type { TrackingModel } from '../../domain/tracking/index.js';
import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { PatrolUnitStore } from '../../stores/patrol-units/patrol-unit-store.js';
import type { FlowGraphStore } from './flow-graph-store.js';
import type { RoadGraphStore } from './road-graph-store.js';
import type { SightingStore } from './sighting-store.js';

/** What every tracking resolver receives: the verified request access, the Neo4j sighting graph and the tracking model. */
export type TrackingContext = AccessContext & {
  readonly sightings: SightingStore;
  readonly roads: RoadGraphStore;
  readonly flows: FlowGraphStore;
  readonly model: TrackingModel;
  /** The police patrol-unit registry; absent where the subgraph was given no Redis (no `patrolInterceptionPlan`). */
  readonly patrolUnits?: PatrolUnitStore;
};
