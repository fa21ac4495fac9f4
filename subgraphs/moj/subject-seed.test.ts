import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import type { MonitoredSubjectRecord } from './subject-records.js';
import { demoSubjectsFile, parseMonitoredSubjectsFile, seedMonitoredSubjects } from './subject-seed.js';

const subject = (overrides: Record<string, unknown> = {}) => ({ id: 'moj-x', alias: 'ANKLE-X', riskLevel: 'LOW', ...overrides });

function problemsOf(document: unknown): string[] {
  try {
    parseMonitoredSubjectsFile(document, 'test.json');
  } catch (error) {
    if (isDongseonError(error, 'DS_INVALID_INPUT')) return error.details.problems as string[];
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe('parseMonitoredSubjectsFile', () => {
  it('accepts the demo region, keeping plates canonical and filling what a subject leaves out', () => {
    const subjects = parseMonitoredSubjectsFile(JSON.parse(readFileSync(demoSubjectsFile, 'utf8')), 'demo');
    expect(subjects.map((s) => s.id)).toEqual(['moj-subj-001', 'moj-subj-002']);
    expect(subjects[0]?.linkedVehicles).toEqual([{ plate: '45너7890', relation: 'registered keeper' }]);
    expect(parseMonitoredSubjectsFile({ subjects: [subject()] }, 'x')).toEqual([{ ...subject(), latestPosition: null, geofenceEvents: [], linkedVehicles: [] }]);
  });

  it('stores a linked plate in its canonical form', () => {
    const [parsed] = parseMonitoredSubjectsFile({ subjects: [subject({ linkedVehicles: [{ plate: '45 너 7890', relation: 'driver' }] })] }, 'x');
    expect(parsed?.linkedVehicles[0]?.plate).toBe('45너7890');
  });

  it.each([
    ['an unknown risk level', subject({ riskLevel: 'EXTREME' }), 'riskLevel'],
    ['an empty alias', subject({ alias: ' ' }), 'alias'],
    ['a position off the globe', subject({ latestPosition: { position: { latitude: 37, longitude: 200 }, recordedAt: '2026-11-25T08:55:00+09:00', accuracyMeters: 5 } }), 'longitude 200'],
    ['a time without offset', subject({ latestPosition: { position: { latitude: 37, longitude: 127 }, recordedAt: '2026-11-25T08:55:00', accuracyMeters: 5 } }), 'recordedAt'],
    ['a negative accuracy', subject({ latestPosition: { position: { latitude: 37, longitude: 127 }, recordedAt: '2026-11-25T08:55:00Z', accuracyMeters: -1 } }), 'accuracyMeters'],
    ['an unknown geofence event kind', subject({ geofenceEvents: [{ id: 'gf', kind: 'WANDERED', zoneName: 'z', at: '2026-11-25T08:55:00Z', position: { latitude: 37, longitude: 127 } }] }), 'kind'],
    ['a plate no Korean car carries', subject({ linkedVehicles: [{ plate: 'ABC123', relation: 'driver' }] }), 'DS_PLATE_'],
  ])('refuses a subject with %s', (_name, record, problem) => {
    expect(problemsOf({ subjects: [record] }).join('\n')).toContain(problem);
  });

  it('refuses a subject listed twice', () => {
    expect(problemsOf({ subjects: [subject(), subject()] })).toEqual(['subject "moj-x" appears more than once']);
  });
});

/** The part of the Redis store the seed uses, in memory. */
function memoryStore(ids: readonly string[] = []) {
  const saved = new Map<string, MonitoredSubjectRecord | undefined>(ids.map((id) => [id, undefined]));
  return {
    saved,
    count: async () => saved.size,
    ids: async () => [...saved.keys()].sort(),
    save: async (record: MonitoredSubjectRecord) => void saved.set(record.id, record),
  };
}

describe('seedMonitoredSubjects', () => {
  it('bug: a seed cut short left the first subject only, and no later start completed it', async () => {
    const store = memoryStore(['moj-subj-001']);
    expect(await seedMonitoredSubjects(store, demoSubjectsFile)).toBe(1);
    expect([...store.saved.keys()].sort()).toEqual(['moj-subj-001', 'moj-subj-002']);
    expect(store.saved.get('moj-subj-001')).toBeUndefined();
  });

  it('seeds an empty store in full, and leaves a complete one or one in use alone', async () => {
    const empty = memoryStore();
    expect(await seedMonitoredSubjects(empty, demoSubjectsFile)).toBe(2);
    expect(await seedMonitoredSubjects(empty, demoSubjectsFile)).toBe(0);
    const inUse = memoryStore(['moj-of-our-own']);
    expect(await seedMonitoredSubjects(inUse, demoSubjectsFile)).toBe(0);
    expect([...inUse.saved.keys()]).toEqual(['moj-of-our-own']);
  });
});
