import { seededRandom } from '../../domain/plates/index.js';
import { stableHash, stageRandom, uniform } from '../../domain/simulation/index.js';
import { composePassFramesOf } from '../../recognition/synth/compose-pass-of.js';
import { encodeJpeg } from '../../recognition/synth/encode-image.js';
import type { PlateFont } from '../../recognition/synth/plate-fonts.js';
import type { CctvPass } from './cctv-passes.js';

/** Frames a camera sends of one pass. */
export const framesPerPass = 5;

/** One frame of a pass as the camera sends it. */
export interface PassFrame {
  /** 0 … framesPerPass − 1, in capture order. */
  readonly index: number;
  /**
   * Capture time relative to the pass's moment (the vehicle at the stop line, the last frame): 0 for the last, the
   * earlier ones 150–250 ms apart before it, so no frame is captured after the pass.
   */
  readonly offsetMs: number;
  readonly jpeg: Buffer;
  /** Ground truth: the plate texts the frame shows (the vehicle's, unless the plate left the frame). */
  readonly plates: readonly string[];
}

/** The random source of one pass's frames: a stream of its own, so one pass renders the same whatever else is sent. */
export const passRandom = (seed: number, pass: Pick<CctvPass, 'vehicleId' | 'cameraId' | 'edgeIndex'>) =>
  stageRandom(seed, 'frames', pass.vehicleId, pass.cameraId, String(pass.edgeIndex));

/** When each frame of a pass is captured, ms relative to the pass (the last frame at 0). */
export function frameOffsetsMs(seed: number, pass: Pick<CctvPass, 'vehicleId' | 'cameraId' | 'edgeIndex'>, frames = framesPerPass): number[] {
  const random = stageRandom(seed, 'frame-times', pass.vehicleId, pass.cameraId, String(pass.edgeIndex));
  const gapMs = Math.round(uniform(random, 150, 250));
  return Array.from({ length: frames }, (_, k) => (k - (frames - 1)) * gapMs);
}

/**
 * Renders one frame of a CCTV pass at a time: the vehicle's plate text on the project's plate renderer
 * (`composePassFramesOf`), approaching over `framesPerPass` frames of one street scene, each JPEG-encoded at its frame's
 * quality. Deterministic for (scenario seed, pass); the frames are drawn lazily, so a caller can yield between them.
 */
export function* renderPassFrames(seed: number, pass: CctvPass, fonts: readonly PlateFont[], frames = framesPerPass): Generator<PassFrame> {
  const random = passRandom(seed, pass);
  const scene = stableHash(`${seed >>> 0}/frame-scene/${pass.cameraId}`);
  // One scene per camera: its street stays the same from pass to pass, as a fixed camera's does.
  const offsets = frameOffsetsMs(seed, pass, frames);
  let index = 0;
  for (const frame of composePassFramesOf(pass.plate, random, fonts, frames, () => seededRandom(scene), { electric: pass.plateKind === 'electric' })) {
    yield { index, offsetMs: offsets[index] as number, jpeg: encodeJpeg(frame.image, frame.jpegQuality), plates: frame.plates.map((plate) => plate.text) };
    index++;
  }
}
