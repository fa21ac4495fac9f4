import type { GatewayPlugin } from '../gateway-plugin.js';
import { refusal } from '../refusal.js';

/**
 * Which operation of the document runs is the client's choice, and a wrong choice is the client's mistake: an
 * operationName the document does not hold, no operationName for a document of several operations (the trusted
 * PendingHits/DecideHit document is one), or a subscription, which this endpoint does not serve. Apollo Server
 * leaves an unresolved operation to @apollo/gateway, which throws an uncoded error (a 500 that logs the client's
 * operationName); each is refused here instead, with its own code and 400, before any subgraph is asked.
 */
export function useOperationSelection(): GatewayPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request: { operationName } }) {
          if (!operation) {
            if (operationName) throw refusal('DS_OPERATION_NAME_UNKNOWN', 'the document holds no operation of this operationName');
            throw refusal('DS_OPERATION_NAME_REQUIRED', 'the document holds several operations: name the one to run in operationName');
          }
          if (operation.operation === 'subscription') {
            throw refusal('DS_SUBSCRIPTION_OVER_HTTP', 'subscriptions are served over graphql-ws on the real-time endpoint');
          }
        },
      };
    },
  };
}
