import type { PassRecord, WantedVehicleStory } from '../domain/simulation/index.js';
import type { ScenarioManifest } from './build/scenario-manifest.js';
import { readAllJsonLinesGz, readJsonFile, scenarioFiles, scenarioFormat } from './scenario-files.js';
import { DongseonError } from '../domain/errors/index.js';

export interface ScenarioCamera {
  readonly id: string;
  readonly municipalityId: string;
  readonly edgeId: string;
  readonly anpr: boolean;
}

/** The small parts of a scenario folder a replay or a demo needs; the read stream is streamed, not loaded. */
export interface LoadedScenario {
  readonly dir: string;
  readonly manifest: ScenarioManifest;
  readonly cameras: readonly ScenarioCamera[];
  readonly wantedVehicles: readonly WantedVehicleStory[];
}

export async function loadScenario(dir: string): Promise<LoadedScenario> {
  const manifest = await readJsonFile<ScenarioManifest>(dir, scenarioFiles.manifest);
  if (manifest.format !== scenarioFormat) {
    throw new DongseonError('DS_SIM_SCENARIO_INVALID', `${dir}: format ${String(manifest.format)}, expected ${scenarioFormat}; rebuild it with npm run sim -- build`);
  }
  const cameras = await readJsonFile<ScenarioCamera[]>(dir, scenarioFiles.cameras);
  const { wantedVehicles } = await readJsonFile<{ wantedVehicles: WantedVehicleStory[] }>(dir, scenarioFiles.wantedVehicles);
  return { dir, manifest, cameras, wantedVehicles };
}

export const loadPasses = (dir: string): Promise<PassRecord[]> => readAllJsonLinesGz<PassRecord>(dir, scenarioFiles.cameraPasses);

/** ANPR camera ids per municipality. */
export function anprCamerasByMunicipality(scenario: LoadedScenario): Map<string, string[]> {
  const byMunicipality = new Map<string, string[]>();
  for (const camera of scenario.cameras) {
    if (camera.anpr) byMunicipality.set(camera.municipalityId, [...(byMunicipality.get(camera.municipalityId) ?? []), camera.id]);
  }
  return byMunicipality;
}
