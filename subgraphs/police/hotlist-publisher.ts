import type { Redis } from 'ioredis';
import { publishKeyedHotlist } from '../../domain/matching/index.js';
import { hasherFor, type PlateKeyRing } from '../../domain/plates/keyed-plate-hash.js';
import { encodeHotlistPublication, type HotlistSnapshotHeader, type PartialPlateEntry } from '../../runtime/hotlist/hotlist-snapshot-codec.js';
import { hotlistRedisKeys } from '../../runtime/hotlist/hotlist-redis-keys.js';
import type { WantedVehicleRecord, WantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';

export interface HotlistPublisherOptions {
  /** The caller owns the connection and closes it after the publisher. */
  readonly redis: Redis;
  readonly wantedVehicles: Pick<WantedVehicleStore, 'list'>;
  /** New publications use its active key; see `useKeyRing` for rotation. */
  readonly keyRing: PlateKeyRing;
  /** `ds:hotlist:` unless given. */
  readonly keyPrefix?: string;
  readonly maxSubstitutions?: number;
  /** Wanted-list changes within this window go out as one publication. */
  readonly debounceMs?: number;
  /** Republish at least this often, and whenever an entry's validity starts or ends sooner. */
  readonly republishEveryMs?: number;
  /** How long a superseded snapshot stays readable for edges that were fetching it. */
  readonly retainPreviousMs?: number;
  readonly now?: () => number;
  /** Failures of scheduled publications, which have no caller to reject. */
  readonly onError?: (error: unknown) => void;
}

export interface HotlistPublisher {
  /** Builds and publishes now; undefined when a newer version was already current. */
  publishNow(): Promise<HotlistSnapshotHeader | undefined>;
  /** Call after every wanted-list change: publishes within `debounceMs`. */
  schedulePublication(): void;
  /** Key rotation: the next publication uses the new ring's active key. */
  useKeyRing(keyRing: PlateKeyRing): void;
  /** Publishes once and keeps republishing as entries start and expire. */
  start(): Promise<HotlistSnapshotHeader | undefined>;
  close(): Promise<void>;
}

// Refuses a version older than the current one, so two publishers racing can never move edges backwards.
const commitScript = `
local previous = redis.call('GET', KEYS[2])
if previous and tonumber(previous) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
if previous then redis.call('PEXPIRE', ARGV[4] .. previous, ARGV[3]) end
redis.call('PUBLISH', KEYS[3], ARGV[1])
return 1`;

const listAll = Number.MAX_SAFE_INTEGER;

/** When the active list next changes by itself: the earliest expiry of an active entry or start of a scheduled one. */
function nextTransition(active: readonly WantedVehicleRecord[], scheduled: readonly WantedVehicleRecord[]): number {
  let earliest = Infinity;
  const consider = (time: string | undefined): void => {
    const at = time === undefined ? NaN : Date.parse(time);
    if (at < earliest) earliest = at;
  };
  for (const entry of active) consider(entry.validUntil);
  for (const entry of scheduled) consider(entry.validFrom);
  return earliest;
}

export function createHotlistPublisher(options: HotlistPublisherOptions): HotlistPublisher {
  const { redis, wantedVehicles } = options;
  const keys = hotlistRedisKeys(options.keyPrefix);
  const debounceMs = options.debounceMs ?? 100;
  const republishEveryMs = options.republishEveryMs ?? 60_000;
  const retainPreviousMs = options.retainPreviousMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((error: unknown) => console.error('hotlist publication failed', error));
  let keyRing = options.keyRing;
  let debounce: NodeJS.Timeout | undefined;
  let republish: NodeJS.Timeout | undefined;
  let running = false;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();

  const armRepublish = (dueAt: number): void => {
    clearTimeout(republish);
    if (!running || closed) return;
    const delay = Math.max(0, Math.min(republishEveryMs, dueAt - now() + 1));
    republish = setTimeout(() => void publishNow().catch(onError), delay);
  };

  const publishOnce = async (): Promise<HotlistSnapshotHeader | undefined> => {
    const at = now();
    const [active, scheduled] = await Promise.all([wantedVehicles.list('ACTIVE', listAll, at), wantedVehicles.list('SCHEDULED', listAll, at)]);
    const fullPlates = active.flatMap((entry) => (entry.kind === 'FULL_PLATE' && entry.plate ? [{ ref: entry.id, plate: entry.plate }] : []));
    const partialPatterns: PartialPlateEntry[] = active.flatMap((entry) =>
      (entry.kind === 'PARTIAL_PLATE' && entry.platePattern ? [{ ref: entry.id, pattern: entry.platePattern }] : []));
    const snapshot = publishKeyedHotlist(fullPlates, hasherFor(keyRing), { maxSubstitutions: options.maxSubstitutions ?? 1 });
    const version = await redis.incr(keys.version);
    const header: HotlistSnapshotHeader = {
      version, keyId: snapshot.keyId, createdAt: new Date(at).toISOString(), maxSubstitutions: snapshot.maxSubstitutions,
      entryCount: fullPlates.length + partialPatterns.length,
    };
    const encoded = encodeHotlistPublication({ header, snapshot, partialPatterns });
    const committed = await redis.eval(
      commitScript, 3, keys.snapshot(version), keys.current, keys.updated,
      version, encoded, retainPreviousMs, keys.snapshotPrefix,
    );
    armRepublish(nextTransition(active, scheduled));
    return committed === 1 ? header : undefined;
  };

  // One publication at a time: each reads the list after the previous one is committed.
  const publishNow = (): Promise<HotlistSnapshotHeader | undefined> => {
    const publication = queue.then(publishOnce).catch((error: unknown) => {
      armRepublish(now() + republishEveryMs);
      throw error;
    });
    queue = publication.catch(() => undefined);
    return publication;
  };

  return {
    publishNow,
    schedulePublication() {
      if (debounce || closed) return;
      debounce = setTimeout(() => {
        debounce = undefined;
        publishNow().catch(onError);
      }, debounceMs);
    },
    useKeyRing(next) {
      keyRing = next;
    },
    async start() {
      running = true;
      return publishNow();
    },
    async close() {
      closed = true;
      clearTimeout(debounce);
      clearTimeout(republish);
      await queue;
    },
  };
}
