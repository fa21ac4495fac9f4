import { describe, expect, it } from 'vitest';
import { createGatewayTester } from './testing/gateway-tester.js';
import { cameraSubgraph, wantedSubgraph } from './testing/test-subgraphs.js';

describe('createGateway', () => {
  it('plans across subgraphs and signs the caller\'s identity, purpose and case onto every subgraph request', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph, cameraSubgraph] });
    const response = await gateway.query('{ whoAmI { subject agency purpose caseNumber } wantedVehicle(id: "wv-1") { priority camera { name } } }', {
      as: 'police-investigator', purpose: '도난차량 추적', caseNumber: '2026-서울-0042',
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        whoAmI: { subject: 'police-investigator-park', agency: 'police', purpose: '도난차량 추적', caseNumber: '2026-서울-0042' },
        wantedVehicle: { priority: 80, camera: { name: 'camera cam-1' } },
      },
    });
  });

  it('subgraphs refuse a request that does not come through the gateway', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const direct = await fetch(gateway.subgraphUrls.wanted ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await gateway.tokenFor('police-investigator')}` },
      body: JSON.stringify({ query: '{ whoAmI { subject } }' }),
    });
    expect(direct.status).toBe(401);
    expect(await direct.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'DS_AUTH_UNAUTHENTICATED', httpStatus: 401 } })] });
  });

  it('masks a resolver\'s plain Error as DS_INTERNAL: no message, stack, subgraph name or address', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph, cameraSubgraph] });
    const response = await gateway.query('{ failing }', { as: 'police-officer' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { failing: null },
      errors: [{ message: 'internal error', path: ['failing'], extensions: { code: 'DS_INTERNAL', httpStatus: 500 } }],
    });
    const subgraphPort = new URL(gateway.subgraphUrls.wanted ?? '').port;
    for (const secret of ['postgres', 's3cret', '10.0.0.7', 'wanted', 'serviceName', 'stacktrace', subgraphPort]) {
      expect(response.text).not.toContain(secret);
    }
  });

  it('a subgraph slower than its timeout is DS_SUBGRAPH_UNAVAILABLE on its fields alone', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph, cameraSubgraph], subgraphTimeoutMs: 300 });
    const started = Date.now();
    const response = await gateway.query('{ slow camera(id: "cam-9") { name } }', { as: 'police-officer' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(response.body.data).toEqual({ slow: null, camera: { name: 'camera cam-9' } });
    expect(response.body.errors).toEqual([
      { message: 'a subgraph did not answer', extensions: { code: 'DS_SUBGRAPH_UNAVAILABLE', httpStatus: 502 } },
    ]);
    expect(response.text).not.toContain(new URL(gateway.subgraphUrls.wanted ?? '').port);
  });

  it('a subgraph that is down is DS_SUBGRAPH_UNAVAILABLE too', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph, cameraSubgraph] });
    await gateway.stopSubgraph('camera');
    const response = await gateway.query('{ camera(id: "cam-1") { name } whoAmI { subject } }', { as: 'police-officer' });
    expect(response.body.data).toEqual({ camera: null, whoAmI: { subject: 'police-officer-kim' } });
    expect(response.body.errors).toEqual([
      { message: 'a subgraph did not answer', extensions: { code: 'DS_SUBGRAPH_UNAVAILABLE', httpStatus: 502 } },
    ]);
  });
});
