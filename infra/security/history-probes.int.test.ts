import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { decodeJwt, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPlateKeyRing } from '../../domain/plates/index.js';
import { redisHistorySearchLedger } from '../../edge/history/history-search-ledger.js';
import { httpHistorySearch } from '../../edge/history/http-history-search.js';
import { auditFileName } from '../../runtime/audit/audit-files.js';
import { openAuditLog, type AuditLog } from '../../runtime/audit/open-audit-log.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { historySearchTokenAlgorithm, importHistorySearchKey, signHistorySearch } from '../../runtime/identity/history-search-token.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { createPlateHistorySearcher } from '../../subgraphs/cctv/edge-history-client.js';

/**
 * Finding 8 of issue 12 as probes over loopback HTTP: edge nodes' history-search endpoints (the plugin `edge/main.ts`
 * registers, with the edge's Redis ledger and an audit log of its own each), two replicas of one municipality sharing
 * the stack's Redis and a node of another, asked by the cctv subgraph's own searcher. Every request is bounded in
 * time; the store is a stand-in that serves one read, so nothing here touches Neo4j.
 */

const probeTimeoutMs = 5_000;
const { redisUrl } = inject('stackEndpoints');
const run = randomUUID().slice(0, 8);
const osan = `p${run}osan`;
const suwon = `p${run}suwon`;
const keyRing = createPlateKeyRing('k1', { k1: new Uint8Array(32).fill(7) });
const access = { identity: sampleUsers['police-investigator'], purpose: '도난 차량 추적', caseNumber: '2026-경기남부-0142' };
const query = { plate: '12가3456', from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };

interface ProbedEdge {
  readonly municipalityId: string;
  readonly url: string;
  readonly auditDir: string;
  readonly app: FastifyInstance;
  readonly auditLog: AuditLog;
}

let redis: Redis;
let signingKey: CryptoKey;
/** Two replicas of the osan node and the suwon node. */
let osanA: ProbedEdge;
let osanB: ProbedEdge;
let suwonEdge: ProbedEdge;

async function startEdge(municipalityId: string, verifyKey: CryptoKey): Promise<ProbedEdge> {
  const auditDir = await mkdtemp(join(tmpdir(), 'dongseon-history-probe-'));
  const auditLog = await openAuditLog({ dir: auditDir, rotateBytes: 1 << 20 });
  const app = Fastify({ logger: false });
  await app.register(httpHistorySearch, {
    municipalityId, auditLog, keyRing, verifyKey, ledger: redisHistorySearchLedger(redis, municipalityId),
    store: {
      readsOfPlate: async () => [{ readId: 'r1', cameraId: `${municipalityId}-cam-1`, capturedAtMs: Date.parse('2026-03-02T08:00:00Z'), receivedAtMs: 0, plate: '12가3456', hit: false, confidence: 0.9 }],
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { municipalityId, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, auditDir, app, auditLog };
}

/** A search signed by the cctv subgraph's key for `edge`, with other times if given (seconds from now). */
async function grantFor(edge: ProbedEdge, times?: { iat: number; exp: number }): Promise<string> {
  const token = await signHistorySearch({ searchId: randomUUID(), access, query }, edge.municipalityId, signingKey);
  if (!times) return token;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...decodeJwt(token), iat: now + times.iat, exp: now + times.exp }).setProtectedHeader({ alg: historySearchTokenAlgorithm }).sign(signingKey);
}

async function probe(edge: ProbedEdge, token: string): Promise<{ status: number; code: string | undefined; reads: unknown }> {
  const response = await fetch(`${edge.url}/v1/history`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(query),
    signal: AbortSignal.timeout(probeTimeoutMs),
  });
  const body = await response.json() as { reads?: unknown; errors?: { extensions: { code: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions.code, reads: body.reads };
}

async function decisionsOf(edge: ProbedEdge, searchId: string): Promise<unknown[]> {
  const text = await readFile(join(edge.auditDir, auditFileName(1)), 'utf8').catch(() => '');
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { requestId: string; decision: unknown })
    .filter((record) => record.requestId === searchId).map((record) => record.decision);
}

const searchIdOf = (token: string) => decodeJwt(token).jti as string;

beforeAll(async () => {
  redis = new Redis(redisUrl);
  const pair = await generateDevKeyPair();
  signingKey = await importHistorySearchKey(pair.privateJwk);
  const verifyKey = await importHistorySearchKey(pair.publicJwk);
  osanA = await startEdge(osan, verifyKey);
  osanB = await startEdge(osan, verifyKey);
  suwonEdge = await startEdge(suwon, verifyKey);
});

afterAll(async () => {
  for (const edge of [osanA, osanB, suwonEdge]) {
    if (!edge) continue;
    await edge.app.close();
    await edge.auditLog.close();
    await rm(edge.auditDir, { recursive: true, force: true });
  }
  for (const municipality of [osan, suwon]) {
    const keys = await redis.keys(`ds:edge:${municipality}:history-search:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis?.quit();
});

describe('edge history search (issue 12, finding 8)', () => {
  it.each<[string, { iat: number; exp: number }]>([
    ['finding 8: a grant issued an hour ago is refused', { iat: -3600, exp: 30 }],
    ['finding 8: a 10-day grant is refused', { iat: 0, exp: 10 * 24 * 3600 }],
    ['finding 8: a grant issued an hour ahead is refused', { iat: 3600, exp: 3660 }],
  ])('%s, and audited as denied', async (_name, times) => {
    const token = await grantFor(osanA, times);
    expect(await probe(osanA, token)).toEqual({ status: 401, code: 'DS_HISTORY_SEARCH_TIME_INVALID', reads: undefined });
    expect(await decisionsOf(osanA, searchIdOf(token))).toEqual([{ outcome: 'denied', code: 'DS_HISTORY_SEARCH_TIME_INVALID' }]);
  });

  it('finding 8: a grant replayed is refused, on the same replica and on another replica of the node', async () => {
    const token = await grantFor(osanA);
    expect(await probe(osanA, token)).toMatchObject({ status: 200, reads: [expect.objectContaining({ readId: 'r1' })] });
    expect(await probe(osanA, token)).toEqual({ status: 401, code: 'DS_HISTORY_SEARCH_REPLAYED', reads: undefined });
    expect(await probe(osanB, token)).toEqual({ status: 401, code: 'DS_HISTORY_SEARCH_REPLAYED', reads: undefined });
    expect(await decisionsOf(osanA, searchIdOf(token))).toEqual([
      { outcome: 'allowed', code: null }, { outcome: 'denied', code: 'DS_HISTORY_SEARCH_REPLAYED' },
    ]);
    expect(await decisionsOf(osanB, searchIdOf(token))).toEqual([{ outcome: 'denied', code: 'DS_HISTORY_SEARCH_REPLAYED' }]);
    for (const edge of [osanA, osanB]) expect(await verifyAuditLog(edge.auditDir)).toMatchObject({ ok: true });
  });

  it('finding 8: a grant for one node is refused by another, unaudited (not signed for it)', async () => {
    const token = await grantFor(osanA);
    expect(await probe(suwonEdge, token)).toEqual({ status: 401, code: 'DS_AUTH_UNAUTHENTICATED', reads: undefined });
    expect(await decisionsOf(suwonEdge, searchIdOf(token))).toEqual([]);
  });

  it('finding 8: the cctv subgraph signs one grant per search and node; each node takes it once, and a captured one replays nowhere', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const recordingFetch = ((url: string, init: RequestInit) => {
      sent.push({ url, init });
      return fetch(url, init);
    }) as typeof fetch;
    const searcher = createPlateHistorySearcher({
      edges: [{ municipalityId: osan, url: osanA.url }, { municipalityId: suwon, url: suwonEdge.url }],
      signingKey, timeoutMs: probeTimeoutMs, fetch: recordingFetch, log: () => undefined,
    });
    const first = await searcher.search(access, { plate: query.plate, fromMs: Date.parse(query.from), toMs: Date.parse(query.to) });
    const second = await searcher.search(access, { plate: query.plate, fromMs: Date.parse(query.from), toMs: Date.parse(query.to) });
    expect([first.complete, second.complete]).toEqual([true, true]);
    expect(second.searchId).not.toBe(first.searchId);
    const tokens = sent.map(({ init }) => new Headers(init.headers).get('authorization')?.replace('Bearer ', '') ?? '');
    expect(new Set(tokens).size).toBe(4);
    for (const token of tokens) {
      const audience = decodeJwt(token).aud;
      const edge = audience === `dongseon-edge:${osan}` ? osanB : suwonEdge;
      expect(await probe(edge, token)).toMatchObject({ status: 401, code: 'DS_HISTORY_SEARCH_REPLAYED' });
    }
  });
});
