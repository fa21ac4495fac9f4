import Fastify, { type FastifyInstance } from 'fastify';
import { decodeJwt, SignJWT, type CryptoKey } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditRecord } from '../../domain/audit/index.js';
import type { Identity } from '../../domain/access/index.js';
import { createPlateKeyRing, hotlistKeyFor } from '../../domain/plates/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import { generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { importHistorySearchKey, signHistorySearch } from '../../runtime/identity/history-search-token.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import type { StoredReadOfPlate } from '../store/edge-read-store.js';
import type { HistorySearchLedger } from './history-search-ledger.js';
import { httpHistorySearch } from './http-history-search.js';
import { plateHistoryAccessRule } from './plate-history-access-rule.js';

const keyRing = createPlateKeyRing('k1', { k1: new Uint8Array(32).fill(3) });
const investigator: Identity = sampleUsers['police-investigator'];
const why = { purpose: '도난 차량 추적', caseNumber: '2026-경기남부-0142' };
const query = { plate: '12가3456', from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };
const stored: StoredReadOfPlate[] = [
  { readId: 'r1', cameraId: 'cam-osan-01', capturedAtMs: Date.parse('2026-03-02T08:00:00Z'), receivedAtMs: 0, plate: '12가3456', hit: false, confidence: 0.9 },
  { readId: 'r2', cameraId: 'cam-osan-02', capturedAtMs: Date.parse('2026-03-03T08:00:00Z'), receivedAtMs: 0, plate: '12가3458', hit: true, confidence: 0.2 },
];

let signingKey: CryptoKey;
let verifyKey: CryptoKey;
let app: FastifyInstance | undefined;
let entries: AuditEntry[];
let searched: { plate: string; fromMs: number; toMs: number }[];
let claims: { searchId: string; untilMs: number }[];

function recordingLog(fail = false): AuditAppender {
  return {
    async append(entry) {
      if (fail) throw new Error('disk full');
      entries.push(entry);
      return entry as AuditRecord;
    },
  };
}

/** Remembers ids in this test, as the Redis ledger does across replicas (see history-search-ledger.int.test.ts). */
function recordingLedger(): HistorySearchLedger {
  return {
    async claim(searchId, untilMs) {
      const first = !claims.some((claim) => claim.searchId === searchId);
      claims.push({ searchId, untilMs });
      return first;
    },
  };
}

async function edge(options: { auditLog?: AuditAppender; withKey?: boolean; ledger?: HistorySearchLedger } = {}): Promise<FastifyInstance> {
  entries = [];
  searched = [];
  claims = [];
  app = Fastify();
  await app.register(httpHistorySearch, {
    municipalityId: 'osan',
    store: {
      async readsOfPlate(plate, fromMs, toMs) {
        searched.push({ plate, fromMs, toMs });
        return stored;
      },
    },
    auditLog: options.auditLog ?? recordingLog(),
    keyRing,
    verifyKey: options.withKey === false ? undefined : verifyKey,
    ledger: options.ledger ?? recordingLedger(),
  });
  return app;
}

interface SearchOptions {
  who?: Identity; access?: object; body?: unknown; municipality?: string; signed?: typeof query;
  /** Seconds from now: the times a holder of the signing key could put in instead of the signer's. */
  times?: { iat: number; exp: number };
  token?: string;
}

async function signedSearch(options: SearchOptions = {}): Promise<string> {
  const access = { identity: options.who ?? investigator, ...(options.access ?? why) };
  const token = await signHistorySearch({ searchId: 'search-1', access, query: options.signed ?? query }, options.municipality ?? 'osan', signingKey);
  if (!options.times) return token;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...decodeJwt(token), iat: now + options.times.iat, exp: now + options.times.exp }).setProtectedHeader({ alg: 'ES256' }).sign(signingKey);
}

async function search(target: FastifyInstance, options: SearchOptions = {}) {
  const token = options.token ?? await signedSearch(options);
  const response = await target.inject({
    method: 'POST', url: '/v1/history', headers: { authorization: `Bearer ${token}` }, payload: (options.body ?? query) as object,
  });
  return { status: response.statusCode, body: response.json<{ reads?: unknown[]; errors?: { extensions: { code: string } }[] }>() };
}

const codeOf = (body: { errors?: { extensions: { code: string } }[] }) => body.errors?.[0]?.extensions.code;

beforeAll(async () => {
  const pair = await generateDevKeyPair();
  signingKey = await importHistorySearchKey(pair.privateJwk);
  verifyKey = await importHistorySearchKey(pair.publicJwk);
});

afterEach(async () => {
  await app?.close();
});

describe('POST /v1/history', () => {
  it('answers a signed, case-bound search with the reads, once the search is in the audit log', async () => {
    const { status, body } = await search(await edge({}), { body: { ...query, plate: '12 가 3456' } });
    expect(status).toBe(200);
    expect(body).toEqual({
      municipalityId: 'osan',
      reads: [
        { readId: 'r1', cameraId: 'cam-osan-01', capturedAt: '2026-03-02T08:00:00.000Z', plateText: '12가3456', confidence: 0.9, hit: false },
        { readId: 'r2', cameraId: 'cam-osan-02', capturedAt: '2026-03-03T08:00:00.000Z', plateText: '12가3458', confidence: 0.2, hit: true },
      ],
    });
    expect(searched).toEqual([{ plate: '12가3456', fromMs: Date.parse(query.from), toMs: Date.parse(query.to) }]);
    expect(entries).toEqual([{
      kind: 'history-search', requestId: 'search-1', subject: 'police-investigator-park', agency: 'police', ...why,
      plate: hotlistKeyFor(keyRing, '12가3456'), from: query.from, to: query.to,
      decision: { outcome: 'allowed', code: null }, counts: { reads: 2, hits: 1 },
    }]);
    expect(JSON.stringify(entries)).not.toContain('12가3456');
  });

  it('sends no read when the audit record cannot be written', async () => {
    const { status, body } = await search(await edge({ auditLog: recordingLog(true) }));
    expect(status).toBe(503);
    expect(codeOf(body)).toBe('DS_AUDIT_WRITE_FAILED');
    expect(body.reads).toBeUndefined();
  });

  it.each<[string, { who?: Identity; access?: object }, string]>([
    ['a role without the scope', { who: sampleUsers['police-officer'] }, 'DS_AUTH_FORBIDDEN'],
    ['no case number', { access: { purpose: why.purpose } }, 'DS_AUTH_PURPOSE_REQUIRED'],
    ['no purpose', { access: { caseNumber: why.caseNumber } }, 'DS_AUTH_PURPOSE_REQUIRED'],
  ])('refuses %s with 403, audited as denied, without searching', async (_name, options, code) => {
    const { status, body } = await search(await edge(), options);
    expect(status).toBe(403);
    expect(codeOf(body)).toBe(code);
    expect(searched).toEqual([]);
    expect(entries).toMatchObject([{ kind: 'history-search', decision: { outcome: 'denied', code }, counts: { reads: 0, hits: 0 } }]);
  });

  it('refuses, unaudited, what it cannot attribute or what was not signed as sent', async () => {
    const target = await edge();
    const unsigned = await target.inject({ method: 'POST', url: '/v1/history', payload: query });
    expect([unsigned.statusCode, codeOf(unsigned.json())]).toEqual([401, 'DS_AUTH_UNAUTHENTICATED']);
    const forSuwon = await search(target, { municipality: 'suwon' });
    expect([forSuwon.status, codeOf(forSuwon.body)]).toEqual([401, 'DS_AUTH_UNAUTHENTICATED']);
    const otherPlate = await search(target, { body: { ...query, plate: '34나5678' } });
    expect([otherPlate.status, codeOf(otherPlate.body)]).toEqual([401, 'DS_AUTH_UNAUTHENTICATED']);
    const longerWindow = await search(target, { body: { ...query, from: '2026-02-28T00:00:00.000Z' } });
    expect([longerWindow.status, codeOf(longerWindow.body)]).toEqual([401, 'DS_AUTH_UNAUTHENTICATED']);
    expect(entries).toEqual([]);
    expect(searched).toEqual([]);
    // Not the search that was signed: its id is not used up by whoever sent it.
    expect(claims).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a window over 31 days', { ...query, to: '2026-04-08T00:00:00.000Z' }, 'DS_HISTORY_WINDOW_INVALID'],
    ['a reversed window', { ...query, from: query.to, to: query.from }, 'DS_HISTORY_WINDOW_INVALID'],
    ['no plate', { ...query, plate: '1234' }, 'DS_PLATE_INVALID'],
    ['an unknown field', { ...query, limit: 5 }, 'DS_INVALID_INPUT'],
  ])('refuses %s with 400', async (_name, body, code) => {
    const response = await search(await edge(), { body, signed: body as typeof query });
    expect([response.status, codeOf(response.body)]).toEqual([400, code]);
    expect(searched).toEqual([]);
  });

  it.each<[string, { iat: number; exp: number }]>([
    ['finding 8: a grant issued an hour ago is refused', { iat: -3600, exp: 30 }],
    ['finding 8: a grant issued an hour ago, expired, is refused', { iat: -3600, exp: -3540 }],
    ['finding 8: a grant valid for 10 days is refused', { iat: 0, exp: 10 * 24 * 3600 }],
    ['finding 8: a grant issued in the future is refused', { iat: 3600, exp: 3660 }],
  ])('%s with 401 DS_HISTORY_SEARCH_TIME_INVALID, audited as denied, without searching', async (_name, times) => {
    const { status, body } = await search(await edge(), { times });
    expect([status, codeOf(body)]).toEqual([401, 'DS_HISTORY_SEARCH_TIME_INVALID']);
    expect(body.reads).toBeUndefined();
    expect(searched).toEqual([]);
    expect(claims).toEqual([]);
    expect(entries).toMatchObject([{
      kind: 'history-search', requestId: 'search-1', subject: 'police-investigator-park',
      decision: { outcome: 'denied', code: 'DS_HISTORY_SEARCH_TIME_INVALID' }, counts: { reads: 0, hits: 0 },
    }]);
  });

  it('finding 8: takes a grant issued within the clock skew ahead, and remembers its id until it expires', async () => {
    const { status } = await search(await edge(), { times: { iat: 3, exp: 63 } });
    expect(status).toBe(200);
    const nowMs = Date.now();
    expect(claims).toEqual([{ searchId: 'search-1', untilMs: expect.any(Number) }]);
    expect(claims[0]?.untilMs).toBeGreaterThan(nowMs + 60_000);
    expect(claims[0]?.untilMs).toBeLessThanOrEqual(nowMs + 69_000);
  });

  it('finding 8: a grant replayed is refused with 401 DS_HISTORY_SEARCH_REPLAYED, audited as denied, without searching again', async () => {
    const target = await edge();
    const token = await signedSearch();
    expect((await search(target, { token })).status).toBe(200);
    const replayed = await search(target, { token });
    expect([replayed.status, codeOf(replayed.body)]).toEqual([401, 'DS_HISTORY_SEARCH_REPLAYED']);
    expect(replayed.body.reads).toBeUndefined();
    expect(searched).toHaveLength(1);
    expect(entries.map((entry) => [entry.requestId, (entry as { decision: object }).decision])).toEqual([
      ['search-1', { outcome: 'allowed', code: null }],
      ['search-1', { outcome: 'denied', code: 'DS_HISTORY_SEARCH_REPLAYED' }],
    ]);
  });

  it('finding 8: a grant refused for its access is used up all the same', async () => {
    const target = await edge();
    const token = await signedSearch({ access: { purpose: why.purpose } });
    expect(codeOf((await search(target, { token })).body)).toBe('DS_AUTH_PURPOSE_REQUIRED');
    expect(codeOf((await search(target, { token })).body)).toBe('DS_HISTORY_SEARCH_REPLAYED');
  });

  it('finding 8: searches nothing when the id cannot be made single-use', async () => {
    const down: HistorySearchLedger = { claim: () => Promise.reject(new Error('Redis is down')) };
    const { status, body } = await search(await edge({ ledger: down }));
    expect([status, codeOf(body)]).toEqual([503, 'DS_HISTORY_SEARCH_LEDGER_UNAVAILABLE']);
    expect(searched).toEqual([]);
    expect(entries).toMatchObject([{ decision: { outcome: 'denied', code: 'DS_HISTORY_SEARCH_LEDGER_UNAVAILABLE' } }]);
  });

  it('refuses a body that is not JSON without repeating it', async () => {
    const response = await (await edge()).inject({
      method: 'POST', url: '/v1/history', headers: { 'content-type': 'application/json' }, payload: '{"plate": "12가3456"',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('12가3456');
  });

  it('answers nothing without a verification key', async () => {
    const response = await search(await edge({ withKey: false }));
    expect([response.status, codeOf(response.body)]).toEqual([503, 'DS_HISTORY_SEARCH_NOT_CONFIGURED']);
  });
});

describe('plateHistoryAccessRule', () => {
  it('is the rule the cctv SDL declares on Query.plateHistory', () => {
    expect(plateHistoryAccessRule()).toEqual({ scopes: ['reads:history'], agencies: [], clearance: 2, personalData: true });
  });

  it('refuses an SDL that does not make the search personal data', () => {
    expect(() => plateHistoryAccessRule('type Query { plateHistory(plate: String!): String }')).toThrow(expect.objectContaining({ code: 'DS_CONFIG_INVALID' }));
  });
});
