/**
 * SHA-256 (FIPS 180-4) in plain TypeScript, shaped for the one job the matcher has: HMAC over short plate
 * strings, millions of times a second, without allocating. Kept free of Node so the domain library runs
 * anywhere; tests check it against node:crypto bit for bit.
 */

const roundConstants = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export const sha256InitialState: Readonly<Int32Array> = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const schedule = new Int32Array(64);

/** Mixes one 64-byte block, given as 16 big-endian words, into `state`. */
export function compressBlock(state: Int32Array, block: Int32Array): void {
  const w = schedule;
  for (let i = 0; i < 16; i++) w[i] = block[i] as number;
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] as number;
    const w2 = w[i - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number, b = state[1] as number, c = state[2] as number, d = state[3] as number;
  let e = state[4] as number, f = state[5] as number, g = state[6] as number, h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + (roundConstants[i] as number) + (w[i] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0; state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0; state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0; state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0; state[7] = ((state[7] as number) + h) | 0;
}

/**
 * Hashes `length` bytes of `bytes` continuing from `state`, which has already absorbed `prefixBlocks` whole
 * blocks. Leaves the digest in `state`. `block` is scratch space of 16 words.
 */
export function absorbAndFinish(
  state: Int32Array, prefixBlocks: number, bytes: Uint8Array, length: number, block: Int32Array,
): void {
  let offset = 0;
  while (length - offset >= 64) {
    for (let i = 0; i < 16; i++) {
      const p = offset + i * 4;
      block[i] = ((bytes[p] as number) << 24) | ((bytes[p + 1] as number) << 16) | ((bytes[p + 2] as number) << 8) | (bytes[p + 3] as number);
    }
    compressBlock(state, block);
    offset += 64;
  }
  const rest = length - offset;
  block.fill(0);
  for (let i = 0; i < rest; i++) block[i >> 2] = (block[i >> 2] as number) | ((bytes[offset + i] as number) << (24 - (i & 3) * 8));
  block[rest >> 2] = (block[rest >> 2] as number) | (0x80 << (24 - (rest & 3) * 8));
  if (rest >= 56) {
    compressBlock(state, block);
    block.fill(0);
  }
  const bitLength = (prefixBlocks * 64 + length) * 8;
  block[14] = Math.floor(bitLength / 0x100000000) | 0;
  block[15] = bitLength | 0;
  compressBlock(state, block);
}
