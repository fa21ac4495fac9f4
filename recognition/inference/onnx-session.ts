import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { DongseonError } from '../../domain/errors/index.js';

/** The committed plate models (models/plates/), found from this file so any working directory works. */
export const defaultPlateModelDir = fileURLToPath(new URL('../../models/plates/', import.meta.url));

export interface SessionThreads {
  /** Threads inside one operator; the edge's recognize worker runs one session per worker, usually 1 thread. */
  readonly threads: number;
}

/**
 * One onnxruntime session on the CPU, sequential, all graph optimisations, with the input and output names the
 * contract names checked, so a wrong file fails at load time with DS_PLATE_MODEL_MISSING, not at the first frame.
 */
export async function openOnnxSession(path: string, inputs: readonly string[], outputs: readonly string[], { threads }: SessionThreads): Promise<ort.InferenceSession> {
  if (!existsSync(path)) throw new DongseonError('DS_PLATE_MODEL_MISSING', `no model file at ${path} (models/plates/ is filled by training/plates)`, { path });
  if (!Number.isInteger(threads) || threads < 1) throw new DongseonError('DS_CONFIG_INVALID', `threads must be a whole number ≥ 1, got ${threads}`, { threads });
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(path, {
      intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new DongseonError('DS_PLATE_MODEL_MISSING', `onnxruntime could not load ${path}`, { path }, { cause: error });
  }
  const missing = [...inputs.filter((name) => !session.inputNames.includes(name)), ...outputs.filter((name) => !session.outputNames.includes(name))];
  if (missing.length > 0) {
    await session.release();
    throw new DongseonError('DS_PLATE_MODEL_MISSING', `${path} lacks the contract's ${missing.join(', ')}`, { path, missing });
  }
  return session;
}

export { ort };
