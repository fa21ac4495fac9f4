import type { RequestAccess } from '../domain/access/index.js';

/** Per-request state of the gateway, built from the verified access token and the request's purpose headers. */
export interface GatewayContext {
  /** Absent only for requests the authentication plugin refuses before execution. */
  readonly access?: RequestAccess;
  /** A unique id of this request, echoed in logs and audit records. */
  readonly requestId: string;
  /**
   * A refusal of a known caller (a malformed purpose or case number) that is thrown once the operation is
   * resolved rather than before, so that the audit log records it when the operation asks for personal data.
   */
  readonly deferredRefusal?: unknown;
}

/** Headers a client states its purpose with; required for personal data. */
export const purposeHeaderName = 'x-dongseon-purpose';
export const caseNumberHeaderName = 'x-dongseon-case-number';
