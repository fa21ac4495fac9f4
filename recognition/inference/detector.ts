import { join } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';
import type { PixelImage } from '../geometry/index.js';
import { decodeDetections, detectionDefaults, type DetectedPlate, type DetectionMaps, type DetectionOptions } from './detect-plates.js';
import { defaultPlateModelDir, openOnnxSession, ort, type SessionThreads } from './onnx-session.js';
import { detectorHeight, detectorWidth, frameTensor, type FrameGeometry } from './plate-tensors.js';

export interface PlateDetector {
  /** Every plate of one frame (RGB or RGBA, any size), best first, corners in frame pixels. */
  detect(frame: PixelImage): Promise<DetectedPlate[]>;
  /** The raw maps and the frame's geometry, for golden-vector tests. */
  maps(frame: PixelImage): Promise<{ maps: DetectionMaps; geometry: FrameGeometry }>;
  release(): Promise<void>;
}

export interface DetectorOptions extends Partial<SessionThreads> {
  readonly modelDir?: string;
  readonly decoding?: DetectionOptions;
}

export async function loadDetector(options: DetectorOptions = {}): Promise<PlateDetector> {
  const session = await openOnnxSession(join(options.modelDir ?? defaultPlateModelDir, 'detector.onnx'), ['image'], ['heatmap', 'corners'], { threads: options.threads ?? 1 });
  const decoding = options.decoding ?? detectionDefaults;

  async function maps(frame: PixelImage): Promise<{ maps: DetectionMaps; geometry: FrameGeometry }> {
    const { tensor, geometry } = frameTensor(frame);
    const output = await session.run({ image: new ort.Tensor('float32', tensor, [1, 3, detectorHeight, detectorWidth]) });
    const heatmap = output.heatmap!;
    const corners = output.corners!;
    const [, , height, width] = heatmap.dims as [number, number, number, number];
    if (corners.dims[1] !== 8 || corners.dims[2] !== height || corners.dims[3] !== width) {
      throw new DongseonError('DS_PLATE_MODEL_MISSING', `the detector returned heatmap [${heatmap.dims.join(', ')}] and corners [${corners.dims.join(', ')}]`, { heatmap: heatmap.dims, corners: corners.dims });
    }
    return { maps: { heatmap: heatmap.data as Float32Array, corners: corners.data as Float32Array, width, height }, geometry };
  }

  return {
    maps,
    async detect(frame) {
      const { maps: m, geometry } = await maps(frame);
      return decodeDetections(m, { x: geometry.scaleX, y: geometry.scaleY }, decoding);
    },
    release: () => session.release(),
  };
}
