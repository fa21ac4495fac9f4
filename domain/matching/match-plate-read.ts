import type { Substitution } from '../plates/confusion-table.js';
import { confusionVariants } from '../plates/confusion-variants.js';
import type { PlateHasher } from '../plates/keyed-plate-hash.js';
import { cleanPlateText } from '../plates/plate-text.js';
import type { KeyedHotlistIndex } from './keyed-hotlist.js';

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

/** The table slot for `text`, or -1; hashes once. */
function slotOf(index: KeyedHotlistIndex, hasher: PlateHasher, text: string): number {
  hasher.digestWordsInto(text, digest);
  return index.table.find(digest[0] as number, digest[1] as number);
}

/** The listed plate at the slot when the full 128-bit digest (still in `digest`) agrees, else -1. */
function verifiedExactPlate(index: KeyedHotlistIndex, slot: number): number {
  const plate = slot < 0 ? -1 : index.table.exactPlateAt(slot);
  if (plate < 0) return -1;
  return index.exactDigests[plate * 4 + 2] === digest[2] && index.exactDigests[plate * 4 + 3] === digest[3] ? plate : -1;
}

/**
 * Matches every candidate text of one read against the keyed hotlist: an exact hit, a possible hit (with the
 * substitutions that make it), or nothing. One keyed hash per candidate; the confusion variants of a candidate
 * are enumerated and hashed only when its digest is a known misread of some listed plate, and only at the
 * positions the snapshot marks. Returns at most one
 * match per listed plate: the exact one when there is one, else the cheapest, most confident possible one.
 */
export function matchPlateRead(
  candidates: readonly PlateCandidate[], index: KeyedHotlistIndex, hasher: PlateHasher,
): PlateMatch[] {
  let best: Map<number, PlateMatch> | undefined;
  const offer = (plate: number, match: PlateMatch): void => {
    best ??= new Map();
    const known = best.get(plate);
    if (!known || rank(match) < rank(known)) best.set(plate, match);
  };
  for (let candidateIndex = 0; candidateIndex < candidates.length; candidateIndex++) {
    const candidate = candidates[candidateIndex] as PlateCandidate;
    const cleaned = cleanPlateText(candidate.text);
    if (!cleaned.ok) continue;
    const slot = slotOf(index, hasher, cleaned.text);
    if (slot < 0) continue;
    const exactPlate = verifiedExactPlate(index, slot);
    if (exactPlate >= 0) {
      offer(exactPlate, { kind: 'exact', refs: index.refs[exactPlate] ?? [], candidateIndex, confidence: candidate.confidence });
    }
    const positions = index.table.misreadPositionsAt(slot);
    if (positions === 0) continue;
    for (const variant of confusionVariants(cleaned.text, { maxSubstitutions: index.maxSubstitutions, positions })) {
      if (variant.substitutions.length === 0) continue;
      const plate = verifiedExactPlate(index, slotOf(index, hasher, variant.plate));
      if (plate < 0) continue;
      offer(plate, {
        kind: 'possible', refs: index.refs[plate] ?? [], candidateIndex, confidence: candidate.confidence,
        cost: variant.cost, substitutions: variant.substitutions,
      });
    }
  }
  return best ? [...best.values()].sort((a, b) => rank(a) - rank(b)) : [];
}

/** Lower is better: exact before possible, cheaper before costlier, more confident first. */
function rank(match: PlateMatch): number {
  return (match.kind === 'exact' ? 0 : 10 + match.cost) - match.confidence;
}
