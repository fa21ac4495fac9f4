import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { hitDecisionLogKey } from '../../runtime/alerts/hit-decision-log.js';
import { createPatrolUnitStore } from '../../stores/patrol-units/patrol-unit-store.js';
import { redisIdentityNonceLedger } from '../../runtime/identity/identity-nonce-ledger.js';
import { startApolloSubgraph, type ApolloSubgraphOptions, type RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import type { PlateKeyRing } from '../../domain/plates/index.js';
import { createCaseStore } from './case-store.js';
import type { PoliceContext } from './context.js';
import { seedDemoRegion } from './demo-region-seed.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { createHotlistPublisher } from './hotlist-publisher.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { policeResolvers } from './resolvers.js';
import { createWantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';

export interface PoliceSubgraphOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly identitySecret: string;
  /** The caller owns the connection and closes it after the subgraph. */
  readonly redis: Redis;
  /** Namespace of every key, `ds:police:` unless given; tests give each run its own. */
  readonly keyPrefix?: string;
  /** Namespace of the patrol-unit registry's keys, `ds:patrol:` unless given. */
  readonly patrolKeyPrefix?: string;
  /**
   * The stream decisions are recorded on, `ds:hit-decisions:log` unless given; tests give each run its own. Their
   * effects follow from it: the graph writer relays each entry to its decision stage.
   */
  readonly decisionLogKey?: string;
  /** Publishes the keyed hotlist to edge nodes after every wanted-list change; absent, nothing is published. */
  readonly hotlist?: { readonly keyRing: PlateKeyRing; readonly keyPrefix?: string };
}

const policeSdl = () => readFileSync(new URL('../../schema/police.graphql', import.meta.url), 'utf8');

/** Serves the police subgraph over the wanted-vehicle list, cases and hits in Redis, seeding (or completing the seed of) a store that holds nothing else first. */
export async function startPoliceSubgraph(options: PoliceSubgraphOptions): Promise<RunningSubgraph> {
  const keys = policeKeys(options.keyPrefix);
  const stores = {
    cases: createCaseStore(options.redis, keys),
    wantedVehicles: createWantedVehicleStore(options.redis, keys),
    hits: createHitStore(options.redis, keys),
    patrolUnits: createPatrolUnitStore(options.redis, options.patrolKeyPrefix),
  };
  const decisions = { decisionLogKey: options.decisionLogKey ?? hitDecisionLogKey };
  await seedDemoRegion(stores);
  const hotlistPublisher = options.hotlist
    ? createHotlistPublisher({ redis: options.redis, wantedVehicles: stores.wantedVehicles, ...options.hotlist })
    : undefined;
  await hotlistPublisher?.start();
  const subgraph = await startApolloSubgraph<PoliceContext>({
    name: 'police',
    sdl: policeSdl(),
    identitySecret: options.identitySecret,
    identityNonces: redisIdentityNonceLedger(options.redis, 'ds:identity-nonce:police:'),
    resolvers: policeResolvers as ApolloSubgraphOptions<PoliceContext>['resolvers'],
    context: (access) => ({ ...access, ...stores, ...decisions, ...(hotlistPublisher ? { hotlistPublisher } : {}) }),
  }, { host: options.host, port: options.port });
  return {
    ...subgraph,
    async close() {
      await subgraph.close();
      await hotlistPublisher?.close();
    },
  };
}
