import { describe, expect, it } from 'vitest';
import type { AccessEntry, AuditEntry } from '../../domain/audit/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import { createDevIdentityProvider, generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

const refusedWith = (code: string, httpStatus: number) => ({ errors: [expect.objectContaining({ extensions: { code, httpStatus } })] });

/** Records what the audit plugin appends, in memory. */
function memoryAudit(): AuditAppender & { readonly entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return {
    entries,
    async append(entry) {
      entries.push(entry);
      return { ...entry, seq: entries.length, prev: '', hash: '' } as never;
    },
  };
}

/** A personal-data read (the plate is `personalData: true`) with the purpose and case-number headers as given. */
const plateRequest = async (gateway: Awaited<ReturnType<typeof createGatewayTester>>, headers: Record<string, string | string[]>) =>
  gateway.rawPost('/graphql', {
    'content-type': 'application/json', authorization: `Bearer ${await gateway.tokenFor('police-investigator')}`, ...headers,
  }, JSON.stringify({ query: '{ wantedVehicle(id: "wv-1") { plate } }' }));

const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
const valid = { 'x-dongseon-purpose': encodeURIComponent('도난차량 추적'), 'x-dongseon-case-number': '2026-0042' };

describe('useAuthentication', () => {
  it('refuses a request without a token: 401 DS_AUTH_UNAUTHENTICATED, asking for a Bearer token', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('{ whoAmI { subject } }');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toEqual(refusedWith('DS_AUTH_UNAUTHENTICATED', 401));
  });

  it('refuses a token signed with another key: 401 DS_AUTH_UNAUTHENTICATED', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const forger = await createDevIdentityProvider(await generateDevKeyPair());
    const response = await gateway.query('{ whoAmI { subject } }', { token: await forger.mintToken(sampleUsers['police-investigator']) });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusedWith('DS_AUTH_UNAUTHENTICATED', 401));
  });

  it('refuses an expired token: 401 DS_AUTH_TOKEN_EXPIRED', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('{ whoAmI { subject } }', { token: await gateway.tokenFor('police-officer', { ttlSeconds: -60 }) });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusedWith('DS_AUTH_TOKEN_EXPIRED', 401));
  });

  it.each([
    ['not a JWT', 'not-a-token'],
    ['a JWT with its signature cut off', 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.'],
  ])('refuses %s', async (_, token) => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('{ whoAmI { subject } }', { token });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusedWith('DS_AUTH_UNAUTHENTICATED', 401));
  });

  it('refuses a purpose that is not percent-encoded UTF-8, or too long: 400 DS_INVALID_INPUT', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const token = await gateway.tokenFor('police-officer');
    for (const purpose of ['%E0%A4%A', 'x'.repeat(501)]) {
      const response = await gateway.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-dongseon-purpose': purpose },
        body: JSON.stringify({ query: '{ whoAmI { subject } }' }),
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusedWith('DS_INVALID_INPUT', 400));
    }
  });

  it('lets a valid token through, with the stated purpose and case number decoded', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('{ whoAmI { subject purpose caseNumber } }', { as: 'moj-officer', purpose: '보호관찰 대상자 위치 확인 (100%)', caseNumber: 'MOJ-7' });
    expect(response.status).toBe(200);
    expect(response.body.data.whoAmI).toEqual({ subject: 'moj-officer-lee', purpose: '보호관찰 대상자 위치 확인 (100%)', caseNumber: 'MOJ-7' });
  });

  it.each([
    ['a purpose with bad percent-encoding', { 'x-dongseon-purpose': '%E0%A4%A' }, 'DS_INVALID_INPUT'],
    ['an over-long purpose', { 'x-dongseon-purpose': 'x'.repeat(501) }, 'DS_INVALID_INPUT'],
    ['an over-long case number', { 'x-dongseon-case-number': encodeURIComponent('가'.repeat(101)) }, 'DS_INVALID_INPUT'],
    ['a case number with bad percent-encoding', { 'x-dongseon-case-number': '2026-%ZZ' }, 'DS_INVALID_INPUT'],
    ['a purpose with an encoded CR/LF', { 'x-dongseon-purpose': 'theft%0D%0Aapproved%3A%20yes' }, 'DS_INVALID_INPUT'],
    ['a raw UTF-8 purpose', { 'x-dongseon-purpose': latin1('도난차량 추적') }, 'DS_HEADER_NOT_PERCENT_ENCODED'],
    ['a purpose sent twice', { 'x-dongseon-purpose': ['theft', 'audit'] }, 'DS_HEADER_REPEATED'],
  ])('finding 4(a): a known user\'s personal-data request refused for %s is audited as denied', async (_, headers, code) => {
    const audit = memoryAudit();
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], audit });
    const response = await plateRequest(gateway, { ...valid, ...headers });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith(code, 400));
    expect(audit.entries).toEqual([expect.objectContaining({
      kind: 'access', subject: 'police-investigator-park', purpose: null, caseNumber: null,
      decision: { outcome: 'denied', denied: [{ coordinate: 'WantedVehicle.plate', code }] },
    })]);
  });

  it.each([
    ['CR/LF', '%0D%0A'],
    ['NUL', '%00'],
    ['ESC', '%1B%5B2J'],
    ['U+202E (right-to-left override)', '%E2%80%AE'],
    ['U+200B (zero-width space)', '%E2%80%8B'],
  ])('finding 5: a purpose or case number holding %s is refused with DS_INVALID_INPUT', async (_, encoded) => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    for (const header of ['x-dongseon-purpose', 'x-dongseon-case-number']) {
      const response = await plateRequest(gateway, { ...valid, [header]: `theft${encoded}0042` });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(refusedWith('DS_INVALID_INPUT', 400));
    }
  });

  it('finding 5: raw non-ASCII is refused with a code that says to percent-encode, and duplicates are refused', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const raw = await plateRequest(gateway, { ...valid, 'x-dongseon-case-number': latin1('2026-서울-0042') });
    expect(raw.body).toEqual(refusedWith('DS_HEADER_NOT_PERCENT_ENCODED', 400));
    expect(raw.body.errors[0].message).toContain('percent-encode');
    const twice = await plateRequest(gateway, { ...valid, 'x-dongseon-case-number': ['2026-1', '2026-2'] });
    expect(twice.body).toEqual(refusedWith('DS_HEADER_REPEATED', 400));
    const twoTokens = await plateRequest(gateway, { ...valid, authorization: [`Bearer ${await gateway.tokenFor('police-investigator')}`, 'Bearer x'] });
    expect(twoTokens.body).toEqual(refusedWith('DS_HEADER_REPEATED', 400));
  });

  it('finding 5: the purpose is recorded in NFC, and an ordinary comma is not a duplicate', async () => {
    const audit = memoryAudit();
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], audit });
    const decomposed = '도난'.normalize('NFD'); // conjoining jamo, as a macOS file name holds it
    const response = await plateRequest(gateway, { 'x-dongseon-purpose': encodeURIComponent(`${decomposed}, theft`), 'x-dongseon-case-number': '2026-0042' });
    expect(response.status).toBe(200);
    expect((audit.entries[0] as AccessEntry).purpose).toBe('도난, theft');
  });
});
