import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DongseonError, isDongseonError } from '../../domain/errors/index.js';
import { decodeImage, defaultImageLimits } from './image-input.js';
import { loadPlateModels, recognizeImage, type ImageRecognition, type RecognitionMode } from './recognize-image.js';

const usage = 'usage: npm run recognize -- <image files…> [--json] [--threads N] [--crop | --frame] [--models DIR]';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** One JSON line per image: `{file, plates: [{corners, candidates: [{text, confidence}]}]}`, best first. */
function jsonLine(file: string, recognition: ImageRecognition): string {
  return JSON.stringify({
    file,
    readAs: recognition.readAs,
    plates: recognition.plates.map((plate) => ({
      corners: plate.corners.map(([x, y]) => [round(x, 2), round(y, 2)]),
      score: plate.score === null ? null : round(plate.score, 4),
      candidates: plate.candidates.map(({ text, confidence }) => ({ text, confidence: round(confidence, 6) })),
    })),
  });
}

function textBlock(file: string, recognition: ImageRecognition): string {
  const lines = [`${file}: ${recognition.plates.length} plate${recognition.plates.length === 1 ? '' : 's'} (read as a ${recognition.readAs})`];
  recognition.plates.forEach((plate, i) => {
    const corners = plate.corners.map(([x, y]) => `(${x.toFixed(1)}, ${y.toFixed(1)})`).join(' ');
    lines.push(`  plate ${i + 1}${plate.score === null ? '' : ` score ${plate.score.toFixed(3)}`}  corners TL TR BR BL ${corners}`);
    for (const { text, confidence } of plate.candidates) lines.push(`    ${(confidence * 100).toFixed(2).padStart(6)} %  ${text === '' ? '(nothing read)' : text}`);
  });
  return lines.join('\n');
}

function failure(file: string, error: unknown, json: boolean): string {
  const coded = isDongseonError(error) ? error : new DongseonError('DS_INTERNAL', error instanceof Error ? error.message : String(error));
  return json ? JSON.stringify({ file, error: { code: coded.code, message: coded.message } }) : `${file}: ${coded.code} ${coded.message}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean' }, threads: { type: 'string' }, crop: { type: 'boolean' }, frame: { type: 'boolean' },
      models: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length === 0) throw new DongseonError('DS_CONFIG_INVALID', `no image files given\n${usage}`);
  if (values.crop && values.frame) throw new DongseonError('DS_CONFIG_INVALID', `--crop and --frame exclude each other\n${usage}`);
  const threadsText = values.threads ?? '1';
  if (!/^[1-9]\d*$/.test(threadsText)) throw new DongseonError('DS_CONFIG_INVALID', `--threads expects a whole number ≥ 1, got "${threadsText}"\n${usage}`, { option: 'threads' });
  const mode: RecognitionMode = values.crop ? 'crop' : values.frame ? 'frame' : 'auto';
  const json = values.json ?? false;

  const models = await loadPlateModels({ threads: Number(threadsText), ...(values.models === undefined ? {} : { modelDir: values.models }) });
  let failed = 0;
  try {
    for (const file of positionals) {
      try {
        const image = await decodeImage(readFileSync(file), defaultImageLimits, 4);
        const recognition = await recognizeImage(models, image, mode);
        console.log(json ? jsonLine(file, recognition) : textBlock(file, recognition));
      } catch (error) {
        failed++;
        const unreadable = !isDongseonError(error) && typeof (error as NodeJS.ErrnoException).code === 'string';
        console.log(failure(file, unreadable ? new DongseonError('DS_INVALID_INPUT', `cannot read the file (${(error as NodeJS.ErrnoException).code})`) : error, json));
      }
    }
  } finally {
    await models.release();
  }
  if (failed > 0) console.error(`${failed} of ${positionals.length} file${positionals.length === 1 ? '' : 's'} could not be read`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  console.error(failure('recognize', error, false));
  process.exitCode = 2;
});
