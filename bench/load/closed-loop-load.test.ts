import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, runClosedLoopLoad } from './closed-loop-load.js';

describe('problemOf', () => {
  it.each([
    [200, '{"data":{"camera":{"id":"cam-1"}}}', undefined],
    [200, '{"data":{"camera":{"name":"\\"errors\\": in a name"}}}', undefined],
    [200, '{"errors":[{"message":"no"}],"data":null}', 'GraphQL errors'],
    [200, '{"data":{"camera":null},"errors":[{"message":"no"}]}', 'GraphQL errors'],
    [401, '{"errors":[{"message":"who?"}]}', 'HTTP 401'],
    [undefined, '', 'HTTP (none)'],
  ])('status %s with %s: %s', (status, body, expected) => {
    const problem = problemOf(status, body);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });
});

describe('runClosedLoopLoad', () => {
  let url: string;
  let answered = 0;
  let openSockets = 0;
  let inFlight = 0;
  let mostInFlight = 0;
  const server = createServer((request, response) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    request.resume().on('end', () => setTimeout(() => {
      inFlight--;
      answered++;
      // Every fifth answer fails: the load counts it and leaves it out of throughput and latency.
      response.writeHead(answered % 5 === 0 ? 500 : 200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
    }, 2));
  });
  server.on('connection', () => { openSockets++; });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('keeps exactly `concurrency` requests in flight on reused sockets and counts failures apart', async () => {
    const result = await runClosedLoopLoad({ urls: [url], body: '{"query":"{ ok }"}', headers: () => ({}) }, { concurrency: 4, warmupSeconds: 0.1, measureSeconds: 0.4 });
    expect(mostInFlight).toBe(4);
    expect(openSockets).toBe(4);
    expect(result.requests).toBe(answered);
    expect(result.failures).toBe(Math.floor(answered / 5));
    expect(result.firstFailure).toContain('HTTP 500');
    expect(result.latency.count).toBe(Math.round(result.rps * 0.4));
    expect(result.latency.count).toBeLessThan(result.requests - result.failures);
    expect(result.latency.p50Ms).toBeGreaterThanOrEqual(2);
  });
});
