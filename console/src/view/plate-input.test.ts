import { describe, expect, it } from 'vitest';
import { readPlateInput } from './plate-input.js';

describe('a plate typed at the console', () => {
  it('reads a full plate to its canonical form', () => {
    expect(readPlateInput(' 43마 9970 ')).toEqual({ kind: 'full', plate: '43마9970' });
  });

  it('reads a witness pattern with ? as partial', () => {
    expect(readPlateInput('519루14??')).toEqual({ kind: 'partial', pattern: '519루14??' });
  });

  it('refuses what is neither, with the domain code', () => {
    const input = readPlateInput('hello');
    expect(input.kind).toBe('invalid');
    expect(input.kind === 'invalid' && input.code).toMatch(/^DS_PLATE_/);
    const pattern = readPlateInput('??????');
    expect(pattern.kind === 'invalid' && pattern.code).toBe('DS_PLATE_PATTERN_INVALID');
  });
});
