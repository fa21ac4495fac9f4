import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { PatrolUnitStore } from '../../stores/patrol-units/patrol-unit-store.js';
import type { CaseStore } from './case-store.js';
import type { HitStore } from '../../stores/police/hit-store.js';
import type { HotlistPublisher } from './hotlist-publisher.js';
import type { WantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';

/** What every police resolver receives: the verified request access and the Redis-backed stores. */
export type PoliceContext = AccessContext & {
  readonly cases: CaseStore;
  readonly wantedVehicles: WantedVehicleStore;
  readonly hits: HitStore;
  readonly patrolUnits: PatrolUnitStore;
  /** The stream each decision is announced on (read by the gateway's real-time feed). */
  readonly decisionLogKey: string;
  /** Queues a decided hit's effects (sighting graph, 112 CAD); absent where nothing carries them out. */
  readonly queueHitDecision?: (event: HitDecisionEvent) => Promise<void>;
  /** Present where the subgraph publishes the keyed hotlist to edge nodes. */
  readonly hotlistPublisher?: HotlistPublisher;
};
