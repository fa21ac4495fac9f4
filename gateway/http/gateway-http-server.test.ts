import { describe, expect, it } from 'vitest';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

const json = (body: string, headers: Record<string, string> = {}) => ({
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body,
});
const refusedWith = (code: string, httpStatus: number) => ({ errors: [expect.objectContaining({ extensions: { code, httpStatus } })] });

describe('the gateway HTTP adapter', () => {
  it('answers GET /health', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.request('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('refuses a batch: 400 DS_BATCH_NOT_ALLOWED', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const token = await gateway.tokenFor('police-officer');
    const batch = JSON.stringify([{ query: '{ whoAmI { subject } }' }, { query: '{ whoAmI { agency } }' }]);
    const response = await gateway.request('/graphql', json(batch, { authorization: `Bearer ${token}` }));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_BATCH_NOT_ALLOWED', 400));
  });

  it('refuses a body over the limit: 413 DS_BODY_TOO_LARGE, declared or streamed', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], bodyLimitBytes: 64 * 1024 });
    const oversized = JSON.stringify({ query: `{ whoAmI { subject } } # ${'x'.repeat(70 * 1024)}` });
    const declared = await gateway.request('/graphql', json(oversized));
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual(refusedWith('DS_BODY_TOO_LARGE', 413));
    const chunks = new Blob([oversized]).stream();
    const streamed = await gateway.request('/graphql', { ...json(''), body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toEqual(refusedWith('DS_BODY_TOO_LARGE', 413));
  });

  it.each([
    ['a body that is not JSON', '{ whoAmI'],
    ['a body that is not an operation', '"{ whoAmI { subject } }"'],
    ['a query that is not a string', '{ "query": 42 }'],
  ])('refuses %s: 400 DS_BAD_REQUEST', async (_, body) => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.request('/graphql', json(body, { authorization: `Bearer ${await gateway.tokenFor('police-officer')}` }));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_BAD_REQUEST', 400));
  });

  it('takes GraphQL by POST only', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.request('/graphql?query=%7B__typename%7D');
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusedWith('DS_BAD_REQUEST', 400));
  });

  it('answers an unknown path 404 DS_NOT_FOUND, and has no dev token route unless asked to', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    for (const [path, init] of [['/nowhere', undefined], ['/dev/token', json('{"user":"police-investigator"}')], ['/graphiql', undefined]] as const) {
      const response = await gateway.request(path, init);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(refusedWith('DS_NOT_FOUND', 404));
    }
  });

  it('signs dev tokens for sample users when dev identity is on, and only for them', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], devIdentity: true });
    const minted = await gateway.request('/dev/token', json('{"user":"signals-engineer"}'));
    expect(minted.status).toBe(200);
    expect(minted.body).toEqual({ token: expect.any(String), user: 'signals-engineer', expiresInSeconds: 8 * 3600 });
    const response = await gateway.query('{ whoAmI { subject } }', { token: minted.body.token });
    expect(response.body).toEqual({ data: { whoAmI: { subject: 'signals-engineer-jung' } } });
    const unknown = await gateway.request('/dev/token', json('{"user":"mayor"}'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(refusedWith('DS_INVALID_INPUT', 400));
  });

  it('tags every GraphQL response with its request id', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('{ whoAmI { subject } }', { as: 'police-officer' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('finding 11: POST /dev/token mints nothing for a foreign Host or Origin, nor for a text/plain body', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], devIdentity: true });
    const port = new URL(gateway.origin).port;
    const body = '{"user":"police-investigator"}';
    const own = { 'content-type': 'application/json', host: `127.0.0.1:${port}` };
    for (const [headers, code, status] of [
      [{ ...own, host: `attacker.example:${port}` }, 'DS_FOREIGN_ORIGIN', 403],
      [{ ...own, host: '127.0.0.1:80' }, 'DS_FOREIGN_ORIGIN', 403],
      [{ ...own, origin: 'http://attacker.example' }, 'DS_FOREIGN_ORIGIN', 403],
      [{ ...own, origin: `http://attacker.example:${port}` }, 'DS_FOREIGN_ORIGIN', 403],
      [{ ...own, origin: 'null' }, 'DS_FOREIGN_ORIGIN', 403],
      [{ ...own, 'content-type': 'text/plain' }, 'DS_UNSUPPORTED_MEDIA_TYPE', 415],
      [{ host: own.host }, 'DS_UNSUPPORTED_MEDIA_TYPE', 415],
    ] as const) {
      const response = await gateway.rawPost('/dev/token', headers, body);
      expect({ headers, status: response.status, body: response.body }).toEqual({ headers, status, body: refusedWith(code, status) });
    }
    for (const headers of [own, { ...own, origin: `http://127.0.0.1:${port}` }, { ...own, host: `localhost:${port}`, origin: `http://localhost:${port}` }]) {
      expect((await gateway.rawPost('/dev/token', headers, body)).status).toBe(200);
    }
  });
});
