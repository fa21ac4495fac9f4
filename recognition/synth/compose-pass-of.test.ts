import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlate, seededRandom, type ParsedPlate } from '../../domain/plates/index.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { composePassOf, drawKindOf, plateSpecOf } from './compose-pass-of.js';
import { resolvePlateFonts, type PlateFont } from './plate-fonts.js';

let fonts: PlateFont[] = [];
beforeAll(async () => {
  await ensurePlateFonts();
  fonts = resolvePlateFonts('training');
}, 300_000);

const parsed = (text: string): ParsedPlate => {
  const result = parsePlate(text);
  if (!result.ok) throw new Error(text);
  return result.plate;
};

describe('drawKindOf', () => {
  it.each([
    ['123가4567', 'national-3'],
    ['12가3456', 'national-2'],
    ['123하4567', 'rental'],
    ['812배3456', 'delivery'],
    ['서울12가3456', 'regional-private'],
    ['경기75아1234', 'regional-commercial'],
    ['서울85배1234', 'regional-delivery'],
  ])('%s is drawn as a %s plate', (text, kind) => {
    expect(drawKindOf(parsed(text))).toBe(kind);
  });
});

describe('plateSpecOf', () => {
  it('draws the given text in a style that carries its kind', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const spec = plateSpecOf('경기75아1234', seededRandom(seed), fonts);
      expect(spec.text).toBe('경기75아1234');
      expect(spec.style.kinds.map((k) => k.kind)).toContain('regional-commercial');
      expect(spec.style.band).not.toBe('electric');
    }
  });

  it('draws an electric car on the light-blue plate, and only it', () => {
    for (let seed = 1; seed <= 10; seed++) {
      expect(plateSpecOf('123가4567', seededRandom(seed), fonts, { electric: true }).style.colour).toBe('light-blue');
      expect(plateSpecOf('123가4567', seededRandom(seed), fonts).style.colour).not.toBe('light-blue');
    }
  });

  it('refuses a text that is no plate', () => {
    expect(() => plateSpecOf('ABC123', seededRandom(1), fonts)).toThrow(RangeError);
  });
});

describe('composePassOf', () => {
  it('shows the given plate in every frame of the pass, growing as the vehicle comes closer', () => {
    const frames = composePassOf('서울12가3456', seededRandom(3), fonts, 3, () => seededRandom(4));
    expect(frames).toHaveLength(3);
    const widths = frames.map((frame) => {
      expect(frame.plates.map((plate) => plate.text)).toEqual(['서울12가3456']);
      const [tl, tr] = frame.plates[0]!.corners;
      return Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
    });
    expect(widths[2]).toBeGreaterThan(widths[0]!);
  });
});
