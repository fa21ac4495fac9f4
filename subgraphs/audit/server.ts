import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { startApolloSubgraph, type ApolloSubgraphOptions, type RunningSubgraph } from '../../runtime/graphql/apollo-subgraph.js';
import { redisIdentityNonceLedger } from '../../runtime/identity/identity-nonce-ledger.js';
import type { AuditContext } from './context.js';
import { auditResolvers } from './resolvers.js';

export interface AuditSubgraphOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly identitySecret: string;
  /** The gateway's audit log directory (`DS_AUDIT_DIR`), read only. */
  readonly auditDir: string;
  /** Keeps the nonces of accepted identity headers; the caller closes it after the subgraph. Absent: in process only. */
  readonly redis?: Redis;
}

const auditSdl = () => readFileSync(new URL('../../schema/audit.graphql', import.meta.url), 'utf8');

/** Serves the audit subgraph: the gateway's audit log, its records and its chain's verification, to supervisors. */
export async function startAuditSubgraph(options: AuditSubgraphOptions): Promise<RunningSubgraph> {
  return startApolloSubgraph<AuditContext>({
    name: 'audit',
    sdl: auditSdl(),
    identitySecret: options.identitySecret,
    ...(options.redis ? { identityNonces: redisIdentityNonceLedger(options.redis, 'ds:identity-nonce:audit:') } : {}),
    resolvers: auditResolvers as ApolloSubgraphOptions<AuditContext>['resolvers'],
    context: (access) => ({ ...access, auditDir: options.auditDir }),
  }, { host: options.host, port: options.port });
}
