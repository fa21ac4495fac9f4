import { DongseonError } from '../errors/index.js';
import type { AccessPurpose } from './identity.js';

/** The longest purpose and case number, in characters, that a request may state; the identity header carries them. */
export const statedPurposeLimits = { purpose: 500, caseNumber: 100 } as const;

// Controls (CR, LF, NUL, ESC, …), format characters (U+202E, U+200B, …), line and paragraph separators and lone
// surrogates: none belongs in a purpose, and each can disguise what an audit record says when it is read.
const unprintable = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;

/**
 * A purpose or case number as the audit log records it: NFC, trimmed, without control or format characters and
 * at most `maxLength` characters; empty is not stated. Anything else is refused, never cleaned up, so that what
 * is recorded is what the caller sent.
 */
export function statedText(text: string, name: string, maxLength: number): string | undefined {
  const normalized = text.normalize('NFC').trim();
  if (unprintable.test(normalized)) throw new DongseonError('DS_INVALID_INPUT', `${name} holds a control or format character`);
  if ([...normalized].length > maxLength) throw new DongseonError('DS_INVALID_INPUT', `${name} is longer than ${maxLength} characters`);
  return normalized === '' ? undefined : normalized;
}

/** Purpose and case number from already decoded text (absent when not given). */
export function statedPurpose(purpose: string | undefined, caseNumber: string | undefined, names = { purpose: 'purpose', caseNumber: 'caseNumber' }): AccessPurpose {
  const statedPurposeText = purpose === undefined ? undefined : statedText(purpose, names.purpose, statedPurposeLimits.purpose);
  const statedCaseNumber = caseNumber === undefined ? undefined : statedText(caseNumber, names.caseNumber, statedPurposeLimits.caseNumber);
  return { ...(statedPurposeText ? { purpose: statedPurposeText } : {}), ...(statedCaseNumber ? { caseNumber: statedCaseNumber } : {}) };
}
