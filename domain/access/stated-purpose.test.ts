import { describe, expect, it } from 'vitest';
import { DongseonError } from '../errors/index.js';
import { statedPurpose, statedPurposeLimits, statedText } from './stated-purpose.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DongseonError ? error.code : error;
  }
  return 'accepted';
};

describe('statedText', () => {
  it.each([
    ['CR/LF', 'theft\r\ninjected: yes'],
    ['NUL', 'theft\u0000'],
    ['ESC', 'theft \u001b[2J'],
    ['a right-to-left override', 'theft \u202e4200-gesac'],
    ['a zero-width space', '2026\u200b-0042'],
    ['a line separator', 'theft\u2028case'],
    ['a lone surrogate', 'theft \ud800'],
    ['DEL', 'theft\u007f'],
    ['a C1 control', 'theft\u0085'],
  ])('finding 5: refuses %s with DS_INVALID_INPUT', (_, text) => {
    expect(refusal(() => statedText(text, 'purpose', 500))).toBe('DS_INVALID_INPUT');
  });

  it('finding 5: is bounded, counting characters', () => {
    expect(refusal(() => statedText('가'.repeat(statedPurposeLimits.caseNumber + 1), 'case', statedPurposeLimits.caseNumber))).toBe('DS_INVALID_INPUT');
    expect(statedText('가'.repeat(statedPurposeLimits.caseNumber), 'case', statedPurposeLimits.caseNumber)).toHaveLength(statedPurposeLimits.caseNumber);
  });

  it('finding 5: records NFC, so the same words are the same record', () => {
    const decomposed = '\u1103\u1169\u11bc\u1109\u1165\u11ab'; // 동선 as conjoining jamo
    expect(statedText(decomposed, 'purpose', 500)).toBe('동선');
  });

  it.each([
    ['도난차량 추적', '도난차량 추적'],
    ['  2026-서울-0042 ', '2026-서울-0042'],
    ['100% sure, tab-free', '100% sure, tab-free'],
    ['   ', undefined],
  ])('keeps ordinary text: %j', (text, expected) => {
    expect(statedText(text, 'purpose', 500)).toBe(expected);
  });

  it('statedPurpose leaves out what is not stated', () => {
    expect(statedPurpose(undefined, ' ')).toEqual({});
    expect(statedPurpose('theft', '2026-1')).toEqual({ purpose: 'theft', caseNumber: '2026-1' });
  });
});
