import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fusePass, fusionDefaults, type FrameRead } from '../../domain/recognition/index.js';
import { stageRandom } from '../../domain/simulation/index.js';
import type { PixelImage, Quad } from '../../recognition/geometry/index.js';
import { decodeImage } from '../../recognition/inference/image-input.js';
import { loadPlateModels, recognizeImage, type PlateModels } from '../../recognition/inference/recognize-image.js';
import { composePass, type ComposedFrame } from '../../recognition/synth/compose-frame.js';
import { encodeJpeg } from '../../recognition/synth/encode-image.js';
import { cropAt, frameAt } from '../../recognition/synth/generate-dataset.js';
import type { PlateFont } from '../../recognition/synth/plate-fonts.js';
import {
  frameTotals, matchPlates, meanCornerError, passTotals, perKind, readTotals,
  type FramePlateOutcome, type FrameTotals, type PassOutcome, type PassTotals, type ReadThresholds, type ReadTotals, type ScoredRead,
} from './plate-metrics.js';

/** The operating point the edge acts on and the confidence below which it makes no read (domain/recognition). */
export const readThresholds: ReadThresholds = { operating: fusionDefaults.confirmConfidence, abstainBelow: fusionDefaults.possibleConfidence };

/** Items `from` … `to` of a part of the data set (1-based, inclusive; empty when `to < from`). */
export type ItemRange = readonly [number, number];

export interface PartOptions {
  readonly seed: number;
  readonly fonts: readonly PlateFont[];
  readonly crops: ItemRange;
  /** Crops drawn with the held-out fonts (the same plates in other typefaces); none when `fonts` are held-out already. */
  readonly heldOut: { readonly fonts: readonly PlateFont[]; readonly crops: ItemRange } | null;
  readonly frames: ItemRange;
  readonly passes: ItemRange;
  readonly threads: number;
  readonly modelDir: string;
  /** Reads crops with the baseline (Tesseract) in its own process; their normalised texts. */
  readonly baseline?: (crops: readonly PixelImage[]) => Promise<string[]>;
  readonly progress?: (line: string) => void;
}

/** What one part of the run observed, before any totals: parts from worker processes are concatenated. */
export interface PartOutcomes {
  readonly crops: ScoredRead[];
  /** The baseline's text for each crop, in order; null without a baseline. */
  readonly baselineTexts: string[] | null;
  readonly heldOut: ScoredRead[] | null;
  readonly framePlates: FramePlateOutcome[];
  readonly detections: number;
  readonly falseDetections: number;
  readonly passes: PassOutcome[];
  readonly seconds: Record<string, number>;
}

type CropTotals = ReadTotals & { baselineExact: number | null; baselineCer: number | null };

export interface PlatesEvaluation {
  readonly crops: { kind: string; totals: CropTotals }[];
  /** The same crops grouped by visual style (`kind` holds the style). */
  readonly cropsByStyle: { kind: string; totals: CropTotals }[];
  readonly heldOutFonts: ReadTotals | null;
  readonly frames: { kind: string; totals: FrameTotals }[];
  /** Detections that match no true plate, and all detections. */
  readonly falseDetections: number;
  readonly detections: number;
  readonly passes: { kind: string; totals: PassTotals }[];
}

const cropBatch = 16;
const items = ([from, to]: ItemRange): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** The first 12 hex digits of each model file's SHA-256 and its size, so a result names the models it measured. */
export function modelDigests(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of ['recognizer.onnx', 'detector.onnx']) {
    const bytes = readFileSync(join(dir, file));
    out[file] = `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)} (${(statSync(join(dir, file)).size / 1e6).toFixed(2)} MB)`;
  }
  return out;
}

async function readCropSet(models: PlateModels, seed: number, range: ItemRange, fonts: readonly PlateFont[], keep: PixelImage[] | null): Promise<ScoredRead[]> {
  const scored: ScoredRead[] = [];
  const indices = items(range);
  for (let start = 0; start < indices.length; start += cropBatch) {
    const batch = indices.slice(start, start + cropBatch).map((i) => cropAt(seed, i, fonts));
    const reads = await models.recognizer.readCrops(batch.map((crop) => crop.image));
    batch.forEach((crop, i) => {
      const best = reads[i]!.candidates[0];
      scored.push({ kind: crop.kind, style: crop.style, truth: crop.text, read: best?.text ?? '', confidence: best?.confidence ?? 0 });
      keep?.push(crop.image);
    });
  }
  return scored;
}

/** The frame as a camera sends it (JPEG at the frame's quality), decoded and read as the edge's worker does. */
async function recognizeFrame(models: PlateModels, frame: ComposedFrame) {
  const image = await decodeImage(encodeJpeg(frame.image, frame.jpegQuality));
  return (await recognizeImage(models, image, 'frame')).plates;
}

/**
 * Runs the shipped models over one part of the data the generator makes in memory for `seed`: crops (the
 * recogniser alone), frames (detector, then the recogniser on its rectified quads) and passes of 3–6 frames fused
 * with `fusePass`. Items are those `npm run plates:generate` would write for the same seed and fonts.
 */
export async function evaluatePart(options: PartOptions): Promise<PartOutcomes> {
  const progress = options.progress ?? (() => undefined);
  const timing: Record<string, number> = {};
  let started = performance.now();
  const models = await loadPlateModels({ threads: options.threads, modelDir: options.modelDir });
  timing.load = seconds(started);
  try {
    started = performance.now();
    const images: PixelImage[] = [];
    const crops = await readCropSet(models, options.seed, options.crops, options.fonts, options.baseline ? images : null);
    timing.crops = seconds(started);
    progress(`crops: ${crops.length} read in ${timing.crops} s`);
    // Tesseract reads the same crops in its own process while the models go on with frames and passes.
    const baselineStarted = performance.now();
    const baseline = options.baseline?.(images).then((texts) => {
      timing.baseline = seconds(baselineStarted);
      return texts;
    });
    baseline?.catch(() => undefined);

    started = performance.now();
    const heldOut = options.heldOut ? await readCropSet(models, options.seed, options.heldOut.crops, options.heldOut.fonts, null) : null;
    timing.heldOutCrops = seconds(started);
    if (heldOut) progress(`held-out font crops: ${heldOut.length} read in ${timing.heldOutCrops} s`);

    started = performance.now();
    const framePlates: FramePlateOutcome[] = [];
    let falseDetections = 0;
    let detections = 0;
    for (const i of items(options.frames)) {
      const frame = frameAt(options.seed, i, options.fonts);
      const found = await recognizeFrame(models, frame);
      const { truthToFound, unmatchedFound } = matchPlates(found.map((p) => p.corners), frame.plates.map((p) => p.corners));
      detections += found.length;
      falseDetections += unmatchedFound.length;
      frame.plates.forEach((truth, t) => {
        const match = found[truthToFound[t]!];
        const best = match?.candidates[0];
        framePlates.push({
          kind: truth.kind, truth: truth.text, read: best?.text ?? '', confidence: best?.confidence ?? 0,
          detected: match !== undefined, cornerErrorPx: match ? meanCornerError(match.corners, truth.corners) : null,
        });
      });
    }
    timing.frames = seconds(started);
    progress(`frames: ${items(options.frames).length} (${framePlates.length} plates) in ${timing.frames} s`);

    started = performance.now();
    const passes: PassOutcome[] = [];
    for (const i of items(options.passes)) {
      passes.push(await evaluatePass(models, options.seed, i, options.fonts));
      if (passes.length % 100 === 0) progress(`passes: ${passes.length} of ${items(options.passes).length}`);
    }
    timing.passes = seconds(started);
    progress(`passes: ${passes.length} in ${timing.passes} s`);

    const baselineTexts = baseline ? await baseline : null;
    return { crops, baselineTexts, heldOut, framePlates, detections, falseDetections, passes, seconds: timing };
  } finally {
    await models.release();
  }
}

/** The parts' outcomes (in item order) as totals per kind and over all. */
export function summarise(parts: readonly PartOutcomes[]): PlatesEvaluation {
  const crops = parts.flatMap((part) => part.crops.map((crop, i) => ({ ...crop, baselineRead: part.baselineTexts?.[i] ?? null })));
  const withBaseline = parts.every((part) => part.baselineTexts !== null);
  const heldOut = parts.every((part) => part.heldOut !== null) ? parts.flatMap((part) => part.heldOut ?? []) : null;
  const cropTotals = (group: readonly (ScoredRead & { baselineRead: string | null })[]): CropTotals => {
    const totals = readTotals(group, readThresholds);
    if (!withBaseline) return { ...totals, baselineExact: null, baselineCer: null };
    const b = readTotals(group.map((crop) => ({ ...crop, read: crop.baselineRead ?? '', confidence: 0 })), readThresholds);
    return { ...totals, baselineExact: b.exact, baselineCer: b.cer };
  };
  return {
    crops: perKind(crops, cropTotals),
    cropsByStyle: perKind(crops.map((crop) => ({ ...crop, kind: crop.style ?? 'unknown' })), cropTotals),
    heldOutFonts: heldOut ? readTotals(heldOut, readThresholds) : null,
    frames: perKind(parts.flatMap((part) => part.framePlates), frameTotals),
    falseDetections: parts.reduce((sum, part) => sum + part.falseDetections, 0),
    detections: parts.reduce((sum, part) => sum + part.detections, 0),
    passes: perKind(parts.flatMap((part) => part.passes), passTotals),
  };
}

/**
 * One pass as `npm run plates:generate` draws it (3–6 frames of one approaching vehicle). Each frame's read of the
 * vehicle is the detection whose corner box matches the true plate (IoU ≥ 0.5), none when nothing matches: the pass
 * the edge's grouping would form if it grouped perfectly. The frames' reads are fused by `fusePass`.
 */
async function evaluatePass(models: PlateModels, seed: number, index: number, fonts: readonly PlateFont[]): Promise<PassOutcome> {
  const random = stageRandom(seed, 'pass', String(index));
  const frameCount = 3 + Math.floor(random() * 4);
  const frames = composePass(random, fonts, frameCount, () => stageRandom(seed, 'pass-scene', String(index)));
  const truth = frames.find((frame) => frame.plates.length > 0)?.plates[0];
  const reads: FrameRead[] = [];
  for (const frame of frames) {
    const corners: Quad | undefined = frame.plates[0]?.corners;
    if (corners === undefined) {
      reads.push([]);
      continue;
    }
    const found = await recognizeFrame(models, frame);
    const t = matchPlates(found.map((p) => p.corners), [corners]).truthToFound[0]!;
    reads.push(t < 0 ? [] : found[t]!.candidates);
  }
  const fused = fusePass(reads);
  return { kind: truth?.kind ?? 'unlabelled', truth: truth?.text ?? '', status: fused.status, read: fused.candidates[0]?.text ?? '' };
}
