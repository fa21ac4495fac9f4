import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DongseonError } from '../../domain/errors/index.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { runProcess } from '../../runtime/config.js';
import { generatorVersion } from '../../recognition/synth/generate-dataset.js';
import { heldOutFonts, resolvePlateFonts, trainingFonts, type FontSelection } from '../../recognition/synth/plate-fonts.js';
import { defaultPlateModelDir } from '../../recognition/inference/onnx-session.js';
import { loadPlateModels } from '../../recognition/inference/recognize-image.js';
import {
  evaluatePart, modelDigests, readThresholds, summarise, type ItemRange, type PartOptions, type PartOutcomes, type PlatesEvaluation,
} from './evaluate-plates.js';
import { checkEvaluationSeed, trainingSeeds } from './held-out-seed.js';
import { ensureTesseract, readWithTesseract } from './tesseract-baseline.js';

const usage = 'usage: npm run eval:plates -- [--seed S] [--count N] [--frames M] [--passes P] [--fonts training|held-out|<name,…>] '
  + '[--held-out-count N] [--workers W] [--threads T] [--models DIR] [--no-baseline] [--json]';

const defaults = { seed: 20261, count: 600, frames: 120, passes: 100, workers: 2 } as const;

const trainingConfigFile = new URL('../../training/plates/config.json', import.meta.url);

function whole(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new DongseonError('DS_INVALID_INPUT', `--${name} expects a whole number ≥ ${min}, got "${value}"\n${usage}`, { option: name });
  return Number(value);
}

const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);
const fixed = (value: number | null, digits = 3) => (value === null ? '–' : value.toFixed(digits));

function table(result: PlatesEvaluation, baseline: boolean): string {
  const lines: string[] = [];
  const cropHeader = ['kind', 'crops', 'exact', 'CER', 'hangul', 'wrong≥0.9', 'abstain', ...(baseline ? ['tess.exact', 'tess.CER'] : [])];
  lines.push('crops (recogniser alone, rectified from jittered true corners)');
  lines.push(row(cropHeader));
  for (const { kind, totals: t } of result.crops) {
    lines.push(row([kind, String(t.count), pct(t.exact), fixed(t.cer), pct(t.hangul), pct(t.wrongConfident), pct(t.abstain),
      ...(baseline ? [pct(t.baselineExact), fixed(t.baselineCer)] : [])]));
  }
  lines.push('', 'crops by style');
  lines.push(row(['style', 'crops', 'exact', 'CER', 'hangul', 'wrong≥0.9', 'abstain', ...(baseline ? ['tess.exact', 'tess.CER'] : [])]));
  for (const { kind: style, totals: t } of result.cropsByStyle) {
    lines.push(row([style, String(t.count), pct(t.exact), fixed(t.cer), pct(t.hangul), pct(t.wrongConfident), pct(t.abstain),
      ...(baseline ? [pct(t.baselineExact), fixed(t.baselineCer)] : [])]));
  }
  if (result.heldOutFonts) {
    const h = result.heldOutFonts;
    lines.push(`held-out fonts (the same plates in typefaces never trained on): ${h.count} crops, exact ${pct(h.exact)}, CER ${fixed(h.cer)}, hangul ${pct(h.hangul)}, wrong≥0.9 ${pct(h.wrongConfident)}`);
  }
  lines.push('', 'frames (1280×720 JPEG: detect, rectify, read)');
  lines.push(row(['kind', 'plates', 'recall', 'corner px', 'end-to-end']));
  for (const { kind, totals: t } of result.frames) lines.push(row([kind, String(t.plates), pct(t.recall), fixed(t.cornerErrorPx, 2), pct(t.endToEndExact)]));
  lines.push(`detections matching no plate: ${result.falseDetections} of ${result.detections}`);
  lines.push('', 'passes (3–6 frames of one vehicle, fused by fusePass)');
  lines.push(row(['kind', 'passes', 'confirmed', 'conf.wrong', 'precision', 'right/all', 'poss.wrong']));
  for (const { kind, totals: t } of result.passes) {
    lines.push(row([kind, String(t.passes), String(t.confirmed), String(t.confirmedWrong), pct(t.confirmedPrecision), pct(t.confirmedRecall), String(t.possibleWrong)]));
  }
  return lines.join('\n');
}

function row(cells: readonly string[]): string {
  return `  ${cells[0]!.padEnd(24)}${cells.slice(1).map((cell) => cell.padStart(11)).join('')}`;
}

const all = <T>(rows: readonly { kind: string; totals: T }[]): T => rows.find((r) => r.kind === 'all')!.totals;
const round = (value: number | null, digits = 4) => (value === null ? null : Number(value.toFixed(digits)));

/** Part `k` of `n` of 1…total: contiguous, sizes differing by at most one. */
function slice(total: number, k: number, n: number): ItemRange {
  return [Math.floor((total * k) / n) + 1, Math.floor((total * (k + 1)) / n)];
}

/** Runs the parts in `workers` child processes (this file again with `--part k/W`), each with its own models. */
function runInWorkers(args: readonly string[], workers: number, progress: (line: string) => void): Promise<PartOutcomes[]> {
  return Promise.all(Array.from({ length: workers }, (_, k) => new Promise<PartOutcomes>((resolve, reject) => {
    const child = fork(process.argv[1]!, [...args, '--part', `${k}/${workers}`], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let outcomes: PartOutcomes | undefined;
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim() !== '') progress(`[worker ${k + 1}/${workers}] ${line.trim()}`);
    });
    child.on('message', (message) => { outcomes = message as PartOutcomes; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && outcomes ? resolve(outcomes) : reject(new Error(`eval worker ${k + 1} exited with ${code}`))));
  })));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        seed: { type: 'string' }, count: { type: 'string' }, frames: { type: 'string' }, passes: { type: 'string' },
        fonts: { type: 'string' }, 'held-out-count': { type: 'string' }, workers: { type: 'string' }, threads: { type: 'string' },
        models: { type: 'string' }, part: { type: 'string' }, 'no-baseline': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new DongseonError('DS_INVALID_INPUT', `${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const seed = whole('seed', values.seed as string | undefined, defaults.seed);
  const seeds = trainingSeeds(JSON.parse(readFileSync(trainingConfigFile, 'utf8')));
  checkEvaluationSeed(seed, seeds);
  const count = whole('count', values.count as string | undefined, defaults.count, 1);
  const frames = whole('frames', values.frames as string | undefined, defaults.frames);
  const passes = whole('passes', values.passes as string | undefined, defaults.passes);
  const threads = whole('threads', values.threads as string | undefined, 1, 1);
  const workers = whole('workers', values.workers as string | undefined, defaults.workers, 1);
  const modelDir = (values.models as string | undefined) ?? defaultPlateModelDir;
  const fontsArg = (values.fonts as string | undefined) ?? 'training';
  const selection: FontSelection = fontsArg === 'training' || fontsArg === 'held-out' ? fontsArg : fontsArg.split(',').map((name) => name.trim()).filter(Boolean);
  const part = values.part as string | undefined;

  if (part === undefined) await ensurePlateFonts();
  const fonts = resolvePlateFonts(selection);
  const allHeldOut = fonts.every((font) => (heldOutFonts as readonly string[]).includes(font.name));
  const heldOutCount = allHeldOut ? 0 : whole('held-out-count', values['held-out-count'] as string | undefined, count);
  const withBaseline = values['no-baseline'] !== true;
  const tesseract = withBaseline ? await ensureTesseract() : null;
  const partOptions = (k: number, n: number): PartOptions => ({
    seed, fonts, threads, modelDir,
    crops: slice(count, k, n), frames: slice(frames, k, n), passes: slice(passes, k, n),
    heldOut: heldOutCount > 0 ? { fonts: resolvePlateFonts('held-out'), crops: slice(heldOutCount, k, n) } : null,
    ...(tesseract ? { baseline: (crops) => readWithTesseract(tesseract.binary, crops) } : {}),
    progress: (line) => console.log(`  ${line}`),
  });

  if (part !== undefined) {
    // A worker process: its part's outcomes go back to the parent over IPC.
    const [k, n] = part.split('/').map(Number) as [number, number];
    const outcomes = await evaluatePart(partOptions(k, n));
    await new Promise<void>((resolve, reject) => process.send!(outcomes, (error: Error | null) => (error ? reject(error) : resolve())));
    process.disconnect();
    return;
  }

  // Models that are missing or break the contract fail here, with their code, before any worker starts.
  await (await loadPlateModels({ modelDir, threads })).release();
  const trainingUsed = fonts.some((font) => (trainingFonts as readonly string[]).includes(font.name));
  console.log(`eval:plates seed ${seed} (held out: training and validation use seeds below ${seeds.minimum}), generator ${generatorVersion}, fonts ${fontsArg}` +
    `${trainingUsed ? ' (training fonts)' : ' (no training font)'}; ${count} crops${heldOutCount > 0 ? ` + ${heldOutCount} in held-out fonts` : ''}, ` +
    `${frames} frames, ${passes} passes; ${workers} worker${workers === 1 ? '' : 's'} × ${threads} thread${threads === 1 ? '' : 's'}; ` +
    `operating confidence ${readThresholds.operating}, abstain below ${readThresholds.abstainBelow}${tesseract ? `; baseline ${tesseract.version} -l kor --psm 7` : ''}`);
  const started = performance.now();
  const parts = workers === 1 ? [await evaluatePart(partOptions(0, 1))] : await runInWorkers(args, workers, (line) => console.log(`  ${line}`));
  const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
  const result = summarise(parts);
  const models = modelDigests(modelDir);
  const seconds = { wall: wallSeconds, ...Object.fromEntries(Object.keys(parts[0]!.seconds).map((key) => [key, Math.max(...parts.map((p) => p.seconds[key] ?? 0))])) };
  console.log(table(result, tesseract !== null));
  const crops = all(result.crops);
  const frameAll = all(result.frames);
  const passAll = all(result.passes);
  const heldOutFontExact = allHeldOut ? crops.exact : result.heldOutFonts?.exact ?? null;
  console.log(`models ${JSON.stringify(models)}; seconds ${JSON.stringify(seconds)}`);
  if (values.json) {
    const perKind = Object.fromEntries(result.crops.filter((r) => r.kind !== 'all').map(({ kind, totals: t }) => {
      const f = result.frames.find((r) => r.kind === kind)?.totals;
      const p = result.passes.find((r) => r.kind === kind)?.totals;
      return [kind, {
        crops: t.count, exact: round(t.exact), cer: round(t.cer), hangul: round(t.hangul), wrongConfident: round(t.wrongConfident), abstain: round(t.abstain),
        baselineExact: round(t.baselineExact), framePlates: f?.plates ?? 0, detectorRecall: round(f?.recall ?? null), endToEndExact: round(f?.endToEndExact ?? null),
        passes: p?.passes ?? 0, confirmedWrong: p?.confirmedWrong ?? 0,
      }];
    }));
    const perStyle = Object.fromEntries(result.cropsByStyle.filter((r) => r.kind !== 'all').map(({ kind: style, totals: t }) => [style, {
      crops: t.count, exact: round(t.exact), cer: round(t.cer), baselineExact: round(t.baselineExact),
    }]));
    console.log(JSON.stringify({
      bench: 'plates-eval',
      exact: round(crops.exact), cer: round(crops.cer), hangul: round(crops.hangul),
      // No labelled plate in the run's frames (`--frames 0`): no frame figures, rather than zeros.
      detectorRecall: frameAll.plates > 0 ? round(frameAll.recall) : null, cornerErrorPx: round(frameAll.cornerErrorPx, 2),
      endToEndExact: frameAll.plates > 0 ? round(frameAll.endToEndExact) : null,
      wrongConfident: round(crops.wrongConfident), abstain: round(crops.abstain),
      confirmedWrong: passAll.confirmedWrong, confirmedPrecision: round(passAll.confirmedPrecision), confirmed: passAll.confirmed,
      confirmedRecall: round(passAll.confirmedRecall), passes: passAll.passes,
      baselineExact: round(crops.baselineExact), baselineCer: round(crops.baselineCer),
      heldOutFontExact: round(heldOutFontExact), heldOutFontCount: allHeldOut ? crops.count : result.heldOutFonts?.count ?? 0,
      seed, count, frames, framePlates: frameAll.plates, detections: result.detections, falseDetections: result.falseDetections, fonts: fontsArg,
      generatorVersion, operatingConfidence: readThresholds.operating, workers, threads, models, seconds, perKind, perStyle,
    }));
  }
}

await runProcess(main);
