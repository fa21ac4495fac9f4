import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPlateKeyRing } from '../../domain/plates/keyed-plate-hash.js';
import { hotlistRedisKeys } from '../../runtime/hotlist/hotlist-redis-keys.js';
import { createHotlistPublisher, type HotlistPublisher } from '../../subgraphs/police/hotlist-publisher.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { createWantedVehicleStore, type WantedVehicleRecord, type WantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';
import { createEdgeHotlist, type EdgeHotlist } from './edge-hotlist.js';

const { redisUrl } = inject('stackEndpoints');
const run = randomUUID();
const policePrefix = `ds:police:test-${run}:`;
const hotlistPrefix = `ds:hotlist:test-${run}:`;
const keys = hotlistRedisKeys(hotlistPrefix);
const secrets = { a: randomBytes(32), b: randomBytes(32) };
const publisherRingA = createPlateKeyRing('a', secrets);
const publisherRingB = createPlateKeyRing('b', secrets);
const edgeRingAB = createPlateKeyRing('a', secrets);
const edgeRingA = createPlateKeyRing('a', { a: secrets.a });

let redis: Redis;
let store: WantedVehicleStore;
let publisher: HotlistPublisher;
let cacheRoot: string;
const edges: EdgeHotlist[] = [];

const read = (text: string) => [{ text, confidence: 0.9 }];

function wanted(id: string, fields: Partial<WantedVehicleRecord>): WantedVehicleRecord {
  return {
    id, kind: 'FULL_PLATE', reason: 'STOLEN', priority: 50, validFrom: '2026-01-01T00:00:00.000Z', caseNumber: `TEST-${run}`,
    owningAgency: 'police', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'test', ...fields,
  };
}

async function startEdge(keyRing = edgeRingAB, cacheDirectory?: string, connection: Redis = redis): Promise<EdgeHotlist> {
  const edge = createEdgeHotlist({
    redis: connection, keyRing, keyPrefix: hotlistPrefix, onError: () => undefined,
    cacheDirectory: cacheDirectory ?? (await mkdtemp(join(cacheRoot, 'edge-'))),
  });
  edges.push(edge);
  await edge.start();
  return edge;
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

async function deleteKeys(prefix: string): Promise<void> {
  for await (const found of redis.scanStream({ match: `${prefix}*`, count: 500 })) {
    const batch = found as string[];
    if (batch.length > 0) await redis.del(...batch);
  }
}

beforeAll(async () => {
  redis = new Redis(redisUrl);
  store = createWantedVehicleStore(redis, policeKeys(policePrefix));
  publisher = createHotlistPublisher({ redis, wantedVehicles: store, keyRing: publisherRingA, keyPrefix: hotlistPrefix, debounceMs: 50, republishEveryMs: 600_000 });
  cacheRoot = await mkdtemp(join(tmpdir(), 'ds-edge-hotlist-'));
});

afterAll(async () => {
  for (const edge of edges) await edge.close();
  await publisher?.close();
  await deleteKeys(policePrefix);
  await deleteKeys(hotlistPrefix);
  redis?.disconnect();
  await rm(cacheRoot, { recursive: true, force: true });
});

describe('hotlist distribution from the police to edge nodes', () => {
  let edge: EdgeHotlist;

  it('an edge receives a publication within 2 s and matches exact, misread and partial plates', async () => {
    edge = await startEdge();
    expect(edge.status().version).toBeUndefined();
    await store.add(wanted('wv-stolen', { plate: '123가4567' }));
    await store.add(wanted('wv-witness', { kind: 'PARTIAL_PLATE', platePattern: '45나67??' }));
    await store.add(wanted('wv-expired', { plate: '99나1234', validUntil: '2026-01-02T00:00:00.000Z' }));
    publisher.schedulePublication();
    const elapsedMs = await waitUntil(() => edge.status().version !== undefined);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(edge.status()).toMatchObject({ keyId: 'a', source: 'redis' });
    expect(edge.status().ageMs).toBeLessThan(2_000);
    expect(edge.match(read('123가4567'))).toMatchObject([{ kind: 'exact', refs: ['wv-stolen'] }]);
    expect(edge.match(read('723가4567'))).toMatchObject([{ kind: 'possible', refs: ['wv-stolen'], substitutions: [{ position: 0, read: '7', truth: '1' }] }]);
    expect(edge.matchPartial(read('45나6712'))).toMatchObject([{ kind: 'partial', ref: 'wv-witness', pattern: '45나67??' }]);
    expect(edge.match(read('99나1234'))).toEqual([]);
  });

  it('keeps the superseded snapshot for a while and the current one for good', async () => {
    const before = edge.status().version as number;
    const header = await publisher.publishNow();
    expect(header?.version).toBeGreaterThan(before);
    expect(await redis.pttl(keys.snapshot(before))).toBeGreaterThan(0);
    expect(await redis.pttl(keys.snapshot(header?.version as number))).toBe(-1);
    await waitUntil(() => edge.status().version === header?.version);
  });

  it('a revoked entry stops matching after the republication', async () => {
    await store.revoke('wv-witness', { revokedAt: new Date().toISOString(), revokedBy: 'test', revocationReason: 'found' });
    const before = edge.status().version as number;
    publisher.schedulePublication();
    const elapsedMs = await waitUntil(() => (edge.status().version as number) > before);
    expect(elapsedMs).toBeLessThan(2_000);
    expect(edge.matchPartial(read('45나6712'))).toEqual([]);
    expect(edge.match(read('123가4567'))).toHaveLength(1);
  });

  it('a restarted edge loads the current snapshot at start', async () => {
    const restarted = await startEdge();
    expect(restarted.status().version).toBe(edge.status().version);
    expect(restarted.match(read('123가4567'))).toMatchObject([{ kind: 'exact' }]);
  });

  it('an edge cut off from the region still matches with the snapshot it cached on disk', async () => {
    const cacheDirectory = await mkdtemp(join(cacheRoot, 'cached-'));
    await (await startEdge(edgeRingAB, cacheDirectory)).close();
    const unreachable = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    unreachable.on('error', () => undefined);
    const offline = await startEdge(edgeRingAB, cacheDirectory, unreachable);
    expect(offline.status()).toMatchObject({ version: edge.status().version, source: 'disk', lastError: { code: 'DS_HOTLIST_LINK_DOWN' } });
    expect(offline.match(read('123가4567'))).toMatchObject([{ kind: 'exact', refs: ['wv-stolen'] }]);
    unreachable.disconnect();
  });

  it('republishes by itself when an entry expires', async () => {
    await store.add(wanted('wv-short', { plate: '77다8888', validUntil: new Date(Date.now() + 500).toISOString() }));
    await publisher.start();
    await waitUntil(() => edge.match(read('77다8888')).length === 1);
    await waitUntil(() => edge.match(read('77다8888')).length === 0, 3_000);
  });

  it('after key rotation an edge holding both keys matches, and one holding only the old key keeps its last good snapshot', async () => {
    const onlyA = await startEdge(edgeRingA);
    const lastGood = onlyA.status().version as number;
    publisher.useKeyRing(publisherRingB);
    const header = await publisher.publishNow();
    expect(header?.keyId).toBe('b');
    await waitUntil(() => edge.status().version === header?.version);
    expect(edge.status().keyId).toBe('b');
    expect(edge.match(read('123가4567'))).toMatchObject([{ kind: 'exact', refs: ['wv-stolen'] }]);
    await waitUntil(() => onlyA.status().lastError !== undefined);
    expect(onlyA.status()).toMatchObject({ version: lastGood, keyId: 'a', lastError: { code: 'DS_HOTLIST_KEY_UNKNOWN' } });
    await expect(onlyA.refresh()).rejects.toMatchObject({ code: 'DS_HOTLIST_KEY_UNKNOWN' });
    expect(onlyA.match(read('123가4567'))).toMatchObject([{ kind: 'exact', refs: ['wv-stolen'] }]);
  });
});
