import { parse, print } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentHash } from '../../schema/trusted-documents.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

const refusedWith = (code: string) => ({ errors: [{ message: expect.any(String), extensions: { code, httpStatus: 400 } }] });

/** Two operations in one document, as the trusted PendingHits/DecideHit document holds them. */
const twoOperations = print(parse('query Priorities { wantedVehicles { priority } } query Me { whoAmI { subject } }'));

describe('useOperationSelection', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('finding 3: an unknown operationName is a 400 DS_OPERATION_NAME_UNKNOWN, not a 500, and is not logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await gateway.tokenFor('police-officer')}` },
      body: JSON.stringify({ query: '{ whoAmI { subject } }', operationName: `Nope\n[gateway] forged\u001b[2J${'x'.repeat(10_000)}` }),
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_OPERATION_NAME_UNKNOWN'));
    expect(logged).not.toHaveBeenCalled();
  });

  it('finding 3: several operations without an operationName are a 400 DS_OPERATION_NAME_REQUIRED, not a 500', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query(twoOperations, { as: 'police-officer' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_OPERATION_NAME_REQUIRED'));
  });

  it('finding 3: a trusted document of several operations, sent by hash without an operationName, is a 400 in production', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], production: true, trustedDocuments: { [documentHash(twoOperations)]: twoOperations } });
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentHash(twoOperations) } };
    const response = await gateway.query(undefined, { as: 'police-officer', extensions });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_OPERATION_NAME_REQUIRED'));
  });

  it('finding 3: a subscription sent over HTTP is a 400 DS_SUBSCRIPTION_OVER_HTTP, not a 500', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('subscription Alerts { whoAmI { subject } }', { as: 'police-officer' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_SUBSCRIPTION_OVER_HTTP'));
  });

  it('runs the operation an operationName picks out of several', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await gateway.tokenFor('police-officer')}` },
      body: JSON.stringify({ query: twoOperations, operationName: 'Me' }),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { whoAmI: { subject: expect.any(String) } } });
  });
});
