import { parseArgs } from 'node:util';
import { DongseonError } from '../../domain/errors/index.js';
import { generateDataset } from './generate-dataset.js';

const usage = 'usage: npm run plates:generate -- --seed S --crops N --frames M --out DIR [--fonts training|held-out|<name,…>] [--passes P] [--contact-sheet]';

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new DongseonError('DS_CONFIG_INVALID', `--${name} expects a whole number ≥ 0, got "${value}"\n${usage}`, { option: name });
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' }, crops: { type: 'string' }, frames: { type: 'string' }, passes: { type: 'string' },
      out: { type: 'string' }, fonts: { type: 'string' }, 'contact-sheet': { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (values.seed === undefined || values.out === undefined) throw new DongseonError('DS_CONFIG_INVALID', `--seed and --out are required\n${usage}`);
  const seed = count('seed', values.seed, 0);
  const fontsOption = values.fonts ?? 'training';
  const fonts = fontsOption === 'training' || fontsOption === 'held-out' ? fontsOption : fontsOption.split(',').map((name) => name.trim());
  const report = generateDataset({
    seed, crops: count('crops', values.crops, 0), frames: count('frames', values.frames, 0), passes: count('passes', values.passes, 0),
    fonts, out: values.out, contactSheet: values['contact-sheet'] ?? false,
  });
  const rate = (n: number, s: number) => (s > 0 ? Math.round((n / s) * 10) / 10 : null);
  console.log(`wrote ${report.crops} crops, ${report.frames} frames, ${report.passes} passes to ${values.out}`);
  console.log(JSON.stringify({
    bench: 'plates-generate', seed, crops: report.crops, frames: report.frames, passes: report.passes,
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
