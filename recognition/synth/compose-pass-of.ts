import { parsePlate, type ParsedPlate, type PlateDrawKind, type RandomSource } from '../../domain/plates/index.js';
import { roughlyNormal, uniform } from '../../domain/simulation/index.js';
import { randomCameraEffects, type CameraEffects } from './augment.js';
import { composeFrame, frameHeight, frameWidth, type ComposedFrame, type VehiclePlacement } from './compose-frame.js';
import type { PlateFont } from './plate-fonts.js';
import { plateStyles, type PlateStyle } from './plate-styles.js';
import { randomPlateLook, type PlateSpec } from './render-plate.js';

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
  const spec = plateSpecOf(text, random, fonts, options);
  const look = randomPlateLook(random);
  const view = random() < 0.6 ? 'rear' : 'front';
  const startWidth = uniform(random, 45, 90);
  const endWidth = uniform(random, 140, 260);
  const x0 = uniform(random, 400, 880);
  const drift = roughlyNormal(random, 120);
  const yaw = roughlyNormal(random, 0.15);
  const base = randomCameraEffects(random, 120);
  const guard = random() < 0.35;
  for (let k = 0; k < frames; k++) {
    const t = frames === 1 ? 0 : k / (frames - 1);
    const plateWidthPx = startWidth + (endWidth - startWidth) * t;
    const depth = (plateWidthPx - 40) / 260;
    const x = Math.min(frameWidth - plateWidthPx * 1.2, Math.max(plateWidthPx * 1.2, x0 + drift * t));
    const placement: VehiclePlacement = {
      spec, look, view, base: [x, Math.min(frameHeight + plateWidthPx * 0.3, 330 + depth * 360)], plateWidthPx,
      pose: { yaw: yaw * (1 - 0.5 * t), pitch: 0.1 + 0.3 * t, roll: roughlyNormal(random, 0.02) }, occluded: false, guard,
    };
    const effects: CameraEffects = {
      ...base,
      defocus: Math.max(0, base.defocus + roughlyNormal(random, 0.3)),
      motion: { length: Math.max(0, base.motion.length * (0.5 + t) + roughlyNormal(random, 1)), angle: base.motion.angle },
      jpegQuality: Math.round(uniform(random, 50, 92)),
    };
    yield composeFrame([placement], sceneSeed(), random, effects);
  }
}

/** All frames of `composePassFramesOf` at once. */
export const composePassOf = (...args: Parameters<typeof composePassFramesOf>): ComposedFrame[] => [...composePassFramesOf(...args)];
