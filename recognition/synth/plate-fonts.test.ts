import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { heldOutFonts, plateFontCatalogue, resolvePlateFonts, trainingFonts } from './plate-fonts.js';

beforeAll(() => ensurePlateFonts(), 300_000);

describe('plate fonts', () => {
  it('keeps the held-out fonts out of training: the two sets are disjoint, in the catalogue, and share no file', () => {
    const training = new Set(trainingFonts);
    expect(heldOutFonts.filter((name) => training.has(name))).toEqual([]);
    const fileOf = (name: string) => plateFontCatalogue.find((font) => font.name === name)?.file;
    const trainingFiles = new Set(trainingFonts.map(fileOf));
    for (const name of heldOutFonts) {
      expect(fileOf(name)).toBeDefined();
      expect(trainingFiles.has(fileOf(name))).toBe(false);
    }
    expect(trainingFonts.length).toBeGreaterThanOrEqual(5);
    expect(heldOutFonts.length).toBeGreaterThanOrEqual(3);
  });

  it('finds every font of both sets under /usr/share/fonts', () => {
    expect(resolvePlateFonts('training').map((font) => font.name)).toEqual(trainingFonts);
    expect(resolvePlateFonts('held-out').map((font) => font.name)).toEqual(heldOutFonts);
  });

  it('a font that is not installed is DS_PLATE_FONT_MISSING, naming the file and its Debian package', () => {
    const emptyRoot = mkdtempSync(join(tmpdir(), 'ds-fonts-'));
    expect(() => resolvePlateFonts(['nanum-gothic-bold'], emptyRoot)).toThrow(expect.objectContaining({
      code: 'DS_PLATE_FONT_MISSING',
      details: expect.objectContaining({ debianPackage: 'fonts-nanum', path: join(emptyRoot, 'truetype/nanum/NanumGothicBold.ttf') }),
    }));
  });

  it('a name in neither set is DS_PLATE_FONT_UNKNOWN', () => {
    expect(() => resolvePlateFonts(['comic-sans'])).toThrow(expect.objectContaining({ code: 'DS_PLATE_FONT_UNKNOWN' }));
  });
});
