import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError, errorCodes, type ErrorCode } from '../../domain/errors/index.js';
import { identityHeaderName, verifyIdentityHeader } from '../identity/identity-header.js';
import { inProcessIdentityNonceLedger, type IdentityNonceLedger } from '../identity/identity-nonce-ledger.js';

/** Largest request body a subgraph accepts; the gateway's limit is lower still. */
export const subgraphBodyLimitBytes = 1024 * 1024;

/** The two request targets a subgraph serves: GraphQL (signed identity required) and an open health check. */
export type SubgraphRoute = 'graphql' | 'health';
export const subgraphGraphqlPath = '/graphql';
const healthPath = '/health';

export interface SubgraphGuardOptions {
  /** The subgraph's name, the audience its identity headers are signed for. */
  readonly name: string;
  readonly identitySecret: string;
  /** Where accepted nonces are kept; replicas must share it. A bounded in-process ledger unless given. */
  readonly identityNonces?: IdentityNonceLedger;
}

export interface SubgraphGuard {
  /**
   * The route of a raw request target, compared byte for byte before any router decodes, normalises or resolves it:
   * `/%67raphql`, `/GRAPHQL`, `//graphql`, `/graphql/`, `/graphql;x`, `/graphql?…`, `http://host/graphql` are no
   * route (DS_NOT_FOUND), GraphQL is POST only and health GET only (DS_BAD_REQUEST).
   */
  routeOf(method: string | undefined, target: string | undefined): SubgraphRoute;
  /** The verified identity of a GraphQL request, its header bound to this method, path and body and used once. */
  accessOf(headers: Record<string, string | string[] | undefined>, method: string, body: string | Uint8Array): Promise<RequestAccess>;
}

/** The one check every subgraph, mercurius or Apollo, runs on every request before anything else answers it. */
export function createSubgraphGuard(options: SubgraphGuardOptions): SubgraphGuard {
  const nonces = options.identityNonces ?? inProcessIdentityNonceLedger();
  return {
    routeOf(method, target) {
      if (target === subgraphGraphqlPath) {
        if (method === 'POST') return 'graphql';
        throw new DongseonError('DS_BAD_REQUEST', 'GraphQL is served over POST only');
      }
      if (target === healthPath) {
        if (method === 'GET') return 'health';
        throw new DongseonError('DS_BAD_REQUEST', 'health is served over GET only');
      }
      throw new DongseonError('DS_NOT_FOUND', 'no such route');
    },
    async accessOf(headers, method, body) {
      const header = headers[identityHeaderName];
      if (Array.isArray(header)) throw new DongseonError('DS_AUTH_UNAUTHENTICATED', `more than one ${identityHeaderName} header`);
      return verifyIdentityHeader(header, options.identitySecret, { subgraph: options.name, method, path: subgraphGraphqlPath, body }, nonces);
    },
  };
}

/** The JSON body of an HTTP-level refusal, shaped like a GraphQL response so every client can read it. */
export function refusalBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, httpStatus: errorCodes[code].httpStatus } }] });
}

export function refusalOf(error: unknown): { status: number; body: string } {
  if (error instanceof DongseonError) return { status: error.httpStatus, body: refusalBody(error.code, error.message) };
  return { status: 500, body: refusalBody('DS_INTERNAL', 'internal error') };
}
