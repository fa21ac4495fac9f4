import { diplomaticWords, militaryBranches, regions, usageSyllables } from './grammar.js';

/** A source of uniform numbers in [0, 1); pass a seeded one for reproducible data. */
export type RandomSource = () => number;

/** mulberry32: small, fast, seedable; good enough for test data, never for keys. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type PlateMixKind = 'national-3' | 'national-2' | 'regional-commercial' | 'rental' | 'delivery';

/** Share of each kind on the road; roughly today's fleet (3-digit plates since 2019 are the newest third). */
export const defaultPlateMix: Readonly<Record<PlateMixKind, number>> = {
  'national-3': 0.42,
  'national-2': 0.4,
  'regional-commercial': 0.08,
  rental: 0.07,
  delivery: 0.03,
};

const privateSyllables = Object.entries(usageSyllables).filter(([, f]) => f.usage === 'private').map(([s]) => s);
const commercialSyllables = Object.entries(usageSyllables).filter(([, f]) => f.usage === 'commercial').map(([s]) => s);
const rentalSyllables = ['하', '허', '호'];

const pick = <T>(random: RandomSource, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const digits = (random: RandomSource, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(Math.floor(random() * 10));
  return text;
};
const between = (random: RandomSource, from: number, to: number, width: number): string =>
  String(from + Math.floor(random() * (to - from + 1))).padStart(width, '0');

/**
 * Every format the grammar knows, for synthetic images that must cover the road's rare plates too (old regional
 * private plates, delivery plates with a region, diplomatic and military plates). `randomPlate`'s mix stays as it
 * is: the digital twin's plates depend on it.
 */
export const plateDrawKinds = [
  'national-3', 'national-2', 'regional-commercial', 'rental', 'delivery',
  'regional-private', 'regional-delivery', 'diplomatic', 'military',
] as const;
export type PlateDrawKind = (typeof plateDrawKinds)[number];

const diplomaticWordList = Object.keys(diplomaticWords);
const militaryBranchList = Object.keys(militaryBranches);

/** A canonical plate of one kind. */
export function randomPlateOfKind(random: RandomSource, kind: PlateDrawKind): string {
  switch (kind) {
    case 'regional-private':
      return pick(random, regions) + (random() < 0.3 ? between(random, 1, 9, 1) : between(random, 1, 69, 2)) +
        pick(random, privateSyllables) + digits(random, 4);
    case 'regional-delivery':
      return pick(random, regions) + between(random, 80, 97, 2) + '배' + digits(random, 4);
    case 'diplomatic':
      return pick(random, diplomaticWordList) + digits(random, 3) + digits(random, 3);
    case 'military':
      return pick(random, militaryBranchList) + digits(random, 2) + digits(random, 5);
    default:
      return plateOfKind(random, kind);
  }
}

function plateOfKind(random: RandomSource, kind: PlateMixKind): string {
  switch (kind) {
    case 'national-3':
      return between(random, 100, 699, 3) + pick(random, privateSyllables) + digits(random, 4);
    case 'national-2':
      return between(random, 1, 69, 2) + pick(random, privateSyllables) + digits(random, 4);
    case 'regional-commercial':
      return pick(random, regions) + between(random, 70, 97, 2) + pick(random, commercialSyllables) + digits(random, 4);
    case 'rental':
      return between(random, 100, 699, 3) + pick(random, rentalSyllables) + digits(random, 4);
    case 'delivery':
      return between(random, 800, 979, 3) + '배' + digits(random, 4);
  }
}

/** A canonical plate drawn from the mix. */
export function randomPlate(random: RandomSource, mix: Readonly<Record<PlateMixKind, number>> = defaultPlateMix): string {
  let roll = random() * Object.values(mix).reduce((sum, share) => sum + share, 0);
  for (const [kind, share] of Object.entries(mix) as [PlateMixKind, number][]) {
    roll -= share;
    if (roll < 0) return plateOfKind(random, kind);
  }
  return plateOfKind(random, 'national-3');
}
