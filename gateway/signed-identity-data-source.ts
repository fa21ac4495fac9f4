import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
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

// Node's own fetch, not Apollo's default client, so an AbortSignal bounds the whole exchange, body included.
const timedFetcher = (timeoutMs: number): Fetcher =>
  ((url: string, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;

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
    super({ url: options.url, fetcher: timedFetcher(options.timeoutMs) });
    this.#options = options;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!context.access) throw codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'no verified identity to forward');
    request.http?.headers.set(identityHeaderName, await signIdentityHeader(context.access, this.#options.identitySecret));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError && !isUnavailableStatus(error)) throw error;
      const log = this.#options.log ?? console.error;
      log(`[DS_SUBGRAPH_UNAVAILABLE] ${this.#options.name}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      throw codedGraphQLError('DS_SUBGRAPH_UNAVAILABLE', 'a subgraph did not answer');
    }
  }
}
