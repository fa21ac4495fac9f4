import type { PassRecord, WantedVehicleStory } from '../domain/simulation/index.js';
import type { ScenarioManifest } from './build/scenario-manifest.js';
import { readAllJsonLinesGz, readJsonFile, readJsonLinesGz, scenarioFiles, scenarioFormat } from './scenario-files.js';
import { DongseonError } from '../domain/errors/index.js';

export interface ScenarioCamera {
  readonly id: string;
  readonly municipalityId: string;
  readonly edgeId: string;
  readonly anpr: boolean;
}

/** A vehicle of the ground truth (`ground-truth.jsonl.gz`), the fields a camera pass needs. */
export interface GroundTruthVehicle {
  readonly vehicleId: string;
  readonly plate: string;
  /** The fleet's plate kind (`national-3`, `electric`, …). */
  readonly plateKind: string;
  readonly edges: readonly string[];
  readonly exitSeconds: readonly number[];
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

/** Camera ids per municipality, of the cameras `include` takes. */
export function camerasByMunicipality(scenario: LoadedScenario, include: (camera: ScenarioCamera) => boolean): Map<string, string[]> {
  const byMunicipality = new Map<string, string[]>();
  for (const camera of scenario.cameras) {
    if (include(camera)) byMunicipality.set(camera.municipalityId, [...(byMunicipality.get(camera.municipalityId) ?? []), camera.id]);
  }
  return byMunicipality;
}

/** ANPR camera ids per municipality. */
export const anprCamerasByMunicipality = (scenario: LoadedScenario): Map<string, string[]> => camerasByMunicipality(scenario, (camera) => camera.anpr);

/** The ground truth's vehicles, only the fields a camera pass needs (the file is streamed). */
export async function loadGroundTruthVehicles(dir: string): Promise<GroundTruthVehicle[]> {
  const vehicles: GroundTruthVehicle[] = [];
  for await (const { vehicleId, plate, plateKind, edges, exitSeconds } of readJsonLinesGz<GroundTruthVehicle>(dir, scenarioFiles.groundTruth)) {
    vehicles.push({ vehicleId, plate, plateKind, edges, exitSeconds });
  }
  return vehicles;
}
