import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayClock } from './replay-clock.js';

describe('replayClock', () => {
  it('sends ten times faster and keeps the real intervals between capture times', () => {
    const clock = replayClock(100, 3700, 10, 1_000_000_000);
    expect(clock.sendAtMs(100)).toBe(1_000_000_000);
    expect(clock.sendAtMs(3700)).toBe(1_000_000_000 + 360_000);
    expect(clock.capturedAtMs(160) - clock.capturedAtMs(100)).toBe(60_000);
    expect(clock.maxLagMs).toBe(3_240_000 + 1_000);
  });

  it('at speed 1 stamps reads a second before they are sent', () => {
    const clock = replayClock(0, 600, 1, 5_000_000);
    expect(clock.sendAtMs(300) - clock.capturedAtMs(300)).toBe(1_000);
  });

  it('property: no read is ever captured after it is sent, nor older than the lag', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 80_000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 1000, noNaN: true }), (span, at, speed) => {
      const clock = replayClock(0, span, speed, 0);
      const t = at * span;
      const age = clock.sendAtMs(t) - clock.capturedAtMs(t);
      expect(age).toBeGreaterThanOrEqual(999.99);
      // Floating-point slack: an absolute microsecond, since the lag can be as small as the 1 s safety margin.
      expect(age).toBeLessThanOrEqual(clock.maxLagMs + 1e-3);
    }));
  });

  it('refuses a speed that is not a positive number', () => {
    expect(() => replayClock(0, 1, 0, 0)).toThrow(RangeError);
  });
});
