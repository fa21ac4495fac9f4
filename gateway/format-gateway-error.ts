import type { GraphQLFormattedError } from 'graphql';
import { maskFormattedError } from '../runtime/graphql/mask-error.js';
import { withoutSchemaHints } from '../runtime/graphql/schema-hints.js';

export interface FormatGatewayErrorOptions {
  /** No schema suggestions ("Did you mean …?") in any message. */
  readonly production?: boolean;
  readonly log?: (line: string) => void;
}

/**
 * What a gateway client may see of an error: the subgraphs' masking, and then only the code and its status.
 * Federation adds `serviceName` to every subgraph error and Apollo may add `response` (with the subgraph URL) or
 * `exception`; none of them leaves the gateway.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, original: unknown, options: FormatGatewayErrorOptions = {}): GraphQLFormattedError {
  const masked = maskFormattedError(formatted, original, options.log);
  const { code, httpStatus } = masked.extensions ?? {};
  return { ...masked, ...(options.production ? { message: withoutSchemaHints(masked.message) } : {}), extensions: { code, httpStatus } };
}
