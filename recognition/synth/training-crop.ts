import { createCanvas } from '@napi-rs/canvas';
import type { RandomSource } from '../../domain/plates/index.js';
import { roughlyNormal, uniform } from '../../domain/simulation/index.js';
import { growQuad, rectifyQuad, warpInto, type PixelImage, type Point, type Quad } from '../geometry/index.js';
import {
  applyCameraEffects, darkenSurroundings, occludePartOfQuad, plateQuad, randomCameraEffects, randomPlatePose, type Lighting, type RgbaImage,
} from './augment.js';
import { plateFontFamily, type PlateFont } from './plate-fonts.js';
import { plateStyles, type PlateStyle } from './plate-styles.js';
import { randomPlateLook, randomPlateSpec, renderPlate } from './render-plate.js';
import { drawPlateRecess, randomBodyColour, renderPlateGuard } from './vehicle-paint.js';

/** The recogniser's input: every plate, one- or two-line, is rectified to this size. */
export const cropWidth = 192;
export const cropHeight = 64;

export interface TrainingCrop {
  /** 192×64 RGB. */
  readonly image: PixelImage;
  readonly text: string;
  readonly kind: string;
  readonly style: string;
  readonly layout: 'one-line' | 'two-line';
  readonly colour: string;
  readonly font: string;
  readonly lighting: Lighting;
  /** The plate's width in the camera image before rectification, in pixels. */
  readonly plateWidthPx: number;
  /** Defocus sigma and motion blur length, in pixels of the camera image: lets training leave out the hardest. */
  readonly defocusPx: number;
  readonly motionPx: number;
}

/**
 * Plate widths a recogniser is asked to read: some small, most medium, some large. Below about 56 px a one-line
 * plate's characters are 4 px wide and no longer readable; the detector still learns those (compose-frame.ts).
 */
function randomPlateWidth(random: RandomSource): number {
  const roll = random();
  return roll < 0.15 ? uniform(random, 56, 90) : roll < 0.7 ? uniform(random, 90, 200) : uniform(random, 200, 320);
}

/**
 * One recogniser training sample: a rendered plate in the context of a car, seen at an angle through a camera,
 * then rectified back from its true corners moved by a few percent (a detector's error) to 192×64. `styles` narrows
 * the styles drawn from (by their shares; the same number of draws, so the rest of the sample is drawn alike).
 */
export function renderTrainingCrop(random: RandomSource, fonts: readonly PlateFont[], styles: readonly PlateStyle[] = plateStyles): TrainingCrop {
  const spec = randomPlateSpec(random, fonts, styles);
  const look = randomPlateLook(random);
  const plateWidthPx = randomPlateWidth(random);
  const plate = renderPlate(spec, look, plateWidthPx / spec.style.widthMm, random);
  const pw = plate.canvas.width;
  const ph = plate.canvas.height;

  const margin = Math.max(pw, ph) * 0.45 + 8;
  const width = Math.ceil(pw + 2 * margin);
  const height = Math.ceil(ph + 2 * margin);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const body = randomBodyColour(random);
  const paint = ctx.createLinearGradient(0, 0, uniform(random, 0, width), height);
  paint.addColorStop(0, `rgb(${body.join(',')})`);
  paint.addColorStop(1, `rgb(${body.map((v) => Math.round(v * uniform(random, 0.5, 0.9))).join(',')})`);
  ctx.fillStyle = paint;
  ctx.fillRect(0, 0, width, height);
  if (random() < 0.6) {
    ctx.fillStyle = `rgba(0,0,0,${uniform(random, 0.2, 0.6)})`;
    ctx.fillRect(0, height / 2 + ph * uniform(random, 0.7, 1.3), width, ph * uniform(random, 0.2, 0.8));
  }
  const centre: Point = [width / 2 + roughlyNormal(random, pw * 0.03), height / 2 + roughlyNormal(random, ph * 0.05)];
  if (random() < 0.7) drawPlateRecess(ctx, centre, pw, ph, random);
  const scene = ctx.getImageData(0, 0, width, height);
  const image: RgbaImage = { width, height, channels: 4, data: scene.data };
  const effects = randomCameraEffects(random, plateWidthPx);
  darkenSurroundings(image, effects.lighting, random);
  const quad = plateQuad(centre, pw, ph, randomPlatePose(random), uniform(random, 2.5, 8));
  if (random() < 0.35) warpGuard(image, quad, pw, ph, random, plateFontFamily(spec.font));
  const plateData = plate.canvas.getContext('2d').getImageData(0, 0, pw, ph).data;
  warpInto(image, { width: pw, height: ph, channels: 4, data: plateData }, quad);
  if (random() < 0.08) occludePartOfQuad(image, quad, random);

  const glareAt: Point[] = [[quad[0][0] - pw * 0.1, quad[0][1]], [quad[1][0] + pw * 0.1, quad[1][1]]];
  const seen = applyCameraEffects(image, effects, random, glareAt, pw * 0.25);
  // A detector's quad: a little loose or tight overall, each corner off by about 3 %.
  const loose = uniform(random, 0.97, 1.06);
  const detected = jitterQuad(growQuad(quad, loose, loose + uniform(random, -0.02, 0.06)), random, 0.03);
  return {
    image: rectifyQuad(seen, detected, cropWidth, cropHeight),
    text: plate.text, kind: plate.kind, style: plate.style, layout: plate.layout, colour: plate.colour, font: plate.font,
    lighting: effects.lighting, plateWidthPx: Math.round(plateWidthPx),
    defocusPx: Math.round(effects.defocus * 100) / 100, motionPx: Math.round(effects.motion.length * 100) / 100,
  };
}

/** Each corner moved by about `share` of the quad's width and height (clipped at three standard deviations). */
export function jitterQuad(quad: Quad, random: RandomSource, share: number): Quad {
  const width = Math.hypot(quad[1][0] - quad[0][0], quad[1][1] - quad[0][1]);
  const height = Math.hypot(quad[3][0] - quad[0][0], quad[3][1] - quad[0][1]);
  return quad.map(([x, y]) => [x + roughlyNormal(random, width * share), y + roughlyNormal(random, height * share)] as Point) as unknown as Quad;
}

/** A plate guard around the plate's quad, warped in before the plate. */
export function warpGuard(image: RgbaImage, quad: Quad, plateWidth: number, plateHeight: number, random: RandomSource, family?: string): void {
  const guard = renderPlateGuard(plateWidth, plateHeight, random, family);
  const data = guard.canvas.getContext('2d').getImageData(0, 0, guard.canvas.width, guard.canvas.height).data;
  warpInto(image, { width: guard.canvas.width, height: guard.canvas.height, channels: 4, data }, growQuad(quad, guard.growX, guard.growY));
}
