import type { Point, Quad } from '../../recognition/geometry/index.js';

/**
 * The pure scoring of `npm run eval:plates`: character errors, Hangul syllables, corner boxes and their matching,
 * and per-kind totals. Texts are compared as Unicode code points (a Hangul syllable is one code point; a region
 * such as 서울 is two).
 */

/** Levenshtein distance between two texts, by code point (insertions, deletions and substitutions cost 1). */
export function editDistance(read: string, truth: string): number {
  const a = [...read];
  const b = [...truth];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Hangul syllables (U+AC00–U+D7A3) of a text, in order: a plate's letter, region, diplomatic word, military branch. */
export function hangulSyllables(text: string): string[] {
  return [...text].filter((ch) => ch >= '\uac00' && ch <= '\ud7a3');
}

/**
 * How many of the truth's Hangul syllables the read has right: the k-th syllable of the read against the k-th of
 * the truth, so a dropped or extra digit does not move the comparison, while a missing syllable counts as wrong.
 */
export function hangulCorrect(read: string, truth: string): { correct: number; total: number } {
  const r = hangulSyllables(read);
  const t = hangulSyllables(truth);
  return { correct: t.filter((syllable, k) => r[k] === syllable).length, total: t.length };
}

export type Box = readonly [number, number, number, number];

/** The axis-aligned box (x0, y0, x1, y1) around a quad's corners. */
export function quadBox(quad: Quad): Box {
  const xs = quad.map((p) => p[0]);
  const ys = quad.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export function boxIou(a: Box, b: Box): number {
  const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/** Mean distance in pixels between corresponding corners (TL–TL, TR–TR, BR–BR, BL–BL). */
export function meanCornerError(found: Quad, truth: Quad): number {
  return found.reduce((sum, p: Point, k) => sum + Math.hypot(p[0] - truth[k]![0], p[1] - truth[k]![1]), 0) / 4;
}

export const matchIou = 0.5;

/**
 * One-to-one matching of detections to true plates by the IoU of their corner boxes: pairs are taken greedily from
 * the highest IoU down (ties: lower truth index, then lower detection index), and only at IoU ≥ `minIou`.
 * `truthToFound[i]` is the detection matched to truth i, or -1.
 */
export function matchPlates(found: readonly Quad[], truth: readonly Quad[], minIou = matchIou): { truthToFound: number[]; unmatchedFound: number[] } {
  const foundBoxes = found.map(quadBox);
  const truthBoxes = truth.map(quadBox);
  const pairs: { t: number; f: number; iou: number }[] = [];
  truthBoxes.forEach((tb, t) => foundBoxes.forEach((fb, f) => {
    const iou = boxIou(tb, fb);
    if (iou >= minIou) pairs.push({ t, f, iou });
  }));
  pairs.sort((a, b) => b.iou - a.iou || a.t - b.t || a.f - b.f);
  const truthToFound = truth.map(() => -1);
  const taken = new Set<number>();
  for (const { t, f } of pairs) {
    if (truthToFound[t] !== -1 || taken.has(f)) continue;
    truthToFound[t] = f;
    taken.add(f);
  }
  return { truthToFound, unmatchedFound: found.map((_, f) => f).filter((f) => !taken.has(f)) };
}

/** One read of one true plate, as the evaluation scores it. */
export interface ScoredRead {
  readonly kind: string;
  /** The plate's visual style (recognition/synth/plate-styles.ts), where known. */
  readonly style?: string;
  readonly truth: string;
  /** Top-1 text, '' when nothing was read (no candidate, or the plate was not detected). */
  readonly read: string;
  /** Top-1 confidence, 0 when nothing was read. */
  readonly confidence: number;
}

export interface ReadTotals {
  readonly count: number;
  readonly exact: number;
  /** Character edits over the truths' characters. */
  readonly cer: number;
  /** Hangul syllables read right over the truths' syllables. */
  readonly hangul: number;
  /** Wrong top-1 reads at or above the operating confidence, over all reads. */
  readonly wrongConfident: number;
  /** Reads below the abstain confidence (or empty), over all reads. */
  readonly abstain: number;
}

export interface ReadThresholds {
  /** The operating confidence: a read at or above it is acted on. */
  readonly operating: number;
  /** Below this a read is no read (the pass fusion's `possibleConfidence`). */
  readonly abstainBelow: number;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function readTotals(reads: readonly ScoredRead[], thresholds: ReadThresholds): ReadTotals {
  let exact = 0;
  let edits = 0;
  let characters = 0;
  let hangulRight = 0;
  let hangulTotal = 0;
  let wrongConfident = 0;
  let abstain = 0;
  for (const r of reads) {
    const right = r.read === r.truth;
    if (right) exact++;
    edits += editDistance(r.read, r.truth);
    characters += [...r.truth].length;
    const h = hangulCorrect(r.read, r.truth);
    hangulRight += h.correct;
    hangulTotal += h.total;
    if (!right && r.read !== '' && r.confidence >= thresholds.operating) wrongConfident++;
    if (r.read === '' || r.confidence < thresholds.abstainBelow) abstain++;
  }
  return {
    count: reads.length,
    exact: ratio(exact, reads.length),
    cer: ratio(edits, characters),
    hangul: ratio(hangulRight, hangulTotal),
    wrongConfident: ratio(wrongConfident, reads.length),
    abstain: ratio(abstain, reads.length),
  };
}

/** Items grouped by `kind`, kinds in code-point order, with `all` last. */
export function perKind<T extends { readonly kind: string }, R>(items: readonly T[], total: (group: readonly T[]) => R): { kind: string; totals: R }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.kind, [...(groups.get(item.kind) ?? []), item]);
  return [
    ...[...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((kind) => ({ kind, totals: total(groups.get(kind)!) })),
    { kind: 'all', totals: total(items) },
  ];
}

/** One true plate of a frame: whether the detector found it, how far its corners are, and the read. */
export interface FramePlateOutcome extends ScoredRead {
  readonly detected: boolean;
  /** Mean corner error in pixels when detected. */
  readonly cornerErrorPx: number | null;
}

export interface FrameTotals {
  readonly plates: number;
  readonly recall: number;
  /** Mean over detected plates of their mean corner error, px; null when none was detected. */
  readonly cornerErrorPx: number | null;
  /** Top-1 of the matched detection equals the truth, over all true plates (a missed plate is wrong). */
  readonly endToEndExact: number;
}

export function frameTotals(outcomes: readonly FramePlateOutcome[]): FrameTotals {
  const detected = outcomes.filter((o) => o.detected);
  const errors = detected.map((o) => o.cornerErrorPx ?? 0);
  return {
    plates: outcomes.length,
    recall: ratio(detected.length, outcomes.length),
    cornerErrorPx: errors.length > 0 ? errors.reduce((a, b) => a + b, 0) / errors.length : null,
    endToEndExact: ratio(outcomes.filter((o) => o.detected && o.read === o.truth).length, outcomes.length),
  };
}

/** A pass's fused read: its status and best text. */
export interface PassOutcome {
  readonly kind: string;
  readonly truth: string;
  readonly status: 'confirmed' | 'possible' | 'abstain';
  readonly read: string;
}

export interface PassTotals {
  readonly passes: number;
  readonly confirmed: number;
  readonly confirmedWrong: number;
  /** Confirmed and right over confirmed; null when nothing was confirmed. */
  readonly confirmedPrecision: number | null;
  /** Confirmed and right over all passes. */
  readonly confirmedRecall: number;
  readonly possibleWrong: number;
}

export function passTotals(outcomes: readonly PassOutcome[]): PassTotals {
  const confirmed = outcomes.filter((o) => o.status === 'confirmed');
  const right = confirmed.filter((o) => o.read === o.truth).length;
  return {
    passes: outcomes.length,
    confirmed: confirmed.length,
    confirmedWrong: confirmed.length - right,
    confirmedPrecision: confirmed.length > 0 ? right / confirmed.length : null,
    confirmedRecall: ratio(right, outcomes.length),
    possibleWrong: outcomes.filter((o) => o.status === 'possible' && o.read !== o.truth).length,
  };
}

/** Tesseract's text as a plate: whitespace, punctuation and symbols removed. */
export function normaliseOcrText(text: string): string {
  return text.normalize('NFC').replace(/[\s\p{P}\p{S}]/gu, '');
}
