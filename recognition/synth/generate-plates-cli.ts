import { fork } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DongseonError } from '../../domain/errors/index.js';
import {
  finishDataset, generateDataset, prepareOutput, writeItems, type GenerateOptions, type GenerateReport, type ItemRanges, type WrittenItems,
} from './generate-dataset.js';
import { resolvePlateFonts } from './plate-fonts.js';

const usage = 'usage: npm run plates:generate -- --seed S --crops N --frames M --out DIR '
  + '[--fonts training|held-out|<name,…>] [--passes P] [--workers W] [--contact-sheet]';

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new DongseonError('DS_CONFIG_INVALID', `--${name} expects a whole number ≥ 0, got "${value}"\n${usage}`, { option: name });
  return Number(value);
}

/** Part `k` of `n` of 1…total: contiguous, sizes differing by at most one. */
function slice(total: number, k: number, n: number): [number, number] {
  return [Math.floor((total * k) / n) + 1, Math.floor((total * (k + 1)) / n)];
}

const partFile = (out: string, k: number) => join(out, `.part-${k}.json`);

/** Runs the data set over `workers` child processes (each item's randomness is its own: the files do not change). */
async function generateInParallel(options: GenerateOptions, workers: number, args: readonly string[]): Promise<GenerateReport> {
  const fonts = resolvePlateFonts(options.fonts);
  prepareOutput(options);
  await Promise.all(Array.from({ length: workers }, (_, k) => new Promise<void>((resolve, reject) => {
    const child = fork(process.argv[1]!, [...args, '--part', `${k}/${workers}`], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator worker ${k} exited with ${code}`))));
  })));
  const parts = Array.from({ length: workers }, (_, k) => JSON.parse(readFileSync(partFile(options.out, k), 'utf8')) as WrittenItems);
  finishDataset(options, fonts, {
    crops: parts.flatMap((part) => part.crops), frames: parts.flatMap((part) => part.frames), passes: parts.flatMap((part) => part.passes),
  });
  for (let k = 0; k < workers; k++) rmSync(partFile(options.out, k));
  const slowest = (key: keyof WrittenItems['seconds']) => Math.max(...parts.map((part) => part.seconds[key]));
  return {
    crops: options.crops, frames: options.frames, passes: options.passes,
    cropSeconds: slowest('crops'), frameSeconds: slowest('frames'), passSeconds: slowest('passes'),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' }, crops: { type: 'string' }, frames: { type: 'string' }, passes: { type: 'string' },
      out: { type: 'string' }, fonts: { type: 'string' }, workers: { type: 'string' }, part: { type: 'string' },
      'contact-sheet': { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values.seed === undefined || values.out === undefined) throw new DongseonError('DS_CONFIG_INVALID', `--seed and --out are required\n${usage}`);
  const fontsOption = values.fonts ?? 'training';
  const options: GenerateOptions = {
    seed: count('seed', values.seed, 0),
    crops: count('crops', values.crops, 0), frames: count('frames', values.frames, 0), passes: count('passes', values.passes, 0),
    fonts: fontsOption === 'training' || fontsOption === 'held-out' ? fontsOption : fontsOption.split(',').map((name) => name.trim()),
    out: values.out, contactSheet: values['contact-sheet'] ?? false,
  };
  if (values.part !== undefined) {
    const [k, n] = values.part.split('/').map(Number) as [number, number];
    const ranges: ItemRanges = { crops: slice(options.crops, k, n), frames: slice(options.frames, k, n), passes: slice(options.passes, k, n) };
    writeFileSync(partFile(options.out, k), JSON.stringify(writeItems(options.seed, resolvePlateFonts(options.fonts), options.out, ranges)));
    return;
  }
  const workers = Math.max(1, count('workers', values.workers, 1));
  const report = workers > 1 ? await generateInParallel(options, workers, args) : generateDataset(options);
  const rate = (n: number, s: number) => (n > 0 && s > 0 ? Math.round((n / s) * 10) / 10 : null);
  console.log(`wrote ${report.crops} crops, ${report.frames} frames, ${report.passes} passes to ${options.out}`);
  console.log(JSON.stringify({
    bench: 'plates-generate', seed: options.seed, workers, crops: report.crops, frames: report.frames, passes: report.passes,
    cropsPerSec: rate(report.crops, report.cropSeconds), framesPerSec: rate(report.frames, report.frameSeconds),
    passesPerSec: rate(report.passes, report.passSeconds),
  }));
}

try {
  await main();
} catch (error) {
  if (error instanceof DongseonError) {
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
