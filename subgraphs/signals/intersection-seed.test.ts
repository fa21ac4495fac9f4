import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import type { IntersectionRecord } from './intersection-records.js';
import { demoIntersectionsFile, parseIntersectionsFile, seedIntersections } from './intersection-seed.js';

const demo = () => JSON.parse(readFileSync(demoIntersectionsFile, 'utf8')) as { intersections: Record<string, unknown>[] };

function problemsOf(document: unknown): string[] {
  try {
    parseIntersectionsFile(document, 'test.json');
  } catch (error) {
    if (isDongseonError(error, 'DS_INVALID_INPUT')) return error.details.problems as string[];
    throw error;
  }
  throw new Error('expected the file to be refused');
}

const intersection = (overrides: Record<string, unknown> = {}) => ({
  id: 'int-x', name: '교차로', position: { latitude: 37.27, longitude: 127.01 },
  approaches: [{ id: 'int-x-N', from: 'N', lanes: 2 }, { id: 'int-x-S', from: 'S', lanes: 2 }],
  phasePlans: [{ id: 'int-x-base', cycleSeconds: 100, validFromHour: 0, validToHour: 24,
    phases: [{ name: 'NS', greenSeconds: 60, approachIds: ['int-x-N', 'int-x-S'] }] }],
  ...overrides,
});

describe('parseIntersectionsFile', () => {
  it('accepts the demo region', () => {
    expect(parseIntersectionsFile(demo(), 'demo').map((record) => record.id)).toHaveLength(7);
  });

  it.each([
    ['a position off the globe', intersection({ position: { latitude: 95, longitude: 127 } }), 'latitude 95'],
    ['a phase naming another intersection\'s approach', intersection({
      phasePlans: [{ id: 'p', cycleSeconds: 100, validFromHour: 0, validToHour: 24, phases: [{ name: 'x', greenSeconds: 10, approachIds: ['int-y-N'] }] }],
    }), 'approach "int-y-N" is not an approach of this intersection'],
    ['more green than cycle', intersection({
      phasePlans: [{ id: 'p', cycleSeconds: 50, validFromHour: 0, validToHour: 24, phases: [{ name: 'x', greenSeconds: 60, approachIds: ['int-x-N'] }] }],
    }), 'exceeds the cycle'],
    ['an empty window', intersection({
      phasePlans: [{ id: 'p', cycleSeconds: 100, validFromHour: 7, validToHour: 7, phases: [{ name: 'x', greenSeconds: 60, approachIds: ['int-x-N'] }] }],
    }), 'the window is empty'],
    ['an hour past 24', intersection({
      phasePlans: [{ id: 'p', cycleSeconds: 100, validFromHour: 7, validToHour: 25, phases: [{ name: 'x', greenSeconds: 60, approachIds: ['int-x-N'] }] }],
    }), 'validToHour'],
    ['a made-up compass point', intersection({ approaches: [{ id: 'int-x-N', from: 'UP', lanes: 2 }] }), 'from'],
    ['no lanes', intersection({ approaches: [{ id: 'int-x-N', from: 'N', lanes: 0 }] }), 'lanes'],
  ])('refuses an intersection with %s', (_name, record, problem) => {
    expect(problemsOf({ intersections: [record] }).join('\n')).toContain(problem);
  });

  it('refuses an approach id used by two intersections', () => {
    const other = intersection({ id: 'int-y', phasePlans: [] });
    expect(problemsOf({ intersections: [intersection(), other] })).toEqual([
      'approach "int-x-N" of "int-y" is already used by "int-x"',
      'approach "int-x-S" of "int-y" is already used by "int-x"',
    ]);
  });
});

/** The part of the Redis store the seed uses, in memory. */
function memoryStore(ids: readonly string[] = []) {
  const saved = new Map<string, IntersectionRecord | undefined>(ids.map((id) => [id, undefined]));
  return {
    saved,
    count: async () => saved.size,
    ids: async () => [...saved.keys()].sort(),
    save: async (record: IntersectionRecord) => void saved.set(record.id, record),
  };
}

describe('seedIntersections', () => {
  const demoIds = () => parseIntersectionsFile(demo(), 'demo').map((record) => record.id);

  it('bug: a seed cut short left some intersections, and no later start completed it', async () => {
    const [first, second] = demoIds() as [string, string];
    const store = memoryStore([first, second]);
    expect(await seedIntersections(store, demoIntersectionsFile)).toBe(5);
    expect([...store.saved.keys()].sort()).toEqual(demoIds().sort());
    // The two stored before are kept as they were.
    expect(store.saved.get(first)).toBeUndefined();
  });

  it('seeds an empty store in full, and leaves a complete one or one in use alone', async () => {
    const empty = memoryStore();
    expect(await seedIntersections(empty, demoIntersectionsFile)).toBe(7);
    expect(await seedIntersections(empty, demoIntersectionsFile)).toBe(0);
    const inUse = memoryStore(['int-of-our-own']);
    expect(await seedIntersections(inUse, demoIntersectionsFile)).toBe(0);
    expect([...inUse.saved.keys()]).toEqual(['int-of-our-own']);
  });
});
