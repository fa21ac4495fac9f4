import { describe, expect, it } from 'vitest';
import { haversineMeters, nearestByDistance, type GeoPosition } from './index.js';

interface Place {
  readonly id: string;
  readonly position: GeoPosition;
}

const places: readonly Place[] = [
  { id: 'int-suwon-paldal', position: { latitude: 37.278, longitude: 127.0165 } },
  { id: 'int-suwon-station', position: { latitude: 37.2663, longitude: 127.0005 } },
  { id: 'int-osan-station', position: { latitude: 37.1452, longitude: 127.0675 } },
];
const positionOf = (place: Place) => place.position;

describe('nearestByDistance', () => {
  it.each([
    ['beside 팔달문', { latitude: 37.2776, longitude: 127.016 }, 'int-suwon-paldal'],
    ['beside 수원역', { latitude: 37.266, longitude: 127.0 }, 'int-suwon-station'],
    ['south of 오산역', { latitude: 37.1, longitude: 127.07 }, 'int-osan-station'],
    ['on top of 오산역', { latitude: 37.1452, longitude: 127.0675 }, 'int-osan-station'],
  ])('%s → %s', (_name, origin, id) => {
    expect(nearestByDistance(origin, places, positionOf)?.item.id).toBe(id);
  });

  it('reports the distance to the item it picked', () => {
    const origin = { latitude: 37.2776, longitude: 127.016 };
    const nearest = nearestByDistance(origin, places, positionOf);
    expect(nearest?.distanceMeters).toBeCloseTo(haversineMeters(origin, places[0]!.position), 9);
    expect(nearest?.distanceMeters).toBeCloseTo(62.73, 1);
  });

  it('picks the earliest item when two are equally near', () => {
    const twins = [
      { id: 'east', position: { latitude: 0, longitude: 1 } },
      { id: 'west', position: { latitude: 0, longitude: -1 } },
    ];
    expect(nearestByDistance({ latitude: 0, longitude: 0 }, twins, positionOf)?.item.id).toBe('east');
    expect(nearestByDistance({ latitude: 0, longitude: 0 }, [...twins].reverse(), positionOf)?.item.id).toBe('west');
  });

  it('finds nothing among no items', () => {
    expect(nearestByDistance({ latitude: 0, longitude: 0 }, [], positionOf)).toBeUndefined();
  });

  it('accepts any iterable, read once', () => {
    function* generated() {
      yield* places;
    }
    expect(nearestByDistance({ latitude: 37.266, longitude: 127.0 }, generated(), positionOf)?.item.id).toBe('int-suwon-station');
  });
});
