import manifest from '../../../operations/trusted-documents.json';
import { operationHashes } from './operation-hashes.js';
import { requestHeaders, type ConsoleSession } from './request-headers.js';

const hashes = operationHashes(manifest);

/** An error the gateway answered with, carrying its DS_ code when it gave one. */
export class GatewayError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(code ? `${code}: ${message}` : message);
    this.name = 'GatewayError';
  }
}

interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/** Runs a trusted operation of operations/ by name, as the signed-in user; throws the gateway's first error when no data came. */
export async function runOperation<T, V extends Record<string, unknown> = Record<string, never>>(
  session: ConsoleSession, operationName: string, variables?: V,
): Promise<T> {
  const sha256Hash = hashes.get(operationName);
  if (!sha256Hash) throw new GatewayError(`no trusted document holds ${operationName}; run npm run generate`, 'DS_DOCUMENT_NOT_TRUSTED');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: requestHeaders(session),
    body: JSON.stringify({ operationName, variables: variables ?? {}, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
  });
  let body: GraphQLResponse<T>;
  try {
    body = await response.json() as GraphQLResponse<T>;
  } catch {
    throw new GatewayError(`HTTP ${response.status} ${response.statusText}`, undefined);
  }
  const first = body.errors?.[0];
  // A partial answer (a field denied or an edge away) still shows: the denied fields are null.
  if (body.data) {
    if (first) console.warn(`${operationName}: ${first.extensions?.code ?? ''} ${first.message}`);
    return body.data;
  }
  if (first) throw new GatewayError(first.message, first.extensions?.code);
  throw new GatewayError(`HTTP ${response.status}: no data`, undefined);
}
