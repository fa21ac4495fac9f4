import type { ErrorCode } from '../errors/index.js';

/** Longest raw input looked at; anything longer is no plate and is refused before any work on it. */
export const maxRawPlateLength = 64;

const hangulSyllableFirst = 0xac00;
const hangulSyllableLast = 0xd7a3;

export const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;
export const isHangulSyllableCode = (code: number): boolean =>
  code >= hangulSyllableFirst && code <= hangulSyllableLast;

/** Separators people and OCR engines put inside plates; they carry no identity. */
const separatorPattern = /[\s\-‐‑‒–—―−_.·・･ㆍ/]+/gu;
const lineBreakPattern = /\r\n|\r|\n|\u2028|\u2029/u;

export interface CleanPlateText {
  readonly ok: true;
  /** Hangul syllables and ASCII digits only. */
  readonly text: string;
  /** The input's lines, cleaned the same way, when it had more than one (two-line plates). */
  readonly lines: readonly string[];
}

export interface PlateTextProblem {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly reason: string;
  readonly position?: number;
}

function isCompact(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (!isDigitCode(code) && !isHangulSyllableCode(code)) return false;
  }
  return true;
}

const describeCodePoint = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function cleanLine(line: string): string | PlateTextProblem {
  const folded = line.normalize('NFKC').replace(separatorPattern, '');
  let position = 0;
  for (const char of folded) {
    const code = char.codePointAt(0) ?? 0;
    if (!isDigitCode(code) && !isHangulSyllableCode(code)) {
      return {
        ok: false,
        code: 'DS_PLATE_ILLEGAL_CHARACTER',
        reason: `character ${describeCodePoint(char)} at position ${position} is not a digit or a Hangul syllable`,
        position,
      };
    }
    position++;
  }
  return folded;
}

/**
 * Folds what cameras and people type into the plate alphabet: Unicode NFKC (full-width digits, decomposed
 * Hangul), separators removed, line structure kept aside. Refuses any other character with its code point,
 * never echoing the raw input.
 */
export function cleanPlateText(raw: string): CleanPlateText | PlateTextProblem {
  if (raw.length > maxRawPlateLength) {
    return { ok: false, code: 'DS_PLATE_INVALID', reason: `longer than ${maxRawPlateLength} characters` };
  }
  if (isCompact(raw)) {
    return raw.length === 0
      ? { ok: false, code: 'DS_PLATE_EMPTY', reason: 'no plate characters' }
      : { ok: true, text: raw, lines: [raw] };
  }
  const lines: string[] = [];
  for (const line of raw.split(lineBreakPattern)) {
    const cleaned = cleanLine(line);
    if (typeof cleaned !== 'string') return cleaned;
    if (cleaned.length > 0) lines.push(cleaned);
  }
  const text = lines.join('');
  if (text.length === 0) return { ok: false, code: 'DS_PLATE_EMPTY', reason: 'no plate characters' };
  return { ok: true, text, lines };
}
