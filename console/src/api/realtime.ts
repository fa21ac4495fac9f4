import { createClient, type Client } from 'graphql-ws';
import { realtimeConnectionParams, type ConsoleSession } from './request-headers.js';

/** An alert as the real-time endpoint raises it (gateway/realtime/alert-schema.ts). */
export interface RaisedAlert {
  readonly id: string;
  readonly wantedVehicleId: string;
  readonly cameraId: string;
  readonly municipalityId: string;
  readonly capturedAt: string;
  readonly matchKind: 'EXACT' | 'POSSIBLE';
  readonly priority: number;
}

// The real-time endpoint's own schema is not in the supergraph, so this subscription is not a trusted document of
// operations/: the endpoint parses and checks it against its small schema and access rules itself.
const alertSubscription = 'subscription ConsoleAlerts { alertRaised { id wantedVehicleId cameraId municipalityId capturedAt matchKind priority } }';

/** An operator's decision, as the real-time endpoint relays it to every console at once. */
export interface DecidedHit {
  readonly hitId: string;
  readonly status: 'ACCEPTED' | 'REJECTED';
  readonly decidedBy: string;
}

const decisionSubscription = 'subscription ConsoleDecisions { hitDecided { hitId status decidedBy } }';

export type RealtimeState = { readonly kind: 'connecting' } | { readonly kind: 'connected' } | { readonly kind: 'closed'; readonly reason: string };

/** Subscribes to alerts and hit decisions as the signed-in user; returns the function that ends both and the socket. */
export function subscribeToAlerts(
  url: string, session: ConsoleSession, onAlert: (alert: RaisedAlert) => void, onState: (state: RealtimeState) => void,
  onDecision: (decision: DecidedHit) => void,
): () => void {
  const client: Client = createClient({
    url,
    connectionParams: () => realtimeConnectionParams(session),
    retryAttempts: 1_000,
    shouldRetry: () => Date.now() < session.expiresAtMs,
    on: {
      connecting: () => onState({ kind: 'connecting' }),
      connected: () => onState({ kind: 'connected' }),
      closed: (event) => {
        const close = event as { code?: number; reason?: string };
        onState({ kind: 'closed', reason: `${close.code ?? ''} ${close.reason ?? ''}`.trim() });
      },
    },
  });
  const unsubscribe = client.subscribe<{ alertRaised: RaisedAlert | null }>({ query: alertSubscription }, {
    next: (result) => {
      if (result.data?.alertRaised) onAlert(result.data.alertRaised);
    },
    error: (error) => onState({ kind: 'closed', reason: error instanceof Error ? error.message : JSON.stringify(error) }),
    complete: () => undefined,
  });
  // Decisions made at other consoles; without this the queue still learns them from its periodic refresh.
  const unsubscribeDecisions = client.subscribe<{ hitDecided: DecidedHit | null }>({ query: decisionSubscription }, {
    next: (result) => {
      if (result.data?.hitDecided) onDecision(result.data.hitDecided);
    },
    error: (error) => console.warn('hitDecided:', error),
    complete: () => undefined,
  });
  return () => {
    unsubscribe();
    unsubscribeDecisions();
    void client.dispose();
  };
}
