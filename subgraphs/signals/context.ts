import type { AccessContext } from '../../runtime/graphql/enforce-access.js';
import type { HourlyVolumeStore } from './hourly-volume-store.js';
import type { IntersectionRecord } from './intersection-records.js';
import type { IntersectionStore } from './intersection-store.js';
import { localHour } from './local-hour.js';

/** How the signals subgraph tells the time: phase plans follow the region's wall clock. */
export interface SignalsClock {
  readonly now: () => Date;
  readonly timeZone: string;
}

/** What the signals subgraph adds to each request. */
export interface SignalsRequestState {
  readonly intersections: IntersectionStore;
  readonly hourlyVolumes: HourlyVolumeStore;
  /** Every intersection, read at most once per request: all nearest-intersection lookups of a request share it. */
  readonly allIntersections: () => Promise<readonly IntersectionRecord[]>;
  readonly localHourNow: () => number;
}

/** What every signals resolver receives: the verified request access and the signal agency's stores. */
export type SignalsContext = AccessContext & SignalsRequestState;

export function signalsRequestState(intersections: IntersectionStore, hourlyVolumes: HourlyVolumeStore, clock: SignalsClock): SignalsRequestState {
  let everyIntersection: Promise<IntersectionRecord[]> | undefined;
  return {
    intersections,
    hourlyVolumes,
    allIntersections: () => (everyIntersection ??= intersections.all()),
    localHourNow: () => localHour(clock.now(), clock.timeZone),
  };
}
