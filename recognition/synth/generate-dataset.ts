import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { stageRandom } from '../../domain/simulation/index.js';
import type { PixelImage } from '../geometry/index.js';
import { composeFrame, composePass, randomPlacements, type ComposedFrame } from './compose-frame.js';
import { encodeJpeg, encodeRgbPng } from './encode-image.js';
import { resolvePlateFonts, type FontSelection } from './plate-fonts.js';
import { plateStyles } from './plate-styles.js';
import { randomPlateLook, randomPlateSpec, renderPlate } from './render-plate.js';
import { cropHeight, cropWidth, renderTrainingCrop } from './training-crop.js';

/** Bumped whenever the same seed would draw different data, so a model card can name the data it was trained on. */
export const generatorVersion = '1.0.0';

export interface GenerateOptions {
  readonly seed: number;
  readonly crops: number;
  readonly frames: number;
  readonly passes: number;
  readonly fonts: FontSelection;
  readonly out: string;
  readonly contactSheet: boolean;
  /** Called after every item with what is done so far. */
  readonly onProgress?: (done: { crops: number; frames: number; passes: number }) => void;
}

export interface GenerateReport {
  readonly crops: number;
  readonly frames: number;
  readonly passes: number;
  readonly cropSeconds: number;
  readonly frameSeconds: number;
  readonly passSeconds: number;
}

const sixDigits = (n: number): string => String(n).padStart(6, '0');
const round = (v: number): number => Math.round(v * 10000) / 10000;

function shares(counts: Map<string, number>, total: number): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => [key, round(n / Math.max(1, total))]));
}

/**
 * Writes a data set under `out` (manifest.json, crops/ + crops.jsonl, frames/ + frames.jsonl, passes/ +
 * passes.jsonl). Every item draws from its own random source derived from the seed and its index, so the same
 * seed gives byte-identical files, and item 17 is the same whether 20 or 20,000 are made.
 */
export function generateDataset(options: GenerateOptions): GenerateReport {
  const fonts = resolvePlateFonts(options.fonts);
  const { out, seed } = options;
  mkdirSync(out, { recursive: true });
  const kindCounts = new Map<string, number>();
  const styleCounts = new Map<string, number>();
  const sheetCrops: PixelImage[] = [];
  const done = { crops: 0, frames: 0, passes: 0 };

  const cropLines: string[] = [];
  let started = performance.now();
  if (options.crops > 0) mkdirSync(join(out, 'crops'), { recursive: true });
  for (let i = 1; i <= options.crops; i++) {
    const crop = renderTrainingCrop(stageRandom(seed, 'crop', String(i)), fonts);
    const file = `crops/${sixDigits(i)}.png`;
    writeFileSync(join(out, file), encodeRgbPng(crop.image));
    cropLines.push(JSON.stringify({
      file, text: crop.text, kind: crop.kind, layout: crop.layout, colour: crop.colour, font: crop.font, style: crop.style,
      lighting: crop.lighting, plateWidthPx: crop.plateWidthPx,
    }));
    kindCounts.set(crop.kind, (kindCounts.get(crop.kind) ?? 0) + 1);
    styleCounts.set(crop.style, (styleCounts.get(crop.style) ?? 0) + 1);
    if (sheetCrops.length < 48) sheetCrops.push(crop.image);
    done.crops = i;
    options.onProgress?.(done);
  }
  writeFileSync(join(out, 'crops.jsonl'), cropLines.map((line) => `${line}\n`).join(''));
  const cropSeconds = (performance.now() - started) / 1000;

  const frameLines: string[] = [];
  const sheetFrames: ComposedFrame[] = [];
  started = performance.now();
  if (options.frames > 0) mkdirSync(join(out, 'frames'), { recursive: true });
  for (let i = 1; i <= options.frames; i++) {
    const random = stageRandom(seed, 'frame', String(i));
    const count = Math.floor(random() * 5);
    const frame = composeFrame(randomPlacements(random, fonts, count), stageRandom(seed, 'frame-scene', String(i)), random);
    const file = `frames/${sixDigits(i)}.jpg`;
    writeFileSync(join(out, file), encodeJpeg(frame.image, frame.jpegQuality));
    frameLines.push(JSON.stringify({ file, width: frame.image.width, height: frame.image.height, lighting: frame.lighting, plates: frame.plates }));
    if (sheetFrames.length < 2 && frame.plates.length > 0) sheetFrames.push(frame);
    done.frames = i;
    options.onProgress?.(done);
  }
  writeFileSync(join(out, 'frames.jsonl'), frameLines.map((line) => `${line}\n`).join(''));
  const frameSeconds = (performance.now() - started) / 1000;

  const passLines: string[] = [];
  started = performance.now();
  if (options.passes > 0) mkdirSync(join(out, 'passes'), { recursive: true });
  for (let i = 1; i <= options.passes; i++) {
    const random = stageRandom(seed, 'pass', String(i));
    const frameCount = 3 + Math.floor(random() * 4);
    const frames = composePass(random, fonts, frameCount, () => stageRandom(seed, 'pass-scene', String(i)));
    const plate = frames.find((frame) => frame.plates.length > 0)?.plates[0];
    const entries = frames.map((frame, k) => {
      const file = `passes/${sixDigits(i)}-${k + 1}.jpg`;
      writeFileSync(join(out, file), encodeJpeg(frame.image, frame.jpegQuality));
      return { file, width: frame.image.width, height: frame.image.height, lighting: frame.lighting, corners: frame.plates[0]?.corners ?? null };
    });
    passLines.push(JSON.stringify({
      pass: i, text: plate?.text, kind: plate?.kind, layout: plate?.layout, style: plate?.style, colour: plate?.colour, font: plate?.font, frames: entries,
    }));
    done.passes = i;
    options.onProgress?.(done);
  }
  if (options.passes > 0) writeFileSync(join(out, 'passes.jsonl'), passLines.map((line) => `${line}\n`).join(''));
  const passSeconds = (performance.now() - started) / 1000;

  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({
    generator: 'dongseon recognition/synth', generatorVersion, seed, crops: options.crops, frames: options.frames, passes: options.passes,
    cropSize: [cropWidth, cropHeight], frameSize: [1280, 720],
    fonts: fonts.map((font) => font.name),
    kindsShare: shares(kindCounts, options.crops), stylesShare: shares(styleCounts, options.crops),
  }, null, 2)}\n`);
  if (options.contactSheet) writeFileSync(join(out, 'contact-sheet.png'), contactSheet(seed, fonts, sheetCrops, sheetFrames));
  return { crops: options.crops, frames: options.frames, passes: options.passes, cropSeconds, frameSeconds, passSeconds };
}

function putRgb(ctx: SKRSContext2D, image: PixelImage, x: number, y: number): void {
  const data = ctx.createImageData(image.width, image.height);
  for (let p = 0, q = 0; q < data.data.length; p += image.channels, q += 4) {
    data.data[q] = image.data[p]!;
    data.data[q + 1] = image.data[p + 1]!;
    data.data[q + 2] = image.data[p + 2]!;
    data.data[q + 3] = 255;
  }
  ctx.putImageData(data, x, y);
}

/** A grid to look at: one clean plate per style, the first crops at 192×64, and frames with their labelled corners. */
function contactSheet(seed: number, fonts: ReturnType<typeof resolvePlateFonts>, crops: readonly PixelImage[], frames: readonly ComposedFrame[]): Buffer {
  const width = 1300;
  const styleRows = Math.ceil(plateStyles.length / 4);
  const cropRows = Math.ceil(crops.length / 6);
  const height = 20 + styleRows * 90 + 20 + cropRows * 70 + 20 + frames.length * 370;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#6b6b6b';
  ctx.fillRect(0, 0, width, height);
  let y = 10;
  plateStyles.forEach((style, i) => {
    const random = stageRandom(seed, 'sheet', style.name);
    const spec = randomPlateSpec(random, fonts, [style]);
    const plate = renderPlate(spec, randomPlateLook(random), 300 / style.widthMm, random);
    const x = 10 + (i % 4) * 320;
    const top = y + Math.floor(i / 4) * 90;
    const scale = Math.min(1, 80 / plate.canvas.height);
    ctx.drawImage(plate.canvas, x, top, plate.canvas.width * scale, plate.canvas.height * scale);
  });
  y += styleRows * 90 + 20;
  crops.forEach((crop, i) => putRgb(ctx, crop, 10 + (i % 6) * 210, y + Math.floor(i / 6) * 70));
  y += cropRows * 70 + 20;
  for (const frame of frames) {
    const thumb = createCanvas(frame.image.width, frame.image.height);
    const tctx = thumb.getContext('2d');
    const data = tctx.createImageData(frame.image.width, frame.image.height);
    data.data.set(frame.image.data);
    tctx.putImageData(data, 0, 0);
    tctx.strokeStyle = '#00ff66';
    tctx.lineWidth = 2;
    for (const plate of frame.plates) {
      tctx.beginPath();
      plate.corners.forEach(([px, py], k) => (k === 0 ? tctx.moveTo(px, py) : tctx.lineTo(px, py)));
      tctx.closePath();
      tctx.stroke();
      tctx.fillStyle = '#ff2255';
      tctx.fillRect(plate.corners[0][0] - 3, plate.corners[0][1] - 3, 6, 6);
    }
    ctx.drawImage(thumb, 10, y, 640, 360);
    ctx.drawImage(thumb, 650, y, 640, 360);
    y += 370;
  }
  return canvas.encodeSync('png');
}
