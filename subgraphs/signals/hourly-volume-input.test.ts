import { describe, expect, it } from 'vitest';
import { hourlyVolumeEntries } from './hourly-volume-input.js';

const volume = (hourStart: string, vehicles: number, approachId = 'int-a-N') => ({ approachId, hourStart, vehicles });

describe('hourlyVolumeEntries', () => {
  it('accepts whole-hour counts in any whole-hour offset, as epoch milliseconds', () => {
    expect(hourlyVolumeEntries([volume('2026-11-25T09:00:00+09:00', 420), volume('2026-11-25T01:00:00Z', 0)])).toEqual({
      entries: [
        { approachId: 'int-a-N', hourStartMs: Date.parse('2026-11-25T00:00:00Z'), vehicles: 420 },
        { approachId: 'int-a-N', hourStartMs: Date.parse('2026-11-25T01:00:00Z'), vehicles: 0 },
      ],
      problems: [],
    });
  });

  it.each([
    ['a negative count', volume('2026-11-25T09:00:00+09:00', -1), 'volumes[0].vehicles'],
    ['a fractional count', volume('2026-11-25T09:00:00+09:00', 1.5), 'volumes[0].vehicles'],
    ['an hour that starts at :30', volume('2026-11-25T09:30:00+09:00', 5), 'volumes[0].hourStart'],
    ['a start one second past the hour', volume('2026-11-25T09:00:01+09:00', 5), 'volumes[0].hourStart'],
    ['a start a millisecond past the hour', volume('2026-11-25T09:00:00.001+09:00', 5), 'volumes[0].hourStart'],
    ['a date without a time', volume('2026-11-25', 5), 'volumes[0].hourStart'],
    ['a time without an offset', volume('2026-11-25T09:00:00', 5), 'volumes[0].hourStart'],
    ['an impossible date', volume('2026-02-30T09:00:00+09:00', 5), 'volumes[0].hourStart'],
  ])('refuses %s', (_name, input, field) => {
    const { entries, problems } = hourlyVolumeEntries([input]);
    expect(entries).toEqual([]);
    expect(problems).toEqual([expect.stringContaining(field)]);
  });

  it('refuses the same approach and hour twice in one call, however the hour is written', () => {
    const { problems } = hourlyVolumeEntries([volume('2026-11-25T09:00:00+09:00', 1), volume('2026-11-25T00:00:00Z', 2)]);
    expect(problems).toEqual([expect.stringContaining('volumes[1]: approach "int-a-N" is counted twice')]);
  });

  it('lists every problem, not just the first', () => {
    expect(hourlyVolumeEntries([volume('2026-11-25T09:10:00+09:00', -3)]).problems).toHaveLength(2);
  });
});
