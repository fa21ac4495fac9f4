import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';
import type { PixelImage } from '../geometry/index.js';
import { ctcBeamDefaults, ctcBeamSearch, ctcGreedy, type BeamSearchOptions, type LogProbMatrix } from './ctc-beam-search.js';
import { defaultPlateModelDir, openOnnxSession, ort, type SessionThreads } from './onnx-session.js';
import { cropHeight, cropTensor, cropWidth } from './plate-tensors.js';

export interface PlateCandidate {
  readonly text: string;
  /** Calibrated probability that this is the plate (the model's temperature is inside the graph). */
  readonly confidence: number;
  readonly logScore: number;
  readonly tokens: readonly number[];
}

export interface CropRead {
  /** Top-k, best first. */
  readonly candidates: readonly PlateCandidate[];
  /** Best-path text (for training curves and debugging; not what the edge matches on). */
  readonly greedy: string;
}

export interface PlateRecognizer {
  readonly vocabulary: readonly string[];
  /** Reads RGB 192×64 crops in one batch. */
  readCrops(crops: readonly PixelImage[]): Promise<CropRead[]>;
  /** The raw `[N, 96, 81]` log-probabilities of a batch, for golden-vector tests. */
  logProbs(crops: readonly PixelImage[]): Promise<LogProbMatrix[]>;
  release(): Promise<void>;
}

export interface RecognizerOptions extends Partial<SessionThreads> {
  readonly modelDir?: string;
  readonly beam?: BeamSearchOptions;
}

/** The vocabulary of vocab.json: `tokens[i]` is class i, class 0 the CTC blank. */
export function readVocabulary(path: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DongseonError('DS_PLATE_MODEL_MISSING', `cannot read the recogniser's vocabulary ${path}`, { path }, { cause: error });
  }
  const tokens = (parsed as { tokens?: unknown; blank?: unknown } | null)?.tokens;
  if (!Array.isArray(tokens) || tokens.length < 2 || !tokens.every((t) => typeof t === 'string') || (parsed as { blank?: unknown }).blank !== 0) {
    throw new DongseonError('DS_PLATE_MODEL_MISSING', `${path} is not a vocabulary (tokens: string[], blank: 0)`, { path });
  }
  return tokens as string[];
}

export function tokensToText(tokens: readonly number[], vocabulary: readonly string[]): string {
  return tokens.map((id) => vocabulary[id]!).join('');
}

export async function loadRecognizer(options: RecognizerOptions = {}): Promise<PlateRecognizer> {
  const dir = options.modelDir ?? defaultPlateModelDir;
  const vocabulary = readVocabulary(join(dir, 'vocab.json'));
  const session = await openOnnxSession(join(dir, 'recognizer.onnx'), ['image'], ['log_probs'], { threads: options.threads ?? 1 });
  const beam = options.beam ?? ctcBeamDefaults;

  async function logProbs(crops: readonly PixelImage[]): Promise<LogProbMatrix[]> {
    if (crops.length === 0) return [];
    const input = new ort.Tensor('float32', cropTensor(crops), [crops.length, 3, cropHeight, cropWidth]);
    const output = (await session.run({ image: input })).log_probs!;
    const [n, steps, classes] = output.dims as [number, number, number];
    if (n !== crops.length || classes !== vocabulary.length) {
      throw new DongseonError('DS_PLATE_MODEL_MISSING', `the recogniser returned [${output.dims.join(', ')}], not [${crops.length}, T, ${vocabulary.length}]`, { dims: output.dims });
    }
    const data = output.data as Float32Array;
    return Array.from({ length: n }, (_, i) => ({ data: data.subarray(i * steps * classes, (i + 1) * steps * classes), steps, classes }));
  }

  return {
    vocabulary,
    logProbs,
    async readCrops(crops) {
      return (await logProbs(crops)).map((matrix) => ({
        candidates: ctcBeamSearch(matrix, beam).map(({ tokens, logScore }) => ({
          text: tokensToText(tokens, vocabulary), confidence: Math.exp(logScore), logScore, tokens,
        })),
        greedy: tokensToText(ctcGreedy(matrix), vocabulary),
      }));
    },
    release: () => session.release(),
  };
}
