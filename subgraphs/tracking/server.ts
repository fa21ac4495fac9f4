import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { createPatrolUnitStore } from '../../stores/patrol-units/patrol-unit-store.js';
import type { TrackingModel } from '../../domain/tracking/index.js';
import { startApolloSubgraph, type ApolloSubgraphOptions, type RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import type { TrackingContext } from './context.js';
import { demoRoadGraph } from './demo-road-graph.js';
import { createFlowGraphStore } from './flow-graph-store.js';
import { trackingResolvers } from './resolvers.js';
import { createRoadGraphStore, type Road } from './road-graph-store.js';
import { ensureSightingGraphSchema } from '../../stores/sightings/sighting-graph-schema.js';
import { createSightingStore } from './sighting-store.js';
import { defaultTrackingModelFile, readTrackingModel } from '../../stores/tracking-model/tracking-model-file.js';

export interface TrackingSubgraphOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly identitySecret: string;
  /** The regional Neo4j; the caller owns the driver and closes it after the subgraph. */
  readonly neo4j: Driver;
  /** Roads to add where the graph lacks them; the demo region's unless given. */
  readonly roadGraph?: readonly Road[];
  /** The tracking model; the committed demo-city model (`defaultTrackingModelFile`) unless given. */
  readonly model?: TrackingModel;
  /** The police agency's Redis, read for the patrol-unit registry; the caller owns it. Absent, no patrol plans. */
  readonly redis?: Redis;
  /** Namespace of the registry's keys, `ds:patrol:` unless given. */
  readonly patrolKeyPrefix?: string;
}

const trackingSdl = () => readFileSync(new URL('../../schema/tracking.graphql', import.meta.url), 'utf8');

/** Serves the tracking subgraph over the regional sighting graph, after making sure its schema and roads exist. */
export async function startTrackingSubgraph(options: TrackingSubgraphOptions): Promise<RunningSubgraph> {
  await ensureSightingGraphSchema(options.neo4j);
  const stores = {
    sightings: createSightingStore(options.neo4j), roads: createRoadGraphStore(options.neo4j), flows: createFlowGraphStore(options.neo4j),
    model: options.model ?? readTrackingModel(defaultTrackingModelFile),
    ...(options.redis ? { patrolUnits: createPatrolUnitStore(options.redis, options.patrolKeyPrefix) } : {}),
  };
  await stores.roads.recordRoads(options.roadGraph ?? demoRoadGraph());
  return startApolloSubgraph<TrackingContext>({
    name: 'tracking',
    sdl: trackingSdl(),
    // No Redis here: identity-header nonces are kept in process (bounded), so a replay is caught on this replica
    // only; run one replica, or give it a shared ledger first.
    identitySecret: options.identitySecret,
    resolvers: trackingResolvers as ApolloSubgraphOptions<TrackingContext>['resolvers'],
    context: (access) => ({ ...access, ...stores }),
  }, { host: options.host, port: options.port });
}
