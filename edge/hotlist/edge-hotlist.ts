import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { DongseonError, isDongseonError } from '../../domain/errors/index.js';
import type { PlateCandidate, PlateMatch } from '../../domain/matching/index.js';
import type { PlateKeyRing } from '../../domain/plates/keyed-plate-hash.js';
import { hotlistRedisKeys } from '../../runtime/hotlist/hotlist-redis-keys.js';
import { loadHotlist, matchFullPlates, matchPartialPlates, type LoadedHotlist, type PartialPlateMatch } from './loaded-hotlist.js';

export interface EdgeHotlistOptions {
  /** The region's Redis; the caller owns the connection. The edge opens (and closes) a duplicate to subscribe. */
  readonly redis: Redis;
  /** From the edge's own configuration: the digest keys never travel with the digests. */
  readonly keyRing: PlateKeyRing;
  /** Where the last good snapshot is kept, so an edge cut off from the region still matches after a restart. */
  readonly cacheDirectory: string;
  /** `ds:hotlist:` unless given. */
  readonly keyPrefix?: string;
  /** Also checks Redis this often: pub/sub messages sent while the link was down are lost. */
  readonly pollEveryMs?: number;
  readonly now?: () => number;
  /** Failures of background loads (refused snapshots, a lost link); matching goes on with the last good snapshot. */
  readonly onError?: (error: unknown) => void;
}

export interface EdgeHotlistStatus {
  readonly version?: number;
  readonly keyId?: string;
  readonly createdAt?: string;
  /** Since the police built the loaded snapshot. */
  readonly ageMs?: number;
  readonly source?: 'redis' | 'disk';
  readonly lastError?: { readonly code: string; readonly message: string };
}

export interface EdgeHotlist {
  /** Loads the disk cache, then the region's current snapshot, and follows updates. */
  start(): Promise<void>;
  /** Loads the region's current snapshot if it is not the loaded one; resolves to the loaded version. */
  refresh(): Promise<number | undefined>;
  match(candidates: readonly PlateCandidate[]): PlateMatch[];
  matchPartial(candidates: readonly PlateCandidate[]): PartialPlateMatch[];
  status(): EdgeHotlistStatus;
  close(): Promise<void>;
}

const cacheFileName = 'hotlist-snapshot.bin';

export function createEdgeHotlist(options: EdgeHotlistOptions): EdgeHotlist {
  const { redis, keyRing } = options;
  const keys = hotlistRedisKeys(options.keyPrefix);
  const now = options.now ?? Date.now;
  const cacheFile = join(options.cacheDirectory, cacheFileName);
  let loaded: LoadedHotlist | undefined;
  let source: EdgeHotlistStatus['source'];
  let lastError: EdgeHotlistStatus['lastError'];
  let subscriber: Redis | undefined;
  let poll: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const report = (error: unknown): void => {
    lastError = isDongseonError(error)
      ? { code: error.code, message: error.message }
      : { code: 'DS_HOTLIST_LINK_DOWN', message: error instanceof Error ? error.message : String(error) };
    options.onError?.(error);
  };

  // The swap is one assignment of a fully built hotlist: matching never sees a half-built index.
  const install = (next: LoadedHotlist, from: 'redis' | 'disk'): void => {
    loaded = next;
    source = from;
    lastError = undefined;
  };

  const writeCache = async (encoded: Uint8Array): Promise<void> => {
    await mkdir(options.cacheDirectory, { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    await writeFile(temporary, encoded);
    await rename(temporary, cacheFile);
  };

  const loadCache = async (): Promise<void> => {
    let encoded: Buffer;
    try {
      encoded = await readFile(cacheFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    install(loadHotlist(encoded, keyRing), 'disk');
  };

  const refreshOnce = async (): Promise<number | undefined> => {
    const current = await redis.get(keys.current);
    if (current === null) return loaded?.header.version;
    const version = Number(current);
    if (loaded?.header.version === version && source === 'redis') return version;
    const encoded = await redis.getBuffer(keys.snapshot(version));
    if (encoded === null) throw new DongseonError('DS_HOTLIST_SNAPSHOT_MISSING', `hotlist snapshot ${version} is not in Redis`);
    const next = loadHotlist(encoded, keyRing);
    if (next.header.version !== version) {
      throw new DongseonError('DS_HOTLIST_SNAPSHOT_INVALID', `snapshot ${version} says it is version ${next.header.version}`);
    }
    install(next, 'redis');
    await writeCache(encoded);
    return version;
  };

  const refresh = (): Promise<number | undefined> => {
    const run = queue.then(refreshOnce);
    queue = run.catch(() => undefined);
    return run;
  };
  const refreshInBackground = (): void => void refresh().catch(report);

  return {
    async start() {
      await loadCache().catch(report);
      subscriber = redis.duplicate();
      subscriber.on('error', report);
      subscriber.on('message', (channel: string) => {
        if (channel === keys.updated) refreshInBackground();
      });
      try {
        await subscriber.subscribe(keys.updated);
        await refresh();
      } catch (error) {
        report(error);
      }
      poll = setInterval(refreshInBackground, options.pollEveryMs ?? 30_000);
      poll.unref();
    },
    refresh,
    match: (candidates) => (loaded ? matchFullPlates(loaded, candidates) : []),
    matchPartial: (candidates) => (loaded ? matchPartialPlates(loaded, candidates) : []),
    status() {
      if (!loaded) return { lastError };
      const { version, keyId, createdAt } = loaded.header;
      return { version, keyId, createdAt, ageMs: now() - Date.parse(createdAt), source, lastError };
    },
    async close() {
      clearInterval(poll);
      await queue;
      if (subscriber) await subscriber.quit().catch(() => subscriber?.disconnect());
    },
  };
}
