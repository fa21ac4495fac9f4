import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/plates/index.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { rectifyQuad, type Quad } from '../geometry/index.js';
import { composeFrame, frameHeight, frameWidth, randomPlacements } from './compose-frame.js';
import { resolvePlateFonts, type PlateFont } from './plate-fonts.js';
import { plateStyleNamed } from './plate-styles.js';

let fonts: PlateFont[] = [];
beforeAll(async () => {
  await ensurePlateFonts();
  fonts = resolvePlateFonts('training');
}, 300_000);

const clear = { lighting: 'day', defocus: 0, motion: { length: 0, angle: 0 }, noise: 0, jpegQuality: 90 } as const;

function edgeRatio(corners: Quad): number {
  const [tl, tr, br, bl] = corners;
  const len = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);
  return (len(tl, tr) + len(bl, br)) / (len(tl, bl) + len(tr, br));
}

describe('composeFrame', () => {
  it('labels every plate with corners inside the frame, in reading order, and a crop of its layout and colour', () => {
    let seen = 0;
    for (let seed = 1; seen < 6 && seed < 20; seed++) {
      const random = seededRandom(seed);
      // Clean plates, so that the crop's colour can be checked against the style's.
      const placements = randomPlacements(random, fonts, 4).map((p) => ({ ...p, look: { wear: 0, glare: 0, mounting: 'none' as const } }));
      const frame = composeFrame(placements, seededRandom(seed + 100), random, clear);
      expect(frame.image).toMatchObject({ width: frameWidth, height: frameHeight });
      for (const plate of frame.plates) {
        seen++;
        for (const [x, y] of plate.corners) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(frameWidth);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(frameHeight);
        }
        const [tl, tr, br, bl] = plate.corners;
        expect(tl[0]).toBeLessThan(tr[0]);
        expect(bl[0]).toBeLessThan(br[0]);
        expect(tl[1]).toBeLessThan(bl[1]);
        expect(tr[1]).toBeLessThan(br[1]);
        // A one-line plate is 520×110 mm, a two-line one 335×155 or 170: the quad keeps that shape through the pose.
        if (plate.layout === 'one-line') expect(edgeRatio(plate.corners)).toBeGreaterThan(3.2);
        else expect(edgeRatio(plate.corners)).toBeLessThan(3.2);
        // The rectified crop's most common colour (away from the characters' rows) is the plate's background.
        const crop = rectifyQuad(frame.image, plate.corners, 192, 64);
        const style = plateStyleNamed(plate.style)!;
        const bg = Number.parseInt(style.background.slice(1), 16);
        let close = 0;
        for (let p = 0; p < crop.data.length; p += 3) {
          const d = Math.abs(crop.data[p]! - (bg >> 16)) + Math.abs(crop.data[p + 1]! - ((bg >> 8) & 255)) + Math.abs(crop.data[p + 2]! - (bg & 255));
          if (d < 130) close++;
        }
        expect(close / (192 * 64)).toBeGreaterThan(0.1);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(6);
  });

  it('is byte-identical for the same seed', () => {
    const make = (seed: number) => {
      const random = seededRandom(seed);
      return composeFrame(randomPlacements(random, fonts, 2), seededRandom(seed + 1), random);
    };
    const first = make(3);
    expect(Buffer.from(make(3).image.data).equals(Buffer.from(first.image.data))).toBe(true);
    expect(Buffer.from(make(4).image.data).equals(Buffer.from(first.image.data))).toBe(false);
  });
});
