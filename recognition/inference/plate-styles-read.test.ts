import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { cropAt } from '../synth/generate-dataset.js';
import { resolvePlateFonts } from '../synth/plate-fonts.js';
import { plateStyleNamed, plateStyles } from '../synth/plate-styles.js';
import { loadPlateModels } from './recognize-image.js';

// Issue 13's "a generated set per format read correctly at the documented rate", on the committed models: for
// each style listed here, CROPS crops of that style alone, drawn by the project's generator (the training fonts,
// a held-out seed) and read by the recogniser as the edge runs it. The rates are eval/plates/README.md's per-style
// figures: the styles listed read at least 90 % there (seed 20261, 37-104 crops each); on 40 crops the bar is 85 %
// (34 of 40). The other styles do not reach it yet (the README says which); the target is 99 %.
const seed = 40_013;
const crops = 40;
/** The least share of a style's crops whose best candidate must be the plate. */
const styleMinExact = 0.85;
const styles: readonly string[] = ['national-2006', 'national-2019', 'national-3-embossed', 'electric'];

let models: Awaited<ReturnType<typeof loadPlateModels>>;
beforeAll(async () => {
  await ensurePlateFonts();
  models = await loadPlateModels({ threads: 1 });
}, 300_000);
afterAll(async () => { await models.release(); });

describe('a generated set per plate style is read at the documented rate', () => {
  it('lists styles the generator draws', () => {
    for (const name of styles) expect(plateStyleNamed(name), name).toBeDefined();
    expect(styles.length).toBeLessThanOrEqual(plateStyles.length);
  });

  it.each(styles.map((name) => [name]))('%s: at least 85 % of 40 crops read exactly', async (name) => {
    const style = plateStyleNamed(name)!;
    const fonts = resolvePlateFonts('training');
    const set = Array.from({ length: crops }, (_, i) => cropAt(seed, i + 1, fonts, [style]));
    expect(set.every((crop) => crop.style === name)).toBe(true);
    const reads = await models.recognizer.readCrops(set.map((crop) => crop.image));
    const wrong = set.flatMap((crop, i) => (reads[i]!.candidates[0]?.text === crop.text ? [] : [`${crop.text} read ${reads[i]!.candidates[0]?.text ?? '(none)'}`]));
    expect((crops - wrong.length) / crops, wrong.join(', ')).toBeGreaterThanOrEqual(styleMinExact);
  }, 60_000);
});
