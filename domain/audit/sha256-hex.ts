import { absorbAndFinish, sha256InitialState } from '../plates/sha256.js';

const utf8 = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes (or of raw bytes), as 64 lower-case hex digits. */
export function sha256Hex(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? utf8.encode(input) : input;
  const state = new Int32Array(sha256InitialState);
  absorbAndFinish(state, 0, bytes, bytes.length, new Int32Array(16));
  let hex = '';
  for (const word of state) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}
