import type { RequestAccess } from '../domain/access/index.js';

/** Per-request state of the gateway, built from the verified access token and the request's purpose headers. */
export interface GatewayContext {
  /** Absent only for requests the authentication plugin refuses before execution. */
  readonly access?: RequestAccess;
  /** A unique id of this request, echoed in logs and audit records. */
  readonly requestId: string;
}

/** Headers a client states its purpose with; required for personal data. */
export const purposeHeaderName = 'x-dongseon-purpose';
export const caseNumberHeaderName = 'x-dongseon-case-number';
