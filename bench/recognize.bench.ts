import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadKeyedHotlist, matchPlateRead, publishKeyedHotlist, type KeyedHotlistIndex } from '../domain/matching/index.js';
import { defaultReadValidationPolicy } from '../domain/ingest/index.js';
import { createPlateHasher, randomPlate, seededRandom, type PlateHasher } from '../domain/plates/index.js';
import { validateCameraBatch } from '../edge/ingest/read-batch-sources.js';
import { cropToPng } from '../edge/recognize/crop-png.js';
import { addFrame, type OpenPass } from '../edge/recognize/pass-tracker.js';
import { ensurePlateFonts } from '../infra/stack/plate-fonts.js';
import type { PixelImage } from '../recognition/geometry/index.js';
import { decodeImage } from '../recognition/inference/image-input.js';
import { defaultPlateModelDir } from '../recognition/inference/onnx-session.js';
import { loadPlateModels, recognizeImage, type PlateModels } from '../recognition/inference/recognize-image.js';
import { encodeJpeg } from '../recognition/synth/encode-image.js';
import { cropAt, frameAt } from '../recognition/synth/generate-dataset.js';
import { resolvePlateFonts } from '../recognition/synth/plate-fonts.js';
import { median, numericArgument, round, type Benchmark } from './benchmark.js';
import { percentile } from './load/latency-summary.js';

/** Data drawn for the benchmark only: an evaluation seed (training uses seeds below 1000), training fonts. */
const benchSeed = 7013;

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const p = (values: readonly number[], percent: number) => percentile(Float64Array.from(values).sort(), percent);
const rssMb = () => round(process.memoryUsage().rss / 1024 / 1024, 1);
/** Model size in MB of 10⁶ bytes, as the "≤ 10 MB" target reads. */
const fileMb = (dir: string, file: string) => statSync(join(dir, file)).size / 1e6;

/** `--models DIR`: other model files than the committed ones (a candidate being trained). */
function modelDirArgument(args: readonly string[]): string {
  const index = args.indexOf('--models');
  return index < 0 ? defaultPlateModelDir : String(args[index + 1]);
}

/** Frames that hold at least one plate, as cameras send them (JPEG at the generator's quality per frame). */
function benchFrames(count: number, fonts: Parameters<typeof frameAt>[2]): Buffer[] {
  const frames: Buffer[] = [];
  for (let i = 1; frames.length < count && i <= count * 4; i++) {
    const frame = frameAt(benchSeed, i, fonts);
    if (frame.plates.length > 0) frames.push(encodeJpeg(frame.image, frame.jpegQuality));
  }
  return frames;
}

/** RSS of a fresh process that holds one session pair and has read the frames (recognize-rss-probe.ts). */
async function workerRss(frames: readonly Buffer[], modelDir: string): Promise<{ rssMb: number; rssBeforeModelsMb: number; rssAfterLoadMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'dongseon-bench-recognize-'));
  try {
    frames.forEach((jpeg, i) => writeFileSync(join(dir, `${i}.jpg`), jpeg));
    const probe = new URL('./recognize-rss-probe.ts', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, probe, dir, modelDir]);
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as { rssMb: number; rssBeforeModelsMb: number; rssAfterLoadMb: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The recognize worker's work per frame (edge/recognize/recognize-worker.ts) short of Redis and the spool: decode,
 * detect, rectify, read, each crop to PNG (base64), the frame added to the camera's passes (`addFrame`, the pass
 * state JSON-parsed and written back as the worker keeps it in Redis). Frames come 200 ms apart from one camera.
 */
function workerLoop(models: PlateModels): (jpeg: Buffer) => Promise<number> {
  let state = '[]';
  let sequence = 0;
  return async (jpeg) => {
    const image = await decodeImage(jpeg);
    const { plates } = await recognizeImage(models, image, 'frame');
    const inFrame = plates.map((plate) => ({
      candidates: plate.candidates.map(({ text, confidence }) => ({ text, confidence })), cropPng: cropToPng(plate.crop).toString('base64'),
    }));
    const capturedAtMs = Date.parse('2026-12-07T22:00:00Z') + 200 * sequence;
    const frame = { frameId: `f-${sequence++}`, capturedAtMs, receivedAtMs: capturedAtMs };
    const { open } = addFrame('cam-bench-1', JSON.parse(state) as OpenPass[], frame, inFrame);
    state = JSON.stringify(open);
    return plates.length;
  };
}

/**
 * The synthetic read path beside the recognize worker: what the edge does per camera read on its main thread,
 * short of HTTP, Redis and SQLite — parse the JSON batch body, validate and clean it as `POST /v1/reads` does
 * (`validateCameraBatch`), match every candidate against the keyed hotlist (HMAC + digest table). Run on a timer
 * that catches up to `rate` reads/s, in the same thread as the frames, as the edge runs both in one process.
 */
function startReadLoad(rate: number, index: KeyedHotlistIndex, hasher: PlateHasher, bodies: readonly string[]): { stop(): { reads: number; seconds: number } } {
  const started = process.hrtime.bigint();
  let done = 0;
  let next = 0;
  const timer = setInterval(() => {
    const owed = Math.floor((rate * elapsedMs(started)) / 1000) - done;
    for (let k = 0; k < owed; k += readsPerBody) {
      const items = JSON.parse(bodies[next++ % bodies.length]!) as unknown[];
      const { accepted } = validateCameraBatch(items, 'cam-bench-1', defaultReadValidationPolicy, () => true, Date.now());
      if (accepted.length !== items.length) throw new Error('the synthetic read load sent reads the edge refuses');
      for (const read of accepted) matchPlateRead(read.candidates, index, hasher);
      done += items.length;
    }
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return { reads: done, seconds: elapsedMs(started) / 1000 };
    },
  };
}

const readsPerBody = 50;

/** Bodies of `POST /v1/reads` as one camera posts them: 50 reads, mostly unlisted plates, 1 % listed, top-3 candidates. */
function readBodies(hotlist: readonly string[], batches: number): string[] {
  const random = seededRandom(5);
  const capturedAt = new Date().toISOString();
  let sequence = 0;
  return Array.from({ length: batches }, () => JSON.stringify(Array.from({ length: readsPerBody }, () => {
    const text = random() < 0.01 ? hotlist[Math.floor(random() * hotlist.length)]! : randomPlate(random);
    return {
      readId: `bench-${(sequence++).toString(36)}`, cameraId: 'cam-bench-1', capturedAt,
      candidates: [{ text, confidence: 0.9 }, { text, confidence: 0.05 }, { text, confidence: 0.01 }],
    };
  })));
}

/** Frames of the worker's loop for `seconds`, with or without the read load on the same core. */
async function sustainedFrames(models: PlateModels, frames: readonly Buffer[], seconds: number, load: (() => { stop(): { reads: number; seconds: number } }) | null) {
  const workerFrame = workerLoop(models);
  const running = load?.();
  const started = process.hrtime.bigint();
  let count = 0;
  while (elapsedMs(started) < seconds * 1000) {
    await workerFrame(frames[count % frames.length]!);
    count++;
  }
  const took = elapsedMs(started) / 1000;
  const reads = running?.stop();
  return { framesPerSec: count / took, readsPerSec: reads ? reads.reads / reads.seconds : 0 };
}

export const recognizeBenchmark: Benchmark = {
  name: 'recognize',
  description: 'plate models on one thread: crops/s, crop and 1280×720 frame latency, load time, RSS, frames/s per core beside a read load',
  needs: [],
  oneCore: true,
  quickArgs: ['--crops', '32', '--frames', '3', '--runs', '1', '--sustain-seconds', '2', '--hotlist', '2000'],
  async run(args) {
    const cropCount = numericArgument(args, 'crops', 256);
    const frameCount = numericArgument(args, 'frames', 24);
    const runs = numericArgument(args, 'runs', 5);
    const sustainSeconds = numericArgument(args, 'sustain-seconds', 20);
    const readRate = numericArgument(args, 'read-rate', 4000);
    const hotlistSize = numericArgument(args, 'hotlist', 100_000);
    const modelDir = modelDirArgument(args);

    await ensurePlateFonts();
    const fonts = resolvePlateFonts('training');
    let start = process.hrtime.bigint();
    const crops: PixelImage[] = Array.from({ length: cropCount }, (_, i) => cropAt(benchSeed, i + 1, fonts).image);
    const frames = benchFrames(frameCount, fonts);
    console.log(`data: ${crops.length} crops (192×64) and ${frames.length} 1280×720 JPEG frames with plates, seed ${benchSeed}, made in ${(elapsedMs(start) / 1000).toFixed(1)} s`);

    start = process.hrtime.bigint();
    const models = await loadPlateModels({ threads: 1, modelDir });
    const loadMs = elapsedMs(start);
    try {
      const modelMb = fileMb(modelDir, 'recognizer.onnx') + fileMb(modelDir, 'detector.onnx');
      console.log(`models in ${modelDir}: ${modelMb.toFixed(2)} MB (recogniser ${fileMb(modelDir, 'recognizer.onnx').toFixed(2)}, ` +
        `detector ${fileMb(modelDir, 'detector.onnx').toFixed(2)}), loaded in ${loadMs.toFixed(0)} ms on one thread`);

      // Warm-up: the first runs of a session allocate its buffers.
      for (const crop of crops.slice(0, 8)) await models.recognizer.readCrops([crop]);
      await models.recognizer.readCrops(crops.slice(0, 16));
      const warmFrame = workerLoop(models);
      for (const jpeg of frames.slice(0, 2)) await warmFrame(jpeg);

      const perRun = { cropsPerSec: [] as number[], batchCropsPerSec: [] as number[], cropP50: [] as number[], cropP95: [] as number[], frameP50: [] as number[], frameP95: [] as number[] };
      for (let run = 1; run <= runs; run++) {
        const cropLatencies: number[] = [];
        const cropsStarted = process.hrtime.bigint();
        for (const crop of crops) {
          const t = process.hrtime.bigint();
          await models.recognizer.readCrops([crop]);
          cropLatencies.push(elapsedMs(t));
        }
        perRun.cropsPerSec.push(crops.length / (elapsedMs(cropsStarted) / 1000));
        const batchStarted = process.hrtime.bigint();
        for (let i = 0; i < crops.length; i += 16) await models.recognizer.readCrops(crops.slice(i, i + 16));
        perRun.batchCropsPerSec.push(crops.length / (elapsedMs(batchStarted) / 1000));
        perRun.cropP50.push(p(cropLatencies, 50));
        perRun.cropP95.push(p(cropLatencies, 95));

        const frameLatencies: number[] = [];
        for (const jpeg of frames) {
          const t = process.hrtime.bigint();
          const image = await decodeImage(jpeg);
          await recognizeImage(models, image, 'frame');
          frameLatencies.push(elapsedMs(t));
        }
        perRun.frameP50.push(p(frameLatencies, 50));
        perRun.frameP95.push(p(frameLatencies, 95));
        console.log(`run ${run}: crops ${Math.round(perRun.cropsPerSec.at(-1)!)}/s at batch 1 (p50 ${perRun.cropP50.at(-1)!.toFixed(2)} ms, p95 ${perRun.cropP95.at(-1)!.toFixed(2)} ms), ` +
          `${Math.round(perRun.batchCropsPerSec.at(-1)!)}/s at batch 16; frame p50 ${perRun.frameP50.at(-1)!.toFixed(1)} ms, p95 ${perRun.frameP95.at(-1)!.toFixed(1)} ms`);
      }
      const benchRss = rssMb();
      const worker = await workerRss(frames, modelDir);
      console.log(`RSS of a fresh process with the models that read the ${frames.length} frames 3 times: ${worker.rssMb} MB ` +
        `(${worker.rssBeforeModelsMb} MB before loading, ${worker.rssAfterLoadMb} MB after); this benchmark process, with the generator's data: ${benchRss} MB`);

      const hotlist: string[] = [];
      const random = seededRandom(1);
      while (hotlist.length < hotlistSize) hotlist.push(randomPlate(random));
      const hasher = createPlateHasher('bench', new Uint8Array(32).map((_, i) => (i * 73 + 5) & 255));
      const index = loadKeyedHotlist(publishKeyedHotlist(hotlist.map((plate, i) => ({ ref: `h${i}`, plate })), hasher, { maxSubstitutions: 1 }));
      const bodies = readBodies(hotlist, 200);
      const alone = await sustainedFrames(models, frames, sustainSeconds, null);
      const beside = await sustainedFrames(models, frames, sustainSeconds, () => startReadLoad(readRate, index, hasher, bodies));
      console.log(`recognize worker loop (decode, detect, rectify, read, crop PNG, pass state) for ${sustainSeconds} s: ${alone.framesPerSec.toFixed(1)} frames/s alone, ` +
        `${beside.framesPerSec.toFixed(1)} frames/s beside ${Math.round(beside.readsPerSec)} reads/s of the read path (asked ${readRate}/s; JSON body parse, ` +
        `validation as POST /v1/reads, keyed-hotlist match of ${hotlistSize.toLocaleString()} plates; no HTTP, Redis or SQLite), all in this process on this one core`);

      if (beside.readsPerSec < readRate * 0.95) {
        console.log(`the read path got only ${Math.round(beside.readsPerSec)} of the ${readRate} reads/s asked: the core is saturated, framesPerSecPerCore is at less than that read load`);
      }
      const figures = {
        cropsPerSec: Math.round(median(perRun.cropsPerSec)),
        batch16CropsPerSec: Math.round(median(perRun.batchCropsPerSec)),
        cropP50Ms: round(median(perRun.cropP50), 3),
        cropP95Ms: round(median(perRun.cropP95), 3),
        frameP50Ms: round(median(perRun.frameP50), 2),
        frameP95Ms: round(median(perRun.frameP95), 2),
        framesPerSecPerCore: round(beside.framesPerSec, 2),
        framesPerSecAlone: round(alone.framesPerSec, 2),
        readsPerSecBeside: Math.round(beside.readsPerSec),
        readRateAsked: readRate,
        modelMb: round(modelMb, 2),
        loadMs: Math.round(loadMs),
        rssMb: worker.rssMb,
        rssBeforeModelsMb: worker.rssBeforeModelsMb,
        rssAfterLoadMb: worker.rssAfterLoadMb,
        benchProcessRssMb: benchRss,
        runs,
        crops: crops.length,
        frames: frames.length,
        sustainSeconds,
        pinned: process.env.DS_BENCH_PINNED_CPU !== undefined,
        targets: { cropP95Ms: 2, frameP95Ms: 40, modelMb: 10 },
      };
      console.log(`median of ${runs}: ${figures.cropsPerSec} crops/s (batch 16: ${figures.batch16CropsPerSec}), crop p95 ${figures.cropP95Ms} ms (target ≤ 2), ` +
        `frame p50 ${figures.frameP50Ms} ms, p95 ${figures.frameP95Ms} ms (target ≤ 40), models ${figures.modelMb} MB (target ≤ 10), RSS ${figures.rssMb} MB`);
      return figures;
    } finally {
      await models.release();
      // onnxruntime-node runs each session.run in a setImmediate, and everything after the last run continues inside
      // that immediate's callback, where Node still counts it as active: the runner's open-handle check would see it.
      await new Promise((resolve) => setImmediate(resolve));
    }
  },
};
