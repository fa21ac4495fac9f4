import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import WebSocket from 'ws';
import { alertLogKey, publishAlert, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { auditFileName } from '../../runtime/audit/audit-files.js';
import { openAuditLog, type AuditLog } from '../../runtime/audit/open-audit-log.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { importAccessTokenPublicKey } from '../../runtime/identity/access-token.js';
import { createDevIdentityProvider, generateDevKeyPair, type DevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';
import type { RunningHttpServer } from '../http/gateway-http-server.js';
import { openAlertFeed, openHitDecisionFeed, type AlertFeed, type HitDecisionFeed } from './alert-feed.js';
import { realtimePath, startRealtimeServer } from './realtime-server.js';
import { formatAlertLine, tailAlerts, type RaisedAlert } from './tail-alerts.js';

const { redisUrl } = inject('stackEndpoints');
const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const decisionReader = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const decisionLogKey = `ds:hit-decisions:test-${Math.random().toString(36).slice(2)}`;
let identity: DevIdentityProvider;
let feed: AlertFeed;
let decisions: HitDecisionFeed;
let server: RunningHttpServer;
let auditDir: string;
let auditLog: AuditLog;
const clients: Client[] = [];

beforeAll(async () => {
  const keys = await generateDevKeyPair();
  identity = await createDevIdentityProvider(keys);
  feed = await openAlertFeed(subscriber);
  decisions = await openHitDecisionFeed(decisionReader, { key: decisionLogKey, blockMs: 200 });
  auditDir = await mkdtemp(join(tmpdir(), 'realtime-audit-'));
  auditLog = await openAuditLog({ dir: auditDir, rotateBytes: 1024 * 1024 });
  server = await startRealtimeServer(
    { publicKey: await importAccessTokenPublicKey(keys.publicJwk), feed, decisions, audit: auditLog }, { host: '127.0.0.1', port: 0 },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server.close();
  await feed.close();
  await decisions.close();
  await auditLog.close();
  await rm(auditDir, { recursive: true, force: true });
  await publisher.del(decisionLogKey);
  await Promise.all([publisher.quit(), subscriber.quit(), decisionReader.quit()]);
});

const alert = (overrides: Partial<AlertEvent> = {}): AlertEvent => ({
  id: `hit-${Math.random().toString(36).slice(2)}`, wantedVehicleId: 'wv-1', cameraId: 'cam-suwon-3', municipalityId: 'suwon',
  capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'EXACT', priority: 90, ...overrides,
});

const alertQuery = 'subscription Alerts($municipalityId: ID) { alertRaised(municipalityId: $municipalityId) { id wantedVehicleId cameraId municipalityId capturedAt matchKind priority } }';

async function connect(params: Record<string, unknown>, origin = server.origin): Promise<{ client: Client; closed: Promise<number> }> {
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => {
    closedWith = resolve;
  });
  const client = createClient({
    url: `${origin.replace(/^http/, 'ws')}${realtimePath}`,
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => closedWith((event as { code: number }).code) },
  });
  clients.push(client);
  return { client, closed };
}

async function subscribe(
  as: SampleUserName | undefined, extra: Record<string, unknown>, variables: Record<string, unknown> = {}, query = alertQuery, origin = server.origin,
) {
  const params = as ? { authorization: `Bearer ${await identity.mintToken(sampleUsers[as])}`, ...extra } : extra;
  const { client, closed } = await connect(params, origin);
  const observed = { events: [] as unknown[], errors: [] as unknown[] };
  client.subscribe({ query, variables }, {
    next: (result) => observed.events.push(result),
    error: (error) => observed.errors.push(error),
    complete: () => undefined,
  });
  return { observed, closed };
}

async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const hitDecidedQuery = 'subscription Decisions($wantedVehicleId: ID) { hitDecided(wantedVehicleId: $wantedVehicleId) { hitId wantedVehicleId cameraId capturedAt status decidedBy decidedAt reasonCode } }';

describe('the real-time alert endpoint', () => {
  it('shows each hit decision to every subscriber with the rights alertRaised needs, within their wanted-vehicle filter', async () => {
    const before = decisions.subscriberCount;
    const purpose = { purpose: '수배차량 실시간 추적', caseNumber: '2026-0042' };
    const everyone = await subscribe('police-officer', purpose, {}, hitDecidedQuery);
    const oneVehicle = await subscribe('police-investigator', purpose, { wantedVehicleId: 'wv-7' }, hitDecidedQuery);
    const refused = await subscribe('signals-engineer', { purpose: '신호 점검', caseNumber: 'SIG-1' }, {}, hitDecidedQuery);
    await until(() => decisions.subscriberCount === before + 2 && refused.observed.errors.length === 1, 'two subscriptions and a refusal');
    expect(refused.observed.errors).toEqual([[expect.objectContaining({ extensions: { code: 'DS_AUTH_FORBIDDEN', httpStatus: 403 } })]]);
    const decided = (wantedVehicleId: string): HitDecisionEvent => ({
      hitId: `hit-${Math.random().toString(36).slice(2)}`, wantedVehicleId, cameraId: 'cam-suwon-3', capturedAt: '2026-11-25T09:00:00+09:00',
      status: 'REJECTED', decidedBy: 'police-officer-kim', decidedAt: '2026-11-25T09:02:00+09:00', reasonCode: 'MISREAD',
    });
    const other = decided('wv-1');
    const seven = decided('wv-7');
    for (const event of [other, seven]) await publisher.xadd(decisionLogKey, '*', 'decision', JSON.stringify(event));
    await until(() => everyone.observed.events.length === 2 && oneVehicle.observed.events.length === 1, 'the decisions');
    expect(everyone.observed.events).toEqual([{ data: { hitDecided: other } }, { data: { hitDecided: seven } }]);
    expect(oneVehicle.observed.events).toEqual([{ data: { hitDecided: seven } }]);
    expect(refused.observed.events).toEqual([]);
  });

  it('delivers a published alert to an officer with hits:read, a purpose and a case, within their municipality filter', async () => {
    const before = feed.subscriberCount;
    const everywhere = await subscribe('police-officer', { purpose: '수배차량 실시간 추적', caseNumber: '2026-0042' });
    const suwon = await subscribe('police-investigator', { purpose: '수배차량 실시간 추적', caseNumber: '2026-0042' }, { municipalityId: 'suwon' });
    const seoul = await subscribe('police-investigator', { purpose: '수배차량 실시간 추적', caseNumber: '2026-0042' }, { municipalityId: 'seoul' });
    await until(() => feed.subscriberCount === before + 3, 'three subscriptions');
    const raised = alert();
    await publishAlert(publisher, raised);
    await until(() => everywhere.observed.events.length === 1 && suwon.observed.events.length === 1, 'the alert');
    expect(everywhere.observed.events).toEqual([{ data: { alertRaised: raised } }]);
    expect(suwon.observed.events).toEqual([{ data: { alertRaised: raised } }]);
    expect(seoul.observed.events).toEqual([]);
  });

  it.each([
    ['an identity without hits:read', 'signals-engineer', { purpose: '신호 점검', caseNumber: 'SIG-1' }, 'DS_AUTH_FORBIDDEN'],
    ['an officer without a purpose and case', 'police-officer', {}, 'DS_AUTH_PURPOSE_REQUIRED'],
  ] as const)('refuses %s with a coded error on subscribe, and sends it nothing', async (_, user, purpose, code) => {
    const refused = await subscribe(user, purpose);
    await until(() => refused.observed.errors.length === 1, 'the refusal');
    expect(refused.observed.errors).toEqual([[expect.objectContaining({ extensions: { code, httpStatus: 403 } })]]);
    await publishAlert(publisher, alert());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(refused.observed.events).toEqual([]);
  });

  it('holds at most 20 subscriptions on one connection', async () => {
    const token = await identity.mintToken(sampleUsers['police-officer']);
    const { client } = await connect({ authorization: `Bearer ${token}`, purpose: '추적', caseNumber: '2026-0042' });
    const errors: unknown[] = [];
    for (let index = 0; index < 21; index += 1) {
      client.subscribe({ query: alertQuery }, { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined });
    }
    await until(() => errors.length === 1, 'the refusal');
    expect(errors).toEqual([[expect.objectContaining({ extensions: { code: 'DS_RATE_LIMITED', httpStatus: 429 } })]]);
  });

  it('closes a connection that brings no valid token (4403)', async () => {
    const { client, closed } = await connect({ authorization: 'Bearer forged.token.value' });
    client.subscribe({ query: alertQuery }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect(await closed).toBe(4403);
  });

  it.each([
    ['a CR/LF', { purpose: 'theft\r\napproved: yes', caseNumber: '2026-0042' }],
    ['a right-to-left override', { purpose: '추적', caseNumber: '\u202e2400-6202' }],
    ['an over-long case number', { purpose: '추적', caseNumber: 'x'.repeat(101) }],
  ])('finding 5: closes a connection whose purpose or case number holds %s (4403)', async (_, purpose) => {
    const token = await identity.mintToken(sampleUsers['police-officer']);
    const { client, closed } = await connect({ authorization: `Bearer ${token}`, ...purpose });
    client.subscribe({ query: alertQuery }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect(await closed).toBe(4403);
  });

  it('closes the connection when its token expires (4401), ending its subscription', async () => {
    // Long enough for the subscription (and its fsync'ed audit record) to be set up on a loaded machine.
    const token = await identity.mintToken(sampleUsers['police-officer'], { ttlSeconds: 3 });
    const { client, closed } = await connect({ authorization: `Bearer ${token}`, purpose: '추적', caseNumber: '2026-0042' });
    const events: unknown[] = [];
    client.subscribe({ query: alertQuery }, { next: (event) => events.push(event), error: () => undefined, complete: () => undefined });
    // An event delivered proves the subscription is live; counting subscribers alone races other tests' teardown.
    await until(() => {
      void publishAlert(publisher, alert());
      return events.length > 0;
    }, 'the subscription to deliver', 2_500);
    const live = feed.subscriberCount;
    expect(await closed).toBe(4401);
    await until(() => feed.subscriberCount < live, 'the subscription to end');
  });

  it('ignores what is not an alert in the alert log', async () => {
    const before = feed.subscriberCount;
    const listener = await subscribe('police-officer', { purpose: '추적', caseNumber: '2026-0042' });
    await until(() => feed.subscriberCount === before + 1, 'the subscription');
    await publisher.xadd(alertLogKey, '*', 'alert', JSON.stringify({ plate: '12가3456' }));
    await publisher.xadd(alertLogKey, '*', 'note', 'no alert field');
    const raised = alert({ municipalityId: 'incheon' });
    await publishAlert(publisher, raised);
    await until(() => listener.observed.events.length >= 1, 'the alert');
    expect(listener.observed.events).toEqual([{ data: { alertRaised: raised } }]);
  });

  it('records every subscription, allowed or refused, in the audit log before any alert flows', async () => {
    const allowed = await subscribe('police-officer', { purpose: 'audit check', caseNumber: 'CASE-AUDIT-1' });
    const refused = await subscribe('city-operator', { purpose: 'audit check', caseNumber: 'CASE-AUDIT-2' });
    await until(() => refused.observed.errors.length > 0, 'the refusal');
    await publishAlert(publisher, alert());
    await until(() => allowed.observed.events.length > 0, 'the alert');
    const records = (await readFile(join(auditDir, auditFileName(1)), 'utf8')).trim().split('\n')
      .map((line) => JSON.parse(line) as { caseNumber: string; operation: { type: string }; subgraphs: string[]; fields: string[]; decision: { outcome: string } });
    const byCase = (caseNumber: string) => records.find((record) => record.caseNumber === caseNumber);
    expect(byCase('CASE-AUDIT-1')).toMatchObject({ operation: { type: 'subscription' }, subgraphs: ['realtime'], decision: { outcome: 'allowed' } });
    expect(byCase('CASE-AUDIT-1')?.fields).toContain('Subscription.alertRaised');
    expect(byCase('CASE-AUDIT-2')).toMatchObject({ decision: { outcome: 'denied' } });
    expect((await verifyAuditLog(auditDir)).ok).toBe(true);
  });

  it('npm run alerts: the terminal client prints each alert it may see, and ends with the refusal it may not', async () => {
    const before = feed.subscriberCount;
    const seen: RaisedAlert[] = [];
    const officer = tailAlerts(
      { url: `${server.origin.replace(/^http/, 'ws')}${realtimePath}`, as: 'police-officer', purpose: '추적', caseNumber: '2026-0042', municipalityId: 'osan' },
      await identity.mintToken(sampleUsers['police-officer']), (raised) => seen.push(raised),
    );
    clients.push(officer.client);
    await until(() => feed.subscriberCount === before + 1, 'the terminal subscription');
    const inOsan = alert({ municipalityId: 'osan' });
    await publishAlert(publisher, alert({ municipalityId: 'suwon' }));
    await publishAlert(publisher, inOsan);
    await until(() => seen.length === 1, 'the alert in osan');
    expect(seen).toEqual([inOsan]);
    expect(formatAlertLine(seen[0] as RaisedAlert)).toContain(inOsan.id);

    const engineer = tailAlerts(
      { url: `${server.origin.replace(/^http/, 'ws')}${realtimePath}`, as: 'signals-engineer', purpose: '신호 점검', caseNumber: 'SIG-1' },
      await identity.mintToken(sampleUsers['signals-engineer']), () => undefined,
    );
    clients.push(engineer.client);
    await expect(engineer.done).rejects.toThrow(/DS_AUTH_FORBIDDEN/);
  });

  it('finding 7: a mistyped subscription variable is a coded DS_INVALID_INPUT, audited as refused, with nothing in the log', async () => {
    const logged = vi.spyOn(console, 'error');
    try {
      const refused = await subscribe('police-officer', { purpose: 'audit check', caseNumber: 'CASE-F7' }, { municipalityId: { not: 'an id' } });
      await until(() => refused.observed.errors.length > 0, 'the refusal');
      expect(refused.observed.errors).toEqual([[expect.objectContaining({ extensions: { code: 'DS_INVALID_INPUT', httpStatus: 400 } })]]);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    const records = (await readFile(join(auditDir, auditFileName(1)), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { caseNumber: string });
    expect(records.find((record) => record.caseNumber === 'CASE-F7')).toMatchObject({
      decision: { outcome: 'denied', denied: [expect.objectContaining({ code: 'DS_INVALID_INPUT' })] },
    });
  });

  it('finding 7: in production the endpoint serves no introspection and names no schema element in a suggestion', async () => {
    const keys = await generateDevKeyPair();
    const production = await startRealtimeServer({ publicKey: await importAccessTokenPublicKey(keys.publicJwk), feed, production: true }, { host: '127.0.0.1', port: 0 });
    const officer = await createDevIdentityProvider(keys);
    try {
      const params = { authorization: `Bearer ${await officer.mintToken(sampleUsers['police-officer'])}`, purpose: '추적', caseNumber: '2026-0042' };
      const observe = async (query: string) => {
        const { client } = await connect(params, production.origin);
        const errors: unknown[] = [];
        client.subscribe({ query }, { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined });
        await until(() => errors.length > 0, 'the refusal');
        return errors[0] as { message: string; extensions: unknown }[];
      };
      expect(await observe('query { __schema { types { name } } }')).toEqual([expect.objectContaining({ extensions: { code: 'DS_INTROSPECTION_DISABLED', httpStatus: 400 } })]);
      const misspelt = await observe('subscription { alertRaisd { id } }');
      expect(misspelt).toEqual([expect.objectContaining({ extensions: { code: 'DS_GRAPHQL_VALIDATION_FAILED', httpStatus: 400 } })]);
      expect(JSON.stringify(misspelt)).not.toContain('Did you mean');
    } finally {
      await production.close();
    }
  });
});
