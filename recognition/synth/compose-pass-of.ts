import { parsePlate, type ParsedPlate, type PlateDrawKind, type RandomSource } from '../../domain/plates/index.js';
import { passFramesOfSpec, type ComposedFrame } from './compose-frame.js';
import type { PlateFont } from './plate-fonts.js';
import { plateStyles, type PlateStyle } from './plate-styles.js';
import type { PlateSpec } from './render-plate.js';

/** The renderer's kind for a plate the grammar parsed: which styles may carry its text. */
export function drawKindOf(plate: ParsedPlate): PlateDrawKind {
  switch (plate.kind) {
    case 'national-3':
      return plate.usage === 'rental' ? 'rental' : plate.usage === 'delivery' ? 'delivery' : 'national-3';
    case 'national-2':
      return 'national-2';
    case 'regional':
      return plate.usage === 'delivery' ? 'regional-delivery' : plate.usage === 'commercial' ? 'regional-commercial' : 'regional-private';
    case 'diplomatic':
      return 'diplomatic';
    case 'military':
      return 'military';
  }
}

export interface PlateOfOptions {
  /** An electric car: its national plate is drawn on the light-blue electric style, and only there. */
  readonly electric?: boolean;
}

function pickByShare(random: RandomSource, styles: readonly PlateStyle[]): PlateStyle {
  let roll = random() * styles.reduce((sum, style) => sum + style.share, 0);
  for (const style of styles) {
    roll -= style.share;
    if (roll < 0) return style;
  }
  return styles[styles.length - 1] as PlateStyle;
}

/**
 * The spec of a given plate text: a style that carries its kind (by the styles' shares of the road), a font of the
 * set. Throws a RangeError when the text is no plate or no style draws its kind.
 */
export function plateSpecOf(text: string, random: RandomSource, fonts: readonly PlateFont[], options: PlateOfOptions = {}): PlateSpec {
  const parsed = parsePlate(text);
  if (!parsed.ok) throw new RangeError(`not a plate: ${text} (${parsed.problem.reason})`);
  const kind = drawKindOf(parsed.plate);
  const carrying = plateStyles.filter((style) => style.kinds.some((k) => k.kind === kind) && (style.band === 'electric') === (options.electric === true));
  const styles = carrying.length > 0 ? carrying : plateStyles.filter((style) => style.kinds.some((k) => k.kind === kind));
  if (styles.length === 0) throw new RangeError(`no plate style draws ${kind} plates (${text})`);
  const style = pickByShare(random, styles);
  const font = fonts[Math.floor(random() * fonts.length)] as PlateFont;
  return { text: parsed.plate.canonical, kind, style, font };
}

/**
 * A pass of one vehicle whose plate is `text`: it approaches the camera over `frames` consecutive frames, as
 * `composePass` draws a random plate's (plate growing and moving down, blur and lighting drifting a little). The
 * digital twin renders the passes of its vehicles at cameras without ANPR with it. Deterministic for the random
 * sources given. Frame by frame, so a caller with other work can yield between frames (each takes tens of ms).
 */
export function* composePassFramesOf(
  text: string, random: RandomSource, fonts: readonly PlateFont[], frames: number, sceneSeed: () => RandomSource, options: PlateOfOptions = {},
): Generator<ComposedFrame> {
  yield* passFramesOfSpec(plateSpecOf(text, random, fonts, options), random, frames, sceneSeed);
}

/** All frames of `composePassFramesOf` at once. */
export const composePassOf = (...args: Parameters<typeof composePassFramesOf>): ComposedFrame[] => [...composePassFramesOf(...args)];
