import { compilePlatePattern, plateMatchesPattern } from '../../domain/plates/index.js';
import { stableHash, type WantedVehicleStory } from '../../domain/simulation/index.js';
import type { GroundTruthVehicle, ScenarioCamera } from '../scenario.js';

/** A vehicle passing a plain CCTV camera (no ANPR): the frames of it are what the camera can send. */
export interface CctvPass {
  /** Position in the scenario's list of CCTV passes (by time, camera, vehicle): stable, so frame ids are too. */
  readonly index: number;
  readonly vehicleId: string;
  readonly cameraId: string;
  readonly municipalityId: string;
  readonly edgeIndex: number;
  /** When the vehicle crossed the camera's stop line, simulation seconds. */
  readonly atSeconds: number;
  readonly plate: string;
  /** The fleet's plate kind; `electric` is drawn on the light-blue plate. */
  readonly plateKind: string;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every pass of a vehicle through a CCTV camera, from the ground truth, as the build finds ANPR passes: its trip
 * leaves the watched edge into the camera's junction (a trip's last edge makes no pass). CCTV cameras make no
 * reads, so `camera-passes.jsonl.gz` does not list these. Sorted by time, then camera, then vehicle.
 */
export function cctvPasses(vehicles: Iterable<GroundTruthVehicle>, cameras: readonly ScenarioCamera[]): CctvPass[] {
  const watching = new Map<string, ScenarioCamera[]>();
  for (const camera of cameras) {
    if (!camera.anpr) watching.set(camera.edgeId, [...(watching.get(camera.edgeId) ?? []), camera]);
  }
  const passes: Omit<CctvPass, 'index'>[] = [];
  for (const vehicle of vehicles) {
    for (let edgeIndex = 0; edgeIndex < vehicle.edges.length - 1; edgeIndex++) {
      for (const camera of watching.get(vehicle.edges[edgeIndex] as string) ?? []) {
        passes.push({
          vehicleId: vehicle.vehicleId, cameraId: camera.id, municipalityId: camera.municipalityId, edgeIndex,
          atSeconds: vehicle.exitSeconds[edgeIndex] as number, plate: vehicle.plate, plateKind: vehicle.plateKind,
        });
      }
    }
  }
  passes.sort((a, b) => a.atSeconds - b.atSeconds || compare(a.cameraId, b.cameraId) || compare(a.vehicleId, b.vehicleId) || a.edgeIndex - b.edgeIndex);
  return passes.map((pass, index) => ({ index, ...pass }));
}

/** The wanted vehicle's story a plate is listed under (its plate, or a partial plate the plate fits), if any. */
export function wantedStoryOfPlate(stories: readonly WantedVehicleStory[]): (plate: string) => WantedVehicleStory | undefined {
  const tests = stories.map((story) => {
    if (story.plate !== undefined) return { story, carries: (plate: string) => plate === story.plate };
    const compiled = story.platePattern === undefined ? undefined : compilePlatePattern(story.platePattern);
    return { story, carries: compiled?.ok ? (plate: string) => plateMatchesPattern(compiled.pattern, plate) : () => false };
  });
  return (plate) => tests.find((test) => test.carries(plate))?.story;
}

export interface FramedPass extends CctvPass {
  /** Why its frames are sent: the vehicle is wanted (always), or the pass fell in the sample. */
  readonly why: 'wanted' | 'sample';
  /** The wanted vehicle's story id, for a wanted pass. */
  readonly wantedVehicleId?: string;
}

/** Whether a pass falls in the sample: a draw of its own from the scenario seed, so the same passes every replay. */
export const inFrameSample = (seed: number, pass: CctvPass, share: number): boolean =>
  share > 0 && stableHash(`${seed >>> 0}/frame-sample/${pass.vehicleId}/${pass.cameraId}/${pass.edgeIndex}`) / 2 ** 32 < share;

/**
 * The CCTV passes the replay renders frames of: every pass of a wanted vehicle, and a sample (`share`) of the others,
 * since a frame costs tens of milliseconds to render. In time order.
 */
export function framedPasses(passes: readonly CctvPass[], stories: readonly WantedVehicleStory[], seed: number, share: number): FramedPass[] {
  const wantedOf = wantedStoryOfPlate(stories);
  return passes.flatMap((pass): FramedPass[] => {
    const story = wantedOf(pass.plate);
    if (story !== undefined) return [{ ...pass, why: 'wanted', wantedVehicleId: story.id }];
    return inFrameSample(seed, pass, share) ? [{ ...pass, why: 'sample' }] : [];
  });
}
