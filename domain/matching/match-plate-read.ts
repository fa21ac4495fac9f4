import type { Substitution } from '../plates/confusion-table.js';
import { confusionVariants } from '../plates/confusion-variants.js';
import type { PlateHasher } from '../plates/keyed-plate-hash.js';
import { cleanPlateText } from '../plates/plate-text.js';
import { confusableOnly, exactPlateIndexOf, isConfusable, type KeyedHotlistIndex } from './keyed-hotlist.js';

/** One of a read's top-k texts as the recogniser ranked it. */
export interface PlateCandidate {
  readonly text: string;
  readonly confidence: number;
}

export type PlateMatch =
  | {
    readonly kind: 'exact';
    readonly refs: readonly string[];
    readonly candidateIndex: number;
    readonly confidence: number;
  }
  | {
    /** Within the confusion table of the listed plate: shown as possible, never as a confirmed sighting. */
    readonly kind: 'possible';
    readonly refs: readonly string[];
    readonly candidateIndex: number;
    readonly confidence: number;
    readonly cost: number;
    readonly substitutions: readonly Substitution[];
  };

const digest = new Uint32Array(4);

/** The table value for `text`, with the exact part dropped when the full 128-bit digest disagrees. */
function verifiedLookup(index: KeyedHotlistIndex, hasher: PlateHasher, text: string): number {
  hasher.digestWordsInto(text, digest);
  const value = index.table.get(digest[0] as number, digest[1] as number);
  const plate = exactPlateIndexOf(value);
  if (plate < 0) return value;
  const sameDigest = index.exactDigests[plate * 4 + 2] === digest[2] && index.exactDigests[plate * 4 + 3] === digest[3];
  if (sameDigest) return value;
  return isConfusable(value) ? confusableOnly : -1;
}

/**
 * Matches every candidate text of one read against the keyed hotlist: an exact hit, a possible hit (with the
 * substitutions that make it), or nothing. One keyed hash per candidate; the confusion variants of a candidate
 * are enumerated and hashed only when its digest is a known misread of some listed plate. Returns at most one
 * match per listed plate: the exact one when there is one, else the cheapest, most confident possible one.
 */
export function matchPlateRead(
  candidates: readonly PlateCandidate[], index: KeyedHotlistIndex, hasher: PlateHasher,
): PlateMatch[] {
  const best = new Map<number, PlateMatch>();
  const offer = (plate: number, match: PlateMatch): void => {
    const known = best.get(plate);
    if (!known || rank(match) < rank(known)) best.set(plate, match);
  };
  candidates.forEach((candidate, candidateIndex) => {
    const cleaned = cleanPlateText(candidate.text);
    if (!cleaned.ok) return;
    const value = verifiedLookup(index, hasher, cleaned.text);
    const exactPlate = exactPlateIndexOf(value);
    if (exactPlate >= 0) {
      offer(exactPlate, { kind: 'exact', refs: index.refs[exactPlate] ?? [], candidateIndex, confidence: candidate.confidence });
    }
    if (!isConfusable(value)) return;
    for (const variant of confusionVariants(cleaned.text, { maxSubstitutions: index.maxSubstitutions })) {
      if (variant.substitutions.length === 0) continue;
      const plate = exactPlateIndexOf(verifiedLookup(index, hasher, variant.plate));
      if (plate < 0) continue;
      offer(plate, {
        kind: 'possible', refs: index.refs[plate] ?? [], candidateIndex, confidence: candidate.confidence,
        cost: variant.cost, substitutions: variant.substitutions,
      });
    }
  });
  return [...best.values()].sort((a, b) => rank(a) - rank(b));
}

/** Lower is better: exact before possible, cheaper before costlier, more confident first. */
function rank(match: PlateMatch): number {
  return (match.kind === 'exact' ? 0 : 10 + match.cost) - match.confidence;
}
