import fc from 'fast-check';
import { diplomaticWords, militaryBranches, regions, usageSyllables } from './grammar.js';

/** Generators of grammatical plates, one per format, for property tests and benchmarks' test data. */
const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const syllable = fc.constantFrom(...Object.keys(usageSyllables));
const intIn = (from: number, to: number, width: number) => fc.integer({ min: from, max: to }).map((n) => String(n).padStart(width, '0'));

export const nationalThreeDigitPlate = fc.tuple(intIn(100, 999, 3), syllable, digits(4)).map((parts) => parts.join(''));
export const nationalTwoDigitPlate = fc.tuple(intIn(1, 99, 2), syllable, digits(4)).map((parts) => parts.join(''));
export const regionalPlate = fc
  .tuple(fc.constantFrom(...regions), fc.oneof(intIn(1, 99, 2), intIn(1, 9, 1)), syllable, digits(4))
  .map((parts) => parts.join(''));
export const diplomaticPlate = fc.tuple(fc.constantFrom(...Object.keys(diplomaticWords)), digits(3), digits(3)).map((parts) => parts.join(''));
export const militaryPlate = fc.tuple(fc.constantFrom(...Object.keys(militaryBranches)), digits(2), digits(5)).map((parts) => parts.join(''));

export const anyCanonicalPlate = fc.oneof(
  { arbitrary: nationalThreeDigitPlate, weight: 4 },
  { arbitrary: nationalTwoDigitPlate, weight: 3 },
  { arbitrary: regionalPlate, weight: 2 },
  { arbitrary: diplomaticPlate, weight: 1 },
  { arbitrary: militaryPlate, weight: 1 },
);
