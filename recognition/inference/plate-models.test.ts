import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quad } from '../geometry/index.js';
import { decodeImage } from './image-input.js';
import { defaultPlateModelDir } from './onnx-session.js';
import { frameTensor } from './plate-tensors.js';
import { loadPlateModels, recognizeImage } from './recognize-image.js';

// The committed models against golden.json (training/plates/golden.py, models/plates/README.md §3).
interface Golden {
  preprocess: { sum: number; samples: { c: number; y: number; x: number; value: number }[] };
  recognizer: {
    file: string; truth: string;
    candidates: { text: string; tokens: number[]; confidence: number; log_score: number }[];
    greedy: string; log_probs_samples: { t: number; c: number; value: number }[]; log_probs_sum: number;
  }[];
  detector: {
    file: string; rgb_sha256: string; width: number; height: number;
    plates: { score: number; cell: [number, number]; corners: [number, number][] }[];
  }[];
}

const dir = defaultPlateModelDir;
const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as Golden;
const readImage = (file: string) => decodeImage(readFileSync(join(dir, file)));

let models: Awaited<ReturnType<typeof loadPlateModels>>;
beforeAll(async () => { models = await loadPlateModels({ threads: 1 }); });
afterAll(async () => { await models.release(); });

describe('the committed plate models reproduce golden.json', () => {
  it('preprocess: the detector input of the formula image', () => {
    const image = { width: 1280, height: 720, channels: 3 as const, data: new Uint8ClampedArray(1280 * 720 * 3) };
    for (let y = 0; y < 720; y++) {
      for (let x = 0; x < 1280; x++) {
        const i = (y * 1280 + x) * 3;
        image.data[i] = (7 * x + 13 * y) % 256;
        image.data[i + 1] = (3 * x + 5 * y) % 256;
        image.data[i + 2] = (x ^ y) % 256;
      }
    }
    const { tensor } = frameTensor(image);
    expect(tensor.reduce((s, v) => s + v, 0)).toBeCloseTo(golden.preprocess.sum, 5);
    for (const { c, y, x, value } of golden.preprocess.samples) expect(tensor[c * 384 * 640 + y * 640 + x]).toBeCloseTo(value, 6);
  });

  it.each(golden.recognizer.map((entry) => [entry.file, entry] as const))('recogniser: %s gives its top-5 candidates', async (_, entry) => {
    const crop = await readImage(entry.file);
    const [matrix] = await models.recognizer.logProbs([crop]);
    for (const { t, c, value } of entry.log_probs_samples) expect(Math.abs(matrix!.data[t * matrix!.classes + c]! - value)).toBeLessThan(1e-4);
    let sum = 0;
    for (let i = 0; i < matrix!.data.length; i++) sum += matrix!.data[i]!;
    expect(Math.abs(sum - entry.log_probs_sum) / Math.max(1, Math.abs(entry.log_probs_sum))).toBeLessThan(1e-4);
    const [read] = await models.recognizer.readCrops([crop]);
    expect(read!.candidates.map((c) => c.text)).toEqual(entry.candidates.map((c) => c.text));
    expect(read!.candidates.map((c) => c.tokens)).toEqual(entry.candidates.map((c) => c.tokens));
    read!.candidates.forEach((c, i) => expect(Math.abs(c.confidence / entry.candidates[i]!.confidence - 1)).toBeLessThan(1e-4));
    expect(read!.greedy).toBe(entry.greedy);
  });

  it('recogniser: a batch of the golden crops reads as each crop alone', async () => {
    const crops = await Promise.all(golden.recognizer.map((entry) => readImage(entry.file)));
    const reads = await models.recognizer.readCrops(crops);
    expect(reads.map((r) => r.candidates[0]!.text)).toEqual(golden.recognizer.map((entry) => entry.candidates[0]!.text));
  });

  it.each(golden.detector.map((entry) => [entry.file, entry] as const))('detector: %s decodes to PIL\'s bytes and gives its plates (scores 1e-4, corners 1e-3 px)', async (_, entry) => {
    const frame = await readImage(entry.file);
    expect([frame.width, frame.height]).toEqual([entry.width, entry.height]);
    // Skia and PIL both decode with libjpeg-turbo: the same bytes, so the strict tolerances of the contract apply.
    expect(createHash('sha256').update(frame.data).digest('hex')).toBe(entry.rgb_sha256);
    const found = await models.detector.detect(frame);
    expect(found.map((p) => p.cell)).toEqual(entry.plates.map((p) => p.cell));
    found.forEach((plate, i) => {
      expect(Math.abs(plate.score - entry.plates[i]!.score)).toBeLessThan(1e-4);
      plate.corners.forEach(([x, y], k) => {
        expect(Math.abs(x - entry.plates[i]!.corners[k]![0])).toBeLessThan(1e-3);
        expect(Math.abs(y - entry.plates[i]!.corners[k]![1])).toBeLessThan(1e-3);
      });
    });
  });

  it('a golden frame end to end: every plate found is rectified and read', async () => {
    const entry = golden.detector[0]!;
    const result = await recognizeImage(models, await readImage(entry.file));
    expect(result.readAs).toBe('frame');
    expect(result.plates.map((p) => p.corners)).toEqual(entry.plates.map((p) => p.corners as unknown as Quad));
    for (const plate of result.plates) expect(plate.candidates.length).toBeGreaterThan(0);
  });
});

describe('npm run recognize', () => {
  it('prints one JSON line per file, a coded error for a bad one, and exits 1', async () => {
    const crop = join(dir, golden.recognizer[0]!.file);
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'recognition/inference/recognize-cli.ts', crop, 'package.json', '--json'], { encoding: 'utf8' });
    const error = await run.then(() => undefined, (e: { code: number; stdout: string }) => e);
    expect(error?.code).toBe(1);
    const lines = error!.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ file: crop, readAs: 'crop', plates: [{ candidates: expect.any(Array) }] });
    const first = (lines[0]!.plates as { candidates: { text: string }[] }[])[0]!.candidates[0]!.text;
    expect(first).toBe(golden.recognizer[0]!.candidates[0]!.text);
    expect(lines[1]).toEqual({ file: 'package.json', error: { code: 'DS_FRAME_NOT_IMAGE', message: expect.any(String) } });
  }, 30_000);
});
