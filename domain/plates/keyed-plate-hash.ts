import { DongseonError } from '../errors/index.js';
import { absorbAndFinish, compressBlock, sha256InitialState } from './sha256.js';

/** Bytes of HMAC output published per hotlist entry: 128 bits keeps collisions out of reach at any list size. */
export const keyedDigestBytes = 16;
export const minimumHotlistKeyBytes = 32;

/** Encodes a string as UTF-8 into `out`; returns the byte count. Plate text is short: callers size `out` for it. */
function encodeUtf8Into(text: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) out[n++] = code;
    else if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 63);
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 63);
      out[n++] = 0x80 | ((code >> 6) & 63);
      out[n++] = 0x80 | (code & 63);
    } else {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 63);
      out[n++] = 0x80 | (code & 63);
    }
  }
  return n;
}

/**
 * HMAC-SHA256 under one secret key, with the key's inner and outer pad states computed once. Digests land in a
 * caller's Int32Array so the matcher's hot path allocates nothing.
 */
export interface PlateHasher {
  readonly keyId: string;
  /** Writes the first `keyedDigestBytes` of HMAC(key, UTF-8(text)) as four big-endian words at `out[offset..]`. */
  digestWordsInto(text: string, out: Int32Array | Uint32Array, offset?: number): void;
  digestHex(text: string): string;
}

export function createPlateHasher(keyId: string, secret: Uint8Array): PlateHasher {
  if (secret.length < minimumHotlistKeyBytes) {
    throw new DongseonError('DS_HOTLIST_KEY_INVALID', `hotlist key "${keyId}" must hold at least ${minimumHotlistKeyBytes} bytes`);
  }
  const keyBlock = new Uint8Array(64);
  if (secret.length > 64) {
    const state = new Int32Array(sha256InitialState);
    absorbAndFinish(state, 0, secret, secret.length, new Int32Array(16));
    for (let i = 0; i < 32; i++) keyBlock[i] = (state[i >> 2] as number) >>> (24 - (i & 3) * 8);
  } else {
    keyBlock.set(secret);
  }
  const padState = (pad: number): Int32Array => {
    const block = new Int32Array(16);
    for (let i = 0; i < 64; i++) block[i >> 2] = (block[i >> 2] as number) | (((keyBlock[i] as number) ^ pad) << (24 - (i & 3) * 8));
    const state = new Int32Array(sha256InitialState);
    compressBlock(state, block);
    return state;
  };
  const innerStart = padState(0x36);
  const outerStart = padState(0x5c);
  const inner = new Int32Array(8);
  const outer = new Int32Array(8);
  const block = new Int32Array(16);
  let bytes = new Uint8Array(128);

  const digestWordsInto = (text: string, out: Int32Array | Uint32Array, offset = 0): void => {
    if (text.length * 4 > bytes.length) bytes = new Uint8Array(text.length * 4);
    const length = encodeUtf8Into(text, bytes);
    inner.set(innerStart);
    absorbAndFinish(inner, 1, bytes, length, block);
    outer.set(outerStart);
    block.fill(0);
    block.set(inner);
    block[8] = 0x80000000 | 0;
    block[15] = (64 + 32) * 8;
    compressBlock(outer, block);
    out[offset] = outer[0] as number;
    out[offset + 1] = outer[1] as number;
    out[offset + 2] = outer[2] as number;
    out[offset + 3] = outer[3] as number;
  };

  const words = new Uint32Array(4);
  return {
    keyId,
    digestWordsInto,
    digestHex(text: string): string {
      digestWordsInto(text, words);
      let hex = '';
      for (const word of words) hex += word.toString(16).padStart(8, '0');
      return hex;
    },
  };
}

/** The keys hotlist digests may be made under; the active one is used for new publications. */
export interface PlateKeyRing {
  readonly activeKeyId: string;
  readonly hashers: ReadonlyMap<string, PlateHasher>;
}

export function createPlateKeyRing(activeKeyId: string, secrets: Readonly<Record<string, Uint8Array>>): PlateKeyRing {
  const hashers = new Map(Object.entries(secrets).map(([keyId, secret]) => [keyId, createPlateHasher(keyId, secret)]));
  if (!hashers.has(activeKeyId)) {
    throw new DongseonError('DS_HOTLIST_KEY_UNKNOWN', `active hotlist key "${activeKeyId}" is not in the key ring`);
  }
  return { activeKeyId, hashers };
}

export function hasherFor(ring: PlateKeyRing, keyId: string = ring.activeKeyId): PlateHasher {
  const hasher = ring.hashers.get(keyId);
  if (!hasher) throw new DongseonError('DS_HOTLIST_KEY_UNKNOWN', `hotlist key "${keyId}" is not in the key ring`);
  return hasher;
}

export interface HotlistKey {
  readonly keyId: string;
  /** Hex of the first 128 bits of HMAC-SHA256(key, canonical plate). */
  readonly digest: string;
}

/** The confidential form of a canonical plate: what edge nodes receive instead of the plate. */
export function hotlistKeyFor(ring: PlateKeyRing, canonicalPlate: string, keyId: string = ring.activeKeyId): HotlistKey {
  return { keyId, digest: hasherFor(ring, keyId).digestHex(canonicalPlate) };
}
