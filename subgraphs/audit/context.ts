import type { AccessContext } from '../../runtime/graphql/enforce-access.js';

/** What every audit resolver receives: the verified request access and where the log it reads lies. */
export type AuditContext = AccessContext & {
  /** The gateway's audit log directory, read only. */
  readonly auditDir: string;
};
