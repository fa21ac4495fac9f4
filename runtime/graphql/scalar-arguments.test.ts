import { describe, expect, it } from 'vitest';
import { instantOf, listSizeOf, maxListSize, requiredTextOf } from './scalar-arguments.js';

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return undefined;
}

describe('instantOf', () => {
  it.each([
    ['2026-11-25T09:00:00+09:00', Date.UTC(2026, 10, 25, 0)],
    ['2026-11-25T00:00:00Z', Date.UTC(2026, 10, 25, 0)],
    ['2026-11-25T09:00+09:00', Date.UTC(2026, 10, 25, 0)],
    ['2026-11-25T00:00:00.250Z', Date.UTC(2026, 10, 25, 0, 0, 0, 250)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('reads %s', (text, millis) => {
    expect(instantOf(text, 'at')).toBe(millis);
  });

  it.each([
    ['no offset', '2026-11-25T09:00:00'],
    ['a date only', '2026-11-25'],
    ['30 February', '2026-02-30T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['hour 24', '2026-11-25T24:00:00Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['prose', 'yesterday'],
  ])('refuses %s with DS_INVALID_INPUT', (_, text) => {
    expect(codeOf(() => instantOf(text, 'at'))).toBe('DS_INVALID_INPUT');
  });
});

describe('listSizeOf', () => {
  it('passes sizes from 0 to the maximum', () => {
    expect(listSizeOf(0)).toBe(0);
    expect(listSizeOf(maxListSize)).toBe(maxListSize);
  });

  it('refuses negative sizes as invalid input and larger ones as too large a list', () => {
    expect(codeOf(() => listSizeOf(-1))).toBe('DS_INVALID_INPUT');
    expect(codeOf(() => listSizeOf(maxListSize + 1))).toBe('DS_QUERY_LIST_TOO_LARGE');
  });
});

describe('requiredTextOf', () => {
  it('trims', () => {
    expect(requiredTextOf('  confirmed on CCTV  ', 'reason')).toBe('confirmed on CCTV');
  });

  it('refuses blank and overlong text', () => {
    expect(codeOf(() => requiredTextOf('   ', 'reason'))).toBe('DS_INVALID_INPUT');
    expect(codeOf(() => requiredTextOf('x'.repeat(11), 'reason', 10))).toBe('DS_INVALID_INPUT');
  });
});
