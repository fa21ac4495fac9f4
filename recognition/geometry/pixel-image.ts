/**
 * An image as plain interleaved bytes, row after row: 3 channels (RGB) or 4 (RGBA, straight alpha). Canvas
 * `ImageData` is an RGBA one of these.
 */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array | Uint8ClampedArray;
}

export function createPixelImage(width: number, height: number, channels: 3 | 4): PixelImage {
  return { width, height, channels, data: new Uint8ClampedArray(width * height * channels) };
}

/** Drops the alpha channel (the pixels are taken as opaque). */
export function toRgb(image: PixelImage): PixelImage {
  if (image.channels === 3) return image;
  const out = new Uint8ClampedArray(image.width * image.height * 3);
  for (let i = 0, j = 0; j < out.length; i += 4, j += 3) {
    out[j] = image.data[i]!;
    out[j + 1] = image.data[i + 1]!;
    out[j + 2] = image.data[i + 2]!;
  }
  return { width: image.width, height: image.height, channels: 3, data: out };
}
