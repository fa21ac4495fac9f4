import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import type { CameraRegistryStore } from './camera-registry-store.js';
import {
  cameraEntrySchema, entryProblems, municipalityEntrySchema, type CameraEntry, type MunicipalityEntry,
} from './registry-entries.js';
import type { RegistryCounts } from './registry-changes.js';

/** A camera registry file, in the format of data/demo-region/cameras.json. */
export interface CameraRegistry {
  readonly municipalities: readonly MunicipalityEntry[];
  readonly cameras: readonly CameraEntry[];
}

export interface RegistryImportReport {
  readonly municipalities: RegistryCounts;
  readonly cameras: RegistryCounts;
}

export const demoRegistryFile = fileURLToPath(new URL('../../data/demo-region/cameras.json', import.meta.url));

const registryFileSchema = z.object({
  municipalities: z.array(z.unknown()).default([]),
  cameras: z.array(z.unknown()).default([]),
});

const invalidRegistry = (source: string, problems: readonly string[]) => new DongseonError(
  'DS_INVALID_INPUT',
  `${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}, nothing imported\n  ${problems.join('\n  ')}`,
  { problems },
);

const rawIdOf = (record: unknown): string | undefined => {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

function entriesOf<Entry>(list: string, records: readonly unknown[], schema: z.ZodType<Entry>, problems: string[]): Entry[] {
  const entries: Entry[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const id = rawIdOf(record);
    const label = `${list}[${index}]${id === undefined ? '' : ` (${id})`}`;
    const parsed = schema.safeParse(record);
    if (parsed.success) entries.push(parsed.data);
    else problems.push(...entryProblems(parsed.error).map((problem) => `${label} ${problem}`));
    if (id !== undefined && seen.has(id)) problems.push(`${label} id: appears more than once`);
    if (id !== undefined) seen.add(id);
  });
  return entries;
}

/** Validates every record of a registry document; one bad record refuses the whole file, naming every problem. */
export function parseCameraRegistry(document: unknown, source: string): CameraRegistry {
  const shape = registryFileSchema.safeParse(document);
  if (!shape.success) throw invalidRegistry(source, entryProblems(shape.error));
  const problems: string[] = [];
  const municipalities = entriesOf('municipalities', shape.data.municipalities, municipalityEntrySchema, problems);
  const cameras = entriesOf('cameras', shape.data.cameras, cameraEntrySchema, problems);
  if (problems.length > 0) throw invalidRegistry(source, problems);
  return { municipalities, cameras };
}

export async function readCameraRegistryFile(path: string): Promise<CameraRegistry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DongseonError('DS_NOT_FOUND', `${path}: cannot read the registry file`, {}, { cause: error });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw invalidRegistry(path, ['the file is not JSON']);
  }
  return parseCameraRegistry(document, path);
}

/** Writes a registry into the store. Idempotent: importing the same registry again reports everything unchanged. */
export async function importCameraRegistry(store: CameraRegistryStore, registry: CameraRegistry, source: string): Promise<RegistryImportReport> {
  const inFile = new Set(registry.municipalities.map((municipality) => municipality.id));
  const elsewhere = [...new Set(registry.cameras.map((camera) => camera.municipalityId).filter((id) => !inFile.has(id)))];
  const registered = await store.findMunicipalities(elsewhere);
  const problems = registry.cameras
    .filter((camera) => !inFile.has(camera.municipalityId) && !registered.has(camera.municipalityId))
    .map((camera) => `camera ${camera.id}: municipality "${camera.municipalityId}" is neither in the file nor registered`);
  if (problems.length > 0) throw invalidRegistry(source, problems);
  return store.upsertRegistry(registry);
}

export async function importCameraRegistryFile(store: CameraRegistryStore, path: string): Promise<RegistryImportReport> {
  return importCameraRegistry(store, await readCameraRegistryFile(path), path);
}

/**
 * Loads the seed file into a registry that holds nothing but seed entries: an empty one, or one whose seeding stopped
 * midway (a registry written before seeds were one transaction could be left with municipalities and no cameras).
 * Only the seed entries the registry lacks are written, so one edited since is kept; a registry in use beyond the
 * seed is left alone. Undefined when there was nothing to write.
 */
export async function seedCameraRegistry(store: CameraRegistryStore, seedFile: string): Promise<RegistryImportReport | undefined> {
  const seed = await readCameraRegistryFile(seedFile);
  const ids = { municipalities: seed.municipalities.map((entry) => entry.id), cameras: seed.cameras.map((entry) => entry.id) };
  if (await store.holdsEntriesBeyond(ids)) return undefined;
  const [municipalities, cameras] = await Promise.all([store.findMunicipalities(ids.municipalities), store.findCameras(ids.cameras)]);
  const missing: CameraRegistry = {
    municipalities: seed.municipalities.filter((entry) => !municipalities.has(entry.id)),
    cameras: seed.cameras.filter((entry) => !cameras.has(entry.id)),
  };
  if (missing.municipalities.length === 0 && missing.cameras.length === 0) return undefined;
  return importCameraRegistry(store, missing, seedFile);
}

export function describeImport(report: RegistryImportReport): string {
  const line = (what: string, counts: RegistryCounts) =>
    `${what}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
  return `${line('municipalities', report.municipalities)}\n${line('cameras', report.cameras)}`;
}
