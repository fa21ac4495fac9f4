import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { DongseonError } from '../../domain/errors/index.js';
import type { DevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { refusalOf } from '../../runtime/graphql/subgraph-request.js';
import { logText } from '../../runtime/logging/log-text.js';
import type { Gateway } from '../create-gateway.js';
import { checkDevTokenRequest, devTokenPath, mintDevToken } from './dev-token-route.js';
import type { StaticResource } from './graphiql-page.js';
import { readJsonBody } from './read-json-body.js';

export const graphqlPath = '/graphql';
const healthPath = '/health';
const requestIdHeaderName = 'x-request-id';

export interface GatewayHttpOptions {
  readonly gateway: Gateway;
  readonly bodyLimitBytes: number;
  /** GraphiQL's page and assets by path; absent, GraphiQL is not served. */
  readonly graphiql?: ReadonlyMap<string, StaticResource>;
  /** The operations console's built files by path (gateway/http/console-files.ts); absent, no console is served. */
  readonly console?: ReadonlyMap<string, StaticResource>;
  /** Signs dev tokens at POST /dev/token; absent, the route does not exist. */
  readonly devIdentity?: DevIdentityProvider;
}

export interface RunningHttpServer {
  /** e.g. http://127.0.0.1:4000 */
  readonly origin: string;
  close(): Promise<void>;
}

const commonHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...commonHeaders, 'content-type': 'application/json; charset=utf-8', ...headers }).end(body);
}

function sendRefusal(response: ServerResponse, error: unknown): void {
  if (!(error instanceof DongseonError)) console.error(`[DS_INTERNAL] gateway HTTP adapter: ${logText(error, 4_000)}`);
  const refusal = refusalOf(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // A body refused half-read leaves the rest of it on the socket: close the connection after answering.
  sendJson(response, refusal.status, refusal.body, refusal.status === 413 ? { connection: 'close' } : {});
}

async function serveGraphQL(options: GatewayHttpOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method?.toUpperCase() !== 'POST') throw new DongseonError('DS_BAD_REQUEST', `POST one operation as JSON to ${graphqlPath}`);
  const body = await readJsonBody(request, options.bodyLimitBytes);
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const repeatedHeaders = new Set(Object.entries(request.headersDistinct).filter(([, values]) => (values?.length ?? 0) > 1).map(([name]) => name));
  const requestId = randomUUID();
  const result = await options.gateway.execute({ requestId, headers, body, repeatedHeaders });
  response.statusCode = result.status ?? 200;
  for (const [name, value] of Object.entries(commonHeaders)) response.setHeader(name, value);
  for (const [name, value] of result.headers) response.setHeader(name, value);
  response.setHeader(requestIdHeaderName, requestId);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

async function serveDevToken(provider: DevIdentityProvider, options: GatewayHttpOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  checkDevTokenRequest({
    host: request.headers.host, origin: request.headers.origin, contentType: request.headers['content-type'], localPort: request.socket.localPort ?? 0,
  });
  const token = await mintDevToken(await readJsonBody(request, options.bodyLimitBytes), provider);
  sendJson(response, 200, JSON.stringify(token), { 'cache-control': 'no-store' });
}

/**
 * The gateway's own small HTTP adapter (no framework): GraphQL at POST /graphql, after the body limit and the
 * batching refusal; GET /health; GraphiQL and its local assets; the dev token route when enabled.
 */
export function gatewayRequestListener(options: GatewayHttpOptions): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://gateway.invalid');
        const method = request.method?.toUpperCase();
        if (url.pathname === graphqlPath) return await serveGraphQL(options, request, response);
        if (method === 'GET' && url.pathname === healthPath) return sendJson(response, 200, JSON.stringify({ status: 'ok' }));
        const resource = method === 'GET' ? options.graphiql?.get(url.pathname) ?? options.console?.get(url.pathname) : undefined;
        if (resource) {
          response.writeHead(200, { ...commonHeaders, 'content-type': resource.contentType, ...resource.headers }).end(resource.body);
          return;
        }
        if (options.devIdentity && method === 'POST' && url.pathname === devTokenPath) {
          return await serveDevToken(options.devIdentity, options, request, response);
        }
        throw new DongseonError('DS_NOT_FOUND', `no ${method ?? ''} ${url.pathname} here`);
      } catch (error) {
        sendRefusal(response, error);
      }
    })();
  };
}

export async function startGatewayHttpServer(options: GatewayHttpOptions, listen: { host: string; port: number }): Promise<RunningHttpServer> {
  const server = createServer(gatewayRequestListener(options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    },
  };
}
