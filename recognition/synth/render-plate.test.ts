import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlate, seededRandom } from '../../domain/plates/index.js';
import { ensurePlateFonts } from '../../infra/stack/plate-fonts.js';
import { resolvePlateFonts, type PlateFont } from './plate-fonts.js';
import { plateStyles } from './plate-styles.js';
import { randomPlateSpec, renderPlate } from './render-plate.js';
import { renderTrainingCrop } from './training-crop.js';

let fonts: PlateFont[] = [];
beforeAll(async () => {
  await ensurePlateFonts();
  fonts = resolvePlateFonts('training');
}, 300_000);

const parserKind = {
  'national-3': 'national-3', 'national-2': 'national-2', 'regional-commercial': 'regional', rental: 'national-3', delivery: 'national-3',
  'regional-private': 'regional', 'regional-delivery': 'regional', diplomatic: 'diplomatic', military: 'military',
} as const;

describe('renderPlate', () => {
  const cases = plateStyles.flatMap((style) => style.kinds.map(({ kind }) => [style.name, kind] as const));

  it.each(cases)('%s renders %s plates whose label the domain parser accepts as that kind', (styleName, kind) => {
    const style = plateStyles.find((s) => s.name === styleName)!;
    const random = seededRandom(21);
    for (let i = 0; i < 3; i++) {
      const spec = { ...randomPlateSpec(random, fonts, [{ ...style, kinds: [{ kind, share: 1 }] }]), style };
      const plate = renderPlate(spec, { wear: 0.3, glare: 0, mounting: 'screws' }, 0.5, random);
      const parsed = parsePlate(plate.text);
      expect(parsed.ok && parsed.plate.kind).toBe(parserKind[kind]);
      expect(plate).toMatchObject({ kind, style: style.name, layout: style.layout, colour: style.colour });
      expect(plate.canvas.width).toBe(Math.round(style.widthMm * 0.5));
      expect(plate.canvas.height).toBe(Math.round(style.heightMm * 0.5));
      // Ink covers a real share of the plate: the characters were drawn.
      const { data } = plate.canvas.getContext('2d').getImageData(0, 0, plate.canvas.width, plate.canvas.height);
      const ink = Number.parseInt(style.ink.slice(1), 16);
      let inked = 0;
      for (let p = 0; p < data.length; p += 4) {
        const d = Math.abs(data[p]! - (ink >> 16)) + Math.abs(data[p + 1]! - ((ink >> 8) & 255)) + Math.abs(data[p + 2]! - (ink & 255));
        if (d < 60) inked++;
      }
      expect(inked / (data.length / 4)).toBeGreaterThan(0.08);
    }
  });
});

describe('renderTrainingCrop', () => {
  it('is 192×64 RGB and byte-identical for the same seed, different for another', () => {
    const first = renderTrainingCrop(seededRandom(5), fonts);
    const again = renderTrainingCrop(seededRandom(5), fonts);
    const other = renderTrainingCrop(seededRandom(6), fonts);
    expect(first.image).toMatchObject({ width: 192, height: 64, channels: 3 });
    expect(first.image.data.length).toBe(192 * 64 * 3);
    expect(Buffer.from(again.image.data).equals(Buffer.from(first.image.data))).toBe(true);
    expect(again.text).toBe(first.text);
    expect(Buffer.from(other.image.data).equals(Buffer.from(first.image.data))).toBe(false);
  });
});
