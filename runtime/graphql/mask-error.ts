import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DongseonError, errorCodes, type ErrorCode } from '../../domain/errors/index.js';
import { logText } from '../logging/log-text.js';

/** Room for a stack trace; client text inside it is still escaped. */
const internalDetailMaxLength = 4_000;

const isRegistryCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in errorCodes;

/** Codes graphql-js and Apollo give to errors in the client's document: safe to show, mapped to ours. */
const documentErrorCodes: Readonly<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: 'DS_BAD_REQUEST',
  GRAPHQL_VALIDATION_FAILED: 'DS_GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'DS_INVALID_INPUT',
  BAD_REQUEST: 'DS_BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'DS_BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'DS_DOCUMENT_NOT_TRUSTED',
};

/**
 * What a client may see of an error: a registry code, its HTTP status and a message that names no internals.
 * Anything without a known code becomes DS_INTERNAL and its detail goes to the server log only.
 */
export function maskFormattedError(formatted: GraphQLFormattedError, original: unknown, log: (line: string) => void = console.error): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const base = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (isRegistryCode(code)) {
    return { ...base, message: formatted.message, extensions: { ...formatted.extensions, code, httpStatus: errorCodes[code].httpStatus } };
  }
  const cause = original instanceof GraphQLError ? original.originalError : original;
  if (cause instanceof DongseonError) {
    return { ...base, message: cause.message, extensions: { code: cause.code, httpStatus: cause.httpStatus } };
  }
  const mapped = typeof code === 'string' ? documentErrorCodes[code] : undefined;
  if (mapped) {
    return { ...base, message: formatted.message, extensions: { code: mapped, httpStatus: errorCodes[mapped].httpStatus } };
  }
  const detail = original instanceof GraphQLError ? (original.originalError ?? original) : original;
  // The path holds the client's aliases and the message may quote its document: both are client text.
  log(`[DS_INTERNAL] ${logText(formatted.path?.join('.') ?? '')} ${logText(detail, internalDetailMaxLength)}`);
  return { ...base, message: 'internal error', extensions: { code: 'DS_INTERNAL', httpStatus: errorCodes.DS_INTERNAL.httpStatus } };
}
