import type { ErrorCode } from '../errors/index.js';
import { confusionVariants, type PlateVariant } from './confusion-variants.js';
import { compiledFormats, readElement, type CompiledFormat, type Fields } from './parse-plate.js';
import { isDigitCode, isHangulSyllableCode, maxRawPlateLength } from './plate-text.js';

/** A partial plate from a witness, e.g. `12가34??`: `?` (or `*`) stands for exactly one unknown character. */
export interface PlatePattern {
  readonly source: string;
  /** Canonical form: plate characters and `?`. */
  readonly pattern: string;
  readonly knownCharacters: number;
  /** The plate formats the pattern can belong to. */
  readonly kinds: readonly string[];
}

export type PlatePatternResult =
  | { readonly ok: true; readonly pattern: PlatePattern }
  | { readonly ok: false; readonly problem: { readonly code: ErrorCode; readonly reason: string } };

/** Fewer known characters than this would match a large part of the fleet; such patterns are refused. */
export const minimumKnownCharacters = 4;

const wildcardPattern = /[?*]/gu;
const separatorPattern = /[\s\-‐‑‒–—―−_.·・･ㆍ/]+/gu;

function fitsFormat(compiled: CompiledFormat, pattern: string): boolean {
  if (pattern.length !== compiled.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code === 63) continue;
    if (compiled.hangulAt[i] ? !isHangulSyllableCode(code) : !isDigitCode(code)) return false;
  }
  // Elements the witness saw whole must obey their own rule (a known region, an issued syllable, …).
  const fields: Fields = { serial: '', flags: [] };
  return compiled.format.elements.every((element, index) => {
    const value = pattern.slice(compiled.starts[index], compiled.starts[index + 1] ?? pattern.length);
    return value.includes('?') || readElement(element, value, fields) === undefined;
  });
}

export function compilePlatePattern(raw: string): PlatePatternResult {
  if (raw.length > maxRawPlateLength) {
    return { ok: false, problem: { code: 'DS_PLATE_PATTERN_INVALID', reason: `longer than ${maxRawPlateLength} characters` } };
  }
  const pattern = raw.normalize('NFKC').replace(separatorPattern, '').replace(wildcardPattern, '?');
  let knownCharacters = 0;
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code === 63) continue;
    if (!isDigitCode(code) && !isHangulSyllableCode(code)) {
      return { ok: false, problem: { code: 'DS_PLATE_PATTERN_INVALID', reason: `position ${i} holds neither a plate character nor a wildcard` } };
    }
    knownCharacters++;
  }
  if (knownCharacters < minimumKnownCharacters) {
    return { ok: false, problem: { code: 'DS_PLATE_PATTERN_INVALID', reason: `only ${knownCharacters} known characters; at least ${minimumKnownCharacters} are needed` } };
  }
  const kinds = [...new Set(compiledFormats.filter((compiled) => fitsFormat(compiled, pattern)).map((c) => c.format.kind))];
  if (kinds.length === 0) {
    return { ok: false, problem: { code: 'DS_PLATE_PATTERN_INVALID', reason: `"${pattern}" fits no Korean plate format` } };
  }
  return { ok: true, pattern: { source: raw, pattern, knownCharacters, kinds } };
}

/** True when the canonical plate agrees with every known character of the pattern. */
export function plateMatchesPattern(pattern: PlatePattern, canonicalPlate: string): boolean {
  const text = pattern.pattern;
  if (text.length !== canonicalPlate.length) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 63 && code !== canonicalPlate.charCodeAt(i)) return false;
  }
  return true;
}

/** The cheapest confusion variant of a read that fits the pattern, or undefined: exact fits come at cost 0. */
export function matchReadToPattern(
  pattern: PlatePattern, read: string, maxSubstitutions = 1,
): PlateVariant | undefined {
  return confusionVariants(read, { maxSubstitutions }).find((variant) => plateMatchesPattern(pattern, variant.plate));
}
