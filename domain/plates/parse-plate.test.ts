import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../errors/index.js';
import { normalizePlate, parsePlate, validatePlate } from './index.js';

describe('parsePlate: every format of the grammar', () => {
  it.each([
    ['123가4567', 'national-3', '123가4567', '123가 4567', 'private', 'passenger'],
    ['712바3456', 'national-3', '712바3456', '712바 3456', 'commercial', 'van-bus'],
    ['850배1234', 'national-3', '850배1234', '850배 1234', 'delivery', 'truck'],
    ['985하1234', 'national-3', '985하1234', '985하 1234', 'rental', 'special'],
    ['998호1234', 'national-3', '998호1234', '998호 1234', 'rental', 'emergency'],
    ['12가3456', 'national-2', '12가3456', '12가 3456', 'private', 'passenger'],
    ['75자3456', 'national-2', '75자3456', '75자 3456', 'commercial', 'van-bus'],
    ['90사1234', 'national-2', '90사1234', '90사 1234', 'commercial', 'truck'],
    ['99허1234', 'national-2', '99허1234', '99허 1234', 'rental', 'special'],
    ['서울12가3456', 'regional', '서울12가3456', '서울 12가 3456', 'private', 'passenger'],
    ['인천86바3430', 'regional', '인천86바3430', '인천 86바 3430', 'commercial', 'truck'],
    ['경기88배1449', 'regional', '경기88배1449', '경기 88배 1449', 'delivery', 'truck'],
    ['제주5하1234', 'regional', '제주5하1234', '제주 5하 1234', 'rental', 'passenger'],
  ] as const)('%s is a %s plate', (input, kind, canonical, display, usage, vehicleClass) => {
    const result = parsePlate(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plate).toMatchObject({ kind, canonical, display, usage, vehicleClass, layout: 'one-line' });
  });

  it.each(['외교', '영사', '준외', '준영', '국기', '협정', '대표'])('diplomatic word %s with and without hyphen', (word) => {
    for (const input of [`${word}001-001`, `${word}001001`, `${word} 001 - 001`]) {
      const result = parsePlate(input);
      expect(result.ok && result.plate).toMatchObject({
        kind: 'diplomatic', canonical: `${word}001001`, display: `${word} 001-001`, usage: 'diplomatic', diplomaticWord: word,
      });
    }
  });

  it.each(['육', '해', '공', '국', '합'])('military branch %s', (branch) => {
    const result = parsePlate(`${branch}12-34567`);
    expect(result.ok && result.plate).toMatchObject({
      kind: 'military', canonical: `${branch}1234567`, usage: 'military', militaryBranch: branch, flags: ['uncertain-format'],
    });
  });

  it('regional two-line plates keep their layout, in either line order', () => {
    for (const input of ['서울 12\n가 3456', '가3456\r\n서울12']) {
      const result = parsePlate(input);
      expect(result.ok && result.plate).toMatchObject({ canonical: '서울12가3456', layout: 'two-line' });
    }
  });

  it('flags unusual serials below 0100 without rejecting them', () => {
    expect(validatePlate('12가0099')).toEqual({ valid: true, flags: ['low-serial'] });
    expect(validatePlate('12가0100')).toEqual({ valid: true, flags: [] });
  });

  it('flags 허, still on the road though no longer issued', () => {
    expect(validatePlate('123허4567').flags).toContain('discontinued-syllable');
  });
});

describe('normalisation of what cameras and people type', () => {
  it.each([
    ['full-width digits', '１２３가４５６７', '123가4567'],
    ['spaces', ' 123 가 4567 ', '123가4567'],
    ['hyphens and dashes', '123-가–4567', '123가4567'],
    ['ideographic space', '123\u3000가\u30004567', '123가4567'],
    ['decomposed Hangul (NFD)', '123가4567'.normalize('NFD'), '123가4567'],
    ['dots', '12.가.3456', '12가3456'],
  ])('%s', (_name, input, canonical) => {
    expect(normalizePlate(input)).toBe(canonical);
  });
});

describe('invalid input gets a coded error that says why', () => {
  it.each([
    ['', 'DS_PLATE_EMPTY'],
    ['  - ', 'DS_PLATE_EMPTY'],
    ['12A3456', 'DS_PLATE_ILLEGAL_CHARACTER'],
    ["12가3456'; DROP", 'DS_PLATE_ILLEGAL_CHARACTER'],
    ['12가3456\u0000', 'DS_PLATE_ILLEGAL_CHARACTER'],
    ['1234567', 'DS_PLATE_INVALID'],
    ['12가345', 'DS_PLATE_INVALID'],
    ['12뷁3456', 'DS_PLATE_UNKNOWN_SYLLABLE'],
    ['12각3456', 'DS_PLATE_UNKNOWN_SYLLABLE'],
    ['평양12가3456', 'DS_PLATE_UNKNOWN_REGION'],
    ['000가1234', 'DS_PLATE_BAD_TYPE_CODE'],
    ['099가1234', 'DS_PLATE_BAD_TYPE_CODE'],
    ['00가1234', 'DS_PLATE_BAD_TYPE_CODE'],
    ['외국001001', 'DS_PLATE_INVALID'],
    ['1'.repeat(65), 'DS_PLATE_INVALID'],
  ])('%j → %s', (input, code) => {
    const result = parsePlate(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.reason.length).toBeGreaterThan(5);
  });

  it('never echoes an illegal character, only its code point', () => {
    const result = parsePlate('12가<script>');
    expect(!result.ok && result.problem.reason).toBe('character U+003C at position 3 is not a digit or a Hangul syllable');
  });

  it('normalizePlate throws a DongseonError with the code', () => {
    try {
      normalizePlate('12뷁3456');
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_PLATE_UNKNOWN_SYLLABLE')).toBe(true);
    }
  });
});
