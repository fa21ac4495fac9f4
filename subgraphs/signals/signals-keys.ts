/** Every Redis key the signals subgraph owns; nothing else writes under `ds:signals:`. */
export const signalsKeys = {
  /** Sorted set of intersection ids, all at score 0, so ZRANGE lists them in id order. */
  intersectionIds: 'ds:signals:intersection-ids',
  /** One intersection with its approaches and phase plans, as JSON. */
  intersection: (id: string) => `ds:signals:intersection:${id}`,
  /** Hash from approach id to the id of its intersection. */
  approachIntersections: 'ds:signals:approach-intersections',
  /** Sorted set of one approach's hourly counts: score = hour start (epoch ms), member = `<hour start ms>:<vehicles>`. */
  hourlyVolumes: (approachId: string) => `ds:signals:hourly-volumes:${approachId}`,
} as const;
