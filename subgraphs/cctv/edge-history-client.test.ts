import type { CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { importHistorySearchKey, verifyHistorySearch } from '../../runtime/identity/history-search-token.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { createPlateHistorySearcher, type EdgeNode } from './edge-history-client.js';

const access = { identity: sampleUsers['police-investigator'], purpose: '도난 차량 추적', caseNumber: '2026-경기남부-0142' };
const search = { plate: '12가3456', fromMs: Date.parse('2026-03-01T00:00:00Z'), toMs: Date.parse('2026-03-02T00:00:00Z') };
const edges: EdgeNode[] = [{ municipalityId: 'suwon', url: 'http://suwon-edge/' }, { municipalityId: 'osan', url: 'http://osan-edge' }];
const read = (readId: string, capturedAt: string) => ({ readId, cameraId: 'cam-1', capturedAt, plateText: '12가3456', confidence: 0.9, hit: false });

let signingKey: CryptoKey;
let verifyKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateDevKeyPair();
  signingKey = await importHistorySearchKey(pair.privateJwk);
  verifyKey = await importHistorySearchKey(pair.publicJwk);
});

type EdgeBehaviour = (url: string, init: RequestInit) => Promise<Response>;

function searcher(behaviour: Record<string, EdgeBehaviour>) {
  const fetchEdge = ((url: string, init: RequestInit) => {
    const host = new URL(url).host;
    return (behaviour[host] ?? (() => Promise.reject(new TypeError('fetch failed'))))(url, init);
  }) as typeof fetch;
  return createPlateHistorySearcher({ edges, signingKey, timeoutMs: 50, fetch: fetchEdge, log: () => undefined });
}

const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('createPlateHistorySearcher', () => {
  it('asks every edge node with a search signed for it alone, and merges the answers', async () => {
    const asked: string[] = [];
    const answer = (municipalityId: string, reads: unknown[]): EdgeBehaviour => async (url, init) => {
      const token = new Headers(init.headers).get('authorization')?.replace('Bearer ', '');
      const { grant } = await verifyHistorySearch(token, municipalityId, verifyKey);
      expect(JSON.parse(String(init.body))).toEqual(grant.query);
      asked.push(`${url} ${grant.searchId}`);
      return json(200, { municipalityId, reads });
    };
    const result = await searcher({
      'suwon-edge': answer('suwon', [read('s1', '2026-03-01T02:00:00.000Z')]),
      'osan-edge': answer('osan', [read('o1', '2026-03-01T01:00:00.000Z')]),
    }).search(access, search);
    expect(result.reads.map((r) => r.readId)).toEqual(['o1', 's1']);
    expect(result.complete).toBe(true);
    expect(asked.sort()).toEqual([`http://osan-edge/v1/history ${result.searchId}`, `http://suwon-edge/v1/history ${result.searchId}`]);
  });

  it.each<[string, EdgeBehaviour, string, string]>([
    ['is unreachable', () => Promise.reject(new TypeError('fetch failed')), 'DS_HISTORY_EDGE_UNAVAILABLE', 'the edge node could not be reached'],
    ['does not answer in time', (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
      'DS_HISTORY_EDGE_UNAVAILABLE', 'the edge node did not answer within 50 ms'],
    ['answers for another municipality', () => json(200, { municipalityId: 'suwon', reads: [] }), 'DS_HISTORY_EDGE_UNAVAILABLE', 'the edge node answered malformed'],
    ['answers malformed', () => json(200, { reads: 'all of them' }), 'DS_HISTORY_EDGE_UNAVAILABLE', 'the edge node answered malformed'],
    ['answers 500 without a code', () => Promise.resolve(new Response('<html>oops</html>', { status: 500 })), 'DS_HISTORY_EDGE_UNAVAILABLE', 'the edge node answered HTTP 500'],
    ['cannot audit', () => json(503, { errors: [{ message: 'not audited', extensions: { code: 'DS_AUDIT_WRITE_FAILED' } }] }), 'DS_AUDIT_WRITE_FAILED', 'not audited'],
  ])('keeps the other answers when an edge node %s, naming it with a code', async (_name, osan, code, reason) => {
    const result = await searcher({ 'suwon-edge': () => json(200, { municipalityId: 'suwon', reads: [read('s1', '2026-03-01T02:00:00.000Z')] }), 'osan-edge': osan })
      .search(access, search);
    expect(result.complete).toBe(false);
    expect(result.reads.map((r) => r.readId)).toEqual(['s1']);
    expect(result.sources).toEqual([
      { municipalityId: 'osan', answered: false, readCount: 0, code, reason },
      { municipalityId: 'suwon', answered: true, readCount: 1, code: null, reason: null },
    ]);
  });
});
