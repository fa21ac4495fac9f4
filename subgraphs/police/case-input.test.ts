import { describe, expect, it } from 'vitest';
import { caseFromInput, caseNumberOf } from './case-input.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return undefined;
}

describe('caseNumberOf', () => {
  it('stores a case number typed in decomposed Hangul under its composed form', () => {
    expect(caseNumberOf(' 2026-경기남부-0142 '.normalize('NFD'))).toBe('2026-경기남부-0142');
  });

  it.each(['', 'case:1', '-2026', '2026 0142', 'x'.repeat(101)])('refuses %j', (text) => {
    expect(codeOf(() => caseNumberOf(text))).toBe('DS_INVALID_INPUT');
  });
});

describe('caseFromInput', () => {
  it('opens the case for the caller\'s agency', () => {
    const now = Date.parse('2026-11-25T09:00:00+09:00');
    expect(caseFromInput({ caseNumber: '2026-경기남부-0200', title: ' 화성 차량 절도 ' }, 'police', now)).toEqual({
      caseNumber: '2026-경기남부-0200', title: '화성 차량 절도', leadAgency: 'police', status: 'OPEN', openedAt: new Date(now).toISOString(),
    });
  });
});
