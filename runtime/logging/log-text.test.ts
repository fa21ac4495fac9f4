import { describe, expect, it } from 'vitest';
import { logText, logTextMaxLength } from './log-text.js';

describe('logText', () => {
  it('finding 3: a newline and an escape sequence in client text cannot forge a log line or drive the terminal', () => {
    const line = logText('Nope\n[gateway] forged\r\u001b[31mred\u0000\u202e\u200b\u2028');
    expect(line).toBe('Nope\\u000a[gateway] forged\\u000d\\u001b[31mred\\u0000\\u202e\\u200b\\u2028');
    expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('finding 3: a 10 KB name is cut to a bounded length that says how much was left out', () => {
    const line = logText('x'.repeat(10_000));
    expect(line).toBe(`${'x'.repeat(logTextMaxLength)}… (${10_000 - logTextMaxLength} more characters)`);
  });

  it.each([
    ['plain text', 'plain text'],
    ['동선 수원', '동선 수원'],
    [42, '42'],
    [undefined, 'undefined'],
  ])('keeps printable text as it is: %s', (value, expected) => {
    expect(logText(value)).toBe(expected);
  });

  it('counts characters, not UTF-16 units, so a cut never splits a surrogate pair', () => {
    expect(logText('😀'.repeat(3), 2)).toBe('😀😀… (1 more characters)');
  });

  it('logs an error by its stack, escaped like any other text', () => {
    const error = new Error('bad\nline');
    expect(logText(error, 10_000)).toContain('Error: bad\\u000aline\\u000a    at ');
  });
});
