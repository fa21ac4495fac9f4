import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { CaseStore } from './case-store.js';
import type { HitStore } from '../../stores/police/hit-store.js';
import type { HotlistPublisher } from './hotlist-publisher.js';
import type { WantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';

/** What every police resolver receives: the verified request access and the Redis-backed stores. */
export type PoliceContext = AccessContext & {
  readonly cases: CaseStore;
  readonly wantedVehicles: WantedVehicleStore;
  readonly hits: HitStore;
  /** Present where the subgraph publishes the keyed hotlist to edge nodes. */
  readonly hotlistPublisher?: HotlistPublisher;
};
