import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip, constants } from 'node:zlib';
import { DongseonError } from '../domain/errors/index.js';

/** The files of a scenario folder; sim/README.md documents each format. */
export const scenarioFiles = {
  manifest: 'manifest.json',
  roadGraph: 'road-graph.json',
  municipalities: 'municipalities.json',
  cameras: 'cameras.json',
  cameraRegistry: 'camera-registry.json',
  cameraRoadGraph: 'camera-road-graph.json',
  wantedVehicles: 'wanted-vehicles.json',
  groundTruth: 'ground-truth.jsonl.gz',
  cameraPasses: 'camera-passes.jsonl.gz',
  cameraOutages: 'camera-outages.json',
  reads: 'reads.jsonl.gz',
} as const;

/** Where a build keeps SUMO's intermediate files (trips, routes, vehicle-route output); git ignores it. */
export const sumoWorkDir = 'sumo-work';

export const scenarioFormat = 'dongseon-scenario/1';

/** JSON on one line (compact, for the data files), or indented for files people read (the manifest). */
export async function writeJsonFile(path: string, value: unknown, layout: 'compact' | 'indented' = 'compact'): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, layout === 'indented' ? 2 : undefined)}\n`);
}

/**
 * Writes one JSON document per line, gzip-compressed at the highest level. gzip's header carries no time here,
 * so the same lines give the same bytes: a rebuilt scenario diffs clean.
 */
export async function writeJsonLinesGz(path: string, rows: Iterable<unknown>): Promise<void> {
  function* lines() {
    for (const row of rows) yield `${JSON.stringify(row)}\n`;
  }
  await pipeline(Readable.from(lines()), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(path));
}

export async function readJsonFile<T>(dir: string, file: string): Promise<T> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DongseonError('DS_SIM_SCENARIO_INVALID', `${path}: missing; is ${dir} a scenario folder (npm run sim -- build)?`, {}, { cause: error });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new DongseonError('DS_SIM_SCENARIO_INVALID', `${path}: not JSON`, {}, { cause: error });
  }
}

/** Streams the rows of a `.jsonl.gz` file. */
export async function* readJsonLinesGz<T>(dir: string, file: string): AsyncGenerator<T> {
  const path = join(dir, file);
  const input = createReadStream(path);
  const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      if (line === '') continue;
      try {
        yield JSON.parse(line) as T;
      } catch (error) {
        throw new DongseonError('DS_SIM_SCENARIO_INVALID', `${path}:${lineNumber}: not JSON`, {}, { cause: error });
      }
    }
  } catch (error) {
    if (error instanceof DongseonError) throw error;
    throw new DongseonError('DS_SIM_SCENARIO_INVALID', `${path}: cannot read (${error instanceof Error ? error.message : String(error)})`, {}, { cause: error });
  } finally {
    input.destroy();
  }
}

export async function readAllJsonLinesGz<T>(dir: string, file: string): Promise<T[]> {
  const rows: T[] = [];
  for await (const row of readJsonLinesGz<T>(dir, file)) rows.push(row);
  return rows;
}
