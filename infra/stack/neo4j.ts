import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { cacheRootOf, type StackConfig } from './config.js';
import {
  displayUrl,
  localNeo4jUri,
  localNeo4jUser,
  localPorts,
  loopback,
  readLocalNeo4jPassword,
  type Neo4jEndpoint,
} from './endpoints.js';
import { lastLines, runCommand } from './executables.js';
import { ensureJava } from './java.js';
import { ensureNeo4jLibraries } from './neo4j-libraries.js';
import { neo4jPasswordFile, serverDir } from './paths.js';
import { ownedPid, removeStalePidFile, spawnDetached, tailOfFile, terminate } from './processes.js';
import type { ExternalServer, LocalServer } from './server.js';
import { withTimeout } from './timeout.js';

export interface Neo4jConfInput {
  readonly host: string;
  readonly boltPort: number;
  readonly dataDir: string;
  readonly logsDir: string;
  readonly runDir: string;
}

export function renderNeo4jConf(input: Neo4jConfInput): string {
  return [
    `server.default_listen_address=${input.host}`,
    `server.bolt.listen_address=${input.host}:${input.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'server.memory.heap.initial_size=1g',
    'server.memory.heap.max_size=2g',
    'server.memory.pagecache.size=1g',
    `server.directories.data=${input.dataDir}`,
    `server.directories.logs=${input.logsDir}`,
    `server.directories.run=${input.runDir}`,
    // Left on, the server reports usage to Neo4j Inc. over the internet.
    'dbms.usage_report.enabled=false',
    // Netty otherwise idles 2 x 5 s before a stop completes.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    '',
  ].join('\n');
}

export function neo4jServerArgs(libDir: string, home: string): string[] {
  return [
    '-Xms1g',
    '-Xmx2g',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    `${libDir}/*`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${join(home, 'conf')}`,
  ];
}

export async function checkNeo4jHealth(endpoint: Neo4jEndpoint): Promise<void> {
  const driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), {
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 0,
    disableLosslessIntegers: true,
  });
  try {
    const { records } = await withTimeout(
      driver.executeQuery('RETURN 1 AS one'),
      8_000,
      `Neo4j health check at ${displayUrl(endpoint.uri)}`,
    );
    const one: unknown = records[0]?.get('one');
    if (one !== 1) throw new Error(`RETURN 1 answered ${String(one)}`);
  } finally {
    await driver.close();
  }
}

export function externalNeo4j(endpoint: Neo4jEndpoint): ExternalServer {
  return { name: 'neo4j', location: 'external', endpoint: displayUrl(endpoint.uri), checkHealth: () => checkNeo4jHealth(endpoint) };
}

const exists = (path: string) => access(path).then(() => true, () => false);

export function localNeo4j(config: StackConfig): LocalServer {
  const home = serverDir('neo4j');
  const dirs = { dataDir: join(home, 'data'), logsDir: join(home, 'logs'), runDir: join(home, 'run') };
  const confDir = join(home, 'conf');
  const pidFile = join(home, 'neo4j.pid');
  const consoleLog = join(dirs.logsDir, 'console.log');
  const markers = ['org.neo4j.server.CommunityEntryPoint', `--home-dir=${home}`];
  const runningPid = () => ownedPid(pidFile, markers);

  return {
    name: 'neo4j',
    location: 'local',
    endpoint: `${localNeo4jUri} (user ${localNeo4jUser}, password in ${neo4jPasswordFile})`,
    host: loopback,
    port: localPorts.bolt,
    startDeadlineMs: 180_000,
    checkHealth: () => checkNeo4jHealth({ uri: localNeo4jUri, user: localNeo4jUser, password: readLocalNeo4jPassword() }),
    runningPid,

    async logTail() {
      const serverLog = await tailOfFile(join(dirs.logsDir, 'neo4j.log'));
      const console = await tailOfFile(consoleLog);
      return [serverLog, console].filter(Boolean).join('\n--- console ---\n');
    },

    async start() {
      const java = await ensureJava();
      const libDir = await ensureNeo4jLibraries(cacheRootOf(config));
      await Promise.all([confDir, ...Object.values(dirs)].map((dir) => mkdir(dir, { recursive: true })));
      await writeFile(join(confDir, 'neo4j.conf'), renderNeo4jConf({ host: loopback, boltPort: localPorts.bolt, ...dirs }));
      await ensureInitialPassword({ java, libDir, home, confDir, dataDir: dirs.dataDir });
      await spawnDetached({ command: java, args: neo4jServerArgs(libDir, home), cwd: home, logFile: consoleLog, pidFile });
    },

    async stop() {
      const pid = await runningPid();
      if (pid !== undefined) await terminate(pid, 60_000);
      await removeStalePidFile(pidFile, markers);
    },
  };
}

interface PasswordSetup {
  readonly java: string;
  readonly libDir: string;
  readonly home: string;
  readonly confDir: string;
  readonly dataDir: string;
}

/**
 * Auth stays on. Before the very first start we generate a password, keep it in .stack/neo4j/password (0600)
 * and hand it to neo4j-admin, which can set the initial password only while the system database does not
 * exist yet; after that, the password file is the only copy.
 */
async function ensureInitialPassword(setup: PasswordSetup): Promise<void> {
  const systemDatabaseExists = await exists(join(setup.dataDir, 'databases', 'system'));
  const passwordFileExists = await exists(neo4jPasswordFile);
  if (systemDatabaseExists) {
    if (passwordFileExists) return;
    throw new DongseonError(
      'DS_STACK_START_FAILED',
      `The local Neo4j database exists but its password file ${neo4jPasswordFile} is gone; ` +
        `delete ${setup.home} to start over with a fresh database and password.`,
      { server: 'neo4j' },
    );
  }
  if (!passwordFileExists) await writeFile(neo4jPasswordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  const password = (await readFile(neo4jPasswordFile, 'utf8')).trim();
  const result = await runCommand(
    setup.java,
    ['-cp', `${setup.libDir}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', password],
    { env: { ...process.env, NEO4J_HOME: setup.home, NEO4J_CONF: setup.confDir } },
  );
  if (result.exitCode !== 0) {
    throw new DongseonError(
      'DS_STACK_START_FAILED',
      `neo4j-admin dbms set-initial-password failed (exit ${result.exitCode}):\n${lastLines(result.output)}`,
      { server: 'neo4j' },
    );
  }
}
