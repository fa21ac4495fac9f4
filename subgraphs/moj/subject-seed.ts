import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DongseonError } from '../../domain/errors/index.js';
import type { MonitoredSubjectStore } from './monitored-subject-store.js';
import { monitoredSubjectsFileSchema, type MonitoredSubjectRecord } from './subject-records.js';

export const demoSubjectsFile = fileURLToPath(new URL('../../data/demo-region/moj.json', import.meta.url));

/** Validates a monitored-subjects file (the format of data/demo-region/moj.json) in full. */
export function parseMonitoredSubjectsFile(document: unknown, source: string): MonitoredSubjectRecord[] {
  const parsed = monitoredSubjectsFileSchema.safeParse(document);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const seen = new Set<string>();
  for (const subject of parsed.data?.subjects ?? []) {
    if (seen.has(subject.id)) problems.push(`subject "${subject.id}" appears more than once`);
    seen.add(subject.id);
  }
  if (problems.length > 0 || !parsed.success) throw new DongseonError('DS_INVALID_INPUT', `${source}: ${problems.join('; ')}`, { problems });
  return parsed.data.subjects;
}

/**
 * Loads the seed file into a store holding nothing but seed subjects: an empty one, or one whose seeding stopped
 * midway, which is completed with the subjects it lacks (one changed since is kept). A store holding a subject of
 * its own is left alone. Returns how many subjects were written.
 */
export async function seedMonitoredSubjects(store: Pick<MonitoredSubjectStore, 'count' | 'ids' | 'save'>, seedFile: string): Promise<number> {
  const subjects = parseMonitoredSubjectsFile(JSON.parse(await readFile(seedFile, 'utf8')), seedFile);
  const seedIds = new Set(subjects.map((subject) => subject.id));
  // The count first, so a store in use is never listed in full.
  if ((await store.count()) > seedIds.size) return 0;
  const stored = new Set(await store.ids());
  if ([...stored].some((id) => !seedIds.has(id))) return 0;
  const missing = subjects.filter((subject) => !stored.has(subject.id));
  for (const subject of missing) await store.save(subject);
  return missing.length;
}
