import type { RequestAccess } from '../../domain/access/index.js';
import { DongseonError, errorCodes, type ErrorCode } from '../../domain/errors/index.js';
import { identityHeaderName, verifyIdentityHeader } from '../identity/identity-header.js';

/** Largest request body a subgraph accepts; the gateway's limit is lower still. */
export const subgraphBodyLimitBytes = 1024 * 1024;

/** Verifies the gateway-signed identity of a subgraph request: no identity, no answer, `_entities` included. */
export async function subgraphRequestAccess(
  headers: Record<string, string | string[] | undefined>, identitySecret: string,
): Promise<RequestAccess> {
  const header = headers[identityHeaderName];
  return verifyIdentityHeader(Array.isArray(header) ? header[0] : header, identitySecret);
}

/** The JSON body of an HTTP-level refusal, shaped like a GraphQL response so every client can read it. */
export function refusalBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, httpStatus: errorCodes[code].httpStatus } }] });
}

export function refusalOf(error: unknown): { status: number; body: string } {
  if (error instanceof DongseonError) return { status: error.httpStatus, body: refusalBody(error.code, error.message) };
  return { status: 500, body: refusalBody('DS_INTERNAL', 'internal error') };
}
