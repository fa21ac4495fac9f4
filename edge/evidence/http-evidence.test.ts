import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import type { AuditEntry, AuditRecord } from '../../domain/audit/index.js';
import type { CameraRead } from '../../domain/ingest/index.js';
import { generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { signEvidenceRequest } from '../../runtime/identity/evidence-request-token.js';
import { importHistorySearchKey, signHistorySearch } from '../../runtime/identity/history-search-token.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { edgeReadStoreFile, openEdgeReadStore, type EdgeReadStore } from '../store/edge-read-store.js';
import { httpEvidence } from './http-evidence.js';

const investigator: Identity = sampleUsers['police-investigator'];
const why = { purpose: '도난 차량 추적', caseNumber: '2026-경기남부-0142' };
const hitId = 'osan:rec-abc:stolen-1';
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

let dir: string;
let store: EdgeReadStore;
let signingKey: CryptoKey;
let app: FastifyInstance;
const entries: AuditEntry[] = [];
const claimed = new Set<string>();

function read(readId: string): CameraRead {
  const at = Date.parse('2026-12-07T09:00:00Z');
  return { readId, cameraId: 'cam-1', capturedAt: new Date(at).toISOString(), capturedAtMs: at, receivedAt: new Date(at).toISOString(), receivedAtMs: at, candidates: [{ text: '12가3456', confidence: 0.97 }] };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ds-edge-evidence-'));
  store = openEdgeReadStore({ file: edgeReadStoreFile(dir, 'osan'), municipalityId: 'osan' });
  await store.storeReads([read('rec-abc'), read('rec-nohit')]);
  await store.markHits([{ readId: 'rec-abc', hitId }]);
  for (const readId of ['rec-abc', 'rec-nohit']) await store.putEvidence({ readId, capturedAtMs: Date.parse('2026-12-07T09:00:00Z'), mediaType: 'image/png', image: png, frames: 3 });
  const keys = await generateDevKeyPair();
  signingKey = await importHistorySearchKey(keys.privateJwk);
  app = Fastify();
  await app.register(httpEvidence, {
    municipalityId: 'osan', store, verifyKey: await importHistorySearchKey(keys.publicJwk),
    auditLog: { async append(entry) { entries.push(entry); return entry as AuditRecord; } },
    ledger: { async claim(id) { const first = !claimed.has(id); claimed.add(id); return first; } },
  });
});

afterAll(async () => {
  await app.close();
  store.close();
  await rm(dir, { recursive: true, force: true });
});

async function ask(options: { hit?: string; body?: unknown; access?: object; token?: string; municipality?: string } = {}) {
  const wanted = options.hit ?? hitId;
  const token = options.token ?? await signEvidenceRequest(
    { requestId: crypto.randomUUID(), access: { identity: investigator, ...why, ...options.access }, hitId: wanted }, options.municipality ?? 'osan', signingKey,
  );
  const response = await app.inject({ method: 'POST', url: '/v1/evidence', headers: { authorization: `Bearer ${token}` }, payload: (options.body ?? { hitId: wanted }) as object });
  return { status: response.statusCode, body: response.json() as { imageBase64?: string; errors?: { extensions: { code: string } }[] } };
}
const codeOf = (answer: Awaited<ReturnType<typeof ask>>) => answer.body.errors?.[0]?.extensions.code;

describe('a hit\'s evidence at the edge', () => {
  it('is sent for a signed, purpose-bound request of exactly that hit, audited first', async () => {
    const before = entries.length;
    const answer = await ask();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ hitId, readId: 'rec-abc', mediaType: 'image/png', frames: 3, imageBase64: png.toString('base64') });
    expect(entries.slice(before)).toMatchObject([{ kind: 'evidence-access', hitId, subject: investigator.subject, ...why, decision: { outcome: 'allowed', code: null } }]);
  });

  it('is never sent for a read that is not part of that hit: a non-hit read, another hit id, another node\'s hit', async () => {
    for (const other of ['osan:rec-nohit:stolen-1', 'osan:rec-abc:stolen-2', 'suwon:rec-abc:stolen-1', 'osan:rec-none:stolen-1']) {
      const answer = await ask({ hit: other });
      expect([answer.status, codeOf(answer)]).toEqual([404, 'DS_NOT_FOUND']);
    }
  });

  it('is refused without a stated purpose and case number, audited as denied', async () => {
    const before = entries.length;
    const answer = await ask({ access: { purpose: undefined, caseNumber: undefined } });
    expect(answer.status).toBe(403);
    expect(entries.slice(before)).toMatchObject([{ kind: 'evidence-access', decision: { outcome: 'denied' } }]);
  });

  it('is refused for a request signed for another node, a body other than the one signed, or a history search\'s token', async () => {
    expect(codeOf(await ask({ municipality: 'suwon' }))).toBe('DS_AUTH_UNAUTHENTICATED');
    expect(codeOf(await ask({ body: { hitId: 'osan:rec-nohit:stolen-1' } }))).toBe('DS_AUTH_UNAUTHENTICATED');
    const history = await signHistorySearch(
      { searchId: crypto.randomUUID(), access: { identity: investigator, ...why }, query: { plate: '12가3456', from: '2026-12-01T00:00:00Z', to: '2026-12-08T00:00:00Z' } }, 'osan', signingKey,
    );
    expect(codeOf(await ask({ token: history }))).toBe('DS_AUTH_UNAUTHENTICATED');
  });

  it('takes each signed request once', async () => {
    const token = await signEvidenceRequest({ requestId: 'once-1', access: { identity: investigator, ...why }, hitId }, 'osan', signingKey);
    expect((await ask({ token })).status).toBe(200);
    expect(codeOf(await ask({ token }))).toBe('DS_HISTORY_SEARCH_REPLAYED');
  });
});
