import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { RequestAccess } from '../domain/access/index.js';
import { identityHeaderName, signIdentityHeader } from '../runtime/identity/identity-header.js';
import { codedGraphQLError } from '../runtime/graphql/coded-graphql-error.js';
import type { GatewayContext } from './gateway-context.js';

export interface SubgraphSourceOptions {
  readonly name: string;
  readonly url: string;
  readonly identitySecret: string;
  /** The longest one subgraph request may take, body included. */
  readonly timeoutMs: number;
  readonly log?: (line: string) => void;
}

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** The caller whose subgraph request is being sent, for the fetcher, which Apollo calls without the context. */
const callerOfFetch = new AsyncLocalStorage<RequestAccess>();

/**
 * Node's own fetch, not Apollo's default client, so an AbortSignal bounds the whole exchange, body included. The
 * identity header is signed here, at the last moment, over the exact method, path and body sent, with a fresh
 * nonce: every fetch (a retry or an APQ second attempt too) carries a header of its own, accepted once.
 */
const signingFetcher = (options: SubgraphSourceOptions): Fetcher =>
  (async (url: string, init: RequestInit = {}) => {
    const access = callerOfFetch.getStore();
    if (!access) throw codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'no verified identity to forward');
    const body = typeof init.body === 'string' ? init.body : '';
    const header = await signIdentityHeader(access, options.identitySecret, {
      subgraph: options.name, method: init.method ?? 'POST', path: new URL(url).pathname, body,
    });
    return fetch(url, {
      ...init, headers: { ...(init.headers as Record<string, string>), [identityHeaderName]: header }, signal: AbortSignal.timeout(options.timeoutMs),
    });
  }) as unknown as Fetcher;

/** A subgraph answered at the HTTP level that it cannot serve now (as opposed to refusing the request). */
const isUnavailableStatus = (error: GraphQLError) => {
  const status = (error.extensions.response as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && [502, 503, 504].includes(status);
};

/**
 * A subgraph as the gateway calls it: every request carries the gateway-signed identity of the caller (the
 * client's token never travels further), and a subgraph that does not answer within the timeout, or at all,
 * becomes DS_SUBGRAPH_UNAVAILABLE on the fields it owns, without naming the subgraph or its address.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #options: SubgraphSourceOptions;

  constructor(options: SubgraphSourceOptions) {
    super({ url: options.url, fetcher: signingFetcher(options) });
    this.#options = options;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const access = options.context.access;
    if (!access) throw codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'no verified identity to forward');
    try {
      return await callerOfFetch.run(access, () => super.process(options));
    } catch (error) {
      if (error instanceof GraphQLError && !isUnavailableStatus(error)) throw error;
      const log = this.#options.log ?? console.error;
      log(`[DS_SUBGRAPH_UNAVAILABLE] ${this.#options.name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      throw codedGraphQLError('DS_SUBGRAPH_UNAVAILABLE', 'a subgraph did not answer');
    }
  }
}
