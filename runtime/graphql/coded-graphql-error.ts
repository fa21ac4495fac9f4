import { GraphQLError } from 'graphql';
import { errorCodes, type ErrorCode } from '../../domain/errors/index.js';

/** A GraphQL error carrying a registry code and its HTTP status; the only kind of error clients ever see. */
export function codedGraphQLError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, httpStatus: errorCodes[code].httpStatus, ...extra } });
}
