import type { GraphQLFormattedError } from 'graphql';
import type { AccessPolicy } from '../../domain/access/index.js';
import { errorCodes } from '../../domain/errors/index.js';
import type { GatewayContext } from '../gateway-context.js';
import type { GatewayPlugin } from '../gateway-plugin.js';
import { deniedFields, type DeniedFields } from '../operation/denied-fields.js';
import { logText } from '../../runtime/logging/log-text.js';
import { redactResponse, type RedactedField } from '../operation/redact-response.js';

export interface AccessRedactionOptions {
  /** The `@access` rules of every subgraph SDL (accessPolicyFromSdl). */
  readonly policy: AccessPolicy;
  /** Fields walked at most per operation; past it the response is withheld. Query limits refuse far earlier. */
  readonly maxFieldVisits?: number;
  readonly log?: (line: string) => void;
}

const formattedErrorOf = ({ field, path }: RedactedField): GraphQLFormattedError => ({
  message: field.message,
  path,
  extensions: { code: field.code, httpStatus: errorCodes[field.code].httpStatus },
});

/**
 * Defence in depth behind the subgraphs' own enforcement: every field the caller is denied by the subgraph SDLs'
 * `@access` rules leaves the gateway as null with a coded error at its path, whatever a subgraph returned.
 */
export function useAccessRedaction(options: AccessRedactionOptions): GatewayPlugin {
  const log = options.log ?? console.error;
  const maxFieldVisits = options.maxFieldVisits ?? 100_000;
  const deniedOf = new WeakMap<GatewayContext, DeniedFields>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return;
          deniedOf.set(contextValue, deniedFields(schema, document, operation, options.policy, contextValue.access, { maxFieldVisits }));
        },
        async willSendResponse({ contextValue, response }) {
          const denied = deniedOf.get(contextValue);
          if (!denied || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // No data at all: refused before execution, nothing was read.
          if (result.data === undefined) return;
          if (!denied.complete) {
            response.body = {
              kind: 'single',
              singleResult: { data: null, errors: [{ message: 'the operation is too large to check access for', extensions: { code: 'DS_QUERY_TOO_COSTLY', httpStatus: errorCodes.DS_QUERY_TOO_COSTLY.httpStatus } }] },
            };
            return;
          }
          if (denied.denied.length === 0 || result.data === null) return;
          const { data, found } = redactResponse(result.data, denied.denied);
          for (const leak of found.filter((entry) => entry.heldData)) {
            log(`[access redaction] request ${contextValue.requestId}: ${logText(leak.field.message)} — a subgraph returned data at ${logText(leak.path.join('.'))}; it does not enforce @access`);
          }
          const reported = new Set((result.errors ?? []).map((error) => JSON.stringify(error.path ?? null)));
          const added = found.filter((entry) => !reported.has(JSON.stringify(entry.path))).map(formattedErrorOf);
          const errors = [...(result.errors ?? []), ...added];
          response.body = { kind: 'single', singleResult: { ...result, data, ...(errors.length > 0 ? { errors } : {}) } };
        },
      };
    },
  };
}
