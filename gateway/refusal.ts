import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { errorCodes, isDongseonError, type ErrorCode } from '../domain/errors/index.js';
import { codedGraphQLError } from '../runtime/graphql/coded-graphql-error.js';
import { formatGatewayError } from './format-gateway-error.js';

/**
 * Refuses a request before execution: a coded error whose `http` extension sets the response status (the code's)
 * and headers, in the request stage as in Apollo Server's own hooks; clients never see `http`.
 */
export function refusal(code: ErrorCode, message: string, headers: Readonly<Record<string, string>> = {}): GraphQLError {
  return codedGraphQLError(code, message, {
    http: { status: errorCodes[code].httpStatus, headers: new HeaderMap(Object.entries(headers)) },
  });
}

/** The response to a refusal thrown in the request stage; anything else is not a refusal and is rethrown. */
export function refusalResponse(error: unknown): HTTPGraphQLResponse {
  const refused = isDongseonError(error) ? refusal(error.code, error.message) : error;
  if (!(refused instanceof GraphQLError) || typeof refused.extensions.code !== 'string' || !(refused.extensions.code in errorCodes)) throw error;
  const { http, ...extensions } = refused.extensions as { http?: { status: number; headers: HeaderMap } };
  const formatted = formatGatewayError({ message: refused.message, extensions }, refused);
  const headers = new HeaderMap([...(http?.headers ?? []), ['content-type', 'application/json; charset=utf-8']]);
  return {
    status: http?.status ?? errorCodes[refused.extensions.code as ErrorCode].httpStatus,
    headers,
    body: { kind: 'complete', string: JSON.stringify({ errors: [formatted] }) },
  };
}
