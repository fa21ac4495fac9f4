import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';
import { DongseonError } from '../../domain/errors/index.js';

/**
 * A Hangul font from a Debian package, used to approximate the condensed heavy gothic of real plates: the
 * renderer condenses each glyph into the plate's character box and strokes it `strokeEm` of the glyph height
 * for weight (light faces need more).
 */
export interface PlateFont {
  readonly name: string;
  /** Path under the font root (/usr/share/fonts). */
  readonly file: string;
  readonly debianPackage: string;
  readonly strokeEm: number;
}

const catalogue = [
  { name: 'nanum-gothic-extrabold', file: 'truetype/nanum/NanumGothicExtraBold.ttf', debianPackage: 'fonts-nanum', strokeEm: 0.012 },
  { name: 'nanum-gothic-bold', file: 'truetype/nanum/NanumGothicBold.ttf', debianPackage: 'fonts-nanum', strokeEm: 0.025 },
  { name: 'nanum-square-extrabold', file: 'truetype/nanum/NanumSquareEB.ttf', debianPackage: 'fonts-nanum-extra', strokeEm: 0.01 },
  { name: 'nanum-square-bold', file: 'truetype/nanum/NanumSquareB.ttf', debianPackage: 'fonts-nanum-extra', strokeEm: 0.022 },
  { name: 'nanum-square-round-extrabold', file: 'truetype/nanum/NanumSquareRoundEB.ttf', debianPackage: 'fonts-nanum-extra', strokeEm: 0.01 },
  { name: 'un-dotum-bold', file: 'truetype/unfonts-core/UnDotumBold.ttf', debianPackage: 'fonts-unfonts-core', strokeEm: 0.025 },
  { name: 'un-graphic-bold', file: 'truetype/unfonts-core/UnGraphicBold.ttf', debianPackage: 'fonts-unfonts-core', strokeEm: 0.02 },
  { name: 'baekmuk-headline', file: 'truetype/baekmuk/hline.ttf', debianPackage: 'fonts-baekmuk', strokeEm: 0.008 },
  { name: 'baekmuk-gulim', file: 'truetype/baekmuk/gulim.ttf', debianPackage: 'fonts-baekmuk', strokeEm: 0.04 },
  { name: 'noto-sans-cjk-bold', file: 'opentype/noto/NotoSansCJK-Bold.ttc', debianPackage: 'fonts-noto-cjk', strokeEm: 0.015 },
  { name: 'nanum-barun-gothic-bold', file: 'truetype/nanum/NanumBarunGothicBold.ttf', debianPackage: 'fonts-nanum', strokeEm: 0.025 },
  { name: 'un-dinaru-bold', file: 'truetype/unfonts-core/UnDinaruBold.ttf', debianPackage: 'fonts-unfonts-core', strokeEm: 0.02 },
  { name: 'baekmuk-dotum', file: 'truetype/baekmuk/dotum.ttf', debianPackage: 'fonts-baekmuk', strokeEm: 0.04 },
] as const satisfies readonly PlateFont[];

export type PlateFontName = (typeof catalogue)[number]['name'];

/** The fonts training data is rendered with. Evaluation of font generalisation uses `heldOutFonts` only. */
export const trainingFonts: readonly PlateFontName[] = [
  'nanum-gothic-extrabold', 'nanum-gothic-bold', 'nanum-square-extrabold', 'nanum-square-bold',
  'nanum-square-round-extrabold', 'un-dotum-bold', 'un-graphic-bold', 'baekmuk-headline', 'baekmuk-gulim',
];

/** Never used for training: the held-out font score measures how far the recogniser generalises across typefaces. */
export const heldOutFonts: readonly PlateFontName[] = ['noto-sans-cjk-bold', 'nanum-barun-gothic-bold', 'un-dinaru-bold', 'baekmuk-dotum'];

/** Every Debian package a plate font comes from (the local stack installs them: infra/stack/plate-fonts.ts). */
export const plateFontPackages: readonly string[] = [...new Set(catalogue.map((font) => font.debianPackage))];

export const plateFontCatalogue: readonly PlateFont[] = catalogue;

export const defaultFontRoot = '/usr/share/fonts';

export type FontSelection = 'training' | 'held-out' | readonly string[];

/**
 * The fonts of a selection, each checked to exist under `fontRoot`: an unknown name is DS_PLATE_FONT_UNKNOWN, a
 * file that is not installed DS_PLATE_FONT_MISSING with the package that provides it.
 */
export function resolvePlateFonts(selection: FontSelection, fontRoot = defaultFontRoot): PlateFont[] {
  const names = selection === 'training' ? trainingFonts : selection === 'held-out' ? heldOutFonts : selection;
  return names.map((name) => {
    const font = catalogue.find((entry) => entry.name === name);
    if (!font) {
      throw new DongseonError('DS_PLATE_FONT_UNKNOWN', `unknown plate font "${name}"; known: ${catalogue.map((f) => f.name).join(', ')}`, { font: name });
    }
    const path = join(fontRoot, font.file);
    if (!existsSync(path)) {
      throw new DongseonError('DS_PLATE_FONT_MISSING', `plate font "${name}" is not installed: ${path} is missing (Debian package ${font.debianPackage}; npm run plates:generate installs it as root)`, {
        font: name, path, debianPackage: font.debianPackage,
      });
    }
    return { ...font, file: path };
  });
}

const registered = new Map<string, string>();

/** Registers the font with Skia once and returns the family name to use in `ctx.font`. */
export function plateFontFamily(font: PlateFont): string {
  const known = registered.get(font.file);
  if (known) return known;
  const family = `DsPlate-${font.name}`;
  GlobalFonts.registerFromPath(font.file, family);
  registered.set(font.file, family);
  return family;
}
