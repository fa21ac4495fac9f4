import { createCanvas } from '@napi-rs/canvas';
import type { PixelImage } from '../../recognition/geometry/index.js';

/** A crop as PNG bytes: what the node keeps as a read's evidence. */
export function cropToPng(crop: PixelImage): Buffer {
  const canvas = createCanvas(crop.width, crop.height);
  const context = canvas.getContext('2d');
  const rgba = context.createImageData(crop.width, crop.height);
  for (let i = 0, j = 0; i < crop.width * crop.height; i++, j += crop.channels) {
    rgba.data[i * 4] = crop.data[j] ?? 0;
    rgba.data[i * 4 + 1] = crop.data[j + 1] ?? 0;
    rgba.data[i * 4 + 2] = crop.data[j + 2] ?? 0;
    rgba.data[i * 4 + 3] = 255;
  }
  context.putImageData(rgba, 0, 0);
  return canvas.toBuffer('image/png');
}
