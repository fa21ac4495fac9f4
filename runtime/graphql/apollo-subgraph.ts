import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { accessPolicyFromSdl } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { enforceAccess, type AccessContext } from './enforce-access.js';
import { maskFormattedError } from './mask-error.js';
import type { IdentityNonceLedger } from '../identity/identity-nonce-ledger.js';
import { createSubgraphGuard, refusalOf, subgraphBodyLimitBytes } from './subgraph-request.js';

export interface SubgraphOptions<Context> {
  readonly name: string;
  readonly sdl: string;
  readonly identitySecret: string;
  /**
   * Where the nonces of accepted identity headers are kept until they expire. Replicas must share it (Redis);
   * without it, a bounded in-process ledger, which catches a replay on this replica only.
   */
  readonly identityNonces?: IdentityNonceLedger;
  /** Adds the subgraph's own per-request state (stores, loaders) to the verified access. */
  readonly context?: (access: AccessContext) => Context | Promise<Context>;
}

export interface RunningSubgraph {
  readonly name: string;
  readonly url: string;
  close(): Promise<void>;
}

export interface ApolloSubgraphOptions<Context> extends SubgraphOptions<Context> {
  // Apollo's resolver map type is loose by design; codegen types the subgraph's own resolvers.
  readonly resolvers: GraphQLResolverMap<Context & AccessContext>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > subgraphBodyLimitBytes) throw new DongseonError('DS_BODY_TOO_LARGE', `request body exceeds ${subgraphBodyLimitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseJsonBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (Array.isArray(body)) throw new DongseonError('DS_BATCH_NOT_ALLOWED', 'batched operations are not accepted');
    return body;
  } catch (error) {
    if (error instanceof DongseonError) throw error;
    throw new DongseonError('DS_BAD_REQUEST', 'request body is not JSON');
  }
}

/**
 * An Apollo Server subgraph behind our own small HTTP adapter: exactly `POST /graphql` and `GET /health`, body limit,
 * no batching, a signed identity bound to the request required.
 */
export async function startApolloSubgraph<Context extends object>(
  options: ApolloSubgraphOptions<Context>, listen: { host: string; port: number },
): Promise<RunningSubgraph> {
  const typeDefs = parse(options.sdl);
  const schema = enforceAccess(buildSubgraphSchema({ typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }), accessPolicyFromSdl(typeDefs));
  const apollo = new ApolloServer<Context & AccessContext>({
    schema,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, original) => maskFormattedError(formatted, original),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const guard = createSubgraphGuard(options);
  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        if (guard.routeOf(request.method, request.url) === 'health') {
          response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok', subgraph: options.name }));
          return;
        }
        const raw = await readBody(request);
        const access = await guard.accessOf(request.headers, 'POST', raw);
        const body = parseJsonBody(raw.toString('utf8'));
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(request.headers)) {
          if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        const result = await apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', headers, search: '', body },
          context: async () => ({ ...((await options.context?.({ access })) ?? ({} as Context)), access }),
        });
        for (const [key, value] of result.headers) response.setHeader(key, value);
        response.statusCode = result.status ?? 200;
        if (result.body.kind === 'complete') {
          response.end(result.body.string);
          return;
        }
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      } catch (error) {
        const refusal = refusalOf(error);
        // A refusal before the body was read leaves it on the connection, where it would be taken for the next request.
        if (!response.headersSent) response.writeHead(refusal.status, { 'content-type': 'application/json', ...(request.complete ? {} : { connection: 'close' }) });
        response.end(refusal.body);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: options.name,
    url: `http://${listen.host}:${port}/graphql`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}
