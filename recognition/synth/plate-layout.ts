import type { ParsedPlate } from '../../domain/plates/index.js';
import type { PlateStyle } from './plate-styles.js';

export type GlyphKind = 'digit' | 'hangul' | 'hyphen';

/** One character's box on the plate, in millimetres from the plate's top-left corner. */
export interface GlyphBox {
  readonly char: string;
  readonly kind: GlyphKind;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface RowItem {
  readonly char: string;
  readonly kind: GlyphKind;
  readonly w: number;
  /** Space before this item. */
  readonly gap: number;
}

/**
 * Character boxes in the proportions of MOLIT's plate drawings as far as public pictures show them: one-line
 * 520×110 mm plates carry 83 mm characters (digits about 45 mm wide, syllables about 50 mm), two-line plates a small
 * upper line and a large lower one. Rows wider than the room they have are condensed to fit.
 */
export function layoutGlyphs(style: PlateStyle, plate: ParsedPlate): GlyphBox[] {
  const boxes: GlyphBox[] = [];
  const W = style.widthMm;
  const H = style.heightMm;
  const digitsOf = (text: string, w: number, gap: number, firstGap = gap): RowItem[] =>
    [...text].map((char, i) => ({ char, kind: 'digit', w, gap: i === 0 ? firstGap : gap }));
  const hangulOf = (text: string, w: number, gap: number, firstGap = gap): RowItem[] =>
    [...text].map((char, i) => ({ char, kind: 'hangul', w, gap: i === 0 ? firstGap : gap }));
  const placeRow = (items: RowItem[], left: number, right: number, y: number, h: number) => {
    const natural = items.reduce((sum, item, i) => sum + item.w + (i === 0 ? 0 : item.gap), 0);
    const scale = Math.min(1, (right - left) / natural);
    let x = left + (right - left - natural * scale) / 2;
    items.forEach((item, i) => {
      if (i > 0) x += item.gap * scale;
      boxes.push({ char: item.char, kind: item.kind, x, y, w: item.w * scale, h });
      x += item.w * scale;
    });
  };
  const stacked = (text: string, x: number, w: number, top: number, h: number) => {
    const each = (h - 4) / 2;
    [...text].forEach((char, i) => boxes.push({ char, kind: 'hangul', x, y: top + i * (each + 4), w, h: each }));
  };
  const serial = plate.serial;
  const glyphTop = (H - 83) / 2;
  switch (style.arrangement) {
    case 'national': {
      const typeCode = plate.typeCode ?? '';
      const three = typeCode.length === 3;
      const digitW = three ? 43 : 45;
      const left = style.band ? 50 : 16;
      placeRow([
        ...digitsOf(typeCode, digitW, 5, 0),
        ...hangulOf(plate.syllable ?? '', three ? 48 : 52, 8),
        ...digitsOf(serial, digitW, 5, three ? 14 : 20),
      ], left, W - 14, glyphTop, 83);
      break;
    }
    case 'region-stacked': {
      stacked(plate.region ?? '', 18, 36, glyphTop, 83);
      placeRow([
        ...digitsOf(plate.typeCode ?? '', 42, 5, 0),
        ...hangulOf(plate.syllable ?? '', 48, 8),
        ...digitsOf(serial, 42, 5, 16),
      ], 64, W - 14, glyphTop, 83);
      break;
    }
    case 'region-two-line': {
      const upperTop = H * 0.1;
      const upperH = H * 0.27;
      placeRow([
        ...hangulOf(plate.region ?? '', 38, 3, 0),
        ...digitsOf(plate.typeCode ?? '', 27, 4, 14),
      ], 40, W - 40, upperTop, upperH);
      const lowerTop = upperTop + upperH + H * 0.07;
      const lowerH = H - lowerTop - H * 0.08;
      placeRow([
        ...hangulOf(plate.syllable ?? '', 62, 0, 0),
        ...digitsOf(serial, 58, 6, 14),
      ], 12, W - 12, lowerTop, lowerH);
      break;
    }
    case 'word-stacked': {
      stacked(plate.diplomaticWord ?? '', 18, 38, glyphTop, 83);
      placeRow([
        ...digitsOf(serial.slice(0, 3), 44, 5, 0),
        { char: '-', kind: 'hyphen', w: 22, gap: 8 },
        ...digitsOf(serial.slice(3), 44, 5, 8),
      ], 68, W - 16, glyphTop, 83);
      break;
    }
    case 'military': {
      placeRow([
        ...hangulOf(plate.militaryBranch ?? '', 52, 0, 0),
        ...digitsOf(serial.slice(0, 2), 40, 5, 18),
        { char: '-', kind: 'hyphen', w: 20, gap: 7 },
        ...digitsOf(serial.slice(2), 40, 5, 7),
      ], 16, W - 16, glyphTop, 83);
      break;
    }
  }
  return boxes;
}
