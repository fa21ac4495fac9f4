import { describe, expect, it } from 'vitest';
import { isTimeZone, localHour } from './local-hour.js';

describe('localHour', () => {
  it.each([
    ['2026-11-25T00:30:00Z', 'Asia/Seoul', 9],
    ['2026-11-25T15:00:00Z', 'Asia/Seoul', 0],
    ['2026-11-25T14:59:59Z', 'Asia/Seoul', 23],
    ['2026-11-25T09:00:00+09:00', 'UTC', 0],
    ['2026-07-01T12:00:00Z', 'Europe/Berlin', 14],
  ])('%s is hour %3$i in %2$s', (instant, timeZone, hour) => {
    expect(localHour(new Date(instant), timeZone)).toBe(hour);
  });

  it('knows an IANA zone from a made-up one', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
