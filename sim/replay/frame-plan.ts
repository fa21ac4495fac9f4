import { resolvePlateFonts } from '../../recognition/synth/plate-fonts.js';
import { loadGroundTruthVehicles, type LoadedScenario } from '../scenario.js';
import { cctvPasses, framedPasses } from './cctv-passes.js';
import type { ReplayArguments } from './replay-arguments.js';
import { renderPassFrames } from './render-pass-frames.js';
import type { ReplayOptions } from './replay-scenario.js';

/**
 * What a replay sends of its CCTV cameras: the passes of the ground truth at cameras without ANPR, every wanted
 * vehicle's and a sample of the rest, rendered with the training fonts. Undefined with --no-frames, or when the
 * fonts are not installed (said in the log: the replay goes on with reads only).
 */
export async function planFrames(scenario: LoadedScenario, frames: ReplayArguments['frames'], log: (line: string) => void): Promise<ReplayOptions['frames']> {
  if (frames === undefined) return undefined;
  const cctvCameras = scenario.cameras.filter((camera) => !camera.anpr);
  if (cctvCameras.length === 0) return undefined;
  let fonts;
  try {
    fonts = resolvePlateFonts('training');
  } catch (error) {
    log(`frames off: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const seed = scenario.manifest.parameters.seed;
  const passes = cctvPasses(await loadGroundTruthVehicles(scenario.dir), scenario.cameras);
  const framed = framedPasses(passes, scenario.wantedVehicles, seed, frames.sample);
  const wanted = framed.filter((pass) => pass.why === 'wanted').length;
  log(`frames: ${cctvCameras.length} CCTV cameras without ANPR, ${passes.length} passes; frames of ${wanted} wanted-vehicle passes and ${framed.length - wanted} sampled (${frames.sample}), at most ${frames.maxFramesPerSecond} frames/s`);
  return { passes: framed, render: (pass) => renderPassFrames(seed, pass, fonts), maxFramesPerSecond: frames.maxFramesPerSecond };
}
