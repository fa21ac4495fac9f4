import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { stageRandom } from '../../domain/simulation/index.js';
import type { PixelImage } from '../geometry/index.js';
import { composeFrame, composePass, frameHeight, frameWidth, randomPlacements, type ComposedFrame } from './compose-frame.js';
import { encodeJpeg, encodeRgbPng } from './encode-image.js';
import { resolvePlateFonts, type FontSelection, type PlateFont } from './plate-fonts.js';
import { plateStyles, type PlateStyle } from './plate-styles.js';
import { randomPlateLook, randomPlateSpec, renderPlate } from './render-plate.js';
import { cropHeight, cropWidth, renderTrainingCrop } from './training-crop.js';

/** Bumped whenever the same seed would draw different data, so a model card can name the data it was trained on. */
export const generatorVersion = '1.1.0';

export interface GenerateOptions {
  readonly seed: number;
  readonly crops: number;
  readonly frames: number;
  readonly passes: number;
  readonly fonts: FontSelection;
  readonly out: string;
  readonly contactSheet: boolean;
}

export interface GenerateReport {
  readonly crops: number;
  readonly frames: number;
  readonly passes: number;
  readonly cropSeconds: number;
  readonly frameSeconds: number;
  readonly passSeconds: number;
}

/** Items `from` … `to` (1-based, inclusive) of each part of a data set. */
export interface ItemRanges {
  readonly crops: readonly [number, number];
  readonly frames: readonly [number, number];
  readonly passes: readonly [number, number];
}

/** What one run over item ranges wrote: the JSON lines of each part, in item order, and the time each took. */
export interface WrittenItems {
  readonly crops: string[];
  readonly frames: string[];
  readonly passes: string[];
  readonly seconds: { crops: number; frames: number; passes: number };
}

const sixDigits = (n: number): string => String(n).padStart(6, '0');
const round = (v: number): number => Math.round(v * 10000) / 10000;

function shares(lines: readonly string[], field: 'kind' | 'style'): Record<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const value = String((JSON.parse(line) as Record<string, unknown>)[field]);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, n]) => [key, round(n / Math.max(1, lines.length))]));
}

/** Crop `index` of `seed`; with `styles`, a crop of one of those styles (the per-style tests draw each style alone). */
export function cropAt(seed: number, index: number, fonts: readonly PlateFont[], styles?: readonly PlateStyle[]) {
  return renderTrainingCrop(stageRandom(seed, 'crop', String(index)), fonts, styles);
}

export function frameAt(seed: number, index: number, fonts: readonly PlateFont[]): ComposedFrame {
  const random = stageRandom(seed, 'frame', String(index));
  const count = Math.floor(random() * 5);
  return composeFrame(randomPlacements(random, fonts, count), stageRandom(seed, 'frame-scene', String(index)), random, undefined, fonts[index % fonts.length]);
}

/**
 * Renders and writes the items of `ranges` under `out`. Every item draws from its own random source derived from
 * the seed and its index, so item 17 is the same whether it is made alone, in a run of 20 or by a worker process.
 */
export function writeItems(seed: number, fonts: readonly PlateFont[], out: string, ranges: ItemRanges): WrittenItems {
  const written: WrittenItems = { crops: [], frames: [], passes: [], seconds: { crops: 0, frames: 0, passes: 0 } };
  let started = performance.now();
  for (let i = ranges.crops[0]; i <= ranges.crops[1]; i++) {
    const crop = cropAt(seed, i, fonts);
    const file = `crops/${sixDigits(i)}.png`;
    writeFileSync(join(out, file), encodeRgbPng(crop.image));
    written.crops.push(JSON.stringify({
      file, text: crop.text, kind: crop.kind, layout: crop.layout, colour: crop.colour, font: crop.font, style: crop.style,
      lighting: crop.lighting, plateWidthPx: crop.plateWidthPx, defocusPx: crop.defocusPx, motionPx: crop.motionPx,
    }));
  }
  written.seconds.crops = (performance.now() - started) / 1000;
  started = performance.now();
  for (let i = ranges.frames[0]; i <= ranges.frames[1]; i++) {
    const frame = frameAt(seed, i, fonts);
    const file = `frames/${sixDigits(i)}.jpg`;
    writeFileSync(join(out, file), encodeJpeg(frame.image, frame.jpegQuality));
    written.frames.push(JSON.stringify({ file, width: frame.image.width, height: frame.image.height, lighting: frame.lighting, plates: frame.plates }));
  }
  written.seconds.frames = (performance.now() - started) / 1000;
  started = performance.now();
  for (let i = ranges.passes[0]; i <= ranges.passes[1]; i++) {
    const random = stageRandom(seed, 'pass', String(i));
    const frameCount = 3 + Math.floor(random() * 4);
    const frames = composePass(random, fonts, frameCount, () => stageRandom(seed, 'pass-scene', String(i)));
    const plate = frames.find((frame) => frame.plates.length > 0)?.plates[0];
    const entries = frames.map((frame, k) => {
      const file = `passes/${sixDigits(i)}-${k + 1}.jpg`;
      writeFileSync(join(out, file), encodeJpeg(frame.image, frame.jpegQuality));
      return { file, width: frame.image.width, height: frame.image.height, lighting: frame.lighting, corners: frame.plates[0]?.corners ?? null };
    });
    written.passes.push(JSON.stringify({
      pass: i, text: plate?.text, kind: plate?.kind, layout: plate?.layout, style: plate?.style, colour: plate?.colour, font: plate?.font, frames: entries,
    }));
  }
  written.seconds.passes = (performance.now() - started) / 1000;
  return written;
}

/** The folders `writeItems` writes into. */
export function prepareOutput(options: Pick<GenerateOptions, 'out' | 'crops' | 'frames' | 'passes'>): void {
  mkdirSync(options.out, { recursive: true });
  if (options.crops > 0) mkdirSync(join(options.out, 'crops'), { recursive: true });
  if (options.frames > 0) mkdirSync(join(options.out, 'frames'), { recursive: true });
  if (options.passes > 0) mkdirSync(join(options.out, 'passes'), { recursive: true });
}

/**
 * Writes what the items came to: crops.jsonl, frames.jsonl, passes.jsonl (each in item order), manifest.json and,
 * when asked, the contact sheet (its samples are rendered again: the same seed gives the same images).
 */
export function finishDataset(options: GenerateOptions, fonts: readonly PlateFont[], items: Omit<WrittenItems, 'seconds'>): void {
  const { out, seed } = options;
  const jsonl = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');
  writeFileSync(join(out, 'crops.jsonl'), jsonl(items.crops));
  writeFileSync(join(out, 'frames.jsonl'), jsonl(items.frames));
  if (options.passes > 0) writeFileSync(join(out, 'passes.jsonl'), jsonl(items.passes));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({
    generator: 'dongseon recognition/synth', generatorVersion, seed, crops: options.crops, frames: options.frames, passes: options.passes,
    cropSize: [cropWidth, cropHeight], frameSize: [frameWidth, frameHeight],
    fonts: fonts.map((font) => font.name),
    kindsShare: shares(items.crops, 'kind'), stylesShare: shares(items.crops, 'style'),
  }, null, 2)}\n`);
  if (options.contactSheet) {
    const crops = Array.from({ length: 48 }, (_, i) => cropAt(seed, i + 1, fonts).image);
    const frames: ComposedFrame[] = [];
    for (let i = 1; frames.length < 2 && i <= 40; i++) {
      const frame = frameAt(seed, i, fonts);
      if (frame.plates.length > 0) frames.push(frame);
    }
    writeFileSync(join(out, 'contact-sheet.png'), contactSheet(seed, fonts, crops, frames));
  }
}

/** Writes a whole data set in this process (`npm run plates:generate` splits it over worker processes). */
export function generateDataset(options: GenerateOptions): GenerateReport {
  const fonts = resolvePlateFonts(options.fonts);
  prepareOutput(options);
  const written = writeItems(options.seed, fonts, options.out, {
    crops: [1, options.crops], frames: [1, options.frames], passes: [1, options.passes],
  });
  finishDataset(options, fonts, written);
  return {
    crops: options.crops, frames: options.frames, passes: options.passes,
    cropSeconds: written.seconds.crops, frameSeconds: written.seconds.frames, passSeconds: written.seconds.passes,
  };
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
function contactSheet(seed: number, fonts: readonly PlateFont[], crops: readonly PixelImage[], frames: readonly ComposedFrame[]): Buffer {
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
