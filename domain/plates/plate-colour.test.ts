import { describe, expect, it } from 'vitest';
import { checkPlateColour, parsePlate, type PlateColour } from './index.js';

const plate = (text: string) => {
  const result = parsePlate(text);
  if (!result.ok) throw new Error(result.problem.reason);
  return result.plate;
};

describe('plate colour against usage (soft consistency)', () => {
  it.each<[string, PlateColour, boolean]>([
    ['123가4567', 'white', true],
    ['123하4567', 'white', true],
    ['123바4567', 'white', false],
    ['서울12바3456', 'yellow', true],
    ['850배1234', 'yellow', true],
    ['123가4567', 'yellow', false],
    ['123가4567', 'light-blue', true],
    ['외교001001', 'light-blue', false],
    ['서울12가3456', 'light-blue', false],
    ['123가4567', 'light-green', true],
    ['12가3456', 'light-green', false],
    ['850가4567', 'light-green', false],
    ['외교001001', 'navy', true],
    ['123가4567', 'navy', false],
    ['12가3456', 'green', true],
    ['서울12가3456', 'green', true],
    ['123가4567', 'green', false],
    ['123가4567', 'orange', false],
  ])('%s on %s: consistent=%s', (text, colour, consistent) => {
    const check = checkPlateColour(plate(text), colour);
    expect(check.consistent).toBe(consistent);
    expect(check.reason).toMatch(/\w+/);
  });
});
