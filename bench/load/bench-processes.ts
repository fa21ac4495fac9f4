import { join } from 'node:path';
import type { JWK } from 'jose';
import { spawnService, stopServices, waitForHealth, type RunningService } from '../../infra/services/service-processes.js';
import { freePorts } from '../../infra/stack/ports.js';
import { subgraphUrlVariable } from '../../gateway/gateway-config.js';
import { subgraphNames, type SubgraphName } from '../../schema/subgraph-names.js';
import { subgraphsProcessEnv } from './subgraphs-process-config.js';

const host = '127.0.0.1';
const graphqlUrl = (port: number) => `http://${host}:${port}/graphql`;
const healthUrl = (port: number) => `http://${host}:${port}/health`;

export interface SubgraphsProcess {
  readonly urls: Readonly<Record<SubgraphName, string>>;
  readonly running: RunningService;
}

/** Starts every subgraph in one child process on free ports and waits until each answers its health check. */
export async function startSubgraphsProcess(settings: { identitySecret: string; policeKeyPrefix: string }): Promise<SubgraphsProcess> {
  const chosen = await freePorts(subgraphNames.length, host);
  const ports = Object.fromEntries(subgraphNames.map((name, i) => [name, chosen[i] as number])) as Record<SubgraphName, number>;
  const running = spawnService(
    { name: 'subgraphs', entry: 'bench/load/subgraphs-main.ts', env: {} },
    { ...process.env, ...subgraphsProcessEnv({ ...settings, ports }) },
  );
  try {
    for (const name of subgraphNames) {
      await waitForHealth({ ...running, service: { ...running.service, name: `subgraphs (${name})`, healthUrl: healthUrl(ports[name]) } }, 120_000);
    }
  } catch (error) {
    await stopServices([running]);
    throw error;
  }
  return { urls: Object.fromEntries(subgraphNames.map((name) => [name, graphqlUrl(ports[name])])) as Record<SubgraphName, string>, running };
}

export interface GatewayProcessSettings {
  readonly identitySecret: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** Verifies the access tokens the benchmark mints with its own development key pair. */
  readonly publicJwk: JWK;
  readonly redisUrl: string;
  /** Each gateway's audit log gets its own folder in here: the log allows one writer. */
  readonly workDir: string;
}

export interface GatewayProcesses {
  readonly urls: readonly string[];
  readonly running: readonly RunningService[];
}

/**
 * Starts `count` gateways, each its own `tsx gateway/main.ts` in development mode on free ports, with a rate limit
 * far above what the benchmark can send, so the limit never shapes the figures.
 */
export async function startGatewayProcesses(count: number, settings: GatewayProcessSettings): Promise<GatewayProcesses> {
  const ports = await freePorts(2 * count, host);
  const running: RunningService[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = ports[2 * i] as number;
      running.push(spawnService({ name: `gateway-${i + 1}`, entry: 'gateway/main.ts', env: { DS_GATEWAY_PORT: String(port) }, healthUrl: healthUrl(port) }, {
        ...process.env,
        DS_ENV: 'development',
        DS_GATEWAY_HOST: host,
        DS_REALTIME_PORT: String(ports[2 * i + 1]),
        DS_IDENTITY_HEADER_SECRET: settings.identitySecret,
        DS_JWT_PUBLIC_JWK: JSON.stringify(settings.publicJwk),
        DS_DEV_IDENTITY: 'off',
        DS_GRAPHIQL: 'off',
        ...Object.fromEntries(subgraphNames.map((name) => [subgraphUrlVariable(name), settings.subgraphUrls[name]])),
        DS_RATE_LIMIT_PER_SECOND: '100000',
        DS_RATE_LIMIT_BURST: '1000000',
        DS_RATE_LIMIT_AGENCIES: '',
        DS_AUDIT_DIR: join(settings.workDir, `audit-gateway-${i + 1}`),
        REDIS_URL: settings.redisUrl,
      }));
    }
    for (const gateway of running) await waitForHealth(gateway, 120_000);
  } catch (error) {
    await stopServices(running);
    throw error;
  }
  return { urls: running.map((_, i) => graphqlUrl(ports[2 * i] as number)), running };
}
