import { homographyFromPoints, rectangleQuad, type Homography, type Quad } from './homography.js';
import type { PixelImage } from './pixel-image.js';

/**
 * Warps the quadrilateral `corners` (TL, TR, BR, BL in pixels) of `image` to a `width`×`height` RGB crop with
 * bilinear sampling; samples outside the image take the nearest edge pixel. Runs at the edge for every detected
 * plate, so it is one pass of plain arithmetic over the output, with the projective map stepped incrementally.
 */
export function rectifyQuad(image: PixelImage, corners: Quad, width: number, height: number): PixelImage {
  const h = homographyFromPoints(rectangleQuad(width, height), corners);
  const out = new Uint8ClampedArray(width * height * 3);
  const { data, channels, width: sw, height: sh } = image;
  const maxX = sw - 1;
  const maxY = sh - 1;
  let o = 0;
  for (let v = 0; v < height; v++) {
    const cy = v + 0.5;
    // Output pixel centres map to input positions; -0.5 turns a position into pixel-centre coordinates.
    let nx = h[0] * 0.5 + h[1] * cy + h[2];
    let ny = h[3] * 0.5 + h[4] * cy + h[5];
    let nw = h[6] * 0.5 + h[7] * cy + h[8];
    for (let u = 0; u < width; u++) {
      let x = nx / nw - 0.5;
      let y = ny / nw - 0.5;
      nx += h[0];
      ny += h[3];
      nw += h[6];
      if (x < 0) x = 0; else if (x > maxX) x = maxX;
      if (y < 0) y = 0; else if (y > maxY) y = maxY;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const x1 = x0 < maxX ? x0 + 1 : x0;
      const y1 = y0 < maxY ? y0 + 1 : y0;
      const fx = x - x0;
      const fy = y - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const p00 = (y0 * sw + x0) * channels;
      const p10 = (y0 * sw + x1) * channels;
      const p01 = (y1 * sw + x0) * channels;
      const p11 = (y1 * sw + x1) * channels;
      for (let c = 0; c < 3; c++) {
        out[o++] = data[p00 + c]! * w00 + data[p10 + c]! * w10 + data[p01 + c]! * w01 + data[p11 + c]! * w11 + 0.5;
      }
    }
  }
  return { width, height, channels: 3, data: out };
}

/**
 * Draws the whole of `source` (RGBA) into `target` (RGBA) so that its corners land on `corners`, blending by the
 * source's alpha; pixels outside the source count as transparent, which anti-aliases the quad's edges.
 */
export function warpInto(target: PixelImage, source: PixelImage, corners: Quad): void {
  if (target.channels !== 4 || source.channels !== 4) throw new RangeError('warpInto needs RGBA images');
  const h: Homography = homographyFromPoints(corners, rectangleQuad(source.width, source.height));
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const left = Math.max(0, Math.floor(Math.min(...xs)) - 1);
  const right = Math.min(target.width - 1, Math.ceil(Math.max(...xs)) + 1);
  const top = Math.max(0, Math.floor(Math.min(...ys)) - 1);
  const bottom = Math.min(target.height - 1, Math.ceil(Math.max(...ys)) + 1);
  const { data: src, width: sw, height: sh } = source;
  const dst = target.data;
  for (let ty = top; ty <= bottom; ty++) {
    const cy = ty + 0.5;
    for (let tx = left; tx <= right; tx++) {
      const cx = tx + 0.5;
      const w = h[6] * cx + h[7] * cy + h[8];
      const x = (h[0] * cx + h[1] * cy + h[2]) / w - 0.5;
      const y = (h[3] * cx + h[4] * cy + h[5]) / w - 0.5;
      if (x <= -1 || y <= -1 || x >= sw || y >= sh) continue;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      let r = 0, g = 0, b = 0, a = 0;
      for (let k = 0; k < 4; k++) {
        const px = x0 + (k & 1);
        const py = y0 + (k >> 1);
        if (px < 0 || py < 0 || px >= sw || py >= sh) continue;
        const weight = ((k & 1) ? fx : 1 - fx) * ((k >> 1) ? fy : 1 - fy);
        const p = (py * sw + px) * 4;
        const wa = weight * src[p + 3]!;
        r += src[p]! * wa;
        g += src[p + 1]! * wa;
        b += src[p + 2]! * wa;
        a += wa;
      }
      if (a <= 0) continue;
      const alpha = a / 255;
      const d = (ty * target.width + tx) * 4;
      dst[d] = dst[d]! * (1 - alpha) + (r / a) * alpha + 0.5;
      dst[d + 1] = dst[d + 1]! * (1 - alpha) + (g / a) * alpha + 0.5;
      dst[d + 2] = dst[d + 2]! * (1 - alpha) + (b / a) * alpha + 0.5;
      dst[d + 3] = Math.max(dst[d + 3]!, a + 0.5);
    }
  }
}
