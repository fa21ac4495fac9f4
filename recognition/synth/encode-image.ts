import { crc32, deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import type { PixelImage } from '../geometry/index.js';

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** A PNG of an RGB image (colour type 2, 8 bits, no alpha): what the Python training code reads. */
export function encodeRgbPng(image: PixelImage): Buffer {
  if (image.channels !== 3) throw new RangeError('encodeRgbPng takes RGB images');
  const { width, height, data } = image;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 3 + 1)] = 0;
    Buffer.from(data.buffer, data.byteOffset + y * width * 3, width * 3).copy(rows, y * (width * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 6 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG of an RGBA image (alpha ignored), encoded by Skia. */
export function encodeJpeg(image: PixelImage, quality: number): Buffer {
  if (image.channels !== 4) throw new RangeError('encodeJpeg takes RGBA images');
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  const frame = ctx.createImageData(image.width, image.height);
  frame.data.set(image.data);
  ctx.putImageData(frame, 0, 0);
  return canvas.encodeSync('jpeg', quality);
}
