import type { PixelImage } from '../geometry/index.js';

/**
 * The models' input tensors, float32 NCHW RGB, exactly as models/plates/README.md states them (Python reference:
 * training/plates/data.py crop_tensor, frame_input). Golden vectors check them to ~1e-6, so every float32 rounding
 * of the Python code is reproduced with Math.fround.
 */

export const cropWidth = 192;
export const cropHeight = 64;
export const detectorWidth = 640;
export const detectorHeight = 384;

/** `(v / 255 - 0.5) / 0.5` in float32, three roundings, for every byte value. */
const normalised = Float32Array.from({ length: 256 }, (_, v) => Math.fround(Math.fround(Math.fround(v / 255) - 0.5) / 0.5));

/** Crops (RGB, 192×64) to the recogniser's `[N, 3, 64, 192]` input. */
export function cropTensor(crops: readonly PixelImage[]): Float32Array {
  const plane = cropWidth * cropHeight;
  const out = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    if (crop.width !== cropWidth || crop.height !== cropHeight) throw new RangeError(`a crop is ${crop.width}×${crop.height}, not ${cropWidth}×${cropHeight}`);
    const { data, channels } = crop;
    const base = n * 3 * plane;
    for (let p = 0, i = 0; p < plane; p++, i += channels) {
      out[base + p] = normalised[data[i]!]!;
      out[base + plane + p] = normalised[data[i + 1]!]!;
      out[base + 2 * plane + p] = normalised[data[i + 2]!]!;
    }
  });
  return out;
}

/** How a frame maps onto the detector input: scaled by `scaleX`, `scaleY` to `resizedWidth`×`resizedHeight`. */
export interface FrameGeometry {
  readonly scaleX: number;
  readonly scaleY: number;
  readonly resizedWidth: number;
  readonly resizedHeight: number;
}

export function frameGeometry(width: number, height: number): FrameGeometry {
  const s = Math.min(detectorWidth / width, detectorHeight / height);
  const resizedWidth = Math.floor(width * s + 0.5);
  const resizedHeight = Math.floor(height * s + 0.5);
  return { scaleX: resizedWidth / width, scaleY: resizedHeight / height, resizedWidth, resizedHeight };
}

interface AxisSamples {
  readonly i0: Int32Array;
  readonly i1: Int32Array;
  /** The fraction `f` and `1 - f`, both float32. */
  readonly f: Float32Array;
  readonly g: Float32Array;
}

/** Half-pixel-centre source positions of each output index, clamped to the input. */
function axisSamples(inSize: number, outSize: number): AxisSamples {
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const f = new Float32Array(outSize);
  const g = new Float32Array(outSize);
  for (let j = 0; j < outSize; j++) {
    const src = Math.min(Math.max((j + 0.5) * (inSize / outSize) - 0.5, 0), inSize - 1);
    const lo = Math.floor(src);
    i0[j] = lo;
    i1[j] = Math.min(lo + 1, inSize - 1);
    f[j] = src - lo;
    g[j] = 1 - f[j]!;
  }
  return { i0, i1, f, g };
}

/**
 * A frame (RGB or RGBA) to the detector's `[1, 3, 384, 640]` input: normalised, resized to fit with half-pixel
 * bilinear sampling (vertically, then horizontally, float32 at each product and sum), placed top-left, zero-padded.
 */
export function frameTensor(frame: PixelImage): { tensor: Float32Array; geometry: FrameGeometry } {
  const { width, height, channels, data } = frame;
  const geometry = frameGeometry(width, height);
  const { resizedWidth: rw, resizedHeight: rh } = geometry;
  const plane = detectorWidth * detectorHeight;
  const tensor = new Float32Array(3 * plane);
  if (rw === width && rh === height) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * channels;
        const o = y * detectorWidth + x;
        tensor[o] = normalised[data[i]!]!;
        tensor[plane + o] = normalised[data[i + 1]!]!;
        tensor[2 * plane + o] = normalised[data[i + 2]!]!;
      }
    }
    return { tensor, geometry };
  }
  const rows = axisSamples(height, rh);
  const cols = axisSamples(width, rw);
  const f = Math.fround;
  // Each output value from its two columns' vertical blends, computed where needed (no row buffer): the same float32
  // roundings as blending whole rows first.
  for (let j = 0; j < rh; j++) {
    const a = rows.i0[j]! * width * channels;
    const b = rows.i1[j]! * width * channels;
    const fy = rows.f[j]!;
    const gy = rows.g[j]!;
    const o = j * detectorWidth;
    for (let k = 0; k < rw; k++) {
      const p0 = cols.i0[k]! * channels;
      const p1 = cols.i1[k]! * channels;
      const fx = cols.f[k]!;
      const gx = cols.g[k]!;
      for (let c = 0; c < 3; c++) {
        const r0 = f(f(normalised[data[a + p0 + c]!]! * gy) + f(normalised[data[b + p0 + c]!]! * fy));
        const r1 = f(f(normalised[data[a + p1 + c]!]! * gy) + f(normalised[data[b + p1 + c]!]! * fy));
        tensor[c * plane + o + k] = f(f(r0 * gx) + f(r1 * fx));
      }
    }
  }
  return { tensor, geometry };
}
