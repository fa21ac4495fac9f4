import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';
import { ensureDebianPackage } from './apt.js';
import { brokerAdminEndpoint, displayUrl, localMqttAdminUser, localMqttUrl, localPorts, loopback } from '../../runtime/endpoints/stack-endpoints.js';
import { connectBrokerAccounts, type BrokerAdminEndpoint } from '../../stores/broker-accounts/broker-accounts.js';
import { lastLines, runCommand } from '../../runtime/processes/executables.js';
import { mosquittoAdminPasswordFile, serverDir } from '../../runtime/endpoints/stack-paths.js';
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
  readonly dynsecPlugin: string;
  /** The dynamic security plugin's accounts (clients, roles, ACLs), which it rewrites on every change. */
  readonly dynsecFile: string;
}

/** Where Debian's `mosquitto` package puts the dynamic security plugin (multiarch directory of this machine). */
export function dynsecPluginPath(): string {
  const multiarch = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
  const candidates = [`/usr/lib/${multiarch}/mosquitto_dynamic_security.so`, '/usr/lib/mosquitto_dynamic_security.so'];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
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
    '# No anonymous clients: every camera credential, edge node and the admin is an account of the dynamic',
    '# security plugin, whose ACLs let a camera publish only its own reads and read only its own rejections.',
    'allow_anonymous false',
    `plugin ${input.dynsecPlugin}`,
    `plugin_opt_config_file ${input.dynsecFile}`,
    '',
  ].join('\n');
}

/** Logs in as the broker's dynamic-security admin and reads the plugin's default ACL access back. */
export async function checkMqttHealth(admin: BrokerAdminEndpoint): Promise<void> {
  const accounts = await withTimeout(connectBrokerAccounts(admin), 5_000, `MQTT admin login at ${displayUrl(admin.url)}`);
  try {
    await withTimeout(accounts.ping(), 5_000, `MQTT dynamic security round trip at ${displayUrl(admin.url)}`);
  } finally {
    await accounts.close();
  }
}

export function externalMosquitto(admin: BrokerAdminEndpoint): ExternalServer {
  return { name: 'mosquitto', location: 'external', endpoint: displayUrl(admin.url), checkHealth: () => checkMqttHealth(admin) };
}

const fileExists = (file: string) => access(file).then(() => true, () => false);

/**
 * The admin's password, generated at the broker's first start (like Neo4j's), and the plugin's initial accounts:
 * only that admin (`mosquitto_ctrl dynsec init`, which reads the password twice from stdin).
 */
async function initDynamicSecurity(dynsecFile: string): Promise<void> {
  if (!(await fileExists(mosquittoAdminPasswordFile))) {
    await writeFile(mosquittoAdminPasswordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  }
  if (await fileExists(dynsecFile)) return;
  const password = (await readFile(mosquittoAdminPasswordFile, 'utf8')).trim();
  const ctrl = await ensureDebianPackage('mosquitto_ctrl', 'mosquitto-clients');
  const result = await runCommand(ctrl, ['dynsec', 'init', dynsecFile, localMqttAdminUser], { input: `${password}\n${password}\n` });
  if (result.exitCode !== 0) {
    throw new DongseonError('DS_STACK_START_FAILED', `mosquitto_ctrl dynsec init exited with ${result.exitCode}:\n${lastLines(result.output)}`, { server: 'mosquitto' });
  }
}

export function localMosquitto(): LocalServer {
  const dir = serverDir('mosquitto');
  const confFile = join(dir, 'mosquitto.conf');
  const pidFile = join(dir, 'mosquitto.pid');
  const logFile = join(dir, 'mosquitto.log');
  const dynsecFile = join(dir, 'dynamic-security.json');
  const conf = () => renderMosquittoConf({
    host: loopback, port: localPorts.mqtt, dataDir: dir, pidFile, logFile, user: userInfo().username, dynsecPlugin: dynsecPluginPath(), dynsecFile,
  });
  const markers = ['mosquitto', confFile];
  const runningPid = () => ownedPid(pidFile, markers);

  return {
    name: 'mosquitto',
    location: 'local',
    endpoint: localMqttUrl,
    host: loopback,
    port: localPorts.mqtt,
    startDeadlineMs: 30_000,
    checkHealth: () => checkMqttHealth(brokerAdminEndpoint({})),
    runningPid,
    // A broker started with an older config (before accounts, say) is restarted by `up`; only mosquitto is.
    isStale: async () => (await readFile(confFile, 'utf8').catch(() => '')) !== conf(),
    logTail: () => tailOfFile(logFile),

    async start() {
      const mosquitto = await ensureDebianPackage('mosquitto', 'mosquitto');
      await mkdir(dir, { recursive: true });
      await initDynamicSecurity(dynsecFile);
      await writeFile(confFile, conf());
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
