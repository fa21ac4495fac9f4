import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Headers } from 'node-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestAccess } from '../domain/access/index.js';
import { identityHeaderName, verifyIdentityHeader } from '../runtime/identity/identity-header.js';
import { inProcessIdentityNonceLedger } from '../runtime/identity/identity-nonce-ledger.js';
import { sampleUsers } from '../runtime/identity/sample-users.js';
import type { GatewayContext } from './gateway-context.js';
import { SignedIdentityDataSource } from './signed-identity-data-source.js';

const secret = 'a-test-secret-of-at-least-32-bytes-long';
const access: RequestAccess = { identity: sampleUsers['police-investigator'] };
const received: { headers: IncomingHttpHeaders; body: string; url: string | undefined }[] = [];
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), url: request.url });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"whoAmI":"x"}}');
  });
});
let url: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const fetchOnce = (source: SignedIdentityDataSource, query: string) => source.process({
  kind: 'incoming operation',
  request: { query, http: { url, method: 'POST', headers: new Headers() } },
  context: { access } as GatewayContext,
  incomingRequestContext: {},
} as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);

describe('SignedIdentityDataSource', () => {
  it('finding 4(b): signs every subgraph fetch with a header of its own, bound to the body it sends', async () => {
    const source = new SignedIdentityDataSource({ name: 'police', url, identitySecret: secret, timeoutMs: 5_000 });
    received.length = 0;
    await Promise.all([fetchOnce(source, '{ whoAmI }'), fetchOnce(source, '{ whoAmI }'), fetchOnce(source, '{ whoAmI __typename }')]);
    expect(received).toHaveLength(3);
    const nonces = inProcessIdentityNonceLedger();
    const headers = received.map((request) => request.headers[identityHeaderName] as string);
    expect(new Set(headers).size).toBe(3);
    for (const request of received) {
      const target = { subgraph: 'police', method: 'POST', path: request.url ?? '', body: request.body };
      expect(await verifyIdentityHeader(request.headers[identityHeaderName] as string, secret, target, nonces)).toEqual(access);
    }
  });
});
