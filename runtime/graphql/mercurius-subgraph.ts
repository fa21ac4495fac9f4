import type { AddressInfo } from 'node:net';
import { buildFederationSchema } from '@mercuriusjs/federation';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { GraphQLError, parse, type ExecutionResult } from 'graphql';
import mercurius, { type IResolvers, type MercuriusContext, type MercuriusLoaders } from 'mercurius';
import { accessPolicyFromSdl, type RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { enforceAccess } from './enforce-access.js';
import { maskFormattedError } from './mask-error.js';
import type { RunningSubgraph, SubgraphOptions } from './apollo-subgraph.js';
import { createSubgraphGuard, refusalOf, subgraphBodyLimitBytes } from './subgraph-request.js';

export interface MercuriusSubgraphOptions<Context> extends SubgraphOptions<Context> {
  readonly resolvers: IResolvers;
  readonly loaders?: MercuriusLoaders;
}

const accessOfRequest = new WeakMap<FastifyRequest, RequestAccess>();
/** The exact bytes of a JSON body, which the identity header is bound to. */
const rawBodyOfRequest = new WeakMap<FastifyRequest, Buffer>();

/** Fastify's own refusals of a body (too large, not JSON, wrong media type) as registry codes, never DS_INTERNAL. */
function bodyRefusalOf(error: FastifyError): DongseonError | undefined {
  if (!error.code?.startsWith('FST_ERR_CTP_')) return undefined;
  return error.statusCode === 413
    ? new DongseonError('DS_BODY_TOO_LARGE', `request body exceeds ${subgraphBodyLimitBytes} bytes`)
    : new DongseonError('DS_BAD_REQUEST', 'request body is not a JSON GraphQL request');
}

function formatErrors(execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>, context: MercuriusContext) {
  const formatted = mercurius.defaultErrorFormatter(execution, context);
  const errors = execution.errors.flatMap((error: GraphQLError) => {
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
}

/** Answers with the refusal and returns the reply, which an async hook must return to end the request there. */
function refuse(reply: FastifyReply, error: unknown): FastifyReply {
  const refusal = refusalOf(error);
  return reply.code(refusal.status).type('application/json; charset=utf-8').serializer((payload: unknown) => String(payload)).send(refusal.body);
}

/**
 * A Fastify app serving a mercurius federation subgraph at exactly `POST /graphql` (signed identity bound to the
 * request required) and `GET /health`; every other request target is refused before any route answers it.
 */
export async function createMercuriusSubgraph<Context extends object>(options: MercuriusSubgraphOptions<Context>): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: subgraphBodyLimitBytes, logger: false });
  const guard = createSubgraphGuard(options);
  // Fastify routes a decoded, normalised target (`/%67raphql`, absolute-form `http://host/graphql`); the guard
  // looks at the raw one, on every request, the not-found route included.
  app.addHook('onRequest', async (request, reply) => {
    try {
      guard.routeOf(request.raw.method, request.raw.url);
      return undefined;
    } catch (error) {
      return refuse(reply, error);
    }
  });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    rawBodyOfRequest.set(request, body);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(new DongseonError('DS_BAD_REQUEST', 'request body is not JSON'), undefined);
    }
  });
  app.get('/health', async () => ({ status: 'ok', subgraph: options.name }));
  app.addHook('preHandler', async (request, reply) => {
    if (request.raw.url !== '/graphql') return undefined;
    // mercurius's response schema types error path segments as strings, turning list indices into "0"; the
    // gateway maps entity errors back to client paths only from numeric indices, so serialise as plain JSON.
    reply.serializer((payload: unknown) => (typeof payload === 'string' ? payload : JSON.stringify(payload)));
    reply.type('application/json; charset=utf-8');
    try {
      accessOfRequest.set(request, await guard.accessOf(request.headers, 'POST', rawBodyOfRequest.get(request) ?? ''));
      return undefined;
    } catch (error) {
      return refuse(reply, error);
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
    errorFormatter: formatErrors,
    errorHandler: async (error, request, reply) => {
      const refusal = error instanceof DongseonError ? error : bodyRefusalOf(error);
      if (refusal) return refuse(reply, refusal);
      const { statusCode, response } = formatErrors(
        { errors: [error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error })] },
        { reply, app } as unknown as MercuriusContext,
      );
      return reply.code(statusCode).send(response);
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
