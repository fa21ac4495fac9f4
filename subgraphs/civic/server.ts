import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { redisIdentityNonceLedger } from '../../runtime/identity/identity-nonce-ledger.js';
import type { Driver } from 'neo4j-driver';
import { startApolloSubgraph, type ApolloSubgraphOptions, type RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { createCameraVolumeStore } from '../../stores/civic-volumes/camera-volume-store.js';
import type { CivicContext } from './context.js';
import { createPublicCameraStore } from './public-camera-store.js';
import { civicResolvers } from './resolvers.js';

export interface CivicSubgraphOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly identitySecret: string;
  /** The caller owns both connections and closes them after the subgraph. */
  readonly redis: Redis;
  readonly neo4j: Driver;
}

const civicSdl = () => readFileSync(new URL('../../schema/civic.graphql', import.meta.url), 'utf8');

/** Serves the public civic subgraph: camera locations from the regional graph, hourly counts from Redis. */
export async function startCivicSubgraph(options: CivicSubgraphOptions): Promise<RunningSubgraph> {
  const stores = { publicCameras: createPublicCameraStore(options.neo4j), volumes: createCameraVolumeStore(options.redis) };
  return startApolloSubgraph<CivicContext>({
    name: 'civic',
    sdl: civicSdl(),
    identitySecret: options.identitySecret,
    identityNonces: redisIdentityNonceLedger(options.redis, 'ds:identity-nonce:civic:'),
    resolvers: civicResolvers as ApolloSubgraphOptions<CivicContext>['resolvers'],
    context: (access) => ({ ...access, ...stores }),
  }, { host: options.host, port: options.port });
}
