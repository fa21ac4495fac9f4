import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confusionFamilies, confusionMisreads, confusionVariants, oneWayConfusions } from './index.js';
import { anyCanonicalPlate } from './plate-arbitraries.js';

/** Puts a family member into a plate position where that kind of character belongs. */
const plateWith = (char: string): string => (/[0-9]/.test(char) ? `12가345${char}` : `12${char}3456`);

describe('confusion families: a read of one member yields every other member as a possible true plate', () => {
  it.each(confusionFamilies.map((family) => [family.name, family] as const))('%s', (_name, family) => {
    for (const read of family.members) {
      const plates = confusionVariants(plateWith(read)).map((variant) => variant.plate);
      for (const truth of family.members) expect(plates).toContain(plateWith(truth));
    }
  });
});

describe('one-way confusions: a syllable read as a digit', () => {
  it.each(oneWayConfusions.map((c) => [c.name, c] as const))('%s', (_name, confusion) => {
    const read = `123${confusion.readAs}4567`;
    const variant = confusionVariants(read).find((v) => v.plate === `123${confusion.truth}4567`);
    expect(variant).toBeDefined();
    expect(variant?.substitutions).toEqual([
      { position: 3, read: confusion.readAs, truth: confusion.truth, confusion: confusion.name, cost: confusion.cost },
    ]);
  });

  it('is not reversed: a plate with digit 0 is not taken for a rental plate read wrongly', () => {
    const plates = confusionVariants('120가4567').map((v) => v.plate);
    expect(plates).not.toContain('12허가4567');
  });
});

describe('confusionVariants', () => {
  it('records which substitution made each variant, and orders by cost', () => {
    const variants = confusionVariants('123가4567');
    expect(variants.map((v) => v.cost)).toEqual([...variants.map((v) => v.cost)].sort((a, b) => a - b));
    expect(variants).toContainEqual({
      plate: '123거4567', cost: 1,
      substitutions: [{ position: 3, read: '가', truth: '거', confusion: 'ㄱ vowels', cost: 1 }],
    });
  });

  it('never yields ungrammatical plates (a type code pushed out of range is dropped)', () => {
    // 1→7 on the first digit of "100" would give "700", still valid; 8→0 on "800" gives "000", invalid.
    expect(confusionVariants('800가4567').map((v) => v.plate)).not.toContain('000가4567');
  });

  it('a budget of two substitutions reaches plates two confusions away', () => {
    const plates = confusionVariants('123고4567', { maxSubstitutions: 2 }).map((v) => v.plate);
    expect(plates).toContain('723가4567');
    expect(confusionVariants('123고4567', { maxSubstitutions: 1 }).map((v) => v.plate)).not.toContain('723가4567');
  });

  it('illegal input yields no variants', () => {
    expect(confusionVariants('ABC')).toEqual([]);
  });
});

describe('confusionMisreads is the inverse of confusionVariants', () => {
  it('a read is a misread of a plate exactly when the plate is a variant of the read', () => {
    fc.assert(fc.property(anyCanonicalPlate, (plate) => {
      for (const misread of confusionMisreads(plate)) {
        const back = confusionVariants(misread.read).find((v) => v.plate === plate);
        expect(back?.substitutions).toEqual(misread.substitutions);
      }
    }), { numRuns: 100 });
  });
});
