import { describe, expect, it } from 'vitest';
import { percentile, summarizeLatencies } from './latency-summary.js';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99, 10],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 91, 10],
    [oneToHundred, 50, 50],
    [oneToHundred, 99, 99],
    [oneToHundred, 100, 100],
    [oneToHundred, 1, 1],
    [[7], 50, 7],
    [[7], 99, 7],
    [[1, 2], 50, 1],
    [[1, 2], 51, 2],
  ])('of %j at %d %% is %d', (values, percent, expected) => {
    expect(percentile(values, percent)).toBe(expected);
  });

  it('p99 of 1,000 values is the 990th, so the ten slowest stay above it', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBe(990);
  });

  it('refuses no values and percentages outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('summarizeLatencies', () => {
  it('sorts numerically (not as text) before ranking', () => {
    const shuffled = [...oneToHundred].reverse().map((value) => value * 1.5);
    expect(summarizeLatencies(shuffled)).toEqual({ count: 100, p50Ms: 75, p99Ms: 148.5, maxMs: 150 });
    expect(summarizeLatencies([10, 9, 100, 2])).toEqual({ count: 4, p50Ms: 9, p99Ms: 100, maxMs: 100 });
  });

  it('leaves its input as it was', () => {
    const latencies = [3, 1, 2];
    summarizeLatencies(latencies);
    expect(latencies).toEqual([3, 1, 2]);
  });
});
