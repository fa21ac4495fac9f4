import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GraphQLError, getOperationAST, getVariableValues, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer } from 'ws';
import { statedPurpose, type RequestAccess } from '../../domain/access/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import {
  bearerToken, defaultAccessTokenTimeLimits, verifyAccessToken, type AccessTokenKey, type AccessTokenTimeLimits,
} from '../../runtime/identity/access-token.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { maskFormattedError } from '../../runtime/graphql/mask-error.js';
import { withoutSchemaHints } from '../../runtime/graphql/schema-hints.js';
import { refusalBody } from '../../runtime/graphql/subgraph-request.js';
import type { RunningHttpServer } from '../http/gateway-http-server.js';
import { deniedFields } from '../operation/denied-fields.js';
import { countTokens, mentionsIntrospection } from '../operation/scan-source.js';
import { alertAccessPolicy, buildAlertSchema, type RealtimeContext } from './alert-schema.js';
import type { AlertFeed, HitDecisionFeed } from './alert-feed.js';
import { recordSubscription, subscriptionAuditEntry } from './audit-subscription.js';

export const realtimePath = '/graphql';

/** graphql-ws closes with this when the token a connection was opened with expires. */
export const tokenExpiredCloseCode = 4401;

export interface RealtimeServerOptions {
  readonly publicKey: AccessTokenKey;
  readonly tokenTimeLimits?: AccessTokenTimeLimits;
  readonly feed: AlertFeed;
  /** Operators' hit decisions for `hitDecided`; absent, that subscription is refused. */
  readonly decisions?: HitDecisionFeed;
  /** No introspection and no schema suggestions in error messages. */
  readonly production?: boolean;
  readonly maxTokens?: number;
  readonly maxMessageBytes?: number;
  /** Subscriptions one connection may hold at once; each holds a queue of alerts. */
  readonly maxSubscriptionsPerConnection?: number;
  /** Every subscription, allowed or refused, is recorded here before any alert flows. */
  readonly audit?: AuditAppender;
}

/** What a client sends in `connectionParams`. */
interface ConnectionParams {
  readonly authorization?: unknown;
  readonly purpose?: unknown;
  readonly caseNumber?: unknown;
}

type RealtimeConnection = Context<Record<string, unknown> | undefined, Extra & Partial<Record<PropertyKey, never>>>;

const optionalText = (value: unknown): string | undefined | false => {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : false;
};

async function connectionAccess(params: ConnectionParams, publicKey: AccessTokenKey, limits: AccessTokenTimeLimits): Promise<RealtimeContext | undefined> {
  const token = bearerToken(typeof params.authorization === 'string' ? params.authorization : undefined);
  if (!token) return undefined;
  const purpose = optionalText(params.purpose);
  const caseNumber = optionalText(params.caseNumber);
  if (purpose === false || caseNumber === false) return undefined;
  try {
    // The same rules as the gateway's headers (NFC, no control or format characters, bounded); JSON needs no encoding.
    const access: RequestAccess = { identity: await verifyAccessToken(token, publicKey, limits), ...statedPurpose(purpose, caseNumber) };
    return { access, tokenExpiresAtMs: (decodeJwt(token).exp ?? 0) * 1000 };
  } catch {
    return undefined;
  }
}

/** graphql-ws reports an error thrown by the event stream wrapped in an uncoded one; the coded one is inside. */
const formatRealtimeError = (error: GraphQLError, production: boolean) => {
  const source = error.originalError instanceof GraphQLError ? error.originalError : error;
  const masked = maskFormattedError(source.toJSON(), source);
  const { code, httpStatus } = masked.extensions ?? {};
  return { ...masked, ...(production ? { message: withoutSchemaHints(masked.message) } : {}), extensions: { code, httpStatus } };
};

function subscriptionArguments(
  schema: GraphQLSchema, context: RealtimeContext, payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  options: { readonly maxTokens: number; readonly production: boolean },
): ExecutionArgs | GraphQLError[] {
  const { maxTokens } = options;
  if (countTokens(payload.query, maxTokens) > maxTokens) return [codedGraphQLError('DS_QUERY_TOO_MANY_TOKENS', `the document has more than ${maxTokens} tokens`)];
  if (options.production && mentionsIntrospection(payload.query)) return [codedGraphQLError('DS_INTROSPECTION_DISABLED', 'introspection is off in production')];
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [codedGraphQLError('DS_BAD_REQUEST', error instanceof Error ? error.message : 'the document does not parse')];
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) return invalid.map((error) => codedGraphQLError('DS_GRAPHQL_VALIDATION_FAILED', error.message));
  const operation = getOperationAST(document, payload.operationName);
  if (!operation) return [codedGraphQLError('DS_BAD_REQUEST', 'the document names no single operation to run')];
  // Coerced here, not left to graphql-ws: its own coercion error is uncoded (DS_INTERNAL, a stack in the log) and
  // comes after the subscription is recorded as allowed.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
  if (coerced.errors) return coerced.errors.map((error) => codedGraphQLError('DS_INVALID_INPUT', error.message));
  const { denied } = deniedFields(schema, document, operation, alertAccessPolicy, context.access, { maxFieldVisits: 1_000 });
  if (denied.length > 0) return denied.map((field) => codedGraphQLError(field.code, field.message));
  return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue: context };
}

/**
 * Real-time alerts over graphql-ws on a port of its own. A connection opens with the same access token as the
 * gateway (`connectionParams.authorization: 'Bearer …'`, plus `purpose` and `caseNumber`) or is closed 4403; a
 * subscription the caller's access does not allow is refused with a coded error; each event is authorised again
 * before delivery, and the connection closes 4401 when its token expires.
 */
export async function startRealtimeServer(options: RealtimeServerOptions, listen: { host: string; port: number }): Promise<RunningHttpServer> {
  const schema = buildAlertSchema(options.feed, options.decisions);
  const maxTokens = options.maxTokens ?? 500;
  const production = options.production ?? false;
  const tokenTimeLimits = options.tokenTimeLimits ?? defaultAccessTokenTimeLimits;
  const maxSubscriptions = options.maxSubscriptionsPerConnection ?? 20;
  const contexts = new WeakMap<RealtimeConnection, RealtimeContext>();
  const expiryTimers = new WeakMap<RealtimeConnection, NodeJS.Timeout>();

  const server = createServer((request, response) => {
    const ok = request.method === 'GET' && request.url === '/health';
    response.writeHead(ok ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' })
      .end(ok ? JSON.stringify({ status: 'ok', subscribers: options.feed.subscriberCount }) : refusalBody('DS_NOT_FOUND', `use a graphql-ws client on ${realtimePath}`));
  });
  const sockets = new WebSocketServer({ server, path: realtimePath, maxPayload: options.maxMessageBytes ?? 64 * 1024 });

  const closeAtExpiry = (connection: RealtimeConnection, expiresAtMs: number) => {
    // setTimeout holds at most ~24.8 days; a longer token is checked again when the timer fires.
    const delay = Math.min(Math.max(expiresAtMs - Date.now(), 0), 2 ** 31 - 1);
    expiryTimers.set(connection, setTimeout(() => {
      if (Date.now() < expiresAtMs) closeAtExpiry(connection, expiresAtMs);
      else connection.extra.socket.close(tokenExpiredCloseCode, 'DS_AUTH_TOKEN_EXPIRED');
    }, delay).unref());
  };

  const graphqlWs = useServer<Record<string, unknown> | undefined>({
    schema,
    // Internal error messages never go into close reasons.
    isProd: true,
    async onConnect(connection) {
      const context = await connectionAccess((connection.connectionParams ?? {}) as ConnectionParams, options.publicKey, tokenTimeLimits);
      if (!context) return false;
      contexts.set(connection, context);
      closeAtExpiry(connection, context.tokenExpiresAtMs);
      return true;
    },
    onClose(connection) {
      clearTimeout(expiryTimers.get(connection));
    },
    async onSubscribe(connection, _id, payload) {
      const context = contexts.get(connection);
      if (!context) return [codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'the connection carries no verified identity')];
      // graphql-ws has already entered this subscription in `subscriptions`.
      if (Object.keys(connection.subscriptions).length > maxSubscriptions) {
        return [codedGraphQLError('DS_RATE_LIMITED', `at most ${maxSubscriptions} subscriptions per connection`)];
      }
      const result = subscriptionArguments(schema, context, payload, { maxTokens, production });
      if (options.audit) {
        const entry = subscriptionAuditEntry(schema, context.access, payload.query, payload.operationName, Array.isArray(result) ? result : []);
        if (!(await recordSubscription(options.audit, entry))) {
          return [codedGraphQLError('DS_AUDIT_WRITE_FAILED', 'the subscription could not be recorded, so no alert is served')];
        }
      }
      return result;
    },
    onError: (_connection, _id, _payload, errors) => errors.map((error) => formatRealtimeError(error, production)),
    onNext: (_connection, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map((error) => formatRealtimeError(error, production)) } : undefined,
  }, sockets);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${listen.host.includes(':') ? `[${listen.host}]` : listen.host}:${port}`,
    async close() {
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
