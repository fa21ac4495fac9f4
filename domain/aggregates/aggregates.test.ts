import { describe, expect, it } from 'vitest';
import { createPlateHasher } from '../plates/index.js';
import { dailyPseudonym, hourlyReadCounts, transitionStatistics, utcDayKey, type PseudonymousSighting } from './index.js';

const t0 = Date.parse('2025-03-01T09:00:00Z');
const plates = ['123가4567', '12가3456', '서울12가3456', '45나6789', '67다8901', '89라0123'];
const dayHasher = createPlateHasher('day-2025-03-01', new Uint8Array(32).fill(7));
const nextDayHasher = createPlateHasher('day-2025-03-02', new Uint8Array(32).fill(9));

describe('hourlyReadCounts', () => {
  it('counts reads per camera per UTC clock hour', () => {
    const reads = [
      { cameraId: 'cam-b', capturedAtMs: t0 + 10, plate: '123가4567' },
      { cameraId: 'cam-a', capturedAtMs: t0 + 3_599_999 },
      { cameraId: 'cam-a', capturedAtMs: t0 },
      { cameraId: 'cam-a', capturedAtMs: t0 + 3_600_000 },
    ];
    const counts = hourlyReadCounts(reads);
    expect(counts).toEqual([
      { cameraId: 'cam-a', hourStart: '2025-03-01T09:00:00.000Z', reads: 2 },
      { cameraId: 'cam-b', hourStart: '2025-03-01T09:00:00.000Z', reads: 1 },
      { cameraId: 'cam-a', hourStart: '2025-03-01T10:00:00.000Z', reads: 1 },
    ]);
    expect(JSON.stringify(counts)).not.toContain('123가4567');
  });
});

describe('dailyPseudonym', () => {
  it('is stable within a day and unlinkable across days', () => {
    const today = dailyPseudonym(dayHasher, '2025-03-01', '123가4567');
    expect(dailyPseudonym(dayHasher, '2025-03-01', '123가4567')).toBe(today);
    expect(dailyPseudonym(dayHasher, '2025-03-01', '12가3456')).not.toBe(today);
    expect(dailyPseudonym(nextDayHasher, '2025-03-02', '123가4567')).not.toBe(today);
    expect(dailyPseudonym(dayHasher, '2025-03-02', '123가4567')).not.toBe(today);
    expect(today).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses a malformed day key', () => {
    expect(() => dailyPseudonym(dayHasher, '2025-3-1', '123가4567')).toThrow(/dayKey/);
  });

  it('derives the day key from a time in UTC', () => {
    expect(utcDayKey(Date.parse('2025-03-01T23:59:59.999Z'))).toBe('2025-03-01');
  });
});

describe('transitionStatistics', () => {
  const trip = (plate: string, startMs: number, legs: ReadonlyArray<readonly [string, number]>): PseudonymousSighting[] =>
    legs.map(([cameraId, offsetSeconds]) => ({
      pseudonym: dailyPseudonym(dayHasher, utcDayKey(startMs), plate), cameraId, capturedAtMs: startMs + offsetSeconds * 1000,
    }));

  const sightings = [
    ...trip(plates[0] as string, t0, [['cam-a', 0], ['cam-a', 20], ['cam-b', 120]]),
    ...trip(plates[1] as string, t0 + 60_000, [['cam-a', 0], ['cam-b', 100]]),
    ...trip(plates[2] as string, t0 + 120_000, [['cam-a', 0], ['cam-b', 200], ['cam-c', 260]]),
    ...trip(plates[3] as string, t0 + 180_000, [['cam-a', 0], ['cam-b', 140]]),
    ...trip(plates[4] as string, t0 + 240_000, [['cam-a', 0], ['cam-b', 5000]]),
    ...trip(plates[5] as string, t0 + 300_000, [['cam-b', 0], ['cam-a', 90]]),
  ];

  it('computes count, mean, median and p90 per camera pair and hour of day', () => {
    expect(transitionStatistics(sightings, { maxGapMs: 30 * 60_000, minimumCount: 1 })).toEqual([
      { fromCameraId: 'cam-a', toCameraId: 'cam-b', hourOfDayUtc: 9, count: 4, meanSeconds: 135, medianSeconds: 120, p90Seconds: 200 },
      { fromCameraId: 'cam-b', toCameraId: 'cam-a', hourOfDayUtc: 9, count: 1, meanSeconds: 90, medianSeconds: 90, p90Seconds: 90 },
      { fromCameraId: 'cam-b', toCameraId: 'cam-c', hourOfDayUtc: 9, count: 1, meanSeconds: 60, medianSeconds: 60, p90Seconds: 60 },
    ]);
  });

  it('leaves out cells too small to hide one vehicle', () => {
    expect(transitionStatistics(sightings, { maxGapMs: 30 * 60_000, minimumCount: 2 }).map((s) => s.count)).toEqual([4]);
  });

  it('carries no plate and no pseudonym', () => {
    const output = JSON.stringify(transitionStatistics(sightings, { maxGapMs: 30 * 60_000, minimumCount: 1 }));
    for (const plate of plates) expect(output).not.toContain(plate);
    for (const { pseudonym } of sightings) {
      expect(output).not.toContain(pseudonym);
      expect(output).not.toContain(pseudonym.slice(0, 8));
    }
  });
});
