import type { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { z } from 'zod';
import type { RequestAccess } from '../domain/access/index.js';
import { DongseonError } from '../domain/errors/index.js';
import type { GatewayContext } from './gateway-context.js';

const graphqlParamsSchema = z.object({
  query: z.string().optional(),
  operationName: z.string().nullable().optional(),
  variables: z.record(z.string(), z.unknown()).nullable().optional(),
  extensions: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** The parameters of one GraphQL operation, as a client POSTs them. */
export type GraphQLParams = z.infer<typeof graphqlParamsSchema>;

export function readGraphQLParams(body: unknown): GraphQLParams {
  const params = graphqlParamsSchema.safeParse(body);
  if (!params.success) throw new DongseonError('DS_BAD_REQUEST', 'expected a JSON object with query, operationName, variables and extensions');
  return params.data;
}

/** A request as gateway plugins see it before Apollo Server parses anything. */
export interface GatewayRequest {
  readonly requestId: string;
  readonly headers: HeaderMap;
  /** A plugin may rewrite them (trusted documents resolve a hash to its document). */
  params: GraphQLParams;
  /** Header names the request carries more than once (their values arrive joined with a comma). */
  readonly repeatedHeaders?: ReadonlySet<string>;
  /** Set by authentication; becomes the context's `access`. */
  access?: RequestAccess;
  /** A refusal that waits until the operation is known (see the context's `deferredRefusal`). */
  deferredRefusal?: unknown;
}

/**
 * A gateway feature. Apollo Server runs every plugin's `requestDidStart` at once and answers an error thrown there
 * with a bare 500, so refusals that must come before parsing live in `onRequest`: the gateway runs those one
 * after another, in the order listed, and the first refusal answers the request with its code's HTTP status.
 * After that it is an ordinary Apollo Server plugin.
 */
export interface GatewayPlugin extends ApolloServerPlugin<GatewayContext> {
  onRequest?(request: GatewayRequest): Promise<void> | void;
}
