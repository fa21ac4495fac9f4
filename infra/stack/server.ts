export type ServerName = 'redis' | 'neo4j' | 'mosquitto';

interface ServerBase {
  readonly name: ServerName;
  /** Where clients reach it, with any password masked. */
  readonly endpoint: string;
  /** Resolves when the server answers a real round trip; rejects with the reason otherwise. */
  checkHealth(): Promise<void>;
}

/** A server someone else runs, named by an environment variable: we only health-check it. */
export interface ExternalServer extends ServerBase {
  readonly location: 'external';
}

/** A server the stack installs, runs on a loopback port and stops. */
export interface LocalServer extends ServerBase {
  readonly location: 'local';
  readonly host: string;
  readonly port: number;
  readonly startDeadlineMs: number;
  /** The pid of our own running instance, if there is one. */
  runningPid(): Promise<number | undefined>;
  /** Installs what is missing, writes the config and launches the process; does not wait for health. */
  start(): Promise<void>;
  /** Stops our instance cleanly if it runs and removes a stale pid file. */
  stop(): Promise<void>;
  logTail(): Promise<string>;
  /** True when our running instance was started with another config than `start` writes now: `up` restarts it. */
  isStale?(): Promise<boolean>;
}

export type StackServer = ExternalServer | LocalServer;
