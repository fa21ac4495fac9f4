import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { cacheRootOf, type StackConfig } from '../../runtime/endpoints/stack-config.js';
import { displayUrl, localNeo4jUser, localPorts, loopback, readNeo4jPassword, type Neo4jEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { lastLines, runCommand } from '../../runtime/processes/executables.js';
import { ensureJava } from './java.js';
import { ensureNeo4jLibraries } from './neo4j-libraries.js';
import { neo4jPasswordFile, serverDir } from '../../runtime/endpoints/stack-paths.js';
import { ownedPid, removeStalePidFile, spawnDetached, tailOfFile, terminate } from './processes.js';
import type { ExternalServer, LocalServer } from './server.js';
import { withTimeout } from './timeout.js';

/** Java heap and page cache sizes, in Neo4j's notation (`512m`, `2g`). */
export interface Neo4jMemory {
  readonly heapInitial: string;
  readonly heapMax: string;
  readonly pageCache: string;
}

export const stackNeo4jMemory: Neo4jMemory = { heapInitial: '1g', heapMax: '2g', pageCache: '1g' };

export interface Neo4jConfInput {
  readonly host: string;
  readonly boltPort: number;
  readonly dataDir: string;
  readonly logsDir: string;
  readonly runDir: string;
  readonly memory?: Neo4jMemory;
}

export function renderNeo4jConf(input: Neo4jConfInput): string {
  const memory = input.memory ?? stackNeo4jMemory;
  return [
    `server.default_listen_address=${input.host}`,
    `server.bolt.listen_address=${input.host}:${input.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.memory.heap.initial_size=${memory.heapInitial}`,
    `server.memory.heap.max_size=${memory.heapMax}`,
    `server.memory.pagecache.size=${memory.pageCache}`,
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

/**
 * How the JVM compiles Neo4j: `quick` stops at the C1 compiler, `full` adds C2. On a small machine C2's compile
 * burst after each start takes CPU from the processes beside Neo4j for about a minute (issue 11's note has the
 * measurements): the local stack runs `quick` unless DS_NEO4J_JIT=full.
 */
export type Neo4jJit = 'quick' | 'full';

export const defaultNeo4jJit: Neo4jJit = 'quick';

export function neo4jServerArgs(libDir: string, home: string, memory: Neo4jMemory = stackNeo4jMemory, jit: Neo4jJit = defaultNeo4jJit): string[] {
  return [
    `-Xms${memory.heapInitial}`,
    `-Xmx${memory.heapMax}`,
    ...(jit === 'quick' ? ['-XX:TieredStopAtLevel=1'] : []),
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

/** Where a Neo4j of our own keeps its files (its home) and its generated password, where it serves Bolt, and its memory. */
export interface Neo4jInstance {
  readonly home: string;
  readonly boltPort: number;
  readonly passwordFile: string;
  readonly memory: Neo4jMemory;
}

/** The stack's own Neo4j. */
export const stackNeo4jInstance: Neo4jInstance = {
  home: serverDir('neo4j'), boltPort: localPorts.bolt, passwordFile: neo4jPasswordFile, memory: stackNeo4jMemory,
};

/** How clients reach a Neo4j of our own; reads its password file, so only once it was started. */
export function neo4jEndpointOf(instance: Neo4jInstance): Neo4jEndpoint {
  return { uri: `bolt://${loopback}:${instance.boltPort}`, user: localNeo4jUser, password: readNeo4jPassword(instance.passwordFile) };
}

export function localNeo4j(config: StackConfig, instance: Neo4jInstance = stackNeo4jInstance): LocalServer {
  const { home, boltPort, passwordFile, memory } = instance;
  const uri = `bolt://${loopback}:${boltPort}`;
  const dirs = { dataDir: join(home, 'data'), logsDir: join(home, 'logs'), runDir: join(home, 'run') };
  const confDir = join(home, 'conf');
  const pidFile = join(home, 'neo4j.pid');
  const consoleLog = join(dirs.logsDir, 'console.log');
  const markers = ['org.neo4j.server.CommunityEntryPoint', `--home-dir=${home}`];
  const runningPid = () => ownedPid(pidFile, markers);

  return {
    name: 'neo4j',
    location: 'local',
    endpoint: `${uri} (user ${localNeo4jUser}, password in ${passwordFile})`,
    host: loopback,
    port: boltPort,
    startDeadlineMs: 180_000,
    checkHealth: () => checkNeo4jHealth(neo4jEndpointOf(instance)),
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
      await writeFile(join(confDir, 'neo4j.conf'), renderNeo4jConf({ host: loopback, boltPort, memory, ...dirs }));
      await ensureInitialPassword({ java, libDir, home, confDir, dataDir: dirs.dataDir, passwordFile });
      await spawnDetached({ command: java, args: neo4jServerArgs(libDir, home, memory, config.DS_NEO4J_JIT ?? defaultNeo4jJit), cwd: home, logFile: consoleLog, pidFile });
    },

    async stop() {
      const pid = await runningPid();
      if (pid !== undefined) await terminate(pid, 60_000);
      await removeStalePidFile(pidFile, markers);
    },
  };
}

/** `--` ends the options: a generated password may begin with `-` (base64url), and would be taken for one. */
export function initialPasswordArgs(libDir: string, password: string): string[] {
  return ['-cp', `${libDir}/*`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', '--', password];
}

interface PasswordSetup {
  readonly java: string;
  readonly libDir: string;
  readonly home: string;
  readonly confDir: string;
  readonly dataDir: string;
  readonly passwordFile: string;
}

/**
 * Auth stays on. Before the very first start we generate a password, keep it in the instance's password file
 * (0600; .stack/neo4j/password for the stack's) and hand it to neo4j-admin, which can set the initial password
 * only while the system database does not exist yet; after that, the password file is the only copy.
 */
async function ensureInitialPassword(setup: PasswordSetup): Promise<void> {
  const systemDatabaseExists = await exists(join(setup.dataDir, 'databases', 'system'));
  const { passwordFile } = setup;
  const passwordFileExists = await exists(passwordFile);
  if (systemDatabaseExists) {
    if (passwordFileExists) return;
    throw new DongseonError(
      'DS_STACK_START_FAILED',
      `The local Neo4j database exists but its password file ${passwordFile} is gone; ` +
        `delete ${setup.home} to start over with a fresh database and password.`,
      { server: 'neo4j' },
    );
  }
  if (!passwordFileExists) await writeFile(passwordFile, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  const password = (await readFile(passwordFile, 'utf8')).trim();
  const result = await runCommand(setup.java, initialPasswordArgs(setup.libDir, password), {
    env: { ...process.env, NEO4J_HOME: setup.home, NEO4J_CONF: setup.confDir },
  });
  if (result.exitCode !== 0) {
    throw new DongseonError(
      'DS_STACK_START_FAILED',
      `neo4j-admin dbms set-initial-password failed (exit ${result.exitCode}):\n${lastLines(result.output)}`,
      { server: 'neo4j' },
    );
  }
}
