import type { GeoPosition } from './geo-position.js';
import { haversineMeters } from './haversine-meters.js';

export interface NearestItem<Item> {
  readonly item: Item;
  readonly distanceMeters: number;
}

/** The item nearest to `origin` by great-circle distance; on a tie, the earliest in `items`. Undefined when empty. */
export function nearestByDistance<Item>(
  origin: GeoPosition, items: Iterable<Item>, positionOf: (item: Item) => GeoPosition,
): NearestItem<Item> | undefined {
  let nearest: NearestItem<Item> | undefined;
  for (const item of items) {
    const distanceMeters = haversineMeters(origin, positionOf(item));
    if (nearest === undefined || distanceMeters < nearest.distanceMeters) nearest = { item, distanceMeters };
  }
  return nearest;
}
