import { describe, expect, it } from 'vitest';
import type { PatrolPositionReport } from './generated/resolver-types.js';
import { patrolPositionFromReport, patrolUnitFromRegistration } from './patrol-unit-input.js';

const now = Date.parse('2026-11-25T09:00:00Z');
const report: PatrolPositionReport = { unitId: 'suwon-11', latitude: 37.2636, longitude: 127.0286, reportedAt: '2026-11-25T17:59:58+09:00', headingDegrees: 90, speedKmh: 42 };

function codeOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return undefined;
}

describe('patrolPositionFromReport', () => {
  it('keeps a report with its instant in milliseconds', () => {
    expect(patrolPositionFromReport(report, now)).toEqual({
      unitId: 'suwon-11',
      position: { latitude: 37.2636, longitude: 127.0286, reportedAt: report.reportedAt, reportedAtMs: now - 2_000, headingDegrees: 90, speedKmh: 42 },
    });
    expect(patrolPositionFromReport({ ...report, headingDegrees: null, speedKmh: null }, now).position).not.toHaveProperty('speedKmh');
  });

  it.each([
    ['a latitude beyond 90', { latitude: 91 }],
    ['a longitude beyond 180', { longitude: -181 }],
    ['a time without offset', { reportedAt: '2026-11-25T09:00:00' }],
    ['a time a minute ahead of the hub', { reportedAt: '2026-11-25T09:01:00Z' }],
    ['a heading of 360', { headingDegrees: 360 }],
    ['a negative speed', { speedKmh: -1 }],
    ['a unit id with a colon', { unitId: 'suwon:11' }],
    ['an empty unit id', { unitId: ' ' }],
  ] as const)('refuses %s (DS_INVALID_INPUT)', (_, change) => {
    expect(codeOf(() => patrolPositionFromReport({ ...report, ...change }, now))).toBe('DS_INVALID_INPUT');
  });
});

describe('patrolUnitFromRegistration', () => {
  it('registers a call sign under its id', () => {
    expect(patrolUnitFromRegistration({ id: 'suwon-11', callSign: ' 수원11 ' }, 'police-investigator-park', now)).toEqual({
      id: 'suwon-11', callSign: '수원11', registeredAt: '2026-11-25T09:00:00.000Z', registeredBy: 'police-investigator-park',
    });
  });

  it('refuses an empty call sign (DS_INVALID_INPUT)', () => {
    expect(codeOf(() => patrolUnitFromRegistration({ id: 'suwon-11', callSign: '' }, 'x', now))).toBe('DS_INVALID_INPUT');
  });
});
