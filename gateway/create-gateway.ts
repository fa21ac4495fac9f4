import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import {
  ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { DongseonError } from '../domain/errors/index.js';
import { formatGatewayError } from './format-gateway-error.js';
import type { GatewayContext } from './gateway-context.js';
import { readGraphQLParams, type GatewayPlugin, type GatewayRequest } from './gateway-plugin.js';
import { refusalResponse } from './refusal.js';
import { SignedIdentityDataSource } from './signed-identity-data-source.js';

export interface GatewayOptions {
  /** A composed, static supergraph; its routing URLs are placeholders. */
  readonly supergraphSdl: string;
  /** Where each subgraph named in the supergraph really is. */
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Signs the identity header subgraphs verify (at least 32 bytes). */
  readonly identitySecret: string;
  readonly subgraphTimeoutMs: number;
  readonly production: boolean;
  /** In the order their `onRequest` hooks refuse. */
  readonly plugins: readonly GatewayPlugin[];
}

export interface GatewayHttpRequest {
  readonly requestId: string;
  readonly headers: HeaderMap;
  /** The parsed JSON body of a POST. */
  readonly body: unknown;
  /** Header names the request carries more than once. */
  readonly repeatedHeaders?: ReadonlySet<string>;
}

export interface Gateway {
  /** One GraphQL request: the plugins' request stage, then Apollo Server. Refusals come back as responses. */
  execute(request: GatewayHttpRequest): Promise<HTTPGraphQLResponse>;
  stop(): Promise<void>;
}

/**
 * The regional gateway: @apollo/gateway over a static supergraph on Apollo Server, started. No batching, no stack
 * traces, errors masked to registry codes, no introspection and no schema hints in production, nothing reported
 * to Apollo, and no landing page (GraphiQL is served locally by the HTTP adapter).
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  // Read by ApolloGateway's constructor; without it the gateway exports usage metrics to Apollo.
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new DongseonError('DS_CONFIG_INVALID', `no URL is configured for subgraph "${name}"`);
      return new SignedIdentityDataSource({ name, url, identitySecret: options.identitySecret, timeoutMs: options.subgraphTimeoutMs });
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    persistedQueries: false,
    formatError: (formatted, original) => formatGatewayError(formatted, original, { production: options.production }),
    plugins: [
      ...options.plugins,
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  });
  await apollo.start();
  const requestStage = options.plugins.filter((plugin) => plugin.onRequest);

  return {
    async execute({ requestId, headers, body, repeatedHeaders }) {
      let request: GatewayRequest;
      try {
        request = { requestId, headers, params: readGraphQLParams(body), ...(repeatedHeaders ? { repeatedHeaders } : {}) };
        for (const plugin of requestStage) await plugin.onRequest?.(request);
      } catch (error) {
        return refusalResponse(error);
      }
      const context: GatewayContext = {
        requestId,
        ...(request.access ? { access: request.access } : {}),
        ...(request.deferredRefusal !== undefined ? { deferredRefusal: request.deferredRefusal } : {}),
      };
      return apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: request.params },
        context: async () => context,
      });
    },
    stop: () => apollo.stop(),
  };
}
