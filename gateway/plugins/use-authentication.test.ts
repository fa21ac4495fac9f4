import { describe, expect, it } from 'vitest';
import { createDevIdentityProvider, generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

const refusedWith = (code: string, httpStatus: number) => ({ errors: [expect.objectContaining({ extensions: { code, httpStatus } })] });

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
});
