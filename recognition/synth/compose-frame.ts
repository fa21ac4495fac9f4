import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { RandomSource } from '../../domain/plates/index.js';
import { roughlyNormal, uniform } from '../../domain/simulation/index.js';
import { warpInto, type Point, type Quad } from '../geometry/index.js';
import {
  applyCameraEffects, darkenSurroundings, occludePartOfQuad, plateQuad, randomCameraEffects, type CameraEffects, type Lighting, type PlatePose, type RgbaImage,
} from './augment.js';
import { plateFontFamily, type PlateFont } from './plate-fonts.js';
import { randomPlateLook, randomPlateSpec, renderPlate, type PlateLook, type PlateSpec } from './render-plate.js';
import { warpGuard } from './training-crop.js';
import { drawPlateRecess, drawVehicle } from './vehicle-paint.js';

export const frameWidth = 1280;
export const frameHeight = 720;

/** Ground truth of one plate in a frame. */
export interface FramePlate {
  /** TL, TR, BR, BL of the plate in frame pixels, in the plate's reading order. */
  readonly corners: Quad;
  readonly text: string;
  readonly kind: string;
  readonly style: string;
  readonly layout: 'one-line' | 'two-line';
  readonly colour: string;
  readonly font: string;
}

export interface ComposedFrame {
  /** 1280×720 RGBA, opaque. */
  readonly image: RgbaImage;
  readonly plates: readonly FramePlate[];
  readonly lighting: Lighting;
  /** The quality to encode the frame's JPEG with. */
  readonly jpegQuality: number;
}

/** A vehicle placed in a frame: where, how large its plate is and how the plate is turned. */
export interface VehiclePlacement {
  readonly spec: PlateSpec;
  readonly look: PlateLook;
  readonly view: 'rear' | 'front';
  /** Centre of the vehicle's bottom edge, in frame pixels. */
  readonly base: Point;
  /** Width of the plate in pixels (40 … 300). */
  readonly plateWidthPx: number;
  readonly pose: PlatePose;
  readonly occluded: boolean;
  /** A plastic or chrome plate guard around the plate. */
  readonly guard: boolean;
}

/** The road as a raised CCTV camera sees it: asphalt in perspective, lane marks, kerb, pavement and buildings. */
export function drawRoad(ctx: SKRSContext2D, random: RandomSource): void {
  const horizon = uniform(random, -120, 160);
  const vanishX = frameWidth / 2 + roughlyNormal(random, 200);
  const sky = ctx.createLinearGradient(0, 0, 0, Math.max(1, horizon + 200));
  const tone = uniform(random, 120, 200);
  sky.addColorStop(0, `rgb(${tone},${tone + 5},${tone + 12})`);
  sky.addColorStop(1, `rgb(${tone * 0.7},${tone * 0.7},${tone * 0.72})`);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, frameWidth, frameHeight);
  for (let i = 0; i < 8; i++) {
    const g = uniform(random, 60, 170);
    ctx.fillStyle = `rgb(${g},${g * uniform(random, 0.9, 1.05)},${g * uniform(random, 0.9, 1.1)})`;
    const w = uniform(random, 80, 260);
    ctx.fillRect(uniform(random, -50, frameWidth), horizon - uniform(random, 60, 260), w, 400);
  }
  const asphalt = ctx.createLinearGradient(0, horizon, 0, frameHeight);
  const a = uniform(random, 70, 120);
  asphalt.addColorStop(0, `rgb(${a * 1.1},${a * 1.1},${a * 1.12})`);
  asphalt.addColorStop(1, `rgb(${a * 0.8},${a * 0.8},${a * 0.82})`);
  ctx.fillStyle = asphalt;
  ctx.beginPath();
  ctx.moveTo(vanishX - 60, horizon);
  ctx.lineTo(vanishX + 60, horizon);
  ctx.lineTo(frameWidth + 700, frameHeight);
  ctx.lineTo(-700, frameHeight);
  ctx.closePath();
  ctx.fill();
  const lanes = 2 + Math.floor(random() * 3);
  ctx.strokeStyle = random() < 0.8 ? 'rgba(235,235,225,0.85)' : 'rgba(230,190,40,0.85)';
  for (let l = 0; l <= lanes; l++) {
    const bottomX = -700 + ((frameWidth + 1400) * l) / lanes;
    const dashed = l > 0 && l < lanes;
    const steps = 14;
    for (let k = 0; k < steps; k++) {
      if (dashed && k % 2 === 1) continue;
      const t0 = k / steps;
      const t1 = (k + 1) / steps;
      const y0 = horizon + (frameHeight - horizon) * t0 * t0;
      const y1 = horizon + (frameHeight - horizon) * t1 * t1;
      ctx.lineWidth = 1 + 10 * t1;
      ctx.beginPath();
      ctx.moveTo(vanishX + (bottomX - vanishX) * t0 * t0, y0);
      ctx.lineTo(vanishX + (bottomX - vanishX) * t1 * t1, y1);
      ctx.stroke();
    }
  }
  for (let i = 0; i < 40; i++) {
    ctx.fillStyle = `rgba(${random() < 0.5 ? '0,0,0' : '255,255,255'},${uniform(random, 0.02, 0.08)})`;
    ctx.beginPath();
    ctx.ellipse(uniform(random, 0, frameWidth), uniform(random, Math.max(0, horizon), frameHeight), uniform(random, 10, 120), uniform(random, 3, 30), 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

/**
 * Shop signs, a speed-limit sign and painted road numbers: text and digits in the frame that are not plates, so a
 * detector learns the plate, not "any characters".
 */
function drawSigns(ctx: SKRSContext2D, random: RandomSource, family: string): void {
  const words = ['약국', '편의점', '주차장', '24시', '치킨', '카페', '병원', '부동산', '세탁소', '은행', '1588-', '02-', '3456', '서울 12'];
  const count = Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const w = uniform(random, 60, 260);
    const h = w * uniform(random, 0.22, 0.45);
    const x = uniform(random, 0, frameWidth - w);
    const y = uniform(random, 0, frameHeight * 0.45);
    const colours = ['#c0262d', '#1e4f9c', '#f2f2f2', '#2b8a3e', '#f0b400', '#222222'];
    const background = colours[Math.floor(random() * colours.length)]!;
    ctx.fillStyle = background;
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = background === '#f2f2f2' || background === '#f0b400' ? '#1a1a1a' : '#fafafa';
    ctx.font = `${h * 0.7}px ${family}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    let text = words[Math.floor(random() * words.length)]!;
    if (text.endsWith('-')) text += `${Math.floor(1000 + random() * 9000)}`;
    ctx.fillText(text, x + w / 2, y + h / 2, w * 0.9);
  }
  if (random() < 0.3) {
    const r = uniform(random, 14, 40);
    const x = uniform(random, r, frameWidth - r);
    const y = uniform(random, r, frameHeight * 0.4);
    ctx.fillStyle = '#fafafa';
    ctx.strokeStyle = '#d0202a';
    ctx.lineWidth = r * 0.22;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = '#111111';
    ctx.font = `${r}px ${family}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(30 + 10 * Math.floor(random() * 7)), x, y);
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}

/** The vehicle's body box for a plate of this width: a car is about 3.4 plate widths wide. */
function vehicleBox(placement: VehiclePlacement): { x: number; y: number; w: number; h: number } {
  const w = placement.plateWidthPx * 3.4;
  const h = w * 0.82;
  return { x: placement.base[0] - w / 2, y: placement.base[1] - h, w, h };
}

/**
 * 0–4 vehicles whose plates lie inside the frame and whose bodies do not hide one another's plates: nearer
 * (larger) vehicles stand lower in the frame, as on a road seen from a pole.
 */
export function randomPlacements(random: RandomSource, fonts: readonly PlateFont[], count: number): VehiclePlacement[] {
  const placed: VehiclePlacement[] = [];
  for (let attempt = 0; placed.length < count && attempt < count * 30; attempt++) {
    const roll = random();
    const plateWidthPx = roll < 0.3 ? uniform(random, 40, 80) : roll < 0.85 ? uniform(random, 80, 180) : uniform(random, 180, 300);
    const depth = (plateWidthPx - 40) / 260;
    const baseY = 330 + depth * 360 + roughlyNormal(random, 50);
    const base: Point = [uniform(random, plateWidthPx * 1.2, frameWidth - plateWidthPx * 1.2), Math.min(frameHeight + plateWidthPx * 0.3, baseY)];
    const candidate: VehiclePlacement = {
      spec: randomPlateSpec(random, fonts), look: randomPlateLook(random), view: random() < 0.6 ? 'rear' : 'front',
      base, plateWidthPx, pose: {
        yaw: roughlyNormal(random, 0.18), pitch: uniform(random, 0.05, 0.45), roll: roughlyNormal(random, 0.04),
      },
      occluded: random() < 0.05,
      guard: random() < 0.35,
    };
    const box = vehicleBox(candidate);
    const overlaps = placed.some((other) => {
      const o = vehicleBox(other);
      return box.x < o.x + o.w && o.x < box.x + box.w && box.y < o.y + o.h && o.y < box.y + box.h;
    });
    if (!overlaps) placed.push(candidate);
  }
  return placed.sort((a, b) => a.base[1] - b.base[1]);
}

const insideFrame = (quad: Quad): boolean => quad.every(([x, y]) => x >= 1 && y >= 1 && x <= frameWidth - 1 && y <= frameHeight - 1);

/**
 * One 1280×720 CCTV frame with the placed vehicles and their plates. A plate whose corners would leave the frame is
 * drawn but not labelled only if it is cut off; placements from `randomPlacements` always fit.
 */
export function composeFrame(
  placements: readonly VehiclePlacement[], sceneRandom: RandomSource, random: RandomSource, effects?: CameraEffects, signFont?: PlateFont,
): ComposedFrame {
  const canvas = createCanvas(frameWidth, frameHeight);
  const ctx = canvas.getContext('2d');
  drawRoad(ctx, sceneRandom);
  const font = signFont ?? placements[0]?.spec.font;
  if (font) drawSigns(ctx, sceneRandom, plateFontFamily(font));
  const pending: { quad: Quad; placement: VehiclePlacement; plateCentre: Point }[] = [];
  const lamps: Point[] = [];
  for (const placement of placements) {
    const drawn = drawVehicle(ctx, vehicleBox(placement), placement.view, random);
    const ph = placement.plateWidthPx * (placement.spec.style.heightMm / placement.spec.style.widthMm);
    drawPlateRecess(ctx, drawn.plateCentre, placement.plateWidthPx, ph, random);
    lamps.push(...drawn.lamps);
    pending.push({ quad: plateQuad(drawn.plateCentre, placement.plateWidthPx, ph, placement.pose, uniform(random, 3, 10)), placement, plateCentre: drawn.plateCentre });
  }
  const image: RgbaImage = { width: frameWidth, height: frameHeight, channels: 4, data: ctx.getImageData(0, 0, frameWidth, frameHeight).data };
  const medianWidth = placements.length ? [...placements].sort((a, b) => a.plateWidthPx - b.plateWidthPx)[placements.length >> 1]!.plateWidthPx : 150;
  const chosen = effects ?? randomFrameEffects(random, medianWidth);
  darkenSurroundings(image, chosen.lighting, random);
  const plates: FramePlate[] = [];
  for (const { quad, placement } of pending) {
    const plate = renderPlate(placement.spec, placement.look, placement.plateWidthPx / placement.spec.style.widthMm, random);
    const data = plate.canvas.getContext('2d').getImageData(0, 0, plate.canvas.width, plate.canvas.height).data;
    if (placement.guard) warpGuard(image, quad, plate.canvas.width, plate.canvas.height, random, plateFontFamily(placement.spec.font));
    warpInto(image, { width: plate.canvas.width, height: plate.canvas.height, channels: 4, data }, quad);
    if (placement.occluded) occludePartOfQuad(image, quad, random);
    if (!insideFrame(quad)) continue;
    plates.push({
      corners: quad.map(([x, y]) => [Math.round(x * 100) / 100, Math.round(y * 100) / 100]) as unknown as Quad,
      text: plate.text, kind: plate.kind, style: plate.style, layout: plate.layout, colour: plate.colour, font: plate.font,
    });
  }
  // The frame is encoded once, by the caller, at `jpegQuality`: no re-compression here.
  const seen = applyCameraEffects(image, { ...chosen, jpegQuality: 0 }, random, lamps, medianWidth * 0.4);
  return { image: seen, plates, lighting: chosen.lighting, jpegQuality: chosen.jpegQuality || 85 };
}

/** Frame effects with a JPEG quality for the caller's encode (CCTV streams: 50–92). */
export function randomFrameEffects(random: RandomSource, plateWidthPx: number): CameraEffects {
  const effects = randomCameraEffects(random, plateWidthPx);
  return { ...effects, jpegQuality: Math.round(uniform(random, 50, 92)) };
}

/**
 * A pass: one vehicle approaching the camera over `frames` consecutive frames, its plate growing and moving down,
 * blur and lighting drifting a little from frame to frame (multi-frame confirmation is evaluated on these).
 */
export function composePass(random: RandomSource, fonts: readonly PlateFont[], frames: number, sceneSeed: () => RandomSource): ComposedFrame[] {
  return [...passFramesOfSpec(randomPlateSpec(random, fonts), random, frames, sceneSeed, fonts[0])];
}

/**
 * The frames of a pass of the plate `spec` describes, one at a time (each takes tens of ms): the plate's look, the
 * vehicle's approach and the camera's drift are drawn from `random` after the spec, in the same order for every
 * caller, so a seed gives the same frames.
 */
export function* passFramesOfSpec(
  spec: PlateSpec, random: RandomSource, frames: number, sceneSeed: () => RandomSource, signFont?: PlateFont,
): Generator<ComposedFrame> {
  const look = randomPlateLook(random);
  const view = random() < 0.6 ? 'rear' : 'front';
  const startWidth = uniform(random, 45, 90);
  const endWidth = uniform(random, 140, 260);
  const x0 = uniform(random, 400, 880);
  const drift = roughlyNormal(random, 120);
  const yaw = roughlyNormal(random, 0.15);
  const base = randomCameraEffects(random, 120);
  const guard = random() < 0.35;
  for (let k = 0; k < frames; k++) {
    const t = frames === 1 ? 0 : k / (frames - 1);
    const plateWidthPx = startWidth + (endWidth - startWidth) * t;
    const depth = (plateWidthPx - 40) / 260;
    const x = Math.min(frameWidth - plateWidthPx * 1.2, Math.max(plateWidthPx * 1.2, x0 + drift * t));
    const placement: VehiclePlacement = {
      spec, look, view, base: [x, Math.min(frameHeight + plateWidthPx * 0.3, 330 + depth * 360)], plateWidthPx,
      pose: { yaw: yaw * (1 - 0.5 * t), pitch: 0.1 + 0.3 * t, roll: roughlyNormal(random, 0.02) }, occluded: false, guard,
    };
    const effects: CameraEffects = {
      ...base,
      defocus: Math.max(0, base.defocus + roughlyNormal(random, 0.3)),
      motion: { length: Math.max(0, base.motion.length * (0.5 + t) + roughlyNormal(random, 1)), angle: base.motion.angle },
      jpegQuality: Math.round(uniform(random, 50, 92)),
    };
    yield composeFrame([placement], sceneSeed(), random, effects, signFont);
  }
}
