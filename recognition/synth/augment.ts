import { createCanvas, Image } from '@napi-rs/canvas';
import type { RandomSource } from '../../domain/plates/index.js';
import { roughlyNormal, uniform } from '../../domain/simulation/index.js';
import type { PixelImage, Point, Quad } from '../geometry/index.js';

/**
 * Camera effects on RGBA images (canvas ImageData layout), each a plain function of its inputs and a seeded random
 * source: the same seed gives the same bytes.
 */
export type RgbaImage = PixelImage & { readonly channels: 4; readonly data: Uint8ClampedArray };

/** Lighting of a synthetic image. */
export type Lighting = 'day' | 'overcast' | 'low-light' | 'night' | 'infrared' | 'over-exposed';

export interface CameraEffects {
  readonly lighting: Lighting;
  /** Gaussian defocus, in pixels (0: sharp). */
  readonly defocus: number;
  /** Motion blur length in pixels and direction in radians. */
  readonly motion: { readonly length: number; readonly angle: number };
  /** Sensor noise, standard deviation in grey levels. */
  readonly noise: number;
  /** JPEG quality of one re-compression, or 0 for none. */
  readonly jpegQuality: number;
}

export function randomLighting(random: RandomSource): Lighting {
  const roll = random();
  return roll < 0.45 ? 'day' : roll < 0.6 ? 'overcast' : roll < 0.72 ? 'low-light' : roll < 0.84 ? 'night' : roll < 0.94 ? 'infrared' : 'over-exposed';
}

/**
 * Effects for one image. Blur is sized to `plateWidthPx`, the width of the plate in the image: beyond about a tenth
 * of a character's width a plate is unreadable and its label would only teach the recogniser to guess.
 */
export function randomCameraEffects(random: RandomSource, plateWidthPx = 150): CameraEffects {
  const lighting = randomLighting(random);
  const dark = lighting === 'night' || lighting === 'low-light';
  return {
    lighting,
    defocus: random() < 0.45 ? 0.25 + plateWidthPx * uniform(random, 0.0005, 0.006) : 0,
    motion: random() < (dark ? 0.45 : 0.25)
      ? { length: plateWidthPx * uniform(random, 0.008, 0.035), angle: roughlyNormal(random, 0.25) + (random() < 0.75 ? 0 : Math.PI / 2) }
      : { length: 0, angle: 0 },
    noise: uniform(random, 1, dark ? 12 : 6),
    jpegQuality: random() < 0.7 ? Math.round(uniform(random, plateWidthPx < 100 ? 60 : 35, 95)) : 0,
  };
}

const clampByte = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

export function gaussianBlur(image: RgbaImage, sigma: number): void {
  if (sigma < 0.2) return;
  const radius = Math.ceil(sigma * 2.5);
  const kernel = new Float32Array(radius * 2 + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < kernel.length; i++) kernel[i]! /= sum;
  const { width, height, data } = image;
  const temp = new Float32Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let k = -radius; k <= radius; k++) {
        const xx = x + k < 0 ? 0 : x + k >= width ? width - 1 : x + k;
        const p = (y * width + xx) * 4;
        const w = kernel[k + radius]!;
        r += data[p]! * w; g += data[p + 1]! * w; b += data[p + 2]! * w;
      }
      const o = (y * width + x) * 4;
      temp[o] = r; temp[o + 1] = g; temp[o + 2] = b;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let k = -radius; k <= radius; k++) {
        const yy = y + k < 0 ? 0 : y + k >= height ? height - 1 : y + k;
        const p = (yy * width + x) * 4;
        const w = kernel[k + radius]!;
        r += temp[p]! * w; g += temp[p + 1]! * w; b += temp[p + 2]! * w;
      }
      const o = (y * width + x) * 4;
      data[o] = r; data[o + 1] = g; data[o + 2] = b;
    }
  }
}

export function motionBlur(image: RgbaImage, length: number, angle: number): void {
  const taps = Math.round(length);
  if (taps < 2) return;
  const { width, height, data } = image;
  const source = Uint8ClampedArray.from(data);
  const offsets: number[] = [];
  for (let i = 0; i < taps; i++) {
    const t = i / (taps - 1) - 0.5;
    offsets.push(Math.round(Math.cos(angle) * t * length), Math.round(Math.sin(angle) * t * length));
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let i = 0; i < offsets.length; i += 2) {
        let xx = x + offsets[i]!;
        let yy = y + offsets[i + 1]!;
        xx = xx < 0 ? 0 : xx >= width ? width - 1 : xx;
        yy = yy < 0 ? 0 : yy >= height ? height - 1 : yy;
        const p = (yy * width + xx) * 4;
        r += source[p]!; g += source[p + 1]!; b += source[p + 2]!;
      }
      const o = (y * width + x) * 4;
      data[o] = r / taps; data[o + 1] = g / taps; data[o + 2] = b / taps;
    }
  }
}

/** Sensor noise: mostly luminance, a little colour, stronger in the shadows as on a real sensor. */
export function addSensorNoise(image: RgbaImage, sigma: number, random: RandomSource): void {
  if (sigma <= 0) return;
  const { data } = image;
  for (let p = 0; p < data.length; p += 4) {
    const level = (data[p]! + data[p + 1]! + data[p + 2]!) / 765;
    const s = sigma * (1.3 - 0.6 * level);
    const luma = roughlyNormal(random, s);
    const chroma = random() < 0.5 ? 0 : roughlyNormal(random, s * 0.35);
    data[p] = data[p]! + luma + chroma;
    data[p + 1] = data[p + 1]! + luma;
    data[p + 2] = data[p + 2]! + luma - chroma;
  }
}

/** Gain, gamma and a colour cast, applied per channel. */
export function adjustExposure(image: RgbaImage, gain: number, gamma: number, tint: readonly [number, number, number] = [1, 1, 1]): void {
  const lut = [0, 1, 2].map((c) => {
    const table = new Uint8ClampedArray(256);
    for (let v = 0; v < 256; v++) table[v] = clampByte(255 * Math.pow((v / 255) * gain * tint[c]!, gamma));
    return table;
  });
  const { data } = image;
  for (let p = 0; p < data.length; p += 4) {
    data[p] = lut[0]![data[p]!]!;
    data[p + 1] = lut[1]![data[p + 1]!]!;
    data[p + 2] = lut[2]![data[p + 2]!]!;
  }
}

/** A near-infrared camera frame: grey, red-heavy response (paint and skies differ from visible light). */
export function toInfraredGrey(image: RgbaImage, gain: number): void {
  const { data } = image;
  for (let p = 0; p < data.length; p += 4) {
    const v = clampByte((0.55 * data[p]! + 0.35 * data[p + 1]! + 0.1 * data[p + 2]!) * gain);
    data[p] = data[p + 1] = data[p + 2] = v;
  }
}

/** A bright bloom (headlight, low sun on the plate) added at `centre` with the given radius and strength 0–1. */
export function addGlare(image: RgbaImage, centre: Point, radius: number, strength: number, colour: readonly [number, number, number] = [255, 250, 235]): void {
  const { width, height, data } = image;
  const [cx, cy] = centre;
  const reach = radius * 2.2;
  const left = Math.max(0, Math.floor(cx - reach));
  const right = Math.min(width - 1, Math.ceil(cx + reach));
  const top = Math.max(0, Math.floor(cy - reach));
  const bottom = Math.min(height - 1, Math.ceil(cy + reach));
  for (let y = top; y <= bottom; y++) {
    for (let x = left; x <= right; x++) {
      const d2 = ((x - cx) ** 2 + (y - cy) ** 2) / (radius * radius);
      const a = strength * (d2 < 0.15 ? 1 : Math.exp(-(d2 - 0.15) * 1.4));
      if (a < 0.004) continue;
      const p = (y * width + x) * 4;
      data[p] = data[p]! + (colour[0] - data[p]!) * a;
      data[p + 1] = data[p + 1]! + (colour[1] - data[p + 1]!) * a;
      data[p + 2] = data[p + 2]! + (colour[2] - data[p + 2]!) * a;
    }
  }
}

/** Lighting: `glareAt` are points where a headlight or a reflection may bloom at night. */
export function applyLighting(image: RgbaImage, lighting: Lighting, random: RandomSource, glareAt: readonly Point[] = [], glareRadius = 20): void {
  switch (lighting) {
    case 'day':
      adjustExposure(image, uniform(random, 0.9, 1.15), uniform(random, 0.85, 1.1), [uniform(random, 0.96, 1.04), 1, uniform(random, 0.94, 1.06)]);
      return;
    case 'overcast':
      adjustExposure(image, uniform(random, 0.75, 0.95), uniform(random, 1, 1.15), [0.97, 1, 1.05]);
      return;
    case 'low-light':
      adjustExposure(image, uniform(random, 0.4, 0.65), uniform(random, 1.05, 1.35), [1.05, 1, 0.9]);
      return;
    case 'night':
      adjustExposure(image, uniform(random, 0.35, 0.65), uniform(random, 1.05, 1.35), [1.1, 1, 0.85]);
      for (const point of glareAt) if (random() < 0.6) addGlare(image, point, glareRadius * uniform(random, 0.6, 1.6), uniform(random, 0.5, 1));
      return;
    case 'infrared':
      toInfraredGrey(image, uniform(random, 0.6, 1.3));
      adjustExposure(image, 1, uniform(random, 0.8, 1.4));
      return;
    case 'over-exposed':
      adjustExposure(image, uniform(random, 1.15, 1.6), uniform(random, 0.8, 0.98));
      return;
  }
}

/**
 * At night and under infrared light the plate shines back (retro-reflective film, the plate lamp) while its
 * surroundings stay dark: called on the scene before the plate is drawn in.
 */
export function darkenSurroundings(image: RgbaImage, lighting: Lighting, random: RandomSource): void {
  if (lighting === 'night' || lighting === 'infrared') adjustExposure(image, uniform(random, 0.35, 0.75), 1);
}

/** A small opaque object in front of part of the quad (tow hitch, bike rack, a leaf): at most a sixth of its width. */
export function occludePartOfQuad(image: RgbaImage, quad: Quad, random: RandomSource): void {
  const [tl, tr, br, bl] = quad;
  const t = random();
  const fromTop = random() < 0.5;
  const edgeA: Point = fromTop ? [tl[0] + (tr[0] - tl[0]) * t, tl[1] + (tr[1] - tl[1]) * t] : [bl[0] + (br[0] - bl[0]) * t, bl[1] + (br[1] - bl[1]) * t];
  const plateWidth = Math.hypot(tr[0] - tl[0], tr[1] - tl[1]);
  const plateHeight = Math.hypot(bl[0] - tl[0], bl[1] - tl[1]);
  const w = plateWidth * uniform(random, 0.04, 0.16);
  const h = plateHeight * uniform(random, 0.15, 0.35);
  const grey = uniform(random, 10, 90);
  const { width, height, data } = image;
  const y0 = fromTop ? edgeA[1] - h * 0.3 : edgeA[1] - h * 0.7;
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y0 + h)); y++) {
    for (let x = Math.max(0, Math.floor(edgeA[0] - w / 2)); x < Math.min(width, Math.ceil(edgeA[0] + w / 2)); x++) {
      const p = (y * width + x) * 4;
      data[p] = grey; data[p + 1] = grey * 0.95; data[p + 2] = grey * 0.9;
    }
  }
}

/** One JPEG encode and decode at `quality` (block artefacts, ringing, chroma loss). */
export function recompressJpeg(image: RgbaImage, quality: number): RgbaImage {
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const frame = ctx.createImageData(image.width, image.height);
  frame.data.set(image.data);
  ctx.putImageData(frame, 0, 0);
  const decoded = new Image();
  decoded.src = canvas.encodeSync('jpeg', quality);
  ctx.drawImage(decoded, 0, 0);
  const data = ctx.getImageData(0, 0, image.width, image.height).data;
  return { width: image.width, height: image.height, channels: 4, data };
}

/** Blur, noise and compression of one image, in a camera's order (optics, motion, sensor, encoder). */
export function applyCameraEffects(image: RgbaImage, effects: CameraEffects, random: RandomSource, glareAt: readonly Point[] = [], glareRadius = 20): RgbaImage {
  gaussianBlur(image, effects.defocus);
  motionBlur(image, effects.motion.length, effects.motion.angle);
  applyLighting(image, effects.lighting, random, glareAt, glareRadius);
  addSensorNoise(image, effects.noise, random);
  return effects.jpegQuality > 0 ? recompressJpeg(image, effects.jpegQuality) : image;
}

export interface PlatePose {
  /** Turn about the vertical axis, radians (plate seen from the side). */
  readonly yaw: number;
  /** Tilt about the horizontal axis, radians (camera above the plate). */
  readonly pitch: number;
  /** In-image rotation, radians. */
  readonly roll: number;
}

export function randomPlatePose(random: RandomSource, maxYawDeg = 35, maxPitchDeg = 25, maxRollDeg = 8): PlatePose {
  const rad = Math.PI / 180;
  return {
    yaw: roughlyNormal(random, (maxYawDeg / 2.2) * rad),
    pitch: Math.abs(roughlyNormal(random, (maxPitchDeg / 2) * rad)),
    roll: roughlyNormal(random, (maxRollDeg / 2.5) * rad),
  };
}

/**
 * The image corners (TL, TR, BR, BL) of a `width`×`height` plate centred on `centre`, turned by `pose` and seen
 * through a pinhole camera whose focal length is `focal` plate widths (perspective is strong when it is small).
 */
export function plateQuad(centre: Point, width: number, height: number, pose: PlatePose, focal = 4): Quad {
  const f = focal * width;
  const corners: Point[] = [[-width / 2, -height / 2], [width / 2, -height / 2], [width / 2, height / 2], [-width / 2, height / 2]];
  const { yaw, pitch, roll } = pose;
  return corners.map(([x0, y0]) => {
    // yaw about y, then pitch about x, then roll in the image plane; depth f in front of the camera.
    const x1 = x0 * Math.cos(yaw);
    const z1 = x0 * Math.sin(yaw);
    const y2 = y0 * Math.cos(pitch) - z1 * Math.sin(pitch);
    const z2 = y0 * Math.sin(pitch) + z1 * Math.cos(pitch);
    const scale = f / (f + z2);
    const px = x1 * scale;
    const py = y2 * scale;
    return [
      centre[0] + px * Math.cos(roll) - py * Math.sin(roll),
      centre[1] + px * Math.sin(roll) + py * Math.cos(roll),
    ] as Point;
  }) as unknown as Quad;
}
