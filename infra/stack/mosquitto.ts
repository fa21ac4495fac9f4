import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import { DongseonError } from '../../domain/errors/index.js';
import { ensureDebianPackage } from './apt.js';
import { displayUrl, localMqttUrl, localPorts, loopback } from '../../runtime/endpoints/stack-endpoints.js';
import { lastLines, runCommand } from '../../runtime/processes/executables.js';
import { serverDir } from '../../runtime/endpoints/stack-paths.js';
import { ownedPid, removeStalePidFile, tailOfFile, terminate } from './processes.js';
import type { ExternalServer, LocalServer } from './server.js';
import { withTimeout } from './timeout.js';

export interface MosquittoConfInput {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pidFile: string;
  readonly logFile: string;
  /** Started as root, mosquitto would drop to the `mosquitto` user and lose access to our directories. */
  readonly user: string;
}

export function renderMosquittoConf(input: MosquittoConfInput): string {
  return [
    `pid_file ${input.pidFile}`,
    `user ${input.user}`,
    'persistence true',
    `persistence_location ${input.dataDir.endsWith('/') ? input.dataDir : `${input.dataDir}/`}`,
    `log_dest file ${input.logFile}`,
    '',
    `listener ${input.port} ${input.host}`,
    '# Development only: the broker listens on loopback and accepts any client.',
    'allow_anonymous true',
    '',
  ].join('\n');
}

/** Subscribes to a topic no one else uses, publishes to it and waits for the message to come back. */
export async function checkMqttHealth(url: string): Promise<void> {
  const client = await withTimeout(
    connectAsync(url, { clientId: `dongseon-health-${randomUUID()}`, connectTimeout: 3_000, reconnectPeriod: 0 }, false),
    5_000,
    `MQTT connect to ${displayUrl(url)}`,
  );
  try {
    await withTimeout(publishSubscribeRoundTrip(client), 5_000, `MQTT round trip at ${displayUrl(url)}`);
  } finally {
    await client.endAsync(true);
  }
}

async function publishSubscribeRoundTrip(client: MqttClient): Promise<void> {
  const topic = `dongseon/stack-health/${randomUUID()}`;
  const payload = randomUUID();
  const received = new Promise<string>((resolve) => {
    client.on('message', (messageTopic, message) => {
      if (messageTopic === topic) resolve(message.toString('utf8'));
    });
  });
  await client.subscribeAsync(topic, { qos: 1 });
  await client.publishAsync(topic, payload, { qos: 1 });
  const echoed = await received;
  if (echoed !== payload) throw new Error(`received ${echoed} instead of the published payload`);
}

export function externalMosquitto(url: string): ExternalServer {
  return { name: 'mosquitto', location: 'external', endpoint: displayUrl(url), checkHealth: () => checkMqttHealth(url) };
}

export function localMosquitto(): LocalServer {
  const dir = serverDir('mosquitto');
  const confFile = join(dir, 'mosquitto.conf');
  const pidFile = join(dir, 'mosquitto.pid');
  const logFile = join(dir, 'mosquitto.log');
  const markers = ['mosquitto', confFile];
  const runningPid = () => ownedPid(pidFile, markers);

  return {
    name: 'mosquitto',
    location: 'local',
    endpoint: localMqttUrl,
    host: loopback,
    port: localPorts.mqtt,
    startDeadlineMs: 30_000,
    checkHealth: () => checkMqttHealth(localMqttUrl),
    runningPid,
    logTail: () => tailOfFile(logFile),

    async start() {
      const mosquitto = await ensureDebianPackage('mosquitto', 'mosquitto');
      await mkdir(dir, { recursive: true });
      const conf = renderMosquittoConf({
        host: loopback,
        port: localPorts.mqtt,
        dataDir: dir,
        pidFile,
        logFile,
        user: userInfo().username,
      });
      await writeFile(confFile, conf);
      const result = await runCommand(mosquitto, ['-c', confFile, '-d']);
      if (result.exitCode !== 0) {
        throw new DongseonError(
          'DS_STACK_START_FAILED',
          `mosquitto exited with ${result.exitCode}:\n${lastLines(result.output)}\n${await tailOfFile(logFile)}`,
          { server: 'mosquitto' },
        );
      }
    },

    async stop() {
      const pid = await runningPid();
      if (pid !== undefined) await terminate(pid, 15_000);
      await removeStalePidFile(pidFile, markers);
    },
  };
}
