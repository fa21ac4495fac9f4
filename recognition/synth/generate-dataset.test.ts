import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlate } from '../../domain/plates/index.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { generateDataset } from './generate-dataset.js';

beforeAll(() => ensurePlateFonts(), 300_000);

const generate = (seed: number, crops = 4, frames = 1, passes = 1) => {
  const out = mkdtempSync(join(tmpdir(), 'ds-plates-'));
  generateDataset({ seed, crops, frames, passes, fonts: 'training', out, contactSheet: false });
  return out;
};

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)).map((f) => `${entry.name}/${f}`) : [entry.name])).sort();

describe('generateDataset', () => {
  it('writes the same bytes for the same seed and other bytes for another seed', () => {
    const first = generate(42);
    const again = generate(42);
    const other = generate(43, 1, 0, 0);
    expect(files(first)).toEqual(files(again));
    for (const file of files(first)) expect(readFileSync(join(again, file)).equals(readFileSync(join(first, file))), file).toBe(true);
    expect(readFileSync(join(other, 'crops/000001.png')).equals(readFileSync(join(first, 'crops/000001.png')))).toBe(false);

    const crops = readFileSync(join(first, 'crops.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(crops).toHaveLength(4);
    for (const crop of crops) {
      expect(crop).toMatchObject({ file: expect.stringMatching(/^crops\/\d{6}\.png$/), layout: expect.stringMatching(/^(one|two)-line$/) });
      expect(parsePlate(crop.text).ok).toBe(true);
      const png = readFileSync(join(first, crop.file));
      expect(png.readUInt32BE(16)).toBe(192);
      expect(png.readUInt32BE(20)).toBe(64);
      expect(png[25]).toBe(2);
    }
    const frame = JSON.parse(readFileSync(join(first, 'frames.jsonl'), 'utf8'));
    expect(frame).toMatchObject({ file: 'frames/000001.jpg', width: 1280, height: 720 });
    const manifest = JSON.parse(readFileSync(join(first, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 42, crops: 4, frames: 1, passes: 1, fonts: expect.arrayContaining(['nanum-gothic-bold']) });
    const pass = JSON.parse(readFileSync(join(first, 'passes.jsonl'), 'utf8'));
    expect(pass.frames.length).toBeGreaterThanOrEqual(3);
    expect(pass.frames.length).toBeLessThanOrEqual(6);
  }, 30_000);
});
