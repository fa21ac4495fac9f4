import { describe, expect, it } from 'vitest';
import { parsePlate, plateDrawKinds, randomPlate, randomPlateOfKind, seededRandom } from './index.js';

describe('randomPlate', () => {
  it('draws only grammatical plates, reproducibly for a seed', () => {
    const first = Array.from({ length: 2000 }, ((random) => () => randomPlate(random))(seededRandom(7)));
    const again = Array.from({ length: 2000 }, ((random) => () => randomPlate(random))(seededRandom(7)));
    expect(again).toEqual(first);
    for (const plate of first) expect(parsePlate(plate).ok).toBe(true);
  });

  it('follows the mix', () => {
    const random = seededRandom(1);
    const kinds = new Map<string, number>();
    for (let i = 0; i < 10000; i++) {
      const parsed = parsePlate(randomPlate(random));
      if (parsed.ok) kinds.set(`${parsed.plate.kind}/${parsed.plate.usage}`, (kinds.get(`${parsed.plate.kind}/${parsed.plate.usage}`) ?? 0) + 1);
    }
    expect(kinds.get('national-3/private')).toBeGreaterThan(3800);
    expect(kinds.get('regional/commercial')).toBeGreaterThan(600);
    expect(kinds.get('national-3/delivery')).toBeGreaterThan(200);
  });

  it.each(plateDrawKinds)('draws grammatical %s plates of that kind', (kind) => {
    const random = seededRandom(11);
    const expected = {
      'national-3': 'national-3', 'national-2': 'national-2', 'regional-commercial': 'regional', rental: 'national-3',
      delivery: 'national-3', 'regional-private': 'regional', 'regional-delivery': 'regional', diplomatic: 'diplomatic',
      military: 'military',
    }[kind];
    for (let i = 0; i < 300; i++) {
      const parsed = parsePlate(randomPlateOfKind(random, kind));
      expect(parsed.ok && parsed.plate.kind).toBe(expected);
    }
  });
});
