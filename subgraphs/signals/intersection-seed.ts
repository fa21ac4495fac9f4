import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DongseonError } from '../../domain/errors/index.js';
import { intersectionFileSchema, type IntersectionRecord } from './intersection-records.js';
import type { IntersectionStore } from './intersection-store.js';

export const demoIntersectionsFile = fileURLToPath(new URL('../../data/demo-region/intersections.json', import.meta.url));

const invalidSeed = (source: string, problems: readonly string[]) =>
  new DongseonError('DS_INVALID_INPUT', `${source}: ${problems.join('; ')}`, { problems });

/** Validates an intersections file (the format of data/demo-region/intersections.json) in full. */
export function parseIntersectionsFile(document: unknown, source: string): IntersectionRecord[] {
  const parsed = intersectionFileSchema.safeParse(document);
  if (!parsed.success) throw invalidSeed(source, parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  const owners = new Map<string, string>();
  const problems: string[] = [];
  for (const intersection of parsed.data.intersections) {
    if (owners.has(intersection.id)) problems.push(`intersection "${intersection.id}" appears more than once`);
    owners.set(intersection.id, intersection.id);
    for (const approach of intersection.approaches) {
      const owner = owners.get(approach.id);
      if (owner !== undefined) problems.push(`approach "${approach.id}" of "${intersection.id}" is already used by "${owner}"`);
      owners.set(approach.id, intersection.id);
    }
  }
  if (problems.length > 0) throw invalidSeed(source, problems);
  return parsed.data.intersections;
}

/** Loads the seed file into a store holding no intersection yet; a store in use is left alone. */
export async function seedIntersectionsWhenEmpty(store: IntersectionStore, seedFile: string): Promise<number> {
  if (!(await store.isEmpty())) return 0;
  const intersections = parseIntersectionsFile(JSON.parse(await readFile(seedFile, 'utf8')), seedFile);
  for (const intersection of intersections) await store.save(intersection);
  return intersections.length;
}
