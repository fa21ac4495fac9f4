import { truthsByRead, type Substitution } from './confusion-table.js';
import { isCanonicalPlate } from './parse-plate.js';
import { cleanPlateText } from './plate-text.js';

export interface PlateVariant {
  /** A grammatical plate the vehicle may really carry. */
  readonly plate: string;
  /** Sum of the substitutions' costs; 0 for the read itself. */
  readonly cost: number;
  readonly substitutions: readonly Substitution[];
}

export interface ConfusionVariantOptions {
  /** How many characters may have been misread; 1 covers the common case. */
  readonly maxSubstitutions?: number;
  /** Bit mask of the positions that may have been misread; all when absent. */
  readonly positions?: number;
}

/**
 * The plausible true plates behind a read: every grammatical plate reachable from it by at most
 * `maxSubstitutions` confusions from the table, cheapest first, the read itself (when grammatical) at cost 0.
 * Reads that are not grammatical still yield variants: `12304567` gives `123허4567`.
 */
export function confusionVariants(read: string, options: ConfusionVariantOptions = {}): PlateVariant[] {
  const maxSubstitutions = options.maxSubstitutions ?? 1;
  const positions = options.positions ?? -1;
  const cleaned = cleanPlateText(read);
  if (!cleaned.ok) return [];
  const found = new Map<string, PlateVariant>();
  if (isCanonicalPlate(cleaned.text)) found.set(cleaned.text, { plate: cleaned.text, cost: 0, substitutions: [] });
  const visit = (text: string, from: number, substitutions: Substitution[], cost: number): void => {
    for (let position = from; position < text.length; position++) {
      if ((positions & (1 << position)) === 0) continue;
      const readChar = text.charAt(position);
      const truths = truthsByRead.get(readChar);
      if (!truths) continue;
      for (const candidate of truths) {
        const plate = text.slice(0, position) + candidate.truth + text.slice(position + 1);
        const made = [...substitutions, { position, read: readChar, truth: candidate.truth, confusion: candidate.confusion, cost: candidate.cost }];
        const total = cost + candidate.cost;
        const known = found.get(plate);
        if ((!known || known.cost > total) && isCanonicalPlate(plate)) found.set(plate, { plate, cost: total, substitutions: made });
        if (made.length < maxSubstitutions) visit(plate, position + 1, made, total);
      }
    }
  };
  if (maxSubstitutions > 0) visit(cleaned.text, 0, [], 0);
  return [...found.values()].sort((a, b) => a.cost - b.cost || (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0));
}

const readsByTruth: ReadonlyMap<string, readonly { read: string; cost: number; confusion: string }[]> = (() => {
  const byTruth = new Map<string, { read: string; cost: number; confusion: string }[]>();
  for (const [read, truths] of truthsByRead) {
    for (const { truth, cost, confusion } of truths) {
      const list = byTruth.get(truth) ?? [];
      list.push({ read, cost, confusion });
      byTruth.set(truth, list);
    }
  }
  return byTruth;
})();

export interface PlateMisread {
  /** Text a recogniser may emit for the plate; not necessarily grammatical (`12304567` for `123허4567`). */
  readonly read: string;
  readonly cost: number;
  readonly substitutions: readonly Substitution[];
}

/**
 * The inverse of `confusionVariants`: every text a recogniser may emit for a true canonical plate with at most
 * `maxSubstitutions` confusions, the plate itself excluded. `r` is among `confusionMisreads(p)` exactly when `p`
 * is among `confusionVariants(r)` with substitutions.
 */
export function confusionMisreads(canonicalPlate: string, options: Pick<ConfusionVariantOptions, 'maxSubstitutions'> = {}): PlateMisread[] {
  const maxSubstitutions = options.maxSubstitutions ?? 1;
  const found = new Map<string, PlateMisread>();
  const visit = (chars: string[], from: number, substitutions: Substitution[], cost: number): void => {
    if (substitutions.length > 0) {
      const read = chars.join('');
      const known = found.get(read);
      if (!known || known.cost > cost) found.set(read, { read, cost, substitutions: [...substitutions] });
    }
    if (substitutions.length >= maxSubstitutions) return;
    for (let position = from; position < chars.length; position++) {
      const truth = chars[position] as string;
      for (const candidate of readsByTruth.get(truth) ?? []) {
        chars[position] = candidate.read;
        substitutions.push({ position, read: candidate.read, truth, confusion: candidate.confusion, cost: candidate.cost });
        visit(chars, position + 1, substitutions, cost + candidate.cost);
        substitutions.pop();
        chars[position] = truth;
      }
    }
  };
  visit([...canonicalPlate], 0, [], 0);
  found.delete(canonicalPlate);
  return [...found.values()];
}
