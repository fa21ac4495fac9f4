import type { Point, Quad } from '../geometry/index.js';

/**
 * Decoding of the detector's outputs, exactly as models/plates/README.md §2 states it (Python reference:
 * training/plates/decode.py detect): 3×3 peaks over the threshold, best first, corners from the cell's offsets,
 * axis-aligned-box suppression.
 */

export interface DetectionMaps {
  /** `[height][width]` sigmoid scores, row-major. */
  readonly heatmap: ArrayLike<number>;
  /** `[8][height][width]`: (dx, dy) of TL, TR, BR, BL from the cell centre, in input pixels / stride. */
  readonly corners: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

export interface DetectionOptions {
  readonly threshold: number;
  readonly maxPlates: number;
  readonly nmsIou: number;
  readonly stride: number;
}

export const detectionDefaults: DetectionOptions = { threshold: 0.3, maxPlates: 20, nmsIou: 0.5, stride: 4 };

export interface DetectedPlate {
  /** The heatmap value at the peak (not a calibrated probability). */
  readonly score: number;
  /** The peak cell, `[x, y]`. */
  readonly cell: readonly [number, number];
  /** TL, TR, BR, BL in frame pixels (continuous: pixel i spans [i, i+1)). */
  readonly corners: Quad;
}

type Box = readonly [number, number, number, number];

function boxOf(corners: Quad): Box {
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function boxIou(a: Box, b: Box): number {
  const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** Plates found in one frame's maps, best first; `scale` maps frame pixels to detector input pixels. */
export function decodeDetections(maps: DetectionMaps, scale: { readonly x: number; readonly y: number }, options: DetectionOptions = detectionDefaults): DetectedPlate[] {
  const { heatmap: h, corners: c, width: w, height: hh } = maps;
  const plane = w * hh;
  if (h.length < plane || c.length < 8 * plane) throw new RangeError(`detector maps are smaller than ${w}×${hh}`);
  const peaks: number[] = [];
  for (let y = 0; y < hh; y++) {
    for (let x = 0; x < w; x++) {
      const v = h[y * w + x]!;
      if (!(v >= options.threshold)) continue;
      let peak = true;
      for (let dy = -1; dy <= 1 && peak; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= hh) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w || (dx === 0 && dy === 0)) continue;
          if (h[ny * w + nx]! > v) { peak = false; break; }
        }
      }
      if (peak) peaks.push(y * w + x);
    }
  }
  // Row-major scan order is already index order, so a stable sort by score keeps the index tie-break.
  peaks.sort((a, b) => h[b]! - h[a]!);
  const kept: (DetectedPlate & { box: Box })[] = [];
  const stride = options.stride;
  for (const index of peaks.slice(0, options.maxPlates)) {
    const x = index % w;
    const y = (index - x) / w;
    const point = (k: number): Point => [
      (stride * x + stride / 2 + stride * c[2 * k * plane + index]!) / scale.x,
      (stride * y + stride / 2 + stride * c[(2 * k + 1) * plane + index]!) / scale.y,
    ];
    const corners: Quad = [point(0), point(1), point(2), point(3)];
    const box = boxOf(corners);
    if (kept.some((plate) => boxIou(box, plate.box) >= options.nmsIou)) continue;
    kept.push({ score: h[index]!, cell: [x, y], corners, box });
  }
  return kept.map(({ score, cell, corners }) => ({ score, cell, corners }));
}
