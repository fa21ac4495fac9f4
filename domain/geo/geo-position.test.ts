import { describe, expect, it } from 'vitest';
import { geoPositionProblem } from './index.js';

describe('geoPositionProblem', () => {
  it.each([
    [37.2776, 127.016],
    [90, 180],
    [-90, -180],
    [0, 0],
  ])('(%d, %d) is a WGS-84 position', (latitude, longitude) => {
    expect(geoPositionProblem({ latitude, longitude })).toBeUndefined();
  });

  it.each([
    [90.0001, 127, 'latitude'],
    [-91, 127, 'latitude'],
    [Number.NaN, 127, 'latitude'],
    [37, 180.5, 'longitude'],
    [37, -181, 'longitude'],
    [37, Number.POSITIVE_INFINITY, 'longitude'],
  ])('(%d, %d) is refused for its %s', (latitude, longitude, coordinate) => {
    expect(geoPositionProblem({ latitude, longitude })).toContain(coordinate);
  });
});
