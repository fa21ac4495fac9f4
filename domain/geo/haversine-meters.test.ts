import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earthMeanRadiusMeters, haversineMeters, type GeoPosition } from './index.js';

const at = (latitude: number, longitude: number): GeoPosition => ({ latitude, longitude });
const anyPosition = fc.record({
  latitude: fc.double({ min: -90, max: 90, noNaN: true }),
  longitude: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('haversineMeters', () => {
  // Expected values from the spherical law of cosines on the same radius, computed independently.
  it.each([
    ['the same point', at(37.2776, 127.016), at(37.2776, 127.016), 0],
    ['one degree of latitude', at(0, 0), at(1, 0), 111_195.08],
    ['one degree of longitude on the equator', at(0, 0), at(0, 1), 111_195.08],
    ['one degree of longitude at 60° north', at(60, 0), at(60, 1), 55_597.01],
    ['Seoul City Hall to Busan City Hall', at(37.5665, 126.978), at(35.1796, 129.0756), 325_111.71],
    ['a camera to the intersection it watches (팔달문)', at(37.2776, 127.016), at(37.278, 127.0165), 62.73],
    ['pole to pole', at(90, 0), at(-90, 0), Math.PI * earthMeanRadiusMeters],
    ['antipodes on the equator', at(0, 0), at(0, 180), Math.PI * earthMeanRadiusMeters],
    ['across the antimeridian', at(0, 179.5), at(0, -179.5), 111_195.08],
  ])('%s', (_name, from, to, meters) => {
    expect(haversineMeters(from, to)).toBeCloseTo(meters, 1);
  });

  it('is symmetric, never negative and never more than half the circumference', () => {
    fc.assert(fc.property(anyPosition, anyPosition, (a, b) => {
      const distance = haversineMeters(a, b);
      expect(distance).toBeGreaterThanOrEqual(0);
      expect(distance).toBeLessThanOrEqual(Math.PI * earthMeanRadiusMeters + 1e-6);
      expect(haversineMeters(b, a)).toBeCloseTo(distance, 6);
    }));
  });

  it('obeys the triangle inequality', () => {
    // Near antipodal points asin amplifies rounding to centimetres; a metre of slack is still exact for our use.
    fc.assert(fc.property(anyPosition, anyPosition, anyPosition, (a, b, c) => {
      expect(haversineMeters(a, c)).toBeLessThanOrEqual(haversineMeters(a, b) + haversineMeters(b, c) + 1);
    }));
  });
});
