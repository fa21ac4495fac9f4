import type { GeoPosition } from './geo-position.js';

/** The IUGG mean Earth radius. A sphere is within 0.5 % of the ellipsoid, plenty for "which is nearest". */
export const earthMeanRadiusMeters = 6_371_008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two positions on the mean-radius sphere. */
export function haversineMeters(from: GeoPosition, to: GeoPosition): number {
  const deltaLatitude = radians(to.latitude - from.latitude);
  const deltaLongitude = radians(to.longitude - from.longitude);
  const a = Math.sin(deltaLatitude / 2) ** 2
    + Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(deltaLongitude / 2) ** 2;
  // Rounding can push `a` a hair past 1 for antipodal points; asin would then return NaN.
  return 2 * earthMeanRadiusMeters * Math.asin(Math.sqrt(Math.min(1, a)));
}
