import { describe, expect, it } from 'vitest';
import { hourlyInsertionRates, weekdayHourlyShares } from './hourly-demand-profile.js';

describe('the weekday demand profile', () => {
  it('sums to one and peaks in the morning and the evening', () => {
    expect(weekdayHourlyShares.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    const peak = (from: number, to: number) => weekdayHourlyShares.slice(from, to).indexOf(Math.max(...weekdayHourlyShares.slice(from, to))) + from;
    expect(peak(5, 12)).toBe(8);
    expect(peak(14, 22)).toBe(18);
    expect(weekdayHourlyShares[3]).toBeLessThan((weekdayHourlyShares[8] as number) / 10);
  });

  it('turns into vehicles per simulated hour from the start hour, the busiest hour at the peak rate', () => {
    expect(hourlyInsertionRates(8, 1, 1000)).toEqual([1000]);
    const day = hourlyInsertionRates(0, 24, 1000);
    expect(Math.max(...day)).toBe(1000);
    expect(hourlyInsertionRates(22, 4, 1000)).toEqual([day[22], day[23], day[0], day[1]]);
  });
});
