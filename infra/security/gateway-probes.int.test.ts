import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadGraphContract } from '../../gateway/graph-contract.js';
import { auditFileName } from '../../runtime/audit/audit-files.js';
import { startSecurityGateway, type SecurityGateway } from './security-hub.js';

/**
 * The gateway findings of issue 12 as probes of the real gateway processes (`gateway/main.ts`, as `npm start` runs
 * it) on loopback: production where the finding is about production, development for POST /dev/token. Every
 * request is bounded in time; nothing here reaches a subgraph.
 */

const probeTimeoutMs = 5_000;
let production: SecurityGateway;
let development: SecurityGateway;

const { trustedDocuments } = loadGraphContract();
const pendingHitsHash = Object.entries(trustedDocuments).find(([, text]) => text.includes('mutation DecideHit'))?.[0] as string;
const byHash = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
const purposeHeaders = { 'x-dongseon-purpose': encodeURIComponent('수배차량 확인'), 'x-dongseon-case-number': '2026-0042' };

interface Probe {
  readonly status: number;
  // Probes read refusals of any shape; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
  readonly text: string;
}

async function post(gateway: SecurityGateway, path: string, headers: Record<string, string>, body: unknown): Promise<Probe> {
  const response = await fetch(`${gateway.origin}${path}`, {
    method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body), signal: AbortSignal.timeout(probeTimeoutMs),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text };
}

async function graphql(gateway: SecurityGateway, body: unknown, headers: Record<string, string> = {}, as = 'police-investigator' as const): Promise<Probe> {
  return post(gateway, '/graphql', { 'content-type': 'application/json', authorization: `Bearer ${await gateway.tokenFor(as)}`, ...headers }, body);
}

const refused = (code: string, httpStatus: number) => ({ errors: [expect.objectContaining({ extensions: { code, httpStatus } })] });

async function auditRecords(gateway: SecurityGateway): Promise<{ caseNumber: string | null; subject: string; decision: { outcome: string; denied: { code: string }[] } }[]> {
  const text = await readFile(join(gateway.auditDir, auditFileName(1)), 'utf8').catch(() => '');
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as never);
}

/** The first error a graphql-ws subscription gets, or the reason it got none within the probe's time. */
async function subscriptionError(gateway: SecurityGateway, connectionParams: Record<string, unknown>, payload: { query: string; variables?: Record<string, unknown> }) {
  const client = createClient({
    url: `${gateway.realtimeOrigin.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true,
  });
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the real-time endpoint in time')), probeTimeoutMs);
      client.subscribe(payload, {
        next: (event) => {
          clearTimeout(timer);
          resolve({ event });
        },
        error: (error) => {
          clearTimeout(timer);
          resolve(error);
        },
        complete: () => undefined,
      });
    });
  } finally {
    await client.dispose();
  }
}

beforeAll(async () => {
  [production, development] = await Promise.all([
    startSecurityGateway({ production: true }),
    startSecurityGateway({ production: false, devIdentity: true }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([production?.close(), development?.close()]);
}, 60_000);

describe('gateway security probes (production)', () => {
  it('finding 3: an unknown operationName is a 400 DS_OPERATION_NAME_UNKNOWN, and a forged log line stays one escaped line', async () => {
    const name = `Nope\n[gateway] forged\u001b[2J${'x'.repeat(10_000)}`;
    const response = await graphql(production, { operationName: name, extensions: byHash(pendingHitsHash) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refused('DS_OPERATION_NAME_UNKNOWN', 400));
    expect(response.text).not.toContain('forged');
    expect(production.output().some((line) => line.startsWith('[gateway] forged') || line.includes('\u001b') || line.length > 5_000)).toBe(false);
  });

  it('finding 3: the trusted PendingHits/DecideHit document without an operationName is a 400 DS_OPERATION_NAME_REQUIRED', async () => {
    const response = await graphql(production, { extensions: byHash(pendingHitsHash) }, purposeHeaders);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refused('DS_OPERATION_NAME_REQUIRED', 400));
  });

  it.each([
    ['bad percent-encoding', { 'x-dongseon-purpose': '%E0%A4%A' }, 'DS_INVALID_INPUT'],
    ['an over-long case number', { 'x-dongseon-case-number': 'x'.repeat(101) }, 'DS_INVALID_INPUT'],
  ])('finding 4(a): a known user\'s personal-data request refused for %s is audited', async (_, headers, code) => {
    const caseNumber = `PROBE-4A-${Math.random().toString(36).slice(2)}`;
    const response = await graphql(production, { operationName: 'PendingHits', extensions: byHash(pendingHitsHash) }, {
      ...purposeHeaders, 'x-dongseon-case-number': caseNumber, ...headers,
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refused(code, 400));
    const records = await auditRecords(production);
    expect(records.at(-1)).toMatchObject({ subject: 'police-investigator-park', caseNumber: null, decision: { outcome: 'denied' } });
    expect(records.at(-1)?.decision.denied.every((denial) => denial.code === code)).toBe(true);
  });

  it.each([
    ['an encoded CR/LF', { 'x-dongseon-purpose': 'theft%0D%0Aapproved' }, 'DS_INVALID_INPUT'],
    ['an encoded NUL', { 'x-dongseon-case-number': '2026%000042' }, 'DS_INVALID_INPUT'],
    ['an encoded ESC', { 'x-dongseon-purpose': 'theft%1B%5B2J' }, 'DS_INVALID_INPUT'],
    ['an encoded U+202E', { 'x-dongseon-case-number': '%E2%80%AE2400-2026' }, 'DS_INVALID_INPUT'],
    ['an encoded U+200B', { 'x-dongseon-purpose': 'the%E2%80%8Bft' }, 'DS_INVALID_INPUT'],
    ['raw UTF-8', { 'x-dongseon-purpose': Buffer.from('도난차량', 'utf8').toString('latin1') }, 'DS_HEADER_NOT_PERCENT_ENCODED'],
  ])('finding 5: a purpose or case number holding %s is refused', async (_, headers, code) => {
    const response = await graphql(production, { operationName: 'PendingHits', extensions: byHash(pendingHitsHash) }, { ...purposeHeaders, ...headers });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refused(code, 400));
  });

  it('finding 6: a variable-coercion error names no schema element in a suggestion', async () => {
    const response = await graphql(production, {
      operationName: 'DecideHit', extensions: byHash(pendingHitsHash), variables: { id: 'hit-1', decision: 'ACCPET', reason: 'probe' },
    }, purposeHeaders);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refused('DS_INVALID_INPUT', 400));
    expect(response.text).not.toMatch(/Did you mean|ACCEPT/);
  });

  it('finding 7: the real-time endpoint refuses a mistyped variable with a coded 4xx error, audited as refused, and serves no introspection', async () => {
    const caseNumber = `PROBE-7-${Math.random().toString(36).slice(2)}`;
    const params = { authorization: `Bearer ${await production.tokenFor('police-officer')}`, purpose: '실시간 추적', caseNumber };
    const mistyped = await subscriptionError(production, params, {
      query: 'subscription Alerts($m: ID) { alertRaised(municipalityId: $m) { id } }', variables: { m: { not: 'an id' } },
    });
    expect(mistyped).toEqual([expect.objectContaining({ extensions: { code: 'DS_INVALID_INPUT', httpStatus: 400 } })]);
    expect((await auditRecords(production)).find((record) => record.caseNumber === caseNumber)).toMatchObject({ decision: { outcome: 'denied' } });
    expect(production.output().some((line) => line.includes('DS_INTERNAL'))).toBe(false);
    const introspection = await subscriptionError(production, params, { query: '{ __schema { types { name } } }' });
    expect(introspection).toEqual([expect.objectContaining({ extensions: { code: 'DS_INTROSPECTION_DISABLED', httpStatus: 400 } })]);
  });

  it('access-token hardening: a token issued in the future, or valid for longer than the maximum, is a 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const times of [{ iat: now + 3_600, exp: now + 7_200 }, { iat: now, exp: now + 10 * 24 * 3_600 }]) {
      const response = await post(production, '/graphql', {
        'content-type': 'application/json', authorization: `Bearer ${await production.tokenFor('police-officer', times)}`,
      }, { operationName: 'PendingHits', extensions: byHash(pendingHitsHash) });
      expect({ times, status: response.status, body: response.body }).toEqual({ times, status: 401, body: refused('DS_AUTH_UNAUTHENTICATED', 401) });
    }
  });
});

describe('gateway security probes (development)', () => {
  it('finding 3: a subscription over HTTP and several operations without a name are 400s with their own codes', async () => {
    const subscription = await graphql(development, { query: 'subscription { alertRaised { id } }' });
    expect(subscription.status).toBe(400);
    expect(subscription.body).toEqual(refused('DS_SUBSCRIPTION_OVER_HTTP', 400));
    const several = await graphql(development, { query: trustedDocuments[pendingHitsHash] }, purposeHeaders);
    expect(several.status).toBe(400);
    expect(several.body).toEqual(refused('DS_OPERATION_NAME_REQUIRED', 400));
  });

  it('finding 11: POST /dev/token mints nothing for a text/plain body or a foreign Origin, and mints for this gateway\'s own page', async () => {
    const body = { user: 'police-investigator' };
    const plain = await post(development, '/dev/token', { 'content-type': 'text/plain' }, body);
    expect(plain.status).toBe(415);
    expect(plain.body).toEqual(refused('DS_UNSUPPORTED_MEDIA_TYPE', 415));
    const foreign = await post(development, '/dev/token', { 'content-type': 'application/json', origin: 'http://rebinding.example' }, body);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual(refused('DS_FOREIGN_ORIGIN', 403));
    const own = await post(development, '/dev/token', { 'content-type': 'application/json', origin: development.origin }, body);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(expect.objectContaining({ token: expect.any(String) }));
  });

  it('finding 11: POST /dev/token mints nothing for a foreign Host (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const probe = httpRequest(`${development.origin}/dev/token`, {
        method: 'POST', headers: { host: `rebinding.example:${new URL(development.origin).port}`, 'content-type': 'application/json' }, timeout: probeTimeoutMs,
      }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      probe.on('timeout', () => probe.destroy(new Error('no answer in time')));
      probe.on('error', reject);
      probe.end(JSON.stringify({ user: 'police-investigator' }));
    });
    expect(status).toBe(403);
  });
});
