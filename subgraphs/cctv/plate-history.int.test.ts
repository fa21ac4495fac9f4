import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';
import { createPlateKeyRing, hotlistKeyFor } from '../../domain/plates/index.js';
import { redisHistorySearchLedger } from '../../edge/history/history-search-ledger.js';
import { httpEvidence } from '../../edge/evidence/http-evidence.js';
import { httpHistorySearch } from '../../edge/history/http-history-search.js';
import { edgeReadStoreFile, openEdgeReadStore, type EdgeReadStore } from '../../edge/store/edge-read-store.js';
import { caseNumberHeaderName, purposeHeaderName } from '../../gateway/gateway-context.js';
import { startInProcessHub, type InProcessHub } from '../../infra/services/in-process-hub.js';
import { openAuditLog, type AuditLog } from '../../runtime/audit/open-audit-log.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { importHistorySearchKey } from '../../runtime/identity/history-search-token.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { createHitStore } from '../../stores/police/hit-store.js';
import { policeKeys } from '../../stores/police/police-keys.js';
import { connectNeo4j } from '../../stores/neo4j/neo4j-connection.js';
import { cameraEntrySchema } from '../../stores/camera-registry/registry-entries.js';

interface Response {
  status: number;
  data?: { plateHistory?: PlateHistory | null; hit?: unknown } | null;
  errors?: { message: string; extensions: { code: string } }[];
}

interface PlateHistory {
  searchId: string;
  plate: string;
  from: string;
  to: string;
  complete: boolean;
  reads: { readId: string; capturedAt: string; plateText: string; confidence: number; hit: boolean; municipality: { id: string; name: string }; camera: { id: string; name: string; position: { latitude: number } } }[];
  sources: { municipality: { id: string }; answered: boolean; readCount: number; errorCode: string | null; errorMessage: string | null }[];
}

const endpoints = inject('stackEndpoints');
const run = randomBytes(5).toString('hex');
/** Two municipalities of this run only: their own registry entries, read label spaces and audit logs. */
const north = `h${run}n`;
const south = `h${run}s`;
const purpose = '도난 차량 추적';
const caseNumber = '2026-경기남부-0142';
const plate = '12가3456';
const keyRing = createPlateKeyRing('k1', { k1: new Uint8Array(randomBytes(32)) });
const t0 = Date.parse('2026-03-02T00:00:00Z');
const minute = 60_000;

const edges = new Map<string, { app: FastifyInstance; store: EdgeReadStore; auditLog: AuditLog; auditDir: string; url: string }>();
let driver: Driver;
let ledgerRedis: Redis;
let hub: InProcessHub;

function read(readId: string, cameraId: string, capturedAtMs: number, candidates: [string, number][]): CameraRead {
  return {
    readId, cameraId, capturedAt: new Date(capturedAtMs).toISOString(), capturedAtMs,
    receivedAt: new Date(capturedAtMs + 400).toISOString(), receivedAtMs: capturedAtMs + 400,
    candidates: candidates.map(([text, confidence]) => ({ text, confidence })),
  };
}

async function ask(who: Identity, query: string, withPurpose = true): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(who)}` };
  if (withPurpose) {
    headers[purposeHeaderName] = encodeURIComponent(purpose);
    headers[caseNumberHeaderName] = encodeURIComponent(caseNumber);
  }
  const response = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return { status: response.status, ...(await response.json() as object) };
}

const historyQuery = (searched = '12 가 3456', from = '2026-03-02T09:00:00+09:00', to = '2026-03-03T00:00:00Z') => `{
  plateHistory(plate: "${searched}", from: "${from}", to: "${to}") {
    searchId plate from to complete
    reads { readId capturedAt plateText confidence hit municipality { id name } camera { id name position { latitude } } }
    sources { municipality { id } answered readCount errorCode errorMessage }
  } }`;

const codesOf = (response: Response) => (response.errors ?? []).map((error) => error.extensions.code);

async function auditLines(municipalityId: string): Promise<Record<string, unknown>[]> {
  const dir = edges.get(municipalityId)?.auditDir ?? '';
  const files = (await readdir(dir)).filter((file) => file.endsWith('.jsonl')).sort();
  const text = (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('');
  return text.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function startEdge(municipalityId: string, reads: CameraRead[], hits: string[], verifyKey: Awaited<ReturnType<typeof importHistorySearchKey>>) {
  // The node's state folder: its read store and its audit log.
  const auditDir = await mkdtemp(join(tmpdir(), `ds-edge-history-${municipalityId}-`));
  const store = openEdgeReadStore({ file: edgeReadStoreFile(auditDir, municipalityId), municipalityId });
  await store.storeReads(reads);
  await store.markHits(hits.map((readId) => ({ readId, hitId: `${municipalityId}:${readId}:wv-test` })));
  const auditLog = await openAuditLog({ dir: auditDir, rotateBytes: 1 << 20 });
  const app = Fastify();
  await app.register(httpHistorySearch, { municipalityId, store, auditLog, keyRing, verifyKey, ledger: redisHistorySearchLedger(ledgerRedis, municipalityId) });
  await app.register(httpEvidence, { municipalityId, store, auditLog, verifyKey, ledger: redisHistorySearchLedger(ledgerRedis, municipalityId) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  edges.set(municipalityId, { app, store, auditLog, auditDir, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
}

beforeAll(async () => {
  driver = connectNeo4j(endpoints.neo4j);
  ledgerRedis = new Redis(endpoints.redisUrl);
  const registry = createCameraRegistryStore(driver);
  await registry.ensureConstraints();
  await registry.upsertMunicipalities([
    { id: north, name: '북시 (test)', districtCode: '41110' }, { id: south, name: '남시 (test)', districtCode: '41590' },
  ]);
  await registry.upsertCameras([north, south].map((municipalityId, i) => cameraEntrySchema.parse({
    id: `${municipalityId}-cam-1`, name: `${municipalityId} 교차로`, municipalityId,
    position: { latitude: 37.2 + i / 10, longitude: 127.0 }, anprCapable: true,
  })));

  const keys = await generateDevKeyPair();
  const verifyKey = await importHistorySearchKey(keys.publicJwk);
  await startEdge(north, [
    read('n1', `${north}-cam-1`, t0 + 10 * minute, [[plate, 0.91]]),
    read('n2', `${north}-cam-1`, t0 + 30 * minute, [['12가3458', 0.6], [plate, 0.3]]),
    read('n3', `${north}-cam-1`, t0 + 35 * minute, [['34나5678', 0.95]]),
    read('n4', `${north}-cam-1`, t0 - 2 * 24 * 60 * minute, [[plate, 0.88]]),
  ], [], verifyKey);
  await startEdge(south, [
    read('s1', `${south}-cam-1`, t0 + 20 * minute, [[plate, 0.85]]),
    read('s2', `${south}-cam-1`, t0 + 40 * minute, [[plate, 0.97]]),
  ], ['s2'], verifyKey);
  hub = await startInProcessHub({
    endpoints,
    history: { edgeUrls: Object.fromEntries([...edges].map(([id, edge]) => [id, edge.url])), signingJwk: keys.privateJwk, timeoutMs: 2_000 },
  });
}, 120_000);

afterAll(async () => {
  await hub?.close();
  for (const edge of edges.values()) {
    await edge.app.close();
    await edge.auditLog.close();
    edge.store.close();
    await rm(edge.auditDir, { recursive: true, force: true });
  }
  await driver.executeQuery('MATCH (n:Camera|Municipality) WHERE n.id IN $ids DETACH DELETE n', { ids: [north, south, `${north}-cam-1`, `${south}-cam-1`] });
  await driver.close();
  await ledgerRedis?.quit();
});

describe('a hit\'s evidence through the gateway', () => {
  const crop = Buffer.from('89504e470d0a1a0a-evidence-of-s2');
  const evidenceQuery = (id: string) => `{ hit(id: "${id}") { id matchKind evidence { readId capturedAt mediaType imageBase64 frames } } }`;
  const recordHit = async (id: string) => createHitStore(hub.redis, policeKeys(hub.policeKeyPrefix)).record({
    id, wantedVehicleId: 'wv-test', cameraId: `${south}-cam-1`, capturedAt: '2026-03-02T00:40:00Z', receivedAt: '2026-03-02T00:40:01Z',
    matchKind: 'EXACT', confidence: 0.97, status: 'PENDING',
  });

  beforeAll(async () => {
    const store = edges.get(south)?.store as EdgeReadStore;
    await store.putEvidence({ readId: 's2', capturedAtMs: t0 + 40 * minute, mediaType: 'image/png', image: crop, frames: 4 });
    await store.putEvidence({ readId: 's1', capturedAtMs: t0 + 20 * minute, mediaType: 'image/png', image: crop, frames: 2 });
    await recordHit(`${south}:s2:wv-test`);
    await recordHit(`${south}:s1:wv-test`);
  });

  it('returns the crop the edge node keeps for the hit, and the node audits who looked and why', async () => {
    const hitId = `${south}:s2:wv-test`;
    const response = await ask(sampleUsers['police-investigator'], evidenceQuery(hitId));
    expect(response.errors).toBeUndefined();
    expect(response.data?.hit).toEqual({
      id: hitId, matchKind: 'EXACT',
      evidence: { readId: 's2', capturedAt: '2026-03-02T00:40:00Z', mediaType: 'image/png', imageBase64: crop.toString('base64'), frames: 4 },
    });
    expect((await auditLines(south)).filter((record) => record.kind === 'evidence-access' && record.hitId === hitId)).toEqual([
      expect.objectContaining({ subject: 'police-investigator-park', purpose, caseNumber, decision: { outcome: 'allowed', code: null } }),
    ]);
  });

  it('gives no image of a read that is not part of the hit (its read was no hit), and none without a purpose', async () => {
    const notAHitRead = await ask(sampleUsers['police-investigator'], evidenceQuery(`${south}:s1:wv-test`));
    expect(notAHitRead.errors).toBeUndefined();
    expect((notAHitRead.data?.hit as { evidence: unknown }).evidence).toBeNull();
    const withoutPurpose = await ask(sampleUsers['police-investigator'], evidenceQuery(`${south}:s2:wv-test`), false);
    expect(codesOf(withoutPurpose)).toContain('DS_AUTH_PURPOSE_REQUIRED');
    expect(JSON.stringify(withoutPurpose)).not.toContain(crop.toString('base64'));
  });
});

describe('the case-bound history search through the gateway', () => {
  it('merges both edge nodes\' reads in capture-time order, with camera and municipality from the registry', async () => {
    const response = await ask(sampleUsers['police-investigator'], historyQuery());
    expect(response.errors).toBeUndefined();
    const history = response.data?.plateHistory as PlateHistory;
    expect(history).toMatchObject({ plate, from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z', complete: true });
    expect(history.reads.map((r) => [r.municipality.id, r.readId, r.capturedAt, r.plateText, r.confidence, r.hit])).toEqual([
      [north, 'n1', '2026-03-02T00:10:00Z', plate, 0.91, false],
      [south, 's1', '2026-03-02T00:20:00Z', plate, 0.85, false],
      [north, 'n2', '2026-03-02T00:30:00Z', '12가3458', 0.3, false],
      [south, 's2', '2026-03-02T00:40:00Z', plate, 0.97, true],
    ]);
    expect(history.reads[0]).toMatchObject({ municipality: { name: '북시 (test)' }, camera: { id: `${north}-cam-1`, name: `${north} 교차로`, position: { latitude: 37.2 } } });
    expect(history.sources).toEqual([north, south].sort().map((id) => ({
      municipality: { id }, answered: true, readCount: 2, errorCode: null, errorMessage: null,
    })));
  });

  it('is in every edge node\'s audit log under one search id, with the plate keyed, and in the gateway\'s', async () => {
    const response = await ask(sampleUsers['police-investigator'], historyQuery());
    const { searchId } = response.data?.plateHistory as PlateHistory;
    for (const [municipalityId, counts] of [[north, { reads: 2, hits: 0 }], [south, { reads: 2, hits: 1 }]] as const) {
      const edge = edges.get(municipalityId);
      expect(await verifyAuditLog(edge?.auditDir ?? '')).toMatchObject({ ok: true });
      const records = await auditLines(municipalityId);
      expect(records.filter((record) => record.requestId === searchId)).toEqual([expect.objectContaining({
        kind: 'history-search', subject: 'police-investigator-park', agency: 'police', purpose, caseNumber,
        plate: hotlistKeyFor(keyRing, plate), from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z',
        decision: { outcome: 'allowed', code: null }, counts,
      })]);
      expect(JSON.stringify(records)).not.toContain(plate);
    }
    const gatewayRecords = (await readFile(join(hub.auditDir, (await readdir(hub.auditDir)).filter((f) => f.endsWith('.jsonl')).sort()[0] ?? ''), 'utf8'))
      .trim().split('\n').map((line) => JSON.parse(line) as { fields: string[]; subgraphs: string[]; caseNumber: string });
    expect(gatewayRecords.some((record) => record.fields.includes('Query.plateHistory') && record.caseNumber === caseNumber)).toBe(true);
  });

  it.each<[string, Identity, boolean, string]>([
    ['without a purpose and case number', sampleUsers['police-investigator'], false, 'DS_AUTH_PURPOSE_REQUIRED'],
    ['for a role without the reads:history scope', sampleUsers['police-officer'], true, 'DS_AUTH_FORBIDDEN'],
    ['for another agency', sampleUsers['city-operator'], true, 'DS_AUTH_FORBIDDEN'],
  ])('is refused %s, and no edge node is asked', async (_name, who, withPurpose, code) => {
    const before = await Promise.all([north, south].map(async (id) => (await auditLines(id)).length));
    const response = await ask(who, historyQuery(), withPurpose);
    expect(codesOf(response)).toEqual([code]);
    expect(response.data?.plateHistory ?? null).toBeNull();
    expect(await Promise.all([north, south].map(async (id) => (await auditLines(id)).length))).toEqual(before);
  });

  it.each<[string, string, string, string, string]>([
    ['a window over 31 days', plate, '2026-03-01T00:00:00Z', '2026-04-02T00:00:00Z', 'DS_HISTORY_WINDOW_INVALID'],
    ['a reversed window', plate, '2026-03-03T00:00:00Z', '2026-03-02T00:00:00Z', 'DS_HISTORY_WINDOW_INVALID'],
    ['no plate', '1234', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', 'DS_PLATE_INVALID'],
  ])('refuses %s before asking any edge node', async (_name, searched, from, to, code) => {
    const response = await ask(sampleUsers['police-investigator'], historyQuery(searched, from, to));
    expect(codesOf(response)).toEqual([code]);
  });

  it('answers partially, naming the missing municipality, when an edge node is down', async () => {
    await edges.get(south)?.app.close();
    const response = await ask(sampleUsers['police-investigator'], historyQuery());
    expect(response.errors).toBeUndefined();
    const history = response.data?.plateHistory as PlateHistory;
    expect(history.complete).toBe(false);
    expect(history.reads.map((r) => r.readId)).toEqual(['n1', 'n2']);
    expect(history.sources.find((source) => source.municipality.id === south)).toEqual({
      municipality: { id: south }, answered: false, readCount: 0, errorCode: 'DS_HISTORY_EDGE_UNAVAILABLE', errorMessage: 'the edge node could not be reached',
    });
  });
});
