import { describe, expect, it } from 'vitest';
import { parsePlate, randomPlate, seededRandom } from './index.js';

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
});
