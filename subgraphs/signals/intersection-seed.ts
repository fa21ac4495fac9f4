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

/**
 * Loads the seed file into a store holding nothing but seed intersections: an empty one, or one whose seeding stopped
 * midway, which is completed with the intersections it lacks (one changed since is kept). A store holding an
 * intersection of its own is left alone. Returns how many intersections were written.
 */
export async function seedIntersections(store: Pick<IntersectionStore, 'count' | 'ids' | 'save'>, seedFile: string): Promise<number> {
  const intersections = parseIntersectionsFile(JSON.parse(await readFile(seedFile, 'utf8')), seedFile);
  const seedIds = new Set(intersections.map((intersection) => intersection.id));
  // The count first, so a store in use is never listed in full.
  if ((await store.count()) > seedIds.size) return 0;
  const stored = new Set(await store.ids());
  if ([...stored].some((id) => !seedIds.has(id))) return 0;
  const missing = intersections.filter((intersection) => !stored.has(intersection.id));
  for (const intersection of missing) await store.save(intersection);
  return missing.length;
}
