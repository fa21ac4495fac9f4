import type { GraphQLFormattedError } from 'graphql';
import { maskFormattedError } from '../runtime/graphql/mask-error.js';

/**
 * What a gateway client may see of an error: the subgraphs' masking, and then only the code and its status.
 * Federation adds `serviceName` to every subgraph error and Apollo may add `response` (with the subgraph URL) or
 * `exception`; none of them leaves the gateway.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, original: unknown, log?: (line: string) => void): GraphQLFormattedError {
  const masked = maskFormattedError(formatted, original, log);
  const { code, httpStatus } = masked.extensions ?? {};
  return { ...masked, extensions: { code, httpStatus } };
}
