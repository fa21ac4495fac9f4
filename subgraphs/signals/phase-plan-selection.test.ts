import { describe, expect, it } from 'vitest';
import { selectPhasePlan, windowContains, windowHours, type PhasePlanWindow } from './phase-plan-selection.js';

const plan = (id: string, validFromHour: number, validToHour: number): PhasePlanWindow => ({ id, validFromHour, validToHour });

const base = plan('base', 0, 24);
const peak = plan('peak', 7, 10);
const evening = plan('evening', 17, 20);
const night = plan('night', 22, 6);
const earlyPeak = plan('early-peak', 7, 8);

describe('selectPhasePlan', () => {
  it.each([
    [0, [base, peak], 'base'],
    [6, [base, peak], 'base'],
    [7, [base, peak], 'peak'],
    [9, [base, peak], 'peak'],
    [10, [base, peak], 'base'],
    [23, [base, peak], 'base'],
    [7, [peak, base], 'peak'],
    [7, [base, peak, earlyPeak], 'early-peak'],
    [8, [base, peak, earlyPeak], 'peak'],
    [18, [base, peak, evening], 'evening'],
    [22, [base, night], 'night'],
    [3, [base, night], 'night'],
    [6, [base, night], 'base'],
    [21, [base, night], 'base'],
  ])('at %i h among %j → %s', (hour, plans, expected) => {
    expect(selectPhasePlan(plans, hour)?.id).toBe(expected);
  });

  it('finds no plan when no window covers the hour', () => {
    expect(selectPhasePlan([peak, evening], 12)).toBeUndefined();
    expect(selectPhasePlan([], 12)).toBeUndefined();
  });

  it('breaks a tie between equally narrow windows by id, whatever the order', () => {
    const a = plan('a', 7, 10);
    const b = plan('b', 8, 11);
    expect(selectPhasePlan([a, b], 8)?.id).toBe('a');
    expect(selectPhasePlan([b, a], 8)?.id).toBe('a');
  });
});

describe('phase plan windows', () => {
  it.each([
    [peak, 7, true], [peak, 10, false], [peak, 6, false],
    [base, 0, true], [base, 23, true],
    [night, 22, true], [night, 0, true], [night, 5, true], [night, 6, false], [night, 21, false],
  ])('%j contains %i h: %s', (window, hour, contained) => {
    expect(windowContains(window, hour)).toBe(contained);
  });

  it.each([[base, 24], [peak, 3], [night, 8], [plan('x', 23, 0), 1]])('%j spans %i hours', (window, hours) => {
    expect(windowHours(window)).toBe(hours);
  });
});
