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

/** Loads the seed file into a store holding no subject yet; a store in use is left alone. */
export async function seedMonitoredSubjectsWhenEmpty(store: MonitoredSubjectStore, seedFile: string): Promise<number> {
  if (!(await store.isEmpty())) return 0;
  const subjects = parseMonitoredSubjectsFile(JSON.parse(await readFile(seedFile, 'utf8')), seedFile);
  for (const subject of subjects) await store.save(subject);
  return subjects.length;
}
