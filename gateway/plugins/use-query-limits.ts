import type { GatewayPlugin } from '../gateway-plugin.js';
import { listSizeArgument, measureOperation } from '../operation/measure-operation.js';
import { countTokens } from '../operation/scan-source.js';
import { refusal } from '../refusal.js';

export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  /** The largest `first` a client may ask for. */
  readonly maxFirst: number;
  /** Items assumed for a list field that has no `first`, in the cost estimate. */
  readonly defaultListSize: number;
}

/** Generous for every trusted document (a test checks), tight for anything abusive. */
export const defaultQueryLimits: QueryLimits = {
  maxDepth: 10,
  maxAliases: 20,
  maxTokens: 2_000,
  maxCost: 5_000,
  maxFirst: 500,
  defaultListSize: 100,
};

/**
 * Bounds what one operation may ask of the graph, before it runs: the document's length in tokens before it is
 * parsed, then depth, aliases, `first` and estimated cost once it is validated. Each limit refuses with its own
 * DS_QUERY_* code and 400.
 */
export function useQueryLimits(limits: QueryLimits): GatewayPlugin {
  return {
    onRequest({ params: { query } }) {
      if (query !== undefined && countTokens(query, limits.maxTokens) > limits.maxTokens) {
        throw refusal('DS_QUERY_TOO_MANY_TOKENS', `the document has more than ${limits.maxTokens} tokens`);
      }
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request: { variables } }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, {
            variables,
            defaultListSize: limits.defaultListSize,
            maxFieldVisits: limits.maxCost + 1,
          });
          if (measure.depth > limits.maxDepth) {
            throw refusal('DS_QUERY_TOO_DEEP', `the operation nests ${measure.depth} fields deep; at most ${limits.maxDepth} are allowed`);
          }
          if (measure.aliases > limits.maxAliases) {
            throw refusal('DS_QUERY_TOO_MANY_ALIASES', `the operation uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed`);
          }
          if (measure.largestFirst > limits.maxFirst) {
            throw refusal('DS_QUERY_LIST_TOO_LARGE', `${listSizeArgument}: ${measure.largestFirst} asks for more than ${limits.maxFirst} items`);
          }
          if (measure.cost > limits.maxCost) {
            const estimate = Number.isFinite(measure.cost) ? `an estimated cost of ${measure.cost}` : `more than ${limits.maxCost} fields`;
            throw refusal('DS_QUERY_TOO_COSTLY', `the operation has ${estimate}; at most ${limits.maxCost} is allowed`);
          }
        },
      };
    },
  };
}
