import { describe, expect, it } from 'vitest';
import { compilePlatePattern, matchReadToPattern, plateMatchesPattern } from './index.js';

const compiled = (raw: string) => {
  const result = compilePlatePattern(raw);
  if (!result.ok) throw new Error(result.problem.reason);
  return result.pattern;
};

describe('partial plates from witnesses', () => {
  it.each([
    ['12가34??', '12가34??', ['national-2']],
    ['12가 34**', '12가34??', ['national-2']],
    ['１２３?４５６７', '123?4567', ['national-3']],
    ['서울??가3456', '서울??가3456', ['regional']],
  ])('%s compiles to %s', (raw, pattern, kinds) => {
    expect(compiled(raw)).toMatchObject({ pattern, kinds });
  });

  it.each([
    ['12가3', 'DS_PLATE_PATTERN_INVALID', 'fits no'],
    ['????????', 'DS_PLATE_PATTERN_INVALID', 'known characters'],
    ['12뷁34??', 'DS_PLATE_PATTERN_INVALID', 'fits no'],
    ['12가34?!', 'DS_PLATE_PATTERN_INVALID', 'position 6'],
  ])('%s is refused', (raw, code, why) => {
    const result = compilePlatePattern(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(code);
      expect(result.problem.reason).toContain(why);
    }
  });

  it('a wildcard stands for exactly one character', () => {
    const pattern = compiled('12가34??');
    expect(plateMatchesPattern(pattern, '12가3456')).toBe(true);
    expect(plateMatchesPattern(pattern, '12가3556')).toBe(false);
    expect(plateMatchesPattern(pattern, '112가3456')).toBe(false);
  });

  it('a misread can still match a partial plate through the confusion table', () => {
    const pattern = compiled('12가34??');
    expect(matchReadToPattern(pattern, '12가3456')).toMatchObject({ cost: 0 });
    expect(matchReadToPattern(pattern, '12거3456')).toMatchObject({ plate: '12가3456', cost: 1 });
    expect(matchReadToPattern(pattern, '12거3956')).toBeUndefined();
  });
});
