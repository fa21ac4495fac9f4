/** A point in pixels, x to the right and y down. */
export type Point = readonly [number, number];

/** Four corners in the plate's reading order: top-left, top-right, bottom-right, bottom-left. */
export type Quad = readonly [Point, Point, Point, Point];

/** A 3×3 projective transform, row-major, normalised so that its last entry is 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/**
 * The homography that maps each `from` corner onto the matching `to` corner (direct linear transform, solved
 * exactly for four pairs by Gaussian elimination with partial pivoting). Throws when three points are collinear.
 */
export function homographyFromPoints(from: Quad, to: Quad): Homography {
  const rows: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i] as Point;
    const [u, v] = to[i] as Point;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const h = solveLinearSystem(rows);
  return [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!, 1];
}

/** Solves an n×n system given as rows of n coefficients followed by the right-hand side. */
function solveLinearSystem(rows: number[][]): number[] {
  const n = rows.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    if (Math.abs(rows[pivot]![col]!) < 1e-12) throw new RangeError('degenerate quadrilateral: three corners are collinear');
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const pivotRow = rows[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = rows[r]!;
      const factor = row[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let c = col; c <= n; c++) row[c]! -= factor * pivotRow[c]!;
    }
  }
  return rows.map((row, i) => row[n]! / row[i]!);
}

export function applyHomography(h: Homography, x: number, y: number): Point {
  const w = h[6] * x + h[7] * y + h[8];
  return [(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w];
}

export function invertHomography(h: Homography): Homography {
  const [a, b, c, d, e, f, g, k, l] = h;
  const co = [
    e * l - f * k, c * k - b * l, b * f - c * e,
    f * g - d * l, a * l - c * g, c * d - a * f,
    d * k - e * g, b * g - a * k, a * e - b * d,
  ];
  const det = a * co[0]! + b * co[3]! + c * co[6]!;
  if (Math.abs(det) < 1e-15) throw new RangeError('homography is singular');
  const s = co[8]! / det;
  const norm = Math.abs(s) > 1e-15 ? co[8]! : det;
  return co.map((v) => v / norm) as unknown as Homography;
}

/** The corners of a w×h rectangle at the origin, in reading order. */
export const rectangleQuad = (width: number, height: number): Quad => [[0, 0], [width, 0], [width, height], [0, height]];

/**
 * The quad of a rectangle `sx` times as wide and `sy` times as tall as the one `quad` shows, with the same centre,
 * seen through the same projective map (a plate guard around a posed plate; a detector's loose box).
 */
export function growQuad(quad: Quad, sx: number, sy: number): Quad {
  const h = homographyFromPoints(rectangleQuad(1, 1), quad);
  const [u0, u1, v0, v1] = [0.5 - sx / 2, 0.5 + sx / 2, 0.5 - sy / 2, 0.5 + sy / 2];
  return [applyHomography(h, u0, v0), applyHomography(h, u1, v0), applyHomography(h, u1, v1), applyHomography(h, u0, v1)];
}
