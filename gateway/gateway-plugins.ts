import type { AccessPolicy } from '../domain/access/index.js';
import type { AuditAppender } from '../runtime/audit/open-audit-log.js';
import type { AccessTokenKey, AccessTokenTimeLimits } from '../runtime/identity/access-token.js';
import type { GatewayPlugin } from './gateway-plugin.js';
import { useAccessRedaction } from './plugins/use-access-redaction.js';
import { useAuditLog } from './plugins/use-audit-log.js';
import { useAuthentication } from './plugins/use-authentication.js';
import { useOperationSelection } from './plugins/use-operation-selection.js';
import { useQueryLimits, type QueryLimits } from './plugins/use-query-limits.js';
import { useRateLimit, type RateLimitOptions } from './plugins/use-rate-limit.js';
import { useRefusalStatus } from './plugins/use-refusal-status.js';
import { useTrustedDocuments } from './plugins/use-trusted-documents.js';

export interface GatewayPluginOptions {
  readonly publicKey: AccessTokenKey;
  /** The issue-time and lifetime limits of access tokens; the defaults when absent. */
  readonly tokenTimeLimits?: AccessTokenTimeLimits;
  readonly production: boolean;
  /** sha256 → document (operations/trusted-documents.json); enforced in production. */
  readonly trustedDocuments: Readonly<Record<string, string>>;
  readonly limits: QueryLimits;
  readonly policy: AccessPolicy;
  /** Absent only where no Redis is at hand (unit tests); the gateway process always passes one. */
  readonly rateLimit?: RateLimitOptions;
  /** Where personal-data access is recorded; absent only in unit tests of other plugins. */
  readonly audit?: { readonly log: AuditAppender; readonly supergraphSdl: string };
}

/**
 * The gateway's plugins in the order they refuse a request: who is asking, how often their agency asks, whether
 * the document is trusted, which of its operations runs, how much it asks for. Then, around execution: redaction
 * of denied fields and the HTTP status of refusals, with every personal-data access recorded in the audit log.
 */
export function gatewayPlugins(options: GatewayPluginOptions): GatewayPlugin[] {
  return [
    useAuthentication({ publicKey: options.publicKey, ...(options.tokenTimeLimits ? { tokenTimeLimits: options.tokenTimeLimits } : {}) }),
    ...(options.rateLimit ? [useRateLimit(options.rateLimit)] : []),
    useTrustedDocuments({ documents: options.trustedDocuments, enforce: options.production, allowIntrospection: !options.production }),
    useOperationSelection(),
    useQueryLimits(options.limits),
    useAccessRedaction({ policy: options.policy }),
    // After redaction, so the recorded decision includes the denials redaction added.
    ...(options.audit ? [useAuditLog({ log: options.audit.log, policy: options.policy, supergraphSdl: options.audit.supergraphSdl })] : []),
    useRefusalStatus(),
  ];
}
