import type { GatewayPlugin } from '../gateway-plugin.js';

/**
 * A response without `data` was refused before execution; its HTTP status is then that of its first error's
 * code (401, 403, 400, 413, 429, …), whichever part of the pipeline refused it.
 */
export function useRefusalStatus(): GatewayPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const status = errors?.[0]?.extensions?.httpStatus;
          if (data === undefined && typeof status === 'number') response.http.status = status;
        },
      };
    },
  };
}
