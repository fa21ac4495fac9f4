export { geoPositionProblem, type GeoPosition } from './geo-position.js';
export { earthMeanRadiusMeters, haversineMeters } from './haversine-meters.js';
export { nearestByDistance, type NearestItem } from './nearest-by-distance.js';
