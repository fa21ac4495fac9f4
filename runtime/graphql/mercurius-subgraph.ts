import type { AddressInfo } from 'node:net';
import { buildFederationSchema } from '@mercuriusjs/federation';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { parse, type GraphQLError } from 'graphql';
import mercurius, { type IResolvers, type MercuriusLoaders } from 'mercurius';
import { accessPolicyFromSdl, type RequestAccess } from '../../domain/access/index.js';
import { enforceAccess } from './enforce-access.js';
import { maskFormattedError } from './mask-error.js';
import type { RunningSubgraph, SubgraphOptions } from './apollo-subgraph.js';
import { refusalOf, subgraphBodyLimitBytes, subgraphRequestAccess } from './subgraph-request.js';

export interface MercuriusSubgraphOptions<Context> extends SubgraphOptions<Context> {
  readonly resolvers: IResolvers;
  readonly loaders?: MercuriusLoaders;
}

const accessOfRequest = new WeakMap<FastifyRequest, RequestAccess>();


/**
 * A Fastify app serving a mercurius federation subgraph at /graphql, with the signed identity required on every
 * GraphQL request. Agencies add their non-GraphQL endpoints to the returned app before it listens.
 */
export async function createMercuriusSubgraph<Context extends object>(options: MercuriusSubgraphOptions<Context>): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: subgraphBodyLimitBytes, logger: false });
  app.get('/health', async () => ({ status: 'ok', subgraph: options.name }));
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    // mercurius's response schema types error path segments as strings, turning list indices into "0"; the
    // gateway maps entity errors back to client paths only from numeric indices, so serialise as plain JSON.
    reply.serializer((payload: unknown) => (typeof payload === 'string' ? payload : JSON.stringify(payload)));
    reply.type('application/json; charset=utf-8');
    try {
      accessOfRequest.set(request, await subgraphRequestAccess(request.headers, options.identitySecret));
    } catch (error) {
      const refusal = refusalOf(error);
      await reply.code(refusal.status).type('application/json').send(refusal.body);
    }
  });
  await app.register(mercurius, {
    schema: buildFederationSchema(options.sdl),
    resolvers: options.resolvers,
    ...(options.loaders ? { loaders: options.loaders } : {}),
    path: '/graphql',
    graphiql: false,
    allowBatchedQueries: false,
    context: async (request) => {
      const access = accessOfRequest.get(request);
      return { ...((await options.context?.({ ...(access ? { access } : {}) })) ?? {}), ...(access ? { access } : {}) };
    },
    errorFormatter: (execution, context) => {
      const formatted = mercurius.defaultErrorFormatter(execution, context);
      const errors = (execution.errors ?? []).flatMap((error: GraphQLError) => {
        // mercurius wraps the document's validation errors in one error; unwrap them as ours.
        const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
        if (Array.isArray(inner)) {
          return inner.map((validation: { message?: unknown }) => maskFormattedError(
            { message: String(validation.message ?? 'invalid document'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, validation,
          ));
        }
        return [maskFormattedError(error.toJSON(), error)];
      });
      return { statusCode: formatted.statusCode, response: { ...formatted.response, errors } };
    },
  });
  await app.after();
  enforceAccess(app.graphql.schema, accessPolicyFromSdl(parse(options.sdl)));
  return app;
}

/** Listens; an app that cannot listen is closed, so its stores' connections are released. */
export async function startMercuriusSubgraph(app: FastifyInstance, name: string, listen: { host: string; port: number }): Promise<RunningSubgraph> {
  try {
    await app.listen({ host: listen.host, port: listen.port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return { name, url: `http://${listen.host}:${port}/graphql`, close: () => app.close() };
}
