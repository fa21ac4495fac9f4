import { describe, expect, it } from 'vitest';
import type { PixelImage } from '../geometry/index.js';
import { cropTensor, frameGeometry, frameTensor } from './plate-tensors.js';

/** golden.py's formula image: pixel (x, y) = [(7x + 13y) mod 256, (3x + 5y) mod 256, (x XOR y) mod 256]. */
function formulaImage(width: number, height: number, channels: 3 | 4 = 3): PixelImage {
  const data = new Uint8ClampedArray(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      data[i] = (7 * x + 13 * y) % 256;
      data[i + 1] = (3 * x + 5 * y) % 256;
      data[i + 2] = (x ^ y) % 256;
      if (channels === 4) data[i + 3] = 255;
    }
  }
  return { width, height, channels, data };
}

const at = (tensor: Float32Array, c: number, y: number, x: number) => tensor[c * 384 * 640 + y * 640 + x]!;
const sum = (tensor: Float32Array) => tensor.reduce((s, v) => s + v, 0);

describe('the recogniser input (crop_tensor)', () => {
  it('normalises (v / 255 - 0.5) / 0.5 in float32 into [N][c][y][x]', () => {
    const crop = formulaImage(192, 64);
    const tensor = cropTensor([crop, crop]);
    expect(tensor).toHaveLength(2 * 3 * 64 * 192);
    const normalised = (v: number) => Math.fround(Math.fround(Math.fround(v / 255) - 0.5) / 0.5);
    for (const [c, y, x] of [[0, 0, 0], [1, 10, 100], [2, 63, 191]] as const) {
      const v = crop.data[(y * 192 + x) * 3 + c]!;
      expect(tensor[c * 64 * 192 + y * 192 + x]).toBe(normalised(v));
      expect(tensor[3 * 64 * 192 + c * 64 * 192 + y * 192 + x]).toBe(normalised(v));
    }
    expect(normalised(0)).toBe(-1);
    expect(normalised(255)).toBe(1);
  });

  it('refuses a crop of another size', () => {
    expect(() => cropTensor([formulaImage(190, 64)])).toThrow(RangeError);
  });
});

// Expected values printed by training/plates/data.py frame_input for the same formula images.
describe('the detector input (frame_input)', () => {
  it.each([
    { width: 1280, height: 720, geometry: { scaleX: 0.5, scaleY: 0.5, resizedWidth: 640, resizedHeight: 360 } },
    { width: 1000, height: 1000, geometry: { scaleX: 0.384, scaleY: 0.384, resizedWidth: 384, resizedHeight: 384 } },
    { width: 300, height: 200, geometry: { scaleX: 1.92, scaleY: 1.92, resizedWidth: 576, resizedHeight: 384 } },
    { width: 640, height: 384, geometry: { scaleX: 1, scaleY: 1, resizedWidth: 640, resizedHeight: 384 } },
  ])('fits $width×$height into 640×384', ({ width, height, geometry }) => {
    expect(frameGeometry(width, height)).toEqual(geometry);
  });

  it('matches golden.py preprocess on the 1280×720 formula image (sum and samples)', () => {
    const { tensor, geometry } = frameTensor(formulaImage(1280, 720));
    expect(geometry).toEqual({ scaleX: 0.5, scaleY: 0.5, resizedWidth: 640, resizedHeight: 360 });
    expect(sum(tensor)).toBeCloseTo(0.010460615158081055, 6);
    const samples: [number, number, number, number][] = [
      [0, 0, 0, -0.9215686321258545], [1, 17, 33, -0.09019607305526733], [2, 359, 639, -0.6196078658103943],
      [0, 180, 320, 0.6470588445663452], [1, 359, 0, -0.9215686321258545], [2, 360, 100, 0], [0, 383, 639, 0],
      [1, 200, 401, -0.545098066329956],
    ];
    for (const [c, y, x, value] of samples) expect(at(tensor, c, y, x)).toBe(value);
  });

  it('an exact 2× reduction is the mean of each 2×2 block; the padding is 0', () => {
    const frame = formulaImage(1280, 720, 4);
    const { tensor } = frameTensor(frame);
    const n = (x: number, y: number, c: number) => (frame.data[(y * 1280 + x) * 4 + c]! / 255 - 0.5) / 0.5;
    for (const [c, y, x] of [[0, 5, 7], [1, 100, 300], [2, 359, 639]] as const) {
      const mean = (n(2 * x, 2 * y, c) + n(2 * x + 1, 2 * y, c) + n(2 * x, 2 * y + 1, c) + n(2 * x + 1, 2 * y + 1, c)) / 4;
      expect(at(tensor, c, y, x)).toBeCloseTo(mean, 6);
    }
    for (let y = 360; y < 384; y++) for (let x = 0; x < 640; x += 37) expect(at(tensor, 1, y, x)).toBe(0);
  });

  it('matches data.py on a shrink by 0.384 and an enlargement by 1.92 (clamped edges, padded columns)', () => {
    const shrunk = frameTensor(formulaImage(1000, 1000)).tensor;
    expect(sum(shrunk)).toBeCloseTo(-57.427509049579385, 5);
    expect(at(shrunk, 1, 100, 200)).toBe(-0.5686274766921997);
    expect(at(shrunk, 2, 383, 383)).toBe(-0.9975098371505737);
    expect(at(shrunk, 0, 10, 500)).toBe(0);
    const enlarged = frameTensor(formulaImage(300, 200)).tensor;
    expect(sum(enlarged)).toBeCloseTo(-6712.160862617107, 4);
    expect(at(enlarged, 0, 0, 0)).toBe(-1);
    expect(at(enlarged, 1, 191, 287)).toBe(0.37973862886428833);
    expect(at(enlarged, 2, 383, 575)).toBe(0.8509804010391235);
    expect(at(enlarged, 2, 383, 576)).toBe(0);
  });
});
