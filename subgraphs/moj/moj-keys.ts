import type { RiskLevel } from './generated/resolver-types.js';

/** Every Redis key the moj subgraph owns; nothing else writes under `ds:moj:`. */
export const mojKeys = {
  /** Sorted set of subject ids, all at score 0, so ZRANGE lists them in id order. */
  subjectIds: 'ds:moj:subject-ids',
  /** The same, for one risk level. */
  subjectIdsAtRisk: (riskLevel: RiskLevel) => `ds:moj:subject-ids:risk:${riskLevel}`,
  /** Hash: id, alias, riskLevel. */
  subject: (id: string) => `ds:moj:subject:${id}`,
  /** The latest reported position, as JSON. */
  latestPosition: (id: string) => `ds:moj:latest-position:${id}`,
  /** Sorted set of geofence events: score = event time (epoch ms), member = the event as JSON. */
  geofenceEvents: (id: string) => `ds:moj:geofence-events:${id}`,
  /** The vehicles linked to a subject, as a JSON array. */
  linkedVehicles: (id: string) => `ds:moj:linked-vehicles:${id}`,
} as const;
