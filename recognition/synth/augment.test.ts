import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../domain/plates/index.js';
import {
  addGlare, addSensorNoise, applyLighting, gaussianBlur, motionBlur, plateQuad, recompressJpeg, toInfraredGrey, type Lighting, type RgbaImage,
} from './augment.js';

function checker(): RgbaImage {
  const width = 64;
  const height = 32;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const on = ((x >> 3) + (y >> 3)) % 2 === 0;
      data[p] = on ? 230 : 20;
      data[p + 1] = on ? 200 : 30;
      data[p + 2] = on ? 40 : 60;
      data[p + 3] = 255;
    }
  }
  return { width, height, channels: 4, data };
}

const same = (a: RgbaImage, b: RgbaImage) => Buffer.from(a.data).equals(Buffer.from(b.data));

describe('camera effects', () => {
  const effects: [string, (image: RgbaImage, seed: number) => RgbaImage][] = [
    ['defocus', (image) => (gaussianBlur(image, 1.2), image)],
    ['motion blur', (image) => (motionBlur(image, 6, 0.3), image)],
    ['sensor noise', (image, seed) => (addSensorNoise(image, 8, seededRandom(seed)), image)],
    ['glare', (image) => (addGlare(image, [20, 10], 8, 0.8), image)],
    ['infrared', (image) => (toInfraredGrey(image, 1), image)],
    ['JPEG', (image) => recompressJpeg(image, 40)],
    ...(['day', 'overcast', 'low-light', 'night', 'infrared', 'over-exposed'] as Lighting[]).map(
      (lighting): [string, (image: RgbaImage, seed: number) => RgbaImage] => [lighting, (image, seed) => (applyLighting(image, lighting, seededRandom(seed), [[30, 16]], 10), image)],
    ),
  ];

  it.each(effects)('%s changes the image, the same way for the same seed', (_name, effect) => {
    const once = effect(checker(), 1);
    expect(once).toMatchObject({ width: 64, height: 32 });
    expect(same(once, checker())).toBe(false);
    expect(same(effect(checker(), 1), once)).toBe(true);
  });

  it('infrared frames are grey', () => {
    const image = checker();
    toInfraredGrey(image, 1);
    for (let p = 0; p < image.data.length; p += 4) expect(new Set([image.data[p], image.data[p + 1], image.data[p + 2]]).size).toBe(1);
  });

  it('a plate facing the camera keeps its rectangle; turned, its far side shrinks', () => {
    const flat = plateQuad([100, 50], 104, 22, { yaw: 0, pitch: 0, roll: 0 });
    expect(flat).toEqual([[48, 39], [152, 39], [152, 61], [48, 61]]);
    const turned = plateQuad([100, 50], 104, 22, { yaw: 0.5, pitch: 0, roll: 0 }, 3);
    const left = turned[3][1] - turned[0][1];
    const right = turned[2][1] - turned[1][1];
    expect(right).toBeLessThan(left);
    expect(turned[1][0] - turned[0][0]).toBeLessThan(104);
  });
});
