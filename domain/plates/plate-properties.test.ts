import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPlateText, confusionVariants, normalizePlate, parsePlate } from './index.js';
import { anyCanonicalPlate } from './plate-arbitraries.js';

const decorate = (plate: string) =>
  fc.tuple(fc.constantFrom('', ' ', '-', '\u3000'), fc.boolean()).map(([separator, fullWidth]) => {
    const spaced = [...plate].join(separator);
    return fullWidth ? spaced.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : spaced;
  });

describe('plate properties', () => {
  it('normalisation is idempotent on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (raw) => {
      const once = cleanPlateText(raw);
      if (!once.ok) return;
      const twice = cleanPlateText(once.text);
      expect(twice.ok && twice.text).toBe(once.text);
    }));
  });

  it('every valid plate survives a round trip through its canonical and display forms', () => {
    fc.assert(fc.property(anyCanonicalPlate, (plate) => {
      const parsed = parsePlate(plate);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.plate.canonical).toBe(plate);
      expect(normalizePlate(parsed.plate.display)).toBe(plate);
      expect(normalizePlate(parsed.plate.canonical)).toBe(plate);
    }));
  });

  it('separators and full-width digits never change the canonical plate', () => {
    fc.assert(fc.property(anyCanonicalPlate.chain((plate) => fc.tuple(fc.constant(plate), decorate(plate))), ([plate, decorated]) => {
      expect(normalizePlate(decorated)).toBe(plate);
    }));
  });

  it('the variants of a valid read contain the read itself at cost 0, first', () => {
    fc.assert(fc.property(anyCanonicalPlate, fc.integer({ min: 0, max: 2 }), (plate, maxSubstitutions) => {
      const variants = confusionVariants(plate, { maxSubstitutions });
      expect(variants[0]).toEqual({ plate, cost: 0, substitutions: [] });
    }));
  });

  it('every variant is a grammatical plate within the substitution budget', () => {
    fc.assert(fc.property(anyCanonicalPlate, fc.integer({ min: 1, max: 2 }), (plate, maxSubstitutions) => {
      for (const variant of confusionVariants(plate, { maxSubstitutions })) {
        expect(parsePlate(variant.plate).ok).toBe(true);
        expect(variant.substitutions.length).toBeLessThanOrEqual(maxSubstitutions);
      }
    }), { numRuns: 50 });
  });
});
