import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { IResolvers } from 'mercurius';
import type { Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import type { RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { createMercuriusSubgraph, startMercuriusSubgraph } from '../../runtime/graphql/mercurius-subgraph.js';
import { demoRegistryFile, seedCameraRegistry } from '../../stores/camera-registry/camera-registry-import.js';
import { createCameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { brokerAccountsAt, type BrokerAdminEndpoint } from '../../stores/broker-accounts/broker-accounts.js';
import { cctvRequestState, type CctvRequestState } from './context.js';
import { createHitEvidenceFetcher } from './edge-evidence-client.js';
import { createPlateHistorySearcher, type EdgeHistoryOptions } from './edge-history-client.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { cctvResolvers } from './resolvers.js';

export const cctvSdl = readFileSync(new URL('../../schema/cctv.graphql', import.meta.url), 'utf8');

export interface CctvSubgraphOptions {
  readonly identitySecret: string;
  readonly neo4j: Neo4jEndpoint;
  /** Loaded when the registry holds no municipality yet; the demo region unless set. */
  readonly seedRegistryFile?: string;
  /** The edge nodes the history search asks and its signing key; without it, history search is refused. */
  readonly history?: EdgeHistoryOptions;
  /**
   * The MQTT broker's dynamic-security admin: every camera credential issued or revoked is the camera's broker
   * account too. Without it, issuing and revoking credentials are refused (DS_BROKER_UNAVAILABLE).
   */
  readonly broker?: BrokerAdminEndpoint;
}

export interface CctvListenOptions extends CctvSubgraphOptions {
  readonly host: string;
  readonly port: number;
}

/**
 * The cctv subgraph as a Fastify app: the camera registry in Neo4j, its constraints ensured and, on a registry
 * holding nothing but seed entries (empty, or a seed cut short), the seed completed. The app owns its Neo4j driver and closes it with the app.
 */
export async function createCctvSubgraph(options: CctvSubgraphOptions): Promise<FastifyInstance> {
  const driver = connectNeo4j(options.neo4j);
  try {
    const registry = createCameraRegistryStore(driver);
    const brokerAccounts = options.broker ? brokerAccountsAt(options.broker) : undefined;
    const credentials = createCameraCredentialStore(driver, brokerAccounts);
    const history = options.history ? createPlateHistorySearcher(options.history) : undefined;
    const evidence = options.history ? createHitEvidenceFetcher(options.history) : undefined;
    await registry.ensureConstraints();
    await seedCameraRegistry(registry, options.seedRegistryFile ?? demoRegistryFile);
    const app = await createMercuriusSubgraph<CctvRequestState>({
      name: 'cctv',
      sdl: cctvSdl,
      // No Redis here: identity-header nonces are kept in process (bounded), so a replay is caught on this replica
      // only; run one replica, or give it a shared ledger first.
      identitySecret: options.identitySecret,
      context: () => cctvRequestState(registry, credentials, history, evidence),
      resolvers: cctvResolvers as unknown as IResolvers,
    });
    app.addHook('onClose', async () => {
      await brokerAccounts?.close();
      await driver.close();
    });
    return app;
  } catch (error) {
    await driver.close();
    throw error;
  }
}

export async function startCctvSubgraph(options: CctvListenOptions): Promise<RunningSubgraph> {
  return startMercuriusSubgraph(await createCctvSubgraph(options), 'cctv', { host: options.host, port: options.port });
}
