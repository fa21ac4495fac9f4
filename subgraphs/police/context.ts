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
  /**
   * The stream each decision is recorded on in the same step as the hit (read by the gateway's real-time feed, and
   * relayed by the graph writer to its decision stage: the effects follow from what was stored).
   */
  readonly decisionLogKey: string;
  /** Present where the subgraph publishes the keyed hotlist to edge nodes. */
  readonly hotlistPublisher?: HotlistPublisher;
};
