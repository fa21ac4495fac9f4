import { setTimeout as sleep } from 'node:timers/promises';
import { DongseonError, type ErrorCode } from '../../domain/errors/index.js';
import type { StackConfig } from '../../runtime/endpoints/stack-config.js';
import { brokerAdminEndpoint, localNeo4jUser } from '../../runtime/endpoints/stack-endpoints.js';
import { externalMosquitto, localMosquitto } from './mosquitto.js';
import { externalNeo4j, localNeo4j } from './neo4j.js';
import { assertPortFree } from './ports.js';
import { externalRedis, localRedis } from './redis.js';
import type { LocalServer, ServerName, StackServer } from './server.js';
import type { ServerReport } from './stack-report.js';

const externalHealthDeadlineMs = 15_000;

export function stackServers(config: StackConfig): StackServer[] {
  return [
    config.REDIS_URL === undefined ? localRedis() : externalRedis(config.REDIS_URL),
    config.NEO4J_URI === undefined
      ? localNeo4j(config)
      : externalNeo4j({ uri: config.NEO4J_URI, user: config.NEO4J_USER ?? localNeo4jUser, password: config.NEO4J_PASSWORD ?? '' }),
    config.MQTT_URL === undefined ? localMosquitto() : externalMosquitto(brokerAdminEndpoint({
      MQTT_URL: config.MQTT_URL, MQTT_ADMIN_USERNAME: config.MQTT_ADMIN_USERNAME, MQTT_ADMIN_PASSWORD: config.MQTT_ADMIN_PASSWORD,
    })),
  ];
}

/**
 * Brings every server up and waits until each is healthy. Servers already running are only health-checked. If
 * one fails, the servers this call started are stopped again before the error is thrown.
 */
export async function stackUp(servers: readonly StackServer[]): Promise<ServerReport[]> {
  const reports: ServerReport[] = [];
  try {
    for (const server of servers) reports.push(await bringUp(server));
  } catch (error) {
    const startedHere = reports.filter((report) => report.state === 'started').map((report) => report.name);
    await stackDown(servers, startedHere);
    throw error;
  }
  return reports;
}

async function bringUp(server: StackServer): Promise<ServerReport> {
  if (server.location === 'external') {
    await waitUntilHealthy(server, externalHealthDeadlineMs, 'DS_STACK_UNHEALTHY');
    return { name: server.name, location: 'external', endpoint: server.endpoint, state: 'external', health: 'healthy' };
  }
  const runningPid = await server.runningPid();
  if (runningPid !== undefined && (await server.isStale?.()) === true) {
    // Only this server is restarted; the others keep serving whoever uses them.
    await server.stop();
    await assertPortFree(server.name, server.host, server.port);
    await server.start();
    await waitUntilHealthy(server, server.startDeadlineMs, 'DS_STACK_START_FAILED');
    return localReport(server, 'restarted', await server.runningPid());
  }
  if (runningPid !== undefined) {
    await waitUntilHealthy(server, server.startDeadlineMs, 'DS_STACK_UNHEALTHY');
    return localReport(server, 'already running', runningPid);
  }
  await server.stop();
  await assertPortFree(server.name, server.host, server.port);
  try {
    await server.start();
    await waitUntilHealthy(server, server.startDeadlineMs, 'DS_STACK_START_FAILED');
  } catch (error) {
    await server.stop();
    throw error;
  }
  return localReport(server, 'started', await server.runningPid());
}

function localReport(server: LocalServer, state: 'started' | 'restarted' | 'already running', pid: number | undefined): ServerReport {
  return { name: server.name, location: 'local', endpoint: server.endpoint, state, pid, health: 'healthy' };
}

async function waitUntilHealthy(server: StackServer, deadlineMs: number, code: ErrorCode): Promise<void> {
  const startedAt = Date.now();
  for (;;) {
    const problem = await healthProblem(server);
    if (problem === undefined) return;
    const waited = Date.now() - startedAt;
    // Daemons write their pid file a moment after forking; only then does a missing pid mean the server died.
    if (server.location === 'local' && waited > 3_000 && (await server.runningPid()) === undefined) {
      throw await stackFailure(code, server, `${server.name} exited during start-up: ${problem}`);
    }
    if (waited > deadlineMs) {
      throw await stackFailure(code, server, `${server.name} was not healthy within ${deadlineMs / 1000} s: ${problem}`);
    }
    await sleep(500);
  }
}

async function healthProblem(server: StackServer): Promise<string | undefined> {
  try {
    await server.checkHealth();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function stackFailure(code: ErrorCode, server: StackServer, message: string): Promise<DongseonError> {
  if (server.location === 'external') {
    return new DongseonError(code, `${message} (external server at ${server.endpoint})`, { server: server.name });
  }
  const log = await server.logTail();
  const withLog = log === '' ? message : `${message}\n--- last lines of the ${server.name} log ---\n${log}`;
  return new DongseonError(code, withLog, { server: server.name });
}

/** Stops our own servers (all of them, or those named), last started first; external servers are left alone. */
export async function stackDown(servers: readonly StackServer[], only?: readonly ServerName[]): Promise<ServerReport[]> {
  const reports: ServerReport[] = [];
  for (const server of [...servers].reverse()) {
    if (only !== undefined && !only.includes(server.name)) continue;
    if (server.location === 'external') {
      reports.unshift({ name: server.name, location: 'external', endpoint: server.endpoint, state: 'external', health: 'not checked' });
      continue;
    }
    const pid = await server.runningPid();
    await server.stop();
    reports.unshift({
      name: server.name,
      location: 'local',
      endpoint: server.endpoint,
      state: pid === undefined ? 'not running' : 'stopped',
      pid,
      health: 'not checked',
    });
  }
  return reports;
}

export async function stackStatus(servers: readonly StackServer[]): Promise<ServerReport[]> {
  return Promise.all(servers.map(statusOf));
}

async function statusOf(server: StackServer): Promise<ServerReport> {
  const base = { name: server.name, location: server.location, endpoint: server.endpoint };
  if (server.location === 'local') {
    const pid = await server.runningPid();
    if (pid === undefined) return { ...base, state: 'not running', health: 'unhealthy' };
    const problem = await healthProblem(server);
    return { ...base, state: 'running', pid, health: problem === undefined ? 'healthy' : 'unhealthy', problem };
  }
  const problem = await healthProblem(server);
  return { ...base, state: 'external', health: problem === undefined ? 'healthy' : 'unhealthy', problem };
}

export const allHealthy = (reports: readonly ServerReport[]) => reports.every((report) => report.health === 'healthy');
