import { describe, expect, it } from 'vitest';
import { boxIou, decodeDetections, detectionDefaults, type DetectionMaps } from './detect-plates.js';

const W = 10;
const H = 6;

/** Maps of W×H cells; `peaks` sets heatmap cells, each plate's corner offsets a box of ±`half` cells. */
function maps(cells: { x: number; y: number; score: number; half?: [number, number] }[]): DetectionMaps {
  const heatmap = new Float32Array(W * H);
  const corners = new Float32Array(8 * W * H);
  for (const { x, y, score, half = [1, 0.5] as [number, number] } of cells) {
    const i = y * W + x;
    heatmap[i] = score;
    const [hx, hy] = half;
    [[-hx, -hy], [hx, -hy], [hx, hy], [-hx, hy]].forEach(([dx, dy], k) => {
      corners[2 * k * W * H + i] = dx!;
      corners[(2 * k + 1) * W * H + i] = dy!;
    });
  }
  return { heatmap, corners, width: W, height: H };
}

const unit = { x: 1, y: 1 };
const cellsOf = (m: DetectionMaps, scale = unit, options = detectionDefaults) => decodeDetections(m, scale, options).map((p) => p.cell);

describe('decoding the detector maps (decode.py detect)', () => {
  it('finds 3×3 peaks at or over the threshold, best first', () => {
    const m = maps([{ x: 1, y: 1, score: 0.5 }, { x: 2, y: 1, score: 0.4 }, { x: 7, y: 4, score: 0.9 }, { x: 5, y: 0, score: 0.29 }, { x: 8, y: 1, score: 0.3 }]);
    // (2,1) is beside the stronger (1,1); (5,0) is under 0.3; (8,1) is exactly at it.
    expect(cellsOf(m)).toEqual([[7, 4], [1, 1], [8, 1]]);
  });

  it('keeps both of two equal neighbours as peaks, and suppression then drops the later one', () => {
    const m = maps([{ x: 3, y: 2, score: 0.8, half: [2, 0.5] }, { x: 4, y: 2, score: 0.8, half: [2, 0.5] }]);
    expect(cellsOf(m)).toEqual([[3, 2]]);
    // Boxes too small to overlap: both stay, in cell-index order.
    const small = maps([{ x: 3, y: 2, score: 0.8, half: [0.1, 0.1] }, { x: 4, y: 2, score: 0.8, half: [0.1, 0.1] }]);
    expect(cellsOf(small)).toEqual([[3, 2], [4, 2]]);
  });

  it('orders equal scores by cell index (y × width + x)', () => {
    const m = maps([{ x: 8, y: 0, score: 0.6, half: [0.2, 0.2] }, { x: 1, y: 4, score: 0.6, half: [0.2, 0.2] }, { x: 4, y: 2, score: 0.6, half: [0.2, 0.2] }]);
    expect(cellsOf(m)).toEqual([[8, 0], [4, 2], [1, 4]]);
  });

  it('counts only neighbours inside the map at its borders and corners', () => {
    const m = maps([{ x: 0, y: 0, score: 0.7, half: [0.2, 0.2] }, { x: 9, y: 5, score: 0.6, half: [0.2, 0.2] }, { x: 9, y: 0, score: 0.5, half: [0.2, 0.2] }]);
    expect(cellsOf(m)).toEqual([[0, 0], [9, 5], [9, 0]]);
  });

  it('turns cell offsets into frame corners: 4x + 2 + 4·dx, divided by the scale', () => {
    const m = maps([{ x: 5, y: 3, score: 0.9, half: [2, 0.5] }]);
    const [plate] = decodeDetections(m, { x: 0.5, y: 0.5 });
    // Centre (22, 14) in input pixels; ±8 and ±2 → frame pixels ×2.
    expect(plate!.corners).toEqual([[28, 24], [60, 24], [60, 32], [28, 32]]);
    expect(plate!.score).toBeCloseTo(0.9, 6);
    expect(plate!.cell).toEqual([5, 3]);
    const [stretched] = decodeDetections(m, { x: 0.5, y: 0.25 });
    expect(stretched!.corners[0]).toEqual([28, 48]);
  });

  it('suppresses a plate whose box overlaps a better one at IoU ≥ 0.5, and keeps one under it', () => {
    // Boxes 16 wide, 8 tall (input pixels) with centres 8 apart: IoU 1/3, both kept.
    const same = maps([{ x: 2, y: 2, score: 0.9, half: [2, 1] }, { x: 4, y: 2, score: 0.8, half: [2, 1] }]);
    expect(boxIou([2, 6, 18, 14], [10, 6, 26, 14])).toBeCloseTo(1 / 3, 12);
    expect(cellsOf(same)).toEqual([[2, 2], [4, 2]]);
    const half = maps([{ x: 2, y: 2, score: 0.9, half: [3, 1] }, { x: 4, y: 2, score: 0.8, half: [3, 1] }]);
    // [-2, 22] and [6, 30] wide, same rows: IoU = 16 / 32 = 0.5 exactly → dropped.
    expect(cellsOf(half)).toEqual([[2, 2]]);
  });

  it('keeps at most MAX_PLATES peaks before suppression', () => {
    const many = maps(Array.from({ length: 15 }, (_, i) => ({ x: (i % 5) * 2, y: Math.floor(i / 5) * 2, score: 0.5 + i / 100, half: [0.1, 0.1] as [number, number] })));
    expect(decodeDetections(many, unit)).toHaveLength(15);
    expect(cellsOf(many, unit, { ...detectionDefaults, maxPlates: 4 })).toEqual([[8, 4], [6, 4], [4, 4], [2, 4]]);
  });

  it('finds nothing in an empty map', () => {
    expect(decodeDetections(maps([]), unit)).toEqual([]);
  });

  it('IoU of boxes that do not touch, or have no area, is 0', () => {
    expect(boxIou([0, 0, 1, 1], [2, 2, 3, 3])).toBe(0);
    expect(boxIou([0, 0, 0, 0], [0, 0, 0, 0])).toBe(0);
  });
});
