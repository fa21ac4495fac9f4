/**
 * The Korean plate grammar as data. Adding or changing a format (for example the announced motorcycle format)
 * is one edit to `plateFormats`; the parser, the validator, the pattern compiler and the variant generator all
 * read this table. Facts and sources: shared/docs/korean-plates.md.
 */

export const regions = [
  '서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종',
  '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주',
] as const;
export type Region = (typeof regions)[number];

export type PlateUsage = 'private' | 'commercial' | 'delivery' | 'rental' | 'diplomatic' | 'military';

export interface SyllableFact {
  readonly usage: PlateUsage;
  /** Still on the road but no longer issued (허 after 2013). */
  readonly discontinued?: boolean;
}

export const usageSyllables: Readonly<Record<string, SyllableFact>> = {
  ...Object.fromEntries(
    [...'가나다라마거너더러머버서어저고노도로모보소오조구누두루무부수우주'].map((s) => [s, { usage: 'private' }]),
  ),
  ...Object.fromEntries([...'바사아자'].map((s) => [s, { usage: 'commercial' }])),
  배: { usage: 'delivery' },
  하: { usage: 'rental' },
  허: { usage: 'rental', discontinued: true },
  호: { usage: 'rental' },
};

export const diplomaticWords = {
  외교: 'embassy',
  영사: 'consulate',
  준외: 'quasi-diplomatic',
  준영: 'quasi-consular',
  국기: 'international organisation',
  협정: 'agreement body',
  대표: 'representative office',
} as const;
export type DiplomaticWord = keyof typeof diplomaticWords;

export const militaryBranches = {
  육: 'army',
  해: 'navy',
  공: 'air force',
  국: 'ministry of national defence',
  합: 'joint chiefs of staff',
} as const;
export type MilitaryBranch = keyof typeof militaryBranches;

export type VehicleClass = 'passenger' | 'van-bus' | 'truck' | 'special' | 'emergency';

export interface TypeCodeRange {
  readonly from: number;
  readonly to: number;
  readonly vehicleClass: VehicleClass;
}

export const threeDigitTypeCodes: readonly TypeCodeRange[] = [
  { from: 100, to: 699, vehicleClass: 'passenger' },
  { from: 700, to: 799, vehicleClass: 'van-bus' },
  { from: 800, to: 979, vehicleClass: 'truck' },
  { from: 980, to: 997, vehicleClass: 'special' },
  { from: 998, to: 999, vehicleClass: 'emergency' },
];

export const twoDigitTypeCodes: readonly TypeCodeRange[] = [
  { from: 1, to: 69, vehicleClass: 'passenger' },
  { from: 70, to: 79, vehicleClass: 'van-bus' },
  { from: 80, to: 97, vehicleClass: 'truck' },
  { from: 98, to: 99, vehicleClass: 'special' },
];

/** Old regional plates also carry one-digit class codes (1–9); they read as the two-digit table's 01–09. */
export const oneDigitTypeCodes: readonly TypeCodeRange[] = [{ from: 1, to: 9, vehicleClass: 'passenger' }];

export type PlateKind = 'national-3' | 'national-2' | 'regional' | 'diplomatic' | 'military';

/** One element of a plate, left to right. `digits` elements accept exactly `length` ASCII digits. */
export type PlateElement =
  | { readonly role: 'region' }
  | { readonly role: 'typeCode'; readonly length: number; readonly ranges: readonly TypeCodeRange[] }
  | { readonly role: 'usageSyllable' }
  | { readonly role: 'serial'; readonly length: number }
  | { readonly role: 'diplomaticWord' }
  | { readonly role: 'mission'; readonly length: number }
  | { readonly role: 'militaryBranch' }
  | { readonly role: 'unit'; readonly length: number };

export interface PlateFormat {
  readonly kind: PlateKind;
  readonly elements: readonly PlateElement[];
  /** Where the display form puts a space (before the element with this index). */
  readonly displayBreaks: readonly number[];
  /** Where the display form puts a hyphen (before the element with this index). */
  readonly displayHyphens?: readonly number[];
  /** Serials below this value are unusual: flagged, never rejected. */
  readonly lowSerialBelow?: number;
  /** Facts that public sources do not settle; kept here so a correction is one edit. */
  readonly uncertain?: string;
}

export const plateFormats: readonly PlateFormat[] = [
  {
    kind: 'national-3',
    elements: [{ role: 'typeCode', length: 3, ranges: threeDigitTypeCodes }, { role: 'usageSyllable' }, { role: 'serial', length: 4 }],
    displayBreaks: [2],
    lowSerialBelow: 100,
  },
  {
    kind: 'national-2',
    elements: [{ role: 'typeCode', length: 2, ranges: twoDigitTypeCodes }, { role: 'usageSyllable' }, { role: 'serial', length: 4 }],
    displayBreaks: [2],
    lowSerialBelow: 100,
  },
  {
    kind: 'regional',
    elements: [{ role: 'region' }, { role: 'typeCode', length: 2, ranges: twoDigitTypeCodes }, { role: 'usageSyllable' }, { role: 'serial', length: 4 }],
    displayBreaks: [1, 3],
    lowSerialBelow: 100,
  },
  {
    kind: 'regional',
    elements: [{ role: 'region' }, { role: 'typeCode', length: 1, ranges: oneDigitTypeCodes }, { role: 'usageSyllable' }, { role: 'serial', length: 4 }],
    displayBreaks: [1, 3],
    lowSerialBelow: 100,
  },
  {
    kind: 'diplomatic',
    elements: [{ role: 'diplomaticWord' }, { role: 'mission', length: 3 }, { role: 'serial', length: 3 }],
    displayBreaks: [1],
    displayHyphens: [2],
  },
  {
    kind: 'military',
    elements: [{ role: 'militaryBranch' }, { role: 'unit', length: 2 }, { role: 'serial', length: 5 }],
    displayBreaks: [1],
    displayHyphens: [2],
    uncertain: 'military layout taken from public photographs (branch letter, 2-digit unit, 5-digit serial); no regulation text was found',
  },
];
