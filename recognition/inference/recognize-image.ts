import { rectangleQuad, rectifyQuad, toRgb, type PixelImage, type Quad } from '../geometry/index.js';
import type { DetectedPlate } from './detect-plates.js';
import { loadDetector, type PlateDetector } from './detector.js';
import { cropHeight, cropWidth } from './plate-tensors.js';
import { loadRecognizer, type PlateRecognizer } from './recognizer.js';

export interface PlateModels {
  readonly detector: PlateDetector;
  readonly recognizer: PlateRecognizer;
}

/** Both models on one thread count (the edge's recognize worker holds one pair per worker). */
export async function loadPlateModels(options: { modelDir?: string; threads?: number } = {}): Promise<PlateModels & { release(): Promise<void> }> {
  const recognizer = await loadRecognizer(options);
  let detector: PlateDetector;
  try {
    detector = await loadDetector(options);
  } catch (error) {
    await recognizer.release();
    throw error;
  }
  return { detector, recognizer, release: async () => { await Promise.all([detector.release(), recognizer.release()]); } };
}

/**
 * `frame`: detect plates, rectify and read each. `crop`: the whole image is one plate (its corners are the image's).
 * `auto`: a small plate-shaped image is a crop; anything else is a frame, and a plate-shaped image in which the
 * detector finds nothing is read as a crop.
 */
export type RecognitionMode = 'auto' | 'frame' | 'crop';

export interface ReadCandidate {
  readonly text: string;
  readonly confidence: number;
}

export interface RecognizedPlate {
  /** TL, TR, BR, BL in image pixels. */
  readonly corners: Quad;
  /** The detector's score; null when the image was read as a crop. */
  readonly score: number | null;
  /** Top-k, best first. */
  readonly candidates: readonly ReadCandidate[];
  /** The rectified 192×64 RGB crop that was read (the edge keeps it as evidence). */
  readonly crop: PixelImage;
}

export interface ImageRecognition {
  readonly readAs: 'frame' | 'crop';
  /** Best plate first (detector score). */
  readonly plates: readonly RecognizedPlate[];
}

// A detector trained on plates 40–300 px wide in 1280×720 frames sees a 192×64 crop scaled to fill its whole
// input, far outside what it learned; such images go straight to the recogniser.
const smallCrop = { maxWidth: 400, maxHeight: 200 };
// One-line plates are 520×110 mm (4.7:1), two-line 335×155 or 335×170 mm (about 2:1); 16:9 and 4:3 frames fall below.
const plateAspect = { min: 1.85, max: 6 };

export function isPlateShaped(width: number, height: number): boolean {
  const aspect = width / height;
  return aspect >= plateAspect.min && aspect <= plateAspect.max;
}

export async function recognizeImage(models: PlateModels, image: PixelImage, mode: RecognitionMode = 'auto'): Promise<ImageRecognition> {
  const plateShaped = isPlateShaped(image.width, image.height);
  const asCrop = mode === 'crop'
    || (mode === 'auto' && plateShaped && image.width <= smallCrop.maxWidth && image.height <= smallCrop.maxHeight);
  if (!asCrop) {
    const detected = await models.detector.detect(image);
    if (detected.length > 0 || mode === 'frame' || !plateShaped) return { readAs: 'frame', plates: await readPlates(models.recognizer, image, detected) };
  }
  const corners = rectangleQuad(image.width, image.height);
  return { readAs: 'crop', plates: await readPlates(models.recognizer, image, [{ score: null, corners }]) };
}

async function readPlates(recognizer: PlateRecognizer, image: PixelImage, found: readonly Pick<DetectedPlate | RecognizedPlate, 'score' | 'corners'>[]): Promise<RecognizedPlate[]> {
  const plates = found.map(({ score, corners }) => {
    const whole = image.width === cropWidth && image.height === cropHeight && isWholeImage(corners, image);
    return { score, corners, crop: whole ? toRgb(image) : rectifyQuad(image, corners, cropWidth, cropHeight) };
  });
  const reads = await recognizer.readCrops(plates.map((plate) => plate.crop));
  return plates.map((plate, i) => ({
    ...plate,
    candidates: reads[i]!.candidates.map(({ text, confidence }) => ({ text, confidence })),
  }));
}

function isWholeImage(corners: Quad, image: PixelImage): boolean {
  const whole = rectangleQuad(image.width, image.height);
  return corners.every((p, i) => p[0] === whole[i]![0] && p[1] === whole[i]![1]);
}
