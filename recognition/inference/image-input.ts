import { crc32 } from 'node:zlib';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { DongseonError } from '../../domain/errors/index.js';
import { toRgb, type PixelImage } from '../geometry/index.js';

export type ImageFormat = 'jpeg' | 'png';

export interface ImageHeader {
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
}

export interface ImageLimits {
  /** Largest accepted file, bytes. */
  readonly maxBytes: number;
  readonly maxWidth: number;
  readonly maxHeight: number;
  /** Largest accepted width × height. */
  readonly maxPixels: number;
}

export const defaultImageLimits: ImageLimits = { maxBytes: 16 * 1024 * 1024, maxWidth: 4096, maxHeight: 4096, maxPixels: 16_000_000 };

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const corrupt = (message: string, details: Record<string, unknown> = {}) => new DongseonError('DS_FRAME_CORRUPT', message, details);

/**
 * Width, height and format of a JPEG or PNG read from its header alone, with the structure checked up to its end
 * marker (JPEG EOI, PNG IEND) so a truncated file is refused here rather than half-decoded. Throws
 * DS_FRAME_NOT_IMAGE, DS_FRAME_CORRUPT or DS_FRAME_TOO_LARGE.
 */
export function readImageHeader(bytes: Uint8Array, limits: ImageLimits = defaultImageLimits): ImageHeader {
  if (bytes.length === 0) throw new DongseonError('DS_FRAME_NOT_IMAGE', 'the frame is empty', { bytes: 0 });
  if (bytes.length > limits.maxBytes) {
    throw new DongseonError('DS_FRAME_TOO_LARGE', `the frame is ${bytes.length} bytes, over the limit of ${limits.maxBytes}`, { bytes: bytes.length, maxBytes: limits.maxBytes });
  }
  let header: ImageHeader;
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) header = readJpegHeader(bytes);
  else if (bytes.length >= 8 && pngSignature.every((b, i) => bytes[i] === b)) header = readPngHeader(bytes);
  else throw new DongseonError('DS_FRAME_NOT_IMAGE', 'the frame is neither a JPEG nor a PNG', { bytes: bytes.length });
  checkDimensions(header, limits);
  return header;
}

function checkDimensions({ format, width, height }: ImageHeader, limits: ImageLimits): void {
  if (width === 0 || height === 0) throw corrupt(`the ${format} declares a zero-size image (${width}×${height})`, { width, height });
  if (width > limits.maxWidth || height > limits.maxHeight || width * height > limits.maxPixels) {
    throw new DongseonError('DS_FRAME_TOO_LARGE',
      `the ${format} declares ${width}×${height} pixels, over the limit of ${limits.maxWidth}×${limits.maxHeight} and ${limits.maxPixels} pixels`,
      { width, height, maxWidth: limits.maxWidth, maxHeight: limits.maxHeight, maxPixels: limits.maxPixels });
  }
}

// Start-of-frame markers carry the dimensions: baseline, extended, progressive, lossless, with and without arithmetic
// coding. C4 (DHT), C8 (reserved) and CC (DAC) sit in the same range but are not frames.
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Walks the JPEG's segments and entropy-coded scans to EOI; the first SOF gives the size. */
function readJpegHeader(bytes: Uint8Array): ImageHeader {
  let frame: { width: number; height: number } | undefined;
  let scans = 0;
  let i = 2;
  for (;;) {
    if (i >= bytes.length) throw corrupt('the JPEG ends before its end-of-image marker', { offset: i });
    if (bytes[i] !== 0xff) throw corrupt(`the JPEG has no marker where one is due (offset ${i})`, { offset: i });
    while (i < bytes.length && bytes[i] === 0xff) i++;
    if (i >= bytes.length) throw corrupt('the JPEG ends before its end-of-image marker', { offset: i });
    const marker = bytes[i++]!;
    if (marker === 0xd9) break;
    if (marker === 0xd8 || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      throw corrupt(`the JPEG has a stray marker 0xFF${hex(marker)} (offset ${i - 2})`, { offset: i - 2 });
    }
    if (i + 2 > bytes.length) throw corrupt('the JPEG is truncated inside a segment header', { offset: i });
    const length = (bytes[i]! << 8) | bytes[i + 1]!;
    if (length < 2 || i + length > bytes.length) throw corrupt(`the JPEG's 0xFF${hex(marker)} segment runs past the end of the file`, { offset: i, length });
    if (isStartOfFrame(marker)) {
      if (length < 8) throw corrupt('the JPEG start-of-frame segment is too short', { offset: i, length });
      if (frame === undefined) {
        const height = (bytes[i + 3]! << 8) | bytes[i + 4]!;
        const width = (bytes[i + 5]! << 8) | bytes[i + 6]!;
        const components = bytes[i + 7]!;
        if (components !== 1 && components !== 3 && components !== 4) throw corrupt(`the JPEG has ${components} colour components`, { components });
        if (length < 8 + 3 * components) throw corrupt('the JPEG start-of-frame segment is too short for its components', { offset: i, length });
        frame = { width, height };
      }
    }
    i += length;
    if (marker === 0xda) {
      if (frame === undefined) throw corrupt('the JPEG starts a scan before its start-of-frame segment', { offset: i });
      scans++;
      i = skipEntropyCodedData(bytes, i);
    }
  }
  if (frame === undefined) throw corrupt('the JPEG has no start-of-frame segment');
  if (scans === 0) throw corrupt('the JPEG has no scan (no image data)');
  return { format: 'jpeg', width: frame.width, height: frame.height };
}

/** Index of the next marker after a scan's data (0xFF00 is a stuffed byte, 0xFFD0–D7 restart markers). */
function skipEntropyCodedData(bytes: Uint8Array, start: number): number {
  let i = start;
  for (;;) {
    const next = bytes.indexOf(0xff, i);
    if (next < 0 || next + 1 >= bytes.length) throw corrupt('the JPEG ends inside its image data (truncated)', { offset: bytes.length });
    let j = next + 1;
    while (j < bytes.length && bytes[j] === 0xff) j++;
    if (j >= bytes.length) throw corrupt('the JPEG ends inside its image data (truncated)', { offset: bytes.length });
    const after = bytes[j]!;
    if (after === 0x00 || (after >= 0xd0 && after <= 0xd7)) {
      i = j + 1;
      continue;
    }
    return next;
  }
}

/** Walks the PNG's chunks (lengths and CRCs) to IEND; IHDR gives the size. */
function readPngHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  let header: ImageHeader | undefined;
  let imageData = false;
  for (let index = 0; ; index++) {
    if (i + 8 > bytes.length) throw corrupt('the PNG ends before its IEND chunk (truncated)', { offset: i });
    const length = view.getUint32(i);
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    if (length > 0x7fffffff || i + 12 + length > bytes.length) throw corrupt(`the PNG's ${printable(type)} chunk runs past the end of the file (truncated)`, { offset: i, length });
    const crc = view.getUint32(i + 8 + length);
    if ((crc32(bytes.subarray(i + 4, i + 8 + length)) >>> 0) !== crc) throw corrupt(`the PNG's ${printable(type)} chunk fails its CRC`, { offset: i });
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) throw corrupt('the PNG does not start with its IHDR chunk', { offset: i });
      const bitDepth = bytes[i + 16]!;
      const colourType = bytes[i + 17]!;
      if (![1, 2, 4, 8, 16].includes(bitDepth) || ![0, 2, 3, 4, 6].includes(colourType)) {
        throw corrupt(`the PNG has an invalid bit depth ${bitDepth} or colour type ${colourType}`, { bitDepth, colourType });
      }
      header = { format: 'png', width: view.getUint32(i + 8), height: view.getUint32(i + 12) };
    } else if (type === 'IDAT') {
      imageData = true;
    } else if (type === 'IEND') {
      break;
    }
    i += 12 + length;
  }
  if (!imageData) throw corrupt('the PNG has no image data (IDAT)');
  return header!;
}

const hex = (byte: number) => byte.toString(16).toUpperCase().padStart(2, '0');
const printable = (type: string) => (/^[A-Za-z]{4}$/.test(type) ? type : 'unnamed');

/**
 * Decodes a JPEG or PNG frame to RGB bytes (alpha dropped), or with `channels: 4` to the decoder's RGBA as it is
 * (every consumer here takes either; it saves a pass over the frame). The header is checked first
 * (`readImageHeader`), so a small file declaring a huge image, a truncated file or something that is not an image is
 * refused before any pixel is allocated.
 */
export async function decodeImage(bytes: Uint8Array, limits: ImageLimits = defaultImageLimits, channels: 3 | 4 = 3): Promise<PixelImage & { readonly format: ImageFormat }> {
  const header = readImageHeader(bytes, limits);
  let decoded;
  try {
    decoded = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new DongseonError('DS_FRAME_CORRUPT', `the ${header.format} could not be decoded`, { format: header.format }, { cause: error });
  }
  const { width, height } = decoded;
  // An EXIF rotation may swap the sides; the area is what the limits guard.
  if (width * height !== header.width * header.height || width === 0) {
    throw corrupt(`the ${header.format} decoded to ${width}×${height}, not the ${header.width}×${header.height} its header declares`, { width, height });
  }
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.drawImage(decoded, 0, 0);
  const rgba: PixelImage = { width, height, channels: 4, data: context.getImageData(0, 0, width, height).data };
  return { ...(channels === 4 ? rgba : toRgb(rgba)), format: header.format };
}
