/** A WGS-84 position in decimal degrees. */
export interface GeoPosition {
  readonly latitude: number;
  readonly longitude: number;
}

/** Why a position is not a WGS-84 position, or undefined when it is one. */
export function geoPositionProblem(position: GeoPosition): string | undefined {
  const { latitude, longitude } = position;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) return `latitude ${latitude} is outside -90..90`;
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) return `longitude ${longitude} is outside -180..180`;
  return undefined;
}
