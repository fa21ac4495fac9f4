import type { GeoPosition } from '../geo/index.js';

/** What a SUMO network says about its coordinates (`<location>`). */
export interface NetworkLocation {
  /** Added to projected coordinates to give network coordinates. */
  readonly netOffset: readonly [number, number];
  /** The network's extent in network coordinates: [minX, minY, maxX, maxY]. */
  readonly convBoundary: readonly [number, number, number, number];
  /** A PROJ string, or `!` when the network has no geographic reference. */
  readonly projParameter: string;
}

export interface NetworkProjection {
  /** How positions were made geographic, for the manifest. */
  readonly description: string;
  readonly kind: 'utm' | 'local-korea';
  toGeo(x: number, y: number): GeoPosition;
}

/**
 * Where a network without a projection is placed for display: its centre goes to the demo region south of Seoul
 * (between 수원, 화성 and 오산), so the console draws it where the municipalities it is split into are.
 */
export const localProjectionAnchor: GeoPosition = { latitude: 37.2, longitude: 127.03 };

const metresPerDegreeLatitude = 111_320;
const wgs84 = { a: 6_378_137, f: 1 / 298.257223563 };

/** Inverse transverse Mercator for a UTM zone on WGS84 (Snyder's series; well under a metre inside the zone). */
export function utmToGeo(easting: number, northing: number, zone: number, south: boolean): GeoPosition {
  const k0 = 0.9996;
  const e2 = wgs84.f * (2 - wgs84.f);
  const ep2 = e2 / (1 - e2);
  const x = easting - 500_000;
  const y = south ? northing - 10_000_000 : northing;
  const mu = y / k0 / (wgs84.a * (1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256));
  const e1 = (1 - Math.sqrt(1 - e2)) / (1 + Math.sqrt(1 - e2));
  const phi1 = mu + ((3 * e1) / 2 - (27 * e1 ** 3) / 32) * Math.sin(2 * mu)
    + ((21 * e1 ** 2) / 16 - (55 * e1 ** 4) / 32) * Math.sin(4 * mu)
    + ((151 * e1 ** 3) / 96) * Math.sin(6 * mu)
    + ((1097 * e1 ** 4) / 512) * Math.sin(8 * mu);
  const sin = Math.sin(phi1);
  const cos = Math.cos(phi1);
  const n1 = wgs84.a / Math.sqrt(1 - e2 * sin ** 2);
  const t1 = Math.tan(phi1) ** 2;
  const c1 = ep2 * cos ** 2;
  const r1 = (wgs84.a * (1 - e2)) / (1 - e2 * sin ** 2) ** 1.5;
  const d = x / (n1 * k0);
  const latitude = phi1 - ((n1 * Math.tan(phi1)) / r1) * (d ** 2 / 2
    - ((5 + 3 * t1 + 10 * c1 - 4 * c1 ** 2 - 9 * ep2) * d ** 4) / 24
    + ((61 + 90 * t1 + 298 * c1 + 45 * t1 ** 2 - 252 * ep2 - 3 * c1 ** 2) * d ** 6) / 720);
  const centralMeridian = ((zone - 1) * 6 - 180 + 3) * (Math.PI / 180);
  const longitude = centralMeridian + (d - ((1 + 2 * t1 + c1) * d ** 3) / 6
    + ((5 - 2 * c1 + 28 * t1 - 3 * c1 ** 2 + 8 * ep2 + 24 * t1 ** 2) * d ** 5) / 120) / cos;
  return { latitude: (latitude * 180) / Math.PI, longitude: (longitude * 180) / Math.PI };
}

const roundTo = (value: number, digits: number): number => Number(value.toFixed(digits));
const rounded = (position: GeoPosition): GeoPosition =>
  ({ latitude: roundTo(position.latitude, 7), longitude: roundTo(position.longitude, 7) });

/**
 * Geographic positions for a network: its own UTM projection when it has one (what netconvert writes for OSM
 * imports), otherwise an equirectangular local projection that puts the network's centre on
 * `localProjectionAnchor`, metres kept as metres. Other PROJ strings fall back to the local projection.
 */
export function networkProjectionOf(location: NetworkLocation): NetworkProjection {
  const utm = /\+proj=utm\b/.test(location.projParameter) ? /\+zone=(\d{1,2})\b/.exec(location.projParameter) : null;
  const wgs84Datum = !/\+(?:ellps|datum)=(?!WGS84\b)/.test(location.projParameter);
  if (utm && wgs84Datum) {
    const zone = Number(utm[1]);
    const south = /\+south\b/.test(location.projParameter);
    const [offsetX, offsetY] = location.netOffset;
    return {
      kind: 'utm',
      description: `the network's own projection: UTM zone ${zone}${south ? 'S' : 'N'} (WGS84), netOffset ${offsetX},${offsetY}`,
      toGeo: (x, y) => rounded(utmToGeo(x - offsetX, y - offsetY, zone, south)),
    };
  }
  const [minX, minY, maxX, maxY] = location.convBoundary;
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  const metresPerDegreeLongitude = metresPerDegreeLatitude * Math.cos((localProjectionAnchor.latitude * Math.PI) / 180);
  return {
    kind: 'local-korea',
    description: `local equirectangular projection: the network centre (${centreX}, ${centreY}) at `
      + `${localProjectionAnchor.latitude}N ${localProjectionAnchor.longitude}E, 1 network metre = 1 metre`,
    toGeo: (x, y) => rounded({
      latitude: localProjectionAnchor.latitude + (y - centreY) / metresPerDegreeLatitude,
      longitude: localProjectionAnchor.longitude + (x - centreX) / metresPerDegreeLongitude,
    }),
  };
}
