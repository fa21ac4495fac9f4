import type { ParsedPlate } from './parse-plate.js';

export const plateColours = ['white', 'yellow', 'light-blue', 'light-green', 'navy', 'green', 'orange'] as const;
export type PlateColour = (typeof plateColours)[number];

export interface ColourCheck {
  readonly consistent: boolean;
  readonly reason: string;
}

type ColourRule = (plate: ParsedPlate) => ColourCheck;

const ok = (reason: string): ColourCheck => ({ consistent: true, reason });
const odd = (reason: string): ColourCheck => ({ consistent: false, reason });

/**
 * Colour against usage, per shared/docs/korean-plates.md. A soft consistency check only: a mismatch is a reason
 * to look twice at a read, never a reason to reject it.
 */
const colourRules: Readonly<Record<PlateColour, ColourRule>> = {
  white: (plate) =>
    plate.usage === 'private' || plate.usage === 'rental'
      ? ok('white plates are private, government and rental cars')
      : odd(`white plates are not issued for ${plate.usage} use`),
  yellow: (plate) =>
    plate.usage === 'commercial' || plate.usage === 'delivery'
      ? ok('yellow plates are commercial transport and delivery vehicles')
      : odd(`yellow plates are commercial or delivery, not ${plate.usage}`),
  'light-blue': (plate) =>
    plate.kind === 'national-3' || plate.kind === 'national-2' || plate.usage === 'commercial' || plate.usage === 'delivery'
      ? ok('light-blue plates are electric and hydrogen vehicles, issued since 2017')
      : odd(`electric-vehicle plates are not issued as ${plate.kind} plates`),
  'light-green': (plate) =>
    plate.kind === 'national-3' && plate.vehicleClass === 'passenger' && (plate.usage === 'private' || plate.usage === 'rental')
      ? ok('light-green plates are corporate passenger cars registered from 2024 (3-digit type)')
      : odd('light-green plates exist only on 3-digit passenger plates registered from 2024'),
  navy: (plate) =>
    plate.usage === 'diplomatic' ? ok('navy plates are diplomatic') : odd('navy plates are diplomatic only'),
  green: (plate) =>
    plate.kind === 'national-2' || plate.kind === 'regional'
      ? ok('green plates predate 2006 and survive on older vehicles')
      : odd('green plates predate 2006; 3-digit, diplomatic and military plates never were green'),
  orange: () => odd('orange plates are construction machinery with its own numbering, not a road plate format'),
};

export function checkPlateColour(plate: ParsedPlate, colour: PlateColour): ColourCheck {
  return colourRules[colour](plate);
}
