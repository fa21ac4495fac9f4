import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DongseonError } from '../../domain/errors/index.js';
import { ensureDebianFiles, ensureDebianPackage } from '../../infra/stack/apt.js';
import type { PixelImage } from '../../recognition/geometry/index.js';
import { encodeRgbPng } from '../../recognition/synth/encode-image.js';
import { normaliseOcrText } from './plate-metrics.js';

const run = promisify(execFile);

/**
 * The baseline a user would otherwise pick: Tesseract with Debian's Korean data, one text line per crop
 * (`--psm 7`), installed from Debian (`tesseract-ocr`, `tesseract-ocr-kor`) when missing, as the stack installs
 * its other tools. Returns the tesseract binary.
 */
export async function ensureTesseract(): Promise<{ binary: string; version: string }> {
  const binary = await ensureDebianPackage('tesseract', 'tesseract-ocr');
  // `--list-langs` names the tessdata folder the binary reads (it moves between Tesseract versions).
  const { stdout } = await run(binary, ['--list-langs']);
  const folder = /"([^"]+)"/.exec(stdout)?.[1];
  if (folder === undefined) throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `cannot tell tesseract's data folder from: ${stdout.slice(0, 200)}`);
  if (!stdout.split('\n').some((line) => line.trim() === 'kor')) await ensureDebianFiles([join(folder, 'kor.traineddata')], ['tesseract-ocr-kor']);
  const version = (await run(binary, ['--version'])).stdout.split('\n')[0]?.trim() ?? 'tesseract';
  return { binary, version };
}

// One tesseract process reads a list of images (pages separated by a form feed): the Korean model loads once.
const imagesPerCall = 200;

/**
 * Tesseract's normalised text for each crop, in order. Each crop is written as a PNG to a temporary folder (removed
 * after) and read with `-l kor --psm 7` on one thread.
 */
export async function readWithTesseract(binary: string, crops: readonly PixelImage[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dongseon-eval-tesseract-'));
  try {
    const texts: string[] = [];
    for (let start = 0; start < crops.length; start += imagesPerCall) {
      const chunk = crops.slice(start, start + imagesPerCall);
      const files = await Promise.all(chunk.map(async (crop, i) => {
        const file = join(dir, `${start + i}.png`);
        await writeFile(file, encodeRgbPng(crop));
        return file;
      }));
      const list = join(dir, `list-${start}.txt`);
      await writeFile(list, `${files.join('\n')}\n`);
      let pages = await tesseractPages(binary, list);
      // A page separator per image is what tesseract prints; if the count is off, read the images one by one.
      if (pages.length !== files.length) pages = await Promise.all(files.map(async (file) => (await tesseractPages(binary, file)).join('')));
      texts.push(...pages.map(normaliseOcrText));
    }
    return texts;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function tesseractPages(binary: string, input: string): Promise<string[]> {
  const { stdout } = await run(binary, [input, 'stdout', '-l', 'kor', '--psm', '7'], {
    env: { ...process.env, OMP_THREAD_LIMIT: '1' }, maxBuffer: 64 * 1024 * 1024,
  });
  // Pages are separated by a form feed; the last has none after it.
  return stdout.split('\f');
}
