import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import mqtt from 'mqtt';
import neo4j, { type Driver } from 'neo4j-driver';
import { createCameraCredentialStore } from '../../stores/camera-registry/camera-credential-store.js';
import { brokerAccountsAt, edgeBrokerUsername, type BrokerAccounts } from '../../stores/broker-accounts/broker-accounts.js';
import { edgeBrokerPassword, ensureEdgeBrokerAccounts } from '../services/edge-broker-accounts.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { createWantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';
import {
  pipelineEnvironment, publishHotlist, spawnEdge, startWorker, waitForEdgeHotlist, type EdgeProcess,
} from '../services/pipeline-processes.js';
import { crashService, stopServices, type RunningService } from '../services/service-processes.js';
import { loadStackConfig } from '../../runtime/endpoints/stack-config.js';
import { brokerAdminEndpoint, stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { freePorts } from '../stack/ports.js';
import { startThrowawayStack, type ThrowawayStack } from '../stack/throwaway-stack.js';

/** A plate on the police list, by the wanted-vehicle id the hotlist names it with. */
export interface WantedPlate {
  readonly wantedVehicleId: string;
  readonly plate: string;
}

export interface ReliabilityPipelineOptions {
  /** Edge nodes to run, each with its own municipality and cameras. */
  readonly edges: number;
  readonly camerasPerEdge: number;
  readonly wanted: readonly WantedPlate[];
  /** Environment for every process on top of the hub's (stall recovery, timeouts). */
  readonly env: Readonly<Record<string, string>>;
}

export interface EdgeNode {
  readonly municipality: string;
  readonly cameras: readonly string[];
  /** Each camera's credential, camera id → `<keyId>.<secret>`, issued when the cameras are registered. */
  readonly tokens: Map<string, string>;
  readonly url: string;
}

/** How a process goes away: a clean stop (SIGTERM, its shutdown runs) or a crash (SIGKILL). */
export type Stopping = 'stop' | 'crash';

export type RegionWorker = 'graph-writer' | 'alert-delivery';

/**
 * The pipeline as real processes — edge nodes, the graph writer, 112 CAD delivery and the CAD receiver — on a
 * throwaway Redis and Neo4j of its own (the shared broker carries MQTT, on topics of municipalities made up for the
 * run), so a test may crash and restart any of them.
 */
export interface ReliabilityPipeline {
  readonly servers: ThrowawayStack;
  readonly edges: readonly EdgeNode[];
  readonly cadUrl: string;
  readonly mqttUrl: string;
  /** A connection to the throwaway Redis that survives its restarts. */
  readonly redis: Redis;
  /** A driver for the throwaway Neo4j that survives its restarts. */
  readonly neo4j: Driver;
  /** The edge nodes' DS_EDGE_STATE_DIR: each keeps its read store under it (`edgeReadStoreFile`). */
  readonly edgeStateDir: string;
  /** Takes an edge node away; `startEdge` brings it back on its port and MQTT session. */
  stopEdge(municipality: string, how: Stopping): Promise<void>;
  startEdge(municipality: string): Promise<void>;
  restartWorker(worker: RegionWorker, how: Stopping): Promise<void>;
  /** Every process (for liveness checks): none of them may have exited unless a test took it away. */
  running(): readonly RunningService[];
  close(): Promise<void>;
}

const workerEntries: Record<RegionWorker, string> = {
  'graph-writer': 'workers/graph-writer/main.ts',
  'alert-delivery': 'workers/alert-delivery/main.ts',
};

/** Registers each edge's cameras and issues each a credential (into the edge's `tokens`). */
async function registerCameras(driver: Driver, edges: readonly EdgeNode[], broker: BrokerAccounts): Promise<void> {
  const credentials = createCameraCredentialStore(driver, broker);
  for (const edge of edges) {
    await driver.executeQuery(
      `CREATE (m:Municipality {id: $municipality, registryRevision: 1})
       WITH m UNWIND $cameras AS cameraId
       CREATE (:Camera {id: cameraId, municipalityId: $municipality, registryRevision: 1})-[:IN]->(m)`,
      { municipality: edge.municipality, cameras: edge.cameras },
    );
    for (const [cameraId, { token }] of await credentials.issueForTool(edge.cameras)) edge.tokens.set(cameraId, token);
  }
}

async function registerWanted(redis: Redis, wanted: readonly WantedPlate[]): Promise<number> {
  const store = createWantedVehicleStore(redis, policeKeys());
  const since = new Date(Date.now() - 60 * 60_000).toISOString();
  for (const { wantedVehicleId, plate } of wanted) {
    await store.add({
      id: wantedVehicleId, kind: 'FULL_PLATE', plate, reason: 'STOLEN', priority: 50, validFrom: since, caseNumber: 'RELIABILITY-1',
      owningAgency: 'test', createdAt: since, createdBy: 'reliability-test',
    });
  }
  const { header } = await publishHotlist(redis, wanted.map(({ wantedVehicleId, plate }) => ({ ref: wantedVehicleId, plate })));
  return header.version;
}

export async function startReliabilityPipeline(options: ReliabilityPipelineOptions): Promise<ReliabilityPipeline> {
  const dir = await mkdtemp(join(tmpdir(), 'dongseon-reliability-'));
  const servers = await startThrowawayStack(loadStackConfig(), dir);
  const { mqttUrl } = stackEndpoints();
  const brokerAccounts = brokerAccountsAt(brokerAdminEndpoint());
  const run = randomBytes(4).toString('hex');
  const ports = await freePorts(options.edges + 1);
  const edges: EdgeNode[] = Array.from({ length: options.edges }, (_, i) => {
    const municipality = `rel${run}${String.fromCharCode(97 + i)}`;
    const port = ports[i] as number;
    return {
      municipality,
      cameras: Array.from({ length: options.camerasPerEdge }, (__, c) => `cam-${municipality}-${c + 1}`),
      tokens: new Map(),
      url: `http://127.0.0.1:${port}`,
    };
  });
  const cadPort = ports[options.edges] as number;
  const cadUrl = `http://127.0.0.1:${cadPort}`;
  const redis = new Redis(servers.redisUrl, { retryStrategy: () => 100 });
  redis.on('error', () => undefined);
  const driver = neo4j.driver(servers.neo4jEndpoint.uri, neo4j.auth.basic(servers.neo4jEndpoint.user, servers.neo4jEndpoint.password), {
    disableLosslessIntegers: true,
  });

  const edgeStateDir = join(dir, 'edge-state');
  const env = pipelineEnvironment({ redisUrl: servers.redisUrl, neo4j: servers.neo4jEndpoint, mqttUrl }, {
    DS_EDGE_STATE_DIR: edgeStateDir,
    DS_CAD_RECEIVER_PORT: String(cadPort),
    DS_CAD_WEBHOOK_URL: `${cadUrl}/112/alerts`,
    ...options.env,
  });
  const edgeSpecs = new Map(edges.map((edge, i) => [edge.municipality, {
    municipality: edge.municipality, port: ports[i] as number, mqttClientId: `dongseon-reliability-${edge.municipality}`,
  }]));
  const edgeProcesses = new Map<string, EdgeProcess>();
  const workers = new Map<string, RunningService>();
  let cadReceiver: RunningService | undefined;

  const running = (): RunningService[] => [
    ...(cadReceiver ? [cadReceiver] : []), ...workers.values(), ...[...edgeProcesses.values()].map((edge) => edge.running),
  ];
  let hotlistVersion = 0;
  const startEdge = async (municipality: string): Promise<void> => {
    const edge = spawnEdge(edgeSpecs.get(municipality) as NonNullable<ReturnType<typeof edgeSpecs.get>>, env);
    edgeProcesses.set(municipality, edge);
    await waitForEdgeHotlist(edge, hotlistVersion, 120_000);
  };
  const startRegionWorker = async (worker: RegionWorker): Promise<void> => {
    const started: RunningService[] = [];
    const promise = startWorker(worker, workerEntries[worker], env, started);
    workers.set(worker, started[0] as RunningService);
    await promise;
  };
  const stopped = async (service: RunningService | undefined, how: Stopping): Promise<void> => {
    if (service === undefined) return;
    if (how === 'crash') await crashService(service);
    else await stopServices([service]);
  };

  const pipeline: ReliabilityPipeline = {
    servers,
    edges,
    cadUrl,
    mqttUrl,
    redis,
    neo4j: driver,
    edgeStateDir,
    async stopEdge(municipality, how) {
      await stopped(edgeProcesses.get(municipality)?.running, how);
    },
    startEdge,
    async restartWorker(worker, how) {
      await stopped(workers.get(worker), how);
      await startRegionWorker(worker);
    },
    running,
    async close() {
      await stopServices(running());
      redis.disconnect();
      await driver.close();
      await servers.dispose();
      // The edges' persistent sessions would otherwise stay on the shared broker.
      for (const { municipality, mqttClientId } of edgeSpecs.values()) {
        const session = await mqtt.connectAsync(mqttUrl, {
          clientId: mqttClientId, clean: true, username: edgeBrokerUsername(municipality), password: edgeBrokerPassword(municipality),
        });
        await session.endAsync();
      }
      // The cameras' broker accounts too (their registry went with the throwaway Neo4j).
      for (const edge of edges) {
        for (const token of edge.tokens.values()) await brokerAccounts.deleteCameraClient(token.slice(0, token.indexOf('.'))).catch(() => undefined);
      }
      await brokerAccounts.close();
    },
  };

  try {
    await ensureEdgeBrokerAccounts(edges.map((edge) => edge.municipality));
    await registerCameras(driver, edges, brokerAccounts);
    hotlistVersion = await registerWanted(redis, options.wanted);
    const cadStarted: RunningService[] = [];
    const cad = startWorker('cad-receiver', 'infra/cad-receiver/main.ts', env, cadStarted, `${cadUrl}/deliveries`);
    cadReceiver = cadStarted[0];
    await Promise.all([cad, startRegionWorker('graph-writer'), startRegionWorker('alert-delivery'), ...edges.map((edge) => startEdge(edge.municipality))]);
  } catch (error) {
    await pipeline.close();
    throw error;
  }
  return pipeline;
}
