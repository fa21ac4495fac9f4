import { describe, expect, it } from 'vitest';
import { applyHomography, growQuad, homographyFromPoints, invertHomography, rectifyQuad, warpInto, type PixelImage, type Quad } from './index.js';

function patterned(width: number, height: number, channels: 3 | 4): PixelImage {
  const data = new Uint8ClampedArray(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * channels;
      data[p] = (x * 37 + y * 11) % 256;
      data[p + 1] = (x * 5 + y * 53) % 256;
      data[p + 2] = (x ^ y) & 255;
      if (channels === 4) data[p + 3] = 255;
    }
  }
  return { width, height, channels, data };
}

/** Plain bilinear resize with pixel-centre alignment, clamped at the edges: the reference rectifyQuad must equal. */
function resize(image: PixelImage, width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 3);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const x = Math.min(Math.max((u + 0.5) * sx - 0.5, 0), image.width - 1);
      const y = Math.min(Math.max((v + 0.5) * sy - 0.5, 0), image.height - 1);
      const x0 = Math.floor(x), y0 = Math.floor(y);
      const x1 = Math.min(x0 + 1, image.width - 1), y1 = Math.min(y0 + 1, image.height - 1);
      const fx = x - x0, fy = y - y0;
      for (let c = 0; c < 3; c++) {
        const at = (px: number, py: number) => image.data[(py * image.width + px) * image.channels + c]!;
        out[(v * width + u) * 3 + c] = at(x0, y0) * (1 - fx) * (1 - fy) + at(x1, y0) * fx * (1 - fy) +
          at(x0, y1) * (1 - fx) * fy + at(x1, y1) * fx * fy + 0.5;
      }
    }
  }
  return out;
}

describe('homographyFromPoints', () => {
  it('maps each corner onto its partner and round-trips through its inverse', () => {
    const from: Quad = [[0, 0], [192, 0], [192, 64], [0, 64]];
    const to: Quad = [[103.5, 220.25], [418, 190], [431, 305.5], [96, 330]];
    const h = homographyFromPoints(from, to);
    const inverse = invertHomography(h);
    from.forEach((point, i) => {
      const mapped = applyHomography(h, point[0], point[1]);
      expect(mapped[0]).toBeCloseTo(to[i]![0], 9);
      expect(mapped[1]).toBeCloseTo(to[i]![1], 9);
    });
    for (const [x, y] of [[17.25, 3.5], [100, 40], [191, 63]] as const) {
      const [u, v] = applyHomography(h, x, y);
      const [bx, by] = applyHomography(inverse, u, v);
      expect(bx).toBeCloseTo(x, 8);
      expect(by).toBeCloseTo(y, 8);
    }
  });

  it('grows a quad about its centre through the same projective map', () => {
    expect(growQuad([[10, 20], [30, 20], [30, 30], [10, 30]], 2, 3)).toEqual([[0, 10], [40, 10], [40, 40], [0, 40]]);
    const posed: Quad = [[100, 100], [300, 90], [310, 160], [95, 170]];
    const back = growQuad(growQuad(posed, 1.2, 1.5), 1 / 1.2, 1 / 1.5);
    back.forEach((point, i) => {
      expect(point[0]).toBeCloseTo(posed[i]![0], 6);
      expect(point[1]).toBeCloseTo(posed[i]![1], 6);
    });
  });

  it('refuses a degenerate quadrilateral', () => {
    expect(() => homographyFromPoints([[0, 0], [1, 0], [2, 0], [0, 1]], [[0, 0], [1, 0], [1, 1], [0, 1]])).toThrow(/collinear/);
  });
});

describe('rectifyQuad', () => {
  it.each([
    ['a downscale', 384, 128, 192, 64],
    ['an upscale', 60, 20, 192, 64],
    ['a two-line plate stretched to the crop', 67, 31, 192, 64],
  ])('of an axis-aligned quad equals a plain bilinear resize (%s)', (_name, sw, sh, w, h) => {
    for (const channels of [3, 4] as const) {
      const image = patterned(sw, sh, channels);
      const crop = rectifyQuad(image, [[0, 0], [sw, 0], [sw, sh], [0, sh]], w, h);
      expect(crop.channels).toBe(3);
      const expected = resize(image, w, h);
      let worst = 0;
      for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(crop.data[i]! - expected[i]!));
      expect(worst).toBeLessThanOrEqual(1);
    }
  });

  it('undoes warpInto: a plate warped into a frame comes back', () => {
    const plate = patterned(96, 32, 4);
    for (let i = 0; i < plate.data.length; i += 4) plate.data[i] = plate.data[i + 1] = plate.data[i + 2] = ((i / 4) % 96) < 48 ? 30 : 220;
    const frame: PixelImage = { width: 400, height: 300, channels: 4, data: new Uint8ClampedArray(400 * 300 * 4).fill(128) };
    const corners: Quad = [[110, 100], [300, 90], [310, 170], [105, 175]];
    warpInto(frame, plate, corners);
    const back = rectifyQuad(frame, corners, 96, 32);
    let error = 0;
    for (let y = 4; y < 28; y++) for (let x = 4; x < 92; x++) if (Math.abs(x - 48) > 3) error += Math.abs(back.data[(y * 96 + x) * 3]! - plate.data[(y * 96 + x) * 4]!);
    expect(error / (24 * 81)).toBeLessThan(6);
  });
});
