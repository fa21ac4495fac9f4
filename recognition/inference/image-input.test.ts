import { crc32, deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { isDongseonError, type ErrorCode } from '../../domain/errors/index.js';
import { encodeRgbPng } from '../synth/encode-image.js';
import { decodeImage, defaultImageLimits, readImageHeader } from './image-input.js';

/** A real JPEG from Skia: a 40×24 image, left half red, right half blue. */
function smallJpeg(): Buffer {
  const canvas = createCanvas(40, 24);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ff0000';
  context.fillRect(0, 0, 20, 24);
  context.fillStyle = '#0000ff';
  context.fillRect(20, 0, 20, 24);
  return canvas.encodeSync('jpeg', 95);
}

function rgbPng(width: number, height: number): Buffer {
  const data = new Uint8ClampedArray(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 256;
  return encodeRgbPng({ width, height, channels: 3, data });
}

/** Offset of the first SOF0/SOF2 segment's height field. */
function sofDimensionsAt(jpeg: Uint8Array): number {
  for (let i = 2; i < jpeg.length - 1; i++) if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) return i + 5;
  throw new Error('no SOF in the test JPEG');
}

function withJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  const at = sofDimensionsAt(out);
  out.writeUInt16BE(height, at);
  out.writeUInt16BE(width, at + 2);
  return out;
}

/** A few hundred bytes that declare `width`×`height`: SOI, SOF0, SOS, a little scan data, EOI. */
function tinyJpegDeclaring(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03,
    0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.alloc(200, 0x55), Buffer.from([0xff, 0xd9])]);
}

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** A PNG bomb: IHDR declares `width`×`height`, IDAT is a few hundred bytes of deflated zeros. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(1 << 20))), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function codeOf(action: () => unknown): ErrorCode | 'no error' | 'not coded' {
  try {
    action();
    return 'no error';
  } catch (error) {
    return isDongseonError(error) ? error.code : 'not coded';
  }
}

async function decodeCode(bytes: Uint8Array): Promise<ErrorCode | 'no error' | 'not coded'> {
  try {
    await decodeImage(bytes);
    return 'no error';
  } catch (error) {
    return isDongseonError(error) ? error.code : 'not coded';
  }
}

const jpeg = smallJpeg();
const png = rgbPng(30, 20);
let seed = 7;
const randomBytes = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 255));

describe('frame images: the header is checked before anything is decoded', () => {
  it.each([
    { name: 'an empty buffer', bytes: Buffer.alloc(0), code: 'DS_FRAME_NOT_IMAGE' },
    { name: 'random bytes', bytes: randomBytes, code: 'DS_FRAME_NOT_IMAGE' },
    { name: 'a GIF', bytes: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), code: 'DS_FRAME_NOT_IMAGE' },
    { name: 'JPEG start-of-image only', bytes: Buffer.from([0xff, 0xd8, 0xff]), code: 'DS_FRAME_CORRUPT' },
    { name: 'a JPEG cut in half', bytes: jpeg.subarray(0, jpeg.length >> 1), code: 'DS_FRAME_CORRUPT' },
    { name: 'a JPEG cut inside its headers', bytes: jpeg.subarray(0, 30), code: 'DS_FRAME_CORRUPT' },
    { name: 'a JPEG without its end-of-image marker', bytes: jpeg.subarray(0, jpeg.length - 2), code: 'DS_FRAME_CORRUPT' },
    { name: 'a JPEG whose SOF declares 60000×60000', bytes: withJpegSize(jpeg, 60000, 60000), code: 'DS_FRAME_TOO_LARGE' },
    { name: 'a 240-byte JPEG declaring 65535×65535 (decompression bomb)', bytes: tinyJpegDeclaring(65535, 65535), code: 'DS_FRAME_TOO_LARGE' },
    { name: 'a JPEG of 4097×100 (over the side limit)', bytes: tinyJpegDeclaring(4097, 100), code: 'DS_FRAME_TOO_LARGE' },
    { name: 'a JPEG of 4096×4096 (over 16 MP)', bytes: tinyJpegDeclaring(4096, 4096), code: 'DS_FRAME_TOO_LARGE' },
    { name: 'a JPEG declaring zero width', bytes: withJpegSize(jpeg, 0, 24), code: 'DS_FRAME_CORRUPT' },
    { name: 'a JPEG declaring zero height', bytes: tinyJpegDeclaring(640, 0), code: 'DS_FRAME_CORRUPT' },
    { name: 'a JPEG whose scan comes before its frame', bytes: Buffer.concat([Buffer.from([0xff, 0xd8]), tinyJpegDeclaring(8, 8).subarray(21)]), code: 'DS_FRAME_CORRUPT' },
    { name: 'a PNG signature only', bytes: png.subarray(0, 8), code: 'DS_FRAME_CORRUPT' },
    { name: 'a truncated PNG', bytes: png.subarray(0, png.length - 20), code: 'DS_FRAME_CORRUPT' },
    { name: 'a PNG with a damaged chunk (CRC)', bytes: Buffer.concat([png.subarray(0, 40), Buffer.from([png[40]! ^ 0xff]), png.subarray(41)]), code: 'DS_FRAME_CORRUPT' },
    { name: 'a PNG bomb declaring 100000×100000', bytes: pngDeclaring(100000, 100000), code: 'DS_FRAME_TOO_LARGE' },
    { name: 'a PNG declaring 0×10', bytes: pngDeclaring(0, 10), code: 'DS_FRAME_CORRUPT' },
  ])('refuses $name with $code', async ({ bytes, code }) => {
    expect(codeOf(() => readImageHeader(bytes))).toBe(code);
    expect(await decodeCode(bytes)).toBe(code);
  });

  it('refuses a file over the byte limit', () => {
    expect(codeOf(() => readImageHeader(jpeg, { ...defaultImageLimits, maxBytes: 100 }))).toBe('DS_FRAME_TOO_LARGE');
  });

  it('reads the size of a real JPEG and PNG from their headers', () => {
    expect(readImageHeader(jpeg)).toEqual({ format: 'jpeg', width: 40, height: 24 });
    expect(readImageHeader(png)).toEqual({ format: 'png', width: 30, height: 20 });
    expect(readImageHeader(tinyJpegDeclaring(4096, 3000))).toEqual({ format: 'jpeg', width: 4096, height: 3000 });
  });
});

describe('decoding frames to RGB', () => {
  it('decodes a JPEG to W×H×3 bytes', async () => {
    const image = await decodeImage(jpeg);
    expect(image).toMatchObject({ format: 'jpeg', width: 40, height: 24, channels: 3 });
    expect(image.data).toHaveLength(40 * 24 * 3);
    const pixel = (x: number, y: number) => Array.from(image.data.subarray((y * 40 + x) * 3, (y * 40 + x) * 3 + 3));
    const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]!) <= 12);
    expect(near(pixel(5, 12), [255, 0, 0])).toBe(true);
    expect(near(pixel(35, 12), [0, 0, 255])).toBe(true);
  });

  it('keeps the decoder\'s RGBA when asked (the same colours, opaque)', async () => {
    const rgb = await decodeImage(png);
    const rgba = await decodeImage(png, defaultImageLimits, 4);
    expect(rgba).toMatchObject({ width: 30, height: 20, channels: 4 });
    for (let p = 0; p < 30 * 20; p++) {
      expect([rgba.data[4 * p], rgba.data[4 * p + 1], rgba.data[4 * p + 2], rgba.data[4 * p + 3]]).toEqual([rgb.data[3 * p], rgb.data[3 * p + 1], rgb.data[3 * p + 2], 255]);
    }
  });

  it('decodes an RGB PNG bit-exactly', async () => {
    const image = await decodeImage(png);
    expect(image).toMatchObject({ format: 'png', width: 30, height: 20, channels: 3 });
    expect(Array.from(image.data)).toEqual(Array.from({ length: 30 * 20 * 3 }, (_, i) => (i * 37) % 256));
  });

  it('refuses a JPEG whose structure is sound but whose data the decoder cannot use', async () => {
    // Valid markers, scan data of 0x55 bytes and no Huffman tables: nothing a decoder can draw.
    expect(await decodeCode(tinyJpegDeclaring(16, 16))).toBe('DS_FRAME_CORRUPT');
  });
});
