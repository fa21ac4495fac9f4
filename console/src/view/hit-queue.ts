/** The fields of a hit the queue orders and flags by. */
export interface QueuedHit {
  readonly id: string;
  readonly capturedAt: string;
  readonly receivedAt: string;
  readonly status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  readonly wantedVehicle: { readonly priority: number };
}

/** Priority at or above which a new hit flashes and sounds (the demo's stolen cars are 60, its crossing car 85). */
export const priorityHitThreshold = 70;

const instantMs = (value: string): number => {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 0 : ms;
};

/** Newest capture first; receipt time, then id, break ties so the order is stable across reloads. */
export function compareNewestFirst(a: QueuedHit, b: QueuedHit): number {
  return instantMs(b.capturedAt) - instantMs(a.capturedAt) || instantMs(b.receivedAt) - instantMs(a.receivedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The queue after `incoming` arrived: one entry per hit id (the later version wins, so a decision made elsewhere
 * replaces the pending one), newest first, at most `limit` entries.
 */
export function mergeHits<T extends QueuedHit>(queue: readonly T[], incoming: readonly T[], limit = 200): T[] {
  const byId = new Map<string, T>();
  for (const hit of queue) byId.set(hit.id, hit);
  for (const hit of incoming) byId.set(hit.id, hit);
  return [...byId.values()].sort(compareNewestFirst).slice(0, limit);
}

/** Whether a hit that just arrived deserves the flash and the sound. */
export const isPriorityHit = (hit: QueuedHit): boolean => hit.status === 'PENDING' && hit.wantedVehicle.priority >= priorityHitThreshold;

/** Pending hits stay on top of decided ones; each group newest first. */
export function queueOrder<T extends QueuedHit>(hits: readonly T[]): T[] {
  const pending = hits.filter((hit) => hit.status === 'PENDING').sort(compareNewestFirst);
  const decided = hits.filter((hit) => hit.status !== 'PENDING').sort(compareNewestFirst);
  return [...pending, ...decided];
}
