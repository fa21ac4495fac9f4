/** Where the published hotlist lives in Redis, `ds:hotlist:` unless given; tests give each run its own. */
export const defaultHotlistKeyPrefix = 'ds:hotlist:';

export interface HotlistRedisKeys {
  /** String: the version edges should load. */
  readonly current: string;
  /** Counter: the last version handed out. */
  readonly version: string;
  /** Binary string: one encoded publication. */
  snapshot(version: number): string;
  /** What every snapshot key starts with. */
  readonly snapshotPrefix: string;
  /** Pub/sub channel: each message is a version just made current. */
  readonly updated: string;
}

export function hotlistRedisKeys(prefix: string = defaultHotlistKeyPrefix): HotlistRedisKeys {
  return {
    current: `${prefix}current`,
    version: `${prefix}version`,
    snapshot: (version) => `${prefix}snapshot:${version}`,
    snapshotPrefix: `${prefix}snapshot:`,
    updated: `${prefix}updated`,
  };
}
