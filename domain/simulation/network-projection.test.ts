import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../geo/index.js';
import { localProjectionAnchor, networkProjectionOf, utmToGeo } from './network-projection.js';

describe('network positions', () => {
  // On the central meridian, northing is 0.9996 × the meridian arc: 4,984,944.378 m from the equator to 45° on WGS84.
  it('inverts UTM on the central meridian: 31N 500000 4982950.400 is 45N 3E', () => {
    const position = utmToGeo(500_000, 0.9996 * 4_984_944.378, 31, false);
    expect(haversineMeters(position, { latitude: 45, longitude: 3 })).toBeLessThan(0.05);
    expect(haversineMeters(utmToGeo(500_000, 10_000_000 - 0.9996 * 4_984_944.378, 31, true), { latitude: -45, longitude: 3 })).toBeLessThan(0.05);
  });

  it('inverts UTM symmetrically about the central meridian, 6° zones apart', () => {
    const east = utmToGeo(600_000, 4_150_000, 52, false);
    const west = utmToGeo(400_000, 4_150_000, 52, false);
    expect(east.latitude).toBeCloseTo(west.latitude, 9);
    expect(east.longitude - 129).toBeCloseTo(129 - west.longitude, 9);
    expect(utmToGeo(600_000, 4_150_000, 53, false).longitude - east.longitude).toBeCloseTo(6, 9);
  });

  it('uses the network’s own UTM projection, undoing netconvert’s offset', () => {
    const projection = networkProjectionOf({ netOffset: [-499_000, -4_982_000], convBoundary: [0, 0, 2000, 2000], projParameter: '+proj=utm +zone=31 +ellps=WGS84 +datum=WGS84 +units=m +no_defs' });
    expect(projection.kind).toBe('utm');
    expect(haversineMeters(projection.toGeo(1000, 0.9996 * 4_984_944.378 - 4_982_000), { latitude: 45, longitude: 3 })).toBeLessThan(0.05);
  });

  it('places a network without a projection in Korea, centre on the anchor, metres kept', () => {
    const projection = networkProjectionOf({ netOffset: [0, 0], convBoundary: [0, 0, 2000, 1000], projParameter: '!' });
    expect(projection.kind).toBe('local-korea');
    expect(haversineMeters(projection.toGeo(1000, 500), localProjectionAnchor)).toBeLessThan(0.01);
    expect(haversineMeters(projection.toGeo(0, 500), projection.toGeo(2000, 500))).toBeCloseTo(2000, -1);
    expect(projection.toGeo(1000, 1000).latitude).toBeGreaterThan(localProjectionAnchor.latitude);
  });
});
