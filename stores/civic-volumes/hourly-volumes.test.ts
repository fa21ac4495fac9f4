import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { hourKeyOf, hourStartsIn, hourlyVolumesByKey } from './hourly-volumes.js';

const at = (text: string) => Date.parse(text);

describe('hourKeyOf', () => {
  it('spells an hour in UTC without a fraction, whatever offset it arrived in', () => {
    expect(hourKeyOf(at('2026-11-25T09:00:00+09:00'))).toBe('2026-11-25T00:00:00Z');
  });
});

describe('hourStartsIn', () => {
  it('lists the whole hours that begin inside a half-open window', () => {
    expect(hourStartsIn(at('2026-11-25T00:00:00Z'), at('2026-11-25T03:00:00Z')).map(hourKeyOf))
      .toEqual(['2026-11-25T00:00:00Z', '2026-11-25T01:00:00Z', '2026-11-25T02:00:00Z']);
  });

  it('skips an hour that began before the window opened', () => {
    expect(hourStartsIn(at('2026-11-25T00:30:00Z'), at('2026-11-25T02:00:00Z')).map(hourKeyOf)).toEqual(['2026-11-25T01:00:00Z']);
  });

  it('is empty for a window shorter than the gap to the next hour', () => {
    expect(hourStartsIn(at('2026-11-25T00:10:00Z'), at('2026-11-25T00:50:00Z'))).toEqual([]);
  });
});

describe('hourlyVolumesByKey', () => {
  it('keys counts by their UTC hour; a repeated hour keeps its last count', () => {
    expect(hourlyVolumesByKey([
      { hourStart: '2026-11-25T09:00:00+09:00', vehicles: 120 },
      { hourStart: '2026-11-25T01:00:00Z', vehicles: 80 },
      { hourStart: '2026-11-25T00:00:00Z', vehicles: 125 },
    ])).toEqual(new Map([['2026-11-25T00:00:00Z', 125], ['2026-11-25T01:00:00Z', 80]]));
  });

  it.each([
    ['an hour that does not start on the hour', [{ hourStart: '2026-11-25T09:30:00+09:00', vehicles: 1 }]],
    ['a negative count', [{ hourStart: '2026-11-25T09:00:00+09:00', vehicles: -1 }]],
    ['a fractional count', [{ hourStart: '2026-11-25T09:00:00+09:00', vehicles: 1.5 }]],
    ['a time without offset', [{ hourStart: '2026-11-25T09:00:00', vehicles: 1 }]],
    ['something that is no list', { hourStart: '2026-11-25T09:00:00+09:00', vehicles: 1 }],
  ])('refuses %s with DS_INVALID_INPUT', (_, volumes) => {
    let caught: unknown;
    try {
      hourlyVolumesByKey(volumes);
    } catch (error) {
      caught = error;
    }
    expect(isDongseonError(caught, 'DS_INVALID_INPUT')).toBe(true);
  });
});
