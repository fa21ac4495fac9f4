import { describe, expect, it } from 'vitest';
import { driveLine, numberedSightings, routeLines } from './vehicle-overlay.js';

const junctions = { j1: [127.01, 37.2], j2: [127.02, 37.2], j3: [127.03, 37.21] } as const;
const camera = (id: string, longitude: number) => ({ id, name: `camera ${id}`, position: { latitude: 37.2, longitude } });

describe('the vehicle overlay', () => {
  it('numbers sightings in capture order', () => {
    const sightings = numberedSightings({ sightings: [
      { id: 's2', capturedAt: '2026-11-24T08:05:00+09:00', camera: camera('b', 127.02) },
      { id: 's1', capturedAt: '2026-11-23T23:01:00Z', camera: camera('a', 127.01) },
    ] });
    expect(sightings.map((sighting) => [sighting.id, sighting.order, sighting.position])).toEqual([['s1', 1, [127.01, 37.2]], ['s2', 2, [127.02, 37.2]]]);
  });

  it('draws a drive through its junctions, joining consecutive roads', () => {
    expect(driveLine([{ fromJunction: 'j1', toJunction: 'j2' }, { fromJunction: 'j2', toJunction: 'j3' }], junctions)).toEqual([junctions.j1, junctions.j2, junctions.j3]);
    expect(driveLine([{ fromJunction: 'j1', toJunction: 'unknown' }], junctions)).toEqual([]);
  });

  it('gives each leg its route and alternatives, ranked', () => {
    const lines = routeLines({ sightings: [], route: { legs: [{ alternatives: [
      { probability: 0.7, roads: [{ fromJunction: 'j1', toJunction: 'j2' }] },
      { probability: 0.3, roads: [{ fromJunction: 'j1', toJunction: 'j3' }] },
    ] }] } }, junctions);
    expect(lines.map((line) => [line.leg, line.rank, line.probability])).toEqual([[0, 0, 0.7], [0, 1, 0.3]]);
  });
});
