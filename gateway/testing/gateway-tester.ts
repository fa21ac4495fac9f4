import { randomBytes } from 'node:crypto';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { accessPolicyFromSdl } from '../../domain/access/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import { startApolloSubgraph, type RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { importAccessTokenPublicKey } from '../../runtime/identity/access-token.js';
import { createDevIdentityProvider, generateDevKeyPair, type DevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUserNames, sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';
import { createGateway, type Gateway } from '../create-gateway.js';
import { caseNumberHeaderName, purposeHeaderName } from '../gateway-context.js';
import { gatewayPlugins } from '../gateway-plugins.js';
import { graphiqlResources } from '../http/graphiql-page.js';
import { devTokenPath } from '../http/dev-token-route.js';
import { graphqlPath, startGatewayHttpServer, type RunningHttpServer } from '../http/gateway-http-server.js';
import { defaultQueryLimits, type QueryLimits } from '../plugins/use-query-limits.js';
import type { RateLimitOptions } from '../plugins/use-rate-limit.js';
import type { TestSubgraph } from './test-subgraphs.js';

export interface GatewayTesterOptions {
  readonly subgraphs: readonly TestSubgraph[];
  /** SDLs whose `@access` rules the gateway enforces; by default the subgraphs' own. */
  readonly policySdl?: readonly string[];
  readonly production?: boolean;
  readonly limits?: Partial<QueryLimits>;
  readonly trustedDocuments?: Readonly<Record<string, string>>;
  readonly rateLimit?: RateLimitOptions;
  readonly subgraphTimeoutMs?: number;
  readonly bodyLimitBytes?: number;
  readonly graphiql?: boolean;
  readonly devIdentity?: boolean;
  /** Where the audit plugin records personal-data access; absent, the gateway runs without it. */
  readonly audit?: AuditAppender;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The JSON body (a GraphQL response, a refusal, a health report). */
  // Tests read arbitrary response shapes; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export interface QueryOptions {
  /** Sign in as this sample user; `token` sends a token as given; neither sends no Authorization header. */
  readonly as?: SampleUserName;
  readonly token?: string;
  readonly variables?: Record<string, unknown>;
  readonly purpose?: string;
  readonly caseNumber?: string;
  readonly extensions?: Record<string, unknown>;
}

export interface GatewayTester extends AsyncDisposable {
  readonly origin: string;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly identity: DevIdentityProvider;
  tokenFor(user: SampleUserName, options?: { ttlSeconds?: number }): Promise<string>;
  /** POST /graphql with one operation. */
  query(query: string | undefined, options?: QueryOptions): Promise<TestResponse>;
  /** A raw request to any path. */
  request(path: string, init?: RequestInit): Promise<TestResponse>;
  /**
   * A POST through node:http rather than fetch, for what fetch will not send: a Host of our choosing, a header
   * twice (an array), raw bytes in a header value (a latin1 string).
   */
  rawPost(path: string, headers: OutgoingHttpHeaders, body: string): Promise<TestResponse>;
  /** Stops one subgraph, as a crash would; the gateway keeps running. */
  stopSubgraph(name: string): Promise<void>;
}

async function rawPost(url: string, headers: OutgoingHttpHeaders, body: string): Promise<TestResponse> {
  const { status, responseHeaders, text } = await new Promise<{ status: number; responseHeaders: Headers; text: string }>((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') received.set(name, value);
        resolve({ status: response.statusCode ?? 0, responseHeaders: received, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
  return responseOf(new Response(text, { status, headers: responseHeaders }));
}

async function responseOf(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/**
 * An in-process gateway over small inline subgraphs: the subgraphs start on free ports with the project's own
 * subgraph server (identity header required), their SDL is composed into a supergraph here, and the gateway runs
 * with the same plugins, in the same order, as the gateway process. Dispose with `await using`.
 */
export async function createGatewayTester(options: GatewayTesterOptions): Promise<GatewayTester> {
  const identitySecret = randomBytes(32).toString('hex');
  const keys = await generateDevKeyPair();
  const identity = await createDevIdentityProvider(keys);
  const subgraphs: RunningSubgraph[] = [];
  let gateway: Gateway | undefined;
  let http: RunningHttpServer | undefined;
  const stopped = new Set<string>();
  const stopSubgraph = async (subgraph: RunningSubgraph) => {
    if (stopped.has(subgraph.name)) return;
    stopped.add(subgraph.name);
    await subgraph.close();
  };
  const dispose = async () => {
    await http?.close();
    await gateway?.stop();
    await Promise.all(subgraphs.map(stopSubgraph));
  };
  try {
    for (const subgraph of options.subgraphs) {
      subgraphs.push(await startApolloSubgraph({ name: subgraph.name, sdl: subgraph.sdl, identitySecret, resolvers: subgraph.resolvers }, { host: '127.0.0.1', port: 0 }));
    }
    const composition = composeServices(options.subgraphs.map((subgraph) => ({
      name: subgraph.name, url: `http://${subgraph.name}.subgraphs.test.invalid/graphql`, typeDefs: parse(subgraph.sdl),
    })));
    if (composition.errors) throw new Error(`test supergraph does not compose:\n${composition.errors.map((error) => error.message).join('\n')}`);
    const subgraphUrls = Object.fromEntries(subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
    const production = options.production ?? false;
    const policy = accessPolicyFromSdl(...(options.policySdl ?? options.subgraphs.map((subgraph) => subgraph.sdl)).map((sdl) => parse(sdl)));
    gateway = await createGateway({
      supergraphSdl: composition.supergraphSdl,
      subgraphUrls,
      identitySecret,
      subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5_000,
      production,
      plugins: gatewayPlugins({
        publicKey: await importAccessTokenPublicKey(keys.publicJwk),
        production,
        trustedDocuments: options.trustedDocuments ?? {},
        limits: { ...defaultQueryLimits, ...options.limits },
        policy,
        ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
        ...(options.audit ? { audit: { log: options.audit, supergraphSdl: composition.supergraphSdl } } : {}),
      }),
    });
    const graphiql = options.graphiql
      ? graphiqlResources({
        graphqlPath,
        ...(options.devIdentity ? { devTokenPath } : {}),
        devUsers: options.devIdentity ? sampleUserNames.map((name) => ({ name, label: `${name} (${sampleUsers[name].agency})` })) : [],
        purposeHeader: purposeHeaderName,
        caseNumberHeader: caseNumberHeaderName,
        contract: { supergraphSdl: composition.supergraphSdl, trustedDocuments: options.trustedDocuments ?? {}, policy },
        production,
      })
      : undefined;
    http = await startGatewayHttpServer({
      gateway,
      bodyLimitBytes: options.bodyLimitBytes ?? 64 * 1024,
      ...(graphiql ? { graphiql } : {}),
      ...(options.devIdentity ? { devIdentity: identity } : {}),
    }, { host: '127.0.0.1', port: 0 });
    const origin = http.origin;
    const tokenFor = (user: SampleUserName, tokenOptions: { ttlSeconds?: number } = {}) => identity.mintToken(sampleUsers[user], tokenOptions);
    return {
      origin,
      subgraphUrls,
      identity,
      tokenFor,
      async query(query, queryOptions = {}) {
        const token = queryOptions.token ?? (queryOptions.as ? await tokenFor(queryOptions.as) : undefined);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (token !== undefined) headers.authorization = `Bearer ${token}`;
        if (queryOptions.purpose !== undefined) headers[purposeHeaderName] = encodeURIComponent(queryOptions.purpose);
        if (queryOptions.caseNumber !== undefined) headers[caseNumberHeaderName] = encodeURIComponent(queryOptions.caseNumber);
        const body = { query, variables: queryOptions.variables, extensions: queryOptions.extensions };
        return responseOf(await fetch(`${origin}${graphqlPath}`, { method: 'POST', headers, body: JSON.stringify(body) }));
      },
      async request(path, init) {
        return responseOf(await fetch(`${origin}${path}`, init));
      },
      rawPost: (path, headers, body) => rawPost(`${origin}${path}`, headers, body),
      async stopSubgraph(name) {
        const subgraph = subgraphs.find((running) => running.name === name);
        if (!subgraph) throw new Error(`no test subgraph "${name}"`);
        await stopSubgraph(subgraph);
      },
      [Symbol.asyncDispose]: dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
