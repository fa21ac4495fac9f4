import { describe, expect, it } from 'vitest';
import { formatDuration, formatInstant, formatLength, formatMatchKind, formatPercent, listedPlate } from './format.js';

describe('formatting for operators', () => {
  it.each([
    ['ko', { matchKind: 'EXACT', wantedVehicle: { kind: 'FULL_PLATE' } }, '정확 일치'],
    ['en', { matchKind: 'EXACT', wantedVehicle: { kind: 'FULL_PLATE' } }, 'Exact'],
    ['ko', { matchKind: 'POSSIBLE', substitution: '고→가 at position 3', wantedVehicle: { kind: 'FULL_PLATE' } }, '유사 일치 (고→가 at position 3)'],
    ['en', { matchKind: 'POSSIBLE', substitution: '8→B at position 1', wantedVehicle: { kind: 'FULL_PLATE' } }, 'Possible (8→B at position 1)'],
    ['en', { matchKind: 'POSSIBLE', substitution: null, wantedVehicle: { kind: 'FULL_PLATE' } }, 'Possible'],
    ['ko', { matchKind: 'EXACT', wantedVehicle: { kind: 'PARTIAL_PLATE', platePattern: '519루14??' } }, '부분 번호판 일치 (519루14??)'],
    ['en', { matchKind: 'POSSIBLE', substitution: '루→무', wantedVehicle: { kind: 'PARTIAL_PLATE', platePattern: '519루14??' } }, 'Partial plate (519루14??)'],
  ] as const)('%s: %j is "%s"', (language, hit, text) => {
    expect(formatMatchKind(language, hit)).toBe(text);
  });

  it('shows the listed plate, else the witness pattern', () => {
    expect(listedPlate({ plate: '43마9970', platePattern: null })).toBe('43마9970');
    expect(listedPlate({ plate: null, platePattern: '519루14??' })).toBe('519루14??');
    expect(listedPlate({})).toBe('—');
  });

  it('formats confidence, durations and lengths', () => {
    expect(formatPercent(0.8734)).toBe('87%');
    expect(formatPercent(0.8734, 1)).toBe('87.3%');
    expect(formatDuration('ko', 200)).toBe('3분 20초');
    expect(formatDuration('en', 45.4)).toBe('45 s');
    expect(formatDuration('en', 120)).toBe('2 min');
    expect(formatLength(849.6)).toBe('850 m');
    expect(formatLength(2430)).toBe('2.4 km');
  });

  it('shows instants in Korean time, whatever the offset they came with', () => {
    expect(formatInstant('2026-11-23T23:15:02Z')).toBe('2026-11-24 08:15:02');
    expect(formatInstant('2026-11-24T08:15:02+09:00')).toBe('2026-11-24 08:15:02');
    expect(formatInstant('not an instant')).toBe('not an instant');
  });
});
