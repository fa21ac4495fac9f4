import type { PlateDrawKind } from '../../domain/plates/index.js';

export type PlateLayout = 'one-line' | 'two-line';

/** The plate's background colour, as domain/plates names them (plus black for military plates). */
export type SynthPlateColour = 'white' | 'yellow' | 'light-blue' | 'light-green' | 'navy' | 'green' | 'black';

/** How the characters are laid out on the plate (see plate-layout.ts). */
export type GlyphArrangement =
  | 'national' // [type code][syllable] [serial] in one line
  | 'region-stacked' // region written small, one syllable above the other, at the left; then as national
  | 'region-two-line' // region + type code above, syllable + serial below
  | 'word-stacked' // diplomatic word stacked at the left, then ddd-ddd
  | 'military'; // branch letter, then dd-ddddd

/** A visual style of real Korean plates: size, colours, marks and the kinds of plate text it carries. */
export interface PlateStyle {
  readonly name: string;
  readonly kinds: readonly { readonly kind: PlateDrawKind; readonly share: number }[];
  readonly layout: PlateLayout;
  readonly arrangement: GlyphArrangement;
  readonly widthMm: number;
  readonly heightMm: number;
  readonly colour: SynthPlateColour;
  readonly background: string;
  readonly ink: string;
  /** 2006-style pressed metal plates show raised characters; 2019 film plates are printed flat. */
  readonly embossed: boolean;
  /** The 2019 left band: blue, Taegeuk, hologram, "KOR". */
  readonly band?: 'taegeuk' | 'electric';
  /** Share of all synthetic plates drawn in this style. */
  readonly share: number;
  /** Facts not settled by a public source, so a correction is one edit. */
  readonly uncertain?: string;
}

const national3 = [{ kind: 'national-3', share: 0.85 }, { kind: 'rental', share: 0.15 }] as const;
const commercialRegional = [{ kind: 'regional-commercial', share: 0.8 }, { kind: 'regional-delivery', share: 0.2 }] as const;

export const plateStyles: readonly PlateStyle[] = [
  {
    name: 'national-2019', kinds: national3, layout: 'one-line', arrangement: 'national', widthMm: 520, heightMm: 110,
    colour: 'white', background: '#f3f1f2', ink: '#1d1b24', embossed: false, band: 'taegeuk', share: 0.17,
  },
  {
    name: 'national-3-embossed', kinds: national3, layout: 'one-line', arrangement: 'national', widthMm: 520, heightMm: 110,
    colour: 'white', background: '#f1eff0', ink: '#1f1c26', embossed: true, share: 0.13,
  },
  {
    name: 'national-2006', kinds: [{ kind: 'national-2', share: 1 }], layout: 'one-line', arrangement: 'national',
    widthMm: 520, heightMm: 110, colour: 'white', background: '#f2eff1', ink: '#231f2b', embossed: true, share: 0.18,
  },
  {
    name: 'electric', kinds: [{ kind: 'national-3', share: 0.9 }, { kind: 'national-2', share: 0.1 }], layout: 'one-line',
    arrangement: 'national', widthMm: 520, heightMm: 110, colour: 'light-blue', background: '#79c4ea', ink: '#101828',
    embossed: false, band: 'electric', share: 0.08,
  },
  {
    name: 'corporate', kinds: national3, layout: 'one-line', arrangement: 'national', widthMm: 520, heightMm: 110,
    colour: 'light-green', background: '#c4e2b0', ink: '#14201a', embossed: false, share: 0.05,
    uncertain: 'the 2024 corporate plate is drawn as a plain light-green film plate; its marks are not reproduced',
  },
  {
    name: 'commercial-two-line', kinds: commercialRegional, layout: 'two-line', arrangement: 'region-two-line',
    widthMm: 335, heightMm: 155, colour: 'yellow', background: '#f0c419', ink: '#15130d', embossed: true, share: 0.1,
  },
  {
    name: 'commercial-one-line', kinds: commercialRegional, layout: 'one-line', arrangement: 'region-stacked',
    widthMm: 520, heightMm: 110, colour: 'yellow', background: '#f1c21b', ink: '#15130d', embossed: true, share: 0.06,
  },
  {
    name: 'delivery-national', kinds: [{ kind: 'delivery', share: 1 }], layout: 'one-line', arrangement: 'national',
    widthMm: 520, heightMm: 110, colour: 'yellow', background: '#f2c520', ink: '#15130d', embossed: false, share: 0.04,
  },
  {
    name: 'regional-one-line-old', kinds: [{ kind: 'regional-private', share: 1 }], layout: 'one-line',
    arrangement: 'region-stacked', widthMm: 520, heightMm: 110, colour: 'white', background: '#eeeced', ink: '#221f29',
    embossed: true, share: 0.05,
  },
  {
    name: 'regional-two-line-white', kinds: [{ kind: 'regional-private', share: 1 }], layout: 'two-line',
    arrangement: 'region-two-line', widthMm: 335, heightMm: 155, colour: 'white', background: '#efedee', ink: '#221f29',
    embossed: true, share: 0.04,
  },
  {
    name: 'old-green', kinds: [{ kind: 'regional-private', share: 0.8 }, { kind: 'regional-commercial', share: 0.2 }],
    layout: 'two-line', arrangement: 'region-two-line', widthMm: 335, heightMm: 170, colour: 'green',
    background: '#1f5e3c', ink: '#f2f2ee', embossed: true, share: 0.06,
  },
  {
    name: 'diplomatic', kinds: [{ kind: 'diplomatic', share: 1 }], layout: 'one-line', arrangement: 'word-stacked',
    widthMm: 520, heightMm: 110, colour: 'navy', background: '#1b2657', ink: '#f4f4f6', embossed: true, share: 0.02,
    uncertain: 'the mission word is drawn stacked at the left like the region of a one-line commercial plate',
  },
  {
    name: 'military', kinds: [{ kind: 'military', share: 1 }], layout: 'one-line', arrangement: 'military',
    widthMm: 520, heightMm: 110, colour: 'black', background: '#17181a', ink: '#f0f0ec', embossed: true, share: 0.02,
    uncertain: 'colours and spacing of military plates taken from public photographs, no regulation text was found',
  },
];

export function plateStyleNamed(name: string): PlateStyle | undefined {
  return plateStyles.find((style) => style.name === name);
}
