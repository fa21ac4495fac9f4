import { DongseonError } from '../../domain/errors/index.js';
import { loadKeyedHotlist, matchPlateRead, type KeyedHotlistIndex, type PlateCandidate, type PlateMatch } from '../../domain/matching/index.js';
import type { Substitution } from '../../domain/plates/confusion-table.js';
import { hasherFor, type PlateHasher, type PlateKeyRing } from '../../domain/plates/keyed-plate-hash.js';
import { compilePlatePattern, matchReadToPattern, type PlatePattern } from '../../domain/plates/plate-pattern.js';
import { cleanPlateText } from '../../domain/plates/plate-text.js';
import { decodeHotlistPublication, type HotlistSnapshotHeader } from '../../runtime/hotlist/hotlist-snapshot-codec.js';

export interface PartialPlateMatch {
  readonly kind: 'partial';
  readonly ref: string;
  readonly pattern: string;
  readonly candidateIndex: number;
  readonly confidence: number;
  /** 0 when the read fits the pattern as read; else the confusions that make it fit. */
  readonly cost: number;
  readonly substitutions: readonly Substitution[];
}

/** One publication, fully built and ready to match: an edge swaps whole ones, never edits one in place. */
export interface LoadedHotlist {
  readonly header: HotlistSnapshotHeader;
  readonly encoded: Uint8Array;
  readonly index: KeyedHotlistIndex;
  readonly hasher: PlateHasher;
  readonly partialPatterns: readonly { readonly ref: string; readonly pattern: PlatePattern }[];
}

/**
 * Decodes and indexes a publication under the edge's own key ring. A snapshot made under a key the edge does not
 * hold is refused (DS_HOTLIST_KEY_UNKNOWN): its digests could never match.
 */
export function loadHotlist(encoded: Uint8Array, keyRing: PlateKeyRing): LoadedHotlist {
  const { header, snapshot, partialPatterns } = decodeHotlistPublication(encoded);
  const hasher = hasherFor(keyRing, header.keyId);
  const compiled = partialPatterns.map(({ ref, pattern }) => {
    const result = compilePlatePattern(pattern);
    if (!result.ok) throw new DongseonError('DS_HOTLIST_SNAPSHOT_INVALID', `partial entry ${ref}: ${result.problem.reason}`);
    return { ref, pattern: result.pattern };
  });
  return { header, encoded, index: loadKeyedHotlist(snapshot), hasher, partialPatterns: compiled };
}

export function matchFullPlates(hotlist: LoadedHotlist, candidates: readonly PlateCandidate[]): PlateMatch[] {
  return matchPlateRead(candidates, hotlist.index, hotlist.hasher);
}

/** Every partial entry some candidate fits, at most once per entry: the cheapest, most confident fit. */
export function matchPartialPlates(hotlist: LoadedHotlist, candidates: readonly PlateCandidate[]): PartialPlateMatch[] {
  const reads = candidates.map((candidate) => cleanPlateText(candidate.text));
  const matches: PartialPlateMatch[] = [];
  for (const { ref, pattern } of hotlist.partialPatterns) {
    let best: PartialPlateMatch | undefined;
    reads.forEach((read, candidateIndex) => {
      if (!read.ok) return;
      const variant = matchReadToPattern(pattern, read.text, hotlist.header.maxSubstitutions);
      const confidence = (candidates[candidateIndex] as PlateCandidate).confidence;
      if (!variant || (best && (best.cost < variant.cost || (best.cost === variant.cost && best.confidence >= confidence)))) return;
      best = { kind: 'partial', ref, pattern: pattern.pattern, candidateIndex, confidence, cost: variant.cost, substitutions: variant.substitutions };
    });
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => a.cost - b.cost || b.confidence - a.confidence);
}
