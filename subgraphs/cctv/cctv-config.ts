import { z } from 'zod';
import { municipalityIdSchema } from '../../domain/municipality/municipality-id.js';
import { loadConfig, portVariable, urlVariable } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';
import { historySigningJwkVariable, importHistorySearchKey } from '../../runtime/identity/history-search-token.js';
import type { EdgeHistoryOptions } from './edge-history-client.js';
import { neo4jVariables } from '../../stores/neo4j/neo4j-connection.js';

const edgeUrlsVariable = z.string().transform((text, context) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    context.addIssue({ code: 'custom', message: 'expected JSON {"<municipality id>": "http://edge-host:port"}' });
    return z.NEVER;
  }
}).pipe(z.record(
  municipalityIdSchema,
  urlVariable(['http', 'https']),
));

/** The environment of the cctv subgraph process. */
export function cctvConfigSchema(env: Record<string, string | undefined>) {
  return z.object({
    DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
    DS_CCTV_HOST: z.string().min(1).default('127.0.0.1'),
    DS_CCTV_PORT: portVariable.default(4101),
    ...neo4jVariables(env),
    /** The edge node of each municipality the history search asks; without it, history search is off. */
    DS_CCTV_EDGE_URLS: edgeUrlsVariable.optional(),
    /** The private JWK history searches are signed with; each edge node holds the public half. */
    DS_CCTV_HISTORY_SIGNING_JWK: historySigningJwkVariable.optional(),
    /** How long one edge node may take to answer; below the gateway's subgraph timeout, so a slow edge makes a partial answer. */
    DS_CCTV_EDGE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  }).refine((config) => config.DS_CCTV_EDGE_URLS === undefined || config.DS_CCTV_HISTORY_SIGNING_JWK !== undefined, {
    message: 'required with DS_CCTV_EDGE_URLS: the private JWK history searches are signed with', path: ['DS_CCTV_HISTORY_SIGNING_JWK'],
  });
}

export type CctvConfig = z.infer<ReturnType<typeof cctvConfigSchema>>;

export function loadCctvConfig(env: Record<string, string | undefined> = process.env): CctvConfig {
  return loadConfig('cctv subgraph', cctvConfigSchema(env), env);
}

/** The history search's edge nodes and signing key, or undefined when history search is off. */
export async function edgeHistoryOptionsOf(config: CctvConfig): Promise<EdgeHistoryOptions | undefined> {
  if (config.DS_CCTV_EDGE_URLS === undefined || config.DS_CCTV_HISTORY_SIGNING_JWK === undefined) return undefined;
  return {
    edges: Object.entries(config.DS_CCTV_EDGE_URLS).map(([municipalityId, url]) => ({ municipalityId, url })),
    signingKey: await importHistorySearchKey(config.DS_CCTV_HISTORY_SIGNING_JWK),
    timeoutMs: config.DS_CCTV_EDGE_TIMEOUT_MS,
  };
}
