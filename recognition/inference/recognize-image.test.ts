import { describe, expect, it } from 'vitest';
import { createPixelImage, type PixelImage, type Quad } from '../geometry/index.js';
import type { DetectedPlate } from './detect-plates.js';
import type { PlateDetector } from './detector.js';
import type { PlateRecognizer } from './recognizer.js';
import { isPlateShaped, recognizeImage, type PlateModels } from './recognize-image.js';

/** Stand-in models: the detector returns `found`; the recogniser reads each crop's mean red value as its text. */
function stubModels(found: DetectedPlate[]): PlateModels & { detectorCalls: number; crops: PixelImage[] } {
  const state = { detectorCalls: 0, crops: [] as PixelImage[] };
  const detector: PlateDetector = {
    async detect() { state.detectorCalls++; return found; },
    maps: () => Promise.reject(new Error('not used')),
    release: async () => {},
  };
  const recognizer: PlateRecognizer = {
    vocabulary: ['<blank>'],
    async readCrops(crops) {
      state.crops.push(...crops);
      return crops.map((crop) => {
        let red = 0;
        for (let i = 0; i < crop.data.length; i += 3) red += crop.data[i]!;
        const text = `red${Math.round(red / (crop.width * crop.height))}`;
        return { candidates: [{ text, confidence: 0.9, logScore: Math.log(0.9), tokens: [] }], greedy: text };
      });
    },
    logProbs: () => Promise.reject(new Error('not used')),
    release: async () => {},
  };
  return Object.assign(state, { detector, recognizer });
}

/** An RGB image of one colour with a red rectangle (200) at `[x0, y0, x1, y1)`. */
function imageWithRed(width: number, height: number, [x0, y0, x1, y1]: [number, number, number, number]): PixelImage {
  const image = createPixelImage(width, height, 3);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data[(y * width + x) * 3] = 200;
  return image;
}

const plateAt = (corners: Quad, score: number): DetectedPlate => ({ corners, score, cell: [0, 0] });

describe('reading a whole image: frame or crop', () => {
  it.each([
    { width: 192, height: 64, shaped: true }, { width: 520, height: 110, shaped: true }, { width: 335, height: 170, shaped: true },
    { width: 1280, height: 720, shaped: false }, { width: 640, height: 480, shaped: false }, { width: 100, height: 10, shaped: false },
  ])('$width×$height is plate-shaped: $shaped', ({ width, height, shaped }) => {
    expect(isPlateShaped(width, height)).toBe(shaped);
  });

  it('a frame: each detected plate is rectified to 192×64 and read, in the detector\'s order', async () => {
    const frame = imageWithRed(1280, 720, [90, 90, 310, 160]);
    const models = stubModels([
      plateAt([[100, 100], [300, 100], [300, 150], [100, 150]], 0.9),
      plateAt([[600, 400], [700, 400], [700, 430], [600, 430]], 0.5),
    ]);
    const result = await recognizeImage(models, frame);
    expect(result.readAs).toBe('frame');
    expect(result.plates.map((p) => [p.score, p.candidates[0]!.text])).toEqual([[0.9, 'red200'], [0.5, 'red0']]);
    expect(models.crops.map((c) => [c.width, c.height, c.channels])).toEqual([[192, 64, 3], [192, 64, 3]]);
  });

  it('a frame with no plate reads nothing', async () => {
    const models = stubModels([]);
    const result = await recognizeImage(models, imageWithRed(1280, 720, [0, 0, 0, 0]));
    expect(result).toEqual({ readAs: 'frame', plates: [] });
  });

  it('a small plate-shaped image is read as a crop without running the detector', async () => {
    const models = stubModels([plateAt([[0, 0], [10, 0], [10, 10], [0, 10]], 0.9)]);
    const crop = imageWithRed(192, 64, [0, 0, 192, 64]);
    const result = await recognizeImage(models, crop);
    expect(models.detectorCalls).toBe(0);
    expect(result.readAs).toBe('crop');
    expect(result.plates).toHaveLength(1);
    expect(result.plates[0]).toMatchObject({ score: null, corners: [[0, 0], [192, 0], [192, 64], [0, 64]] });
    expect(result.plates[0]!.crop.data).toEqual(crop.data);
  });

  it('a large plate-shaped image where the detector finds nothing is read as a crop, resized to 192×64', async () => {
    const models = stubModels([]);
    const result = await recognizeImage(models, imageWithRed(960, 320, [0, 0, 960, 320]));
    expect(models.detectorCalls).toBe(1);
    expect(result.readAs).toBe('crop');
    expect(result.plates[0]!.candidates[0]!.text).toBe('red200');
  });

  it('the explicit modes win over the shape', async () => {
    const crop = imageWithRed(192, 64, [0, 0, 192, 64]);
    expect((await recognizeImage(stubModels([]), crop, 'frame'))).toEqual({ readAs: 'frame', plates: [] });
    const frame = imageWithRed(1280, 720, [0, 0, 1280, 720]);
    const asCrop = await recognizeImage(stubModels([]), frame, 'crop');
    expect(asCrop.readAs).toBe('crop');
    expect(asCrop.plates[0]!.candidates[0]!.text).toBe('red200');
  });
});
