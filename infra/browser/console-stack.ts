import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import neo4j, { type Driver } from 'neo4j-driver';
import { demoCameras, issueBenchCredentials } from '../../bench/pipeline/pipeline-processes.js';
import { registerScenarioCameras } from '../../sim/replay/register-scenario-cameras.js';
import type { StackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import type { SampleUserName } from '../../runtime/identity/sample-users.js';
import { devKeyPair, devSecret } from '../services/dev-secrets.js';
import { edgeBrokerEnvironment, ensureEdgeBrokerAccounts } from '../services/edge-broker-accounts.js';
import type { HubService } from '../services/hub-services.js';
import { pipelineEnvironment } from '../services/pipeline-processes.js';
import { spawnService, stopServices, waitForHealth, type RunningService } from '../services/service-processes.js';
import { freePorts } from '../stack/ports.js';

/**
 * The processes `npm start` runs for the console's path — the six subgraphs, the gateway (console, GraphiQL, dev
 * sign-in, real-time endpoint), the graph writer and the 수원 edge node — on free ports, over a Redis database of
 * their own (flushed before and after), so a browser test runs beside a developer's `npm start`.
 */
export interface ConsoleStack {
  /** e.g. http://127.0.0.1:40123 */
  readonly gatewayOrigin: string;
  readonly edgeUrl: string;
  /** 수원's ANPR cameras of the demo region and the demo city, and a credential of this run for each (camera id → `<keyId>.<secret>`). */
  readonly cameras: readonly string[];
  readonly cameraTokens: ReadonlyMap<string, string>;
  readonly redis: Redis;
  readonly driver: Driver;
  /** A sample user's token from the gateway's dev sign-in, as the console gets it. */
  tokenFor(user: SampleUserName): Promise<string>;
  stop(): Promise<void>;
}

const host = '127.0.0.1';
const municipality = 'suwon';
/** Not a bench database (10, 11, 13), nor the replay tests' (12). */
const consoleRedisDb = 14;
const demoCityDir = fileURLToPath(new URL('../../data/demo-city/', import.meta.url));
// The audit subgraph reads the gateway's log in DS_AUDIT_DIR below: the console's Audit screen asks it.
const subgraphNames = ['cctv', 'police', 'signals', 'moj', 'tracking', 'civic', 'audit'] as const;

export async function startConsoleStack(endpoints: StackEndpoints): Promise<ConsoleStack> {
  const redisUrl = new URL(endpoints.redisUrl);
  redisUrl.pathname = `/${consoleRedisDb}`;
  const redis = new Redis(redisUrl.toString());
  await redis.flushdb();
  const driver = neo4j.driver(endpoints.neo4j.uri, neo4j.auth.basic(endpoints.neo4j.user, endpoints.neo4j.password));
  const stateDir = await mkdtemp(join(tmpdir(), 'dongseon-console-stack-'));
  const running: RunningService[] = [];
  let revokeCredentials = async () => undefined as void;
  const stop = async () => {
    await stopServices(running);
    await revokeCredentials();
    await redis.flushdb();
    await redis.quit();
    await driver.close();
    await rm(stateDir, { recursive: true, force: true });
  };
  try {
    const [gatewayPort, realtimePort, edgePort, ...subgraphPorts] = await freePorts(3 + subgraphNames.length, host) as number[];
    const port = (name: (typeof subgraphNames)[number]) => subgraphPorts[subgraphNames.indexOf(name)] as number;
    const edgeUrl = `http://${host}:${edgePort}`;
    const historyKeys = devKeyPair('history-search-keys');
    const env = pipelineEnvironment({ ...endpoints, redisUrl: redisUrl.toString() }, {
      DS_DEV_IDENTITY: '1',
      DS_AUDIT_DIR: join(stateDir, 'audit'),
      DS_EDGE_STATE_DIR: join(stateDir, 'edge'),
      DS_CCTV_HISTORY_SIGNING_JWK: historyKeys.privateJwk,
      DS_EDGE_HISTORY_PUBLIC_JWK: historyKeys.publicJwk,
      DS_EDGE_OPERATOR_TOKEN: devSecret('edge-operator-token'),
    });

    // The demo region's cameras and the demo city's (the twin the tracking model and the base map come from).
    await registerScenarioCameras(demoCityDir, endpoints.neo4j);
    const cityCameras = (JSON.parse(await readFile(join(demoCityDir, 'camera-registry.json'), 'utf8')) as { cameras: { id: string; municipalityId: string; anprCapable: boolean }[] })
      .cameras.filter((camera) => camera.municipalityId === municipality && camera.anprCapable).map((camera) => camera.id);
    const cameras = [...(await demoCameras(driver))[municipality], ...cityCameras];
    const credentials = await issueBenchCredentials(driver, { suwon: cameras, hwaseong: [], osan: [] });
    revokeCredentials = credentials.revoke;
    await ensureEdgeBrokerAccounts([municipality]);

    const subgraph = (name: (typeof subgraphNames)[number]): HubService => ({
      name, entry: `subgraphs/${name}/main.ts`, healthUrl: `http://${host}:${port(name)}/health`,
      env: { [`DS_${name.toUpperCase()}_PORT`]: String(port(name)), ...(name === 'cctv' ? { DS_CCTV_EDGE_URLS: JSON.stringify({ [municipality]: edgeUrl }) } : {}) },
    });
    const services: HubService[] = [
      ...subgraphNames.map(subgraph),
      {
        name: 'gateway', entry: 'gateway/main.ts', healthUrl: `http://${host}:${gatewayPort}/health`,
        env: {
          DS_GATEWAY_PORT: String(gatewayPort), DS_REALTIME_PORT: String(realtimePort),
          ...Object.fromEntries(subgraphNames.map((name) => [`DS_SUBGRAPH_URL_${name.toUpperCase()}`, `http://${host}:${port(name)}/graphql`])),
        },
      },
      { name: 'graph-writer', entry: 'workers/graph-writer/main.ts', env: {} },
      {
        name: `edge-${municipality}`, entry: 'edge/main.ts', healthUrl: `${edgeUrl}/health`,
        env: {
          DS_EDGE_MUNICIPALITY: municipality, DS_EDGE_HOST: host, DS_EDGE_PORT: String(edgePort),
          DS_EDGE_MQTT_CLIENT_ID: `dongseon-console-test-${municipality}-${process.pid}`, ...edgeBrokerEnvironment(municipality),
        },
      },
    ];
    for (const service of services) running.push(spawnService(service, env));
    await Promise.all(running.map((service) => waitForHealth(service, 180_000)));

    const gatewayOrigin = `http://${host}:${gatewayPort}`;
    return {
      gatewayOrigin, edgeUrl, cameras, cameraTokens: credentials.tokens, redis, driver, stop,
      async tokenFor(user) {
        const response = await fetch(`${gatewayOrigin}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
        if (!response.ok) throw new Error(`dev token for ${user}: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { token: string }).token;
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
