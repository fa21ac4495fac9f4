/**
 * What OCR confuses on Korean plates, as data (shared/docs/korean-plates.md, "What OCR confuses"). A family
 * lists characters any of which can be read as any other; a one-way entry lists a true character that is read
 * as another but not the reverse. Costs are relative: 1 for confusions observed in practice, more for ones
 * only thought likely. Adding a family is one edit here; tests are generated per family.
 */
export interface ConfusionFamily {
  readonly name: string;
  readonly members: readonly string[];
  readonly cost: number;
  readonly evidence: 'observed' | 'likely';
}

export interface OneWayConfusion {
  readonly name: string;
  /** The character on the plate. */
  readonly truth: string;
  /** What the recogniser emits instead. */
  readonly readAs: string;
  readonly cost: number;
  readonly evidence: 'observed' | 'likely';
}

const vowelFamily = (members: string, name: string): ConfusionFamily =>
  ({ name, members: [...members], cost: 1, evidence: 'observed' });

export const confusionFamilies: readonly ConfusionFamily[] = [
  vowelFamily('가거고구', 'ㄱ vowels'),
  vowelFamily('나너노누', 'ㄴ vowels'),
  vowelFamily('다더도두', 'ㄷ vowels'),
  vowelFamily('라러로루', 'ㄹ vowels'),
  vowelFamily('마머모무', 'ㅁ vowels'),
  vowelFamily('바버보부', 'ㅂ vowels'),
  vowelFamily('사서소수', 'ㅅ vowels'),
  vowelFamily('아어오우', 'ㅇ vowels'),
  vowelFamily('자저조주', 'ㅈ vowels'),
  vowelFamily('하허호', 'ㅎ vowels'),
  vowelFamily('바배', '바/배'),
  { name: '0/8', members: ['0', '8'], cost: 1, evidence: 'observed' },
  { name: '1/7', members: ['1', '7'], cost: 1, evidence: 'observed' },
  { name: '3/8', members: ['3', '8'], cost: 1, evidence: 'observed' },
  { name: '5/6', members: ['5', '6'], cost: 1, evidence: 'observed' },
  { name: '6/8', members: ['6', '8'], cost: 1, evidence: 'observed' },
];

export const oneWayConfusions: readonly OneWayConfusion[] = [
  { name: '허→0', truth: '허', readAs: '0', cost: 1, evidence: 'observed' },
  { name: '호→0', truth: '호', readAs: '0', cost: 1, evidence: 'observed' },
  { name: '오→0', truth: '오', readAs: '0', cost: 1.5, evidence: 'likely' },
];

export interface Substitution {
  /** Index in the canonical text. */
  readonly position: number;
  readonly read: string;
  readonly truth: string;
  readonly confusion: string;
  readonly cost: number;
}

export interface TruthCandidate {
  readonly truth: string;
  readonly cost: number;
  readonly confusion: string;
}

function buildTruthsByRead(): ReadonlyMap<string, readonly TruthCandidate[]> {
  const byRead = new Map<string, Map<string, TruthCandidate>>();
  const add = (read: string, candidate: TruthCandidate): void => {
    const forRead = byRead.get(read) ?? new Map<string, TruthCandidate>();
    const known = forRead.get(candidate.truth);
    if (!known || known.cost > candidate.cost) forRead.set(candidate.truth, candidate);
    byRead.set(read, forRead);
  };
  for (const family of confusionFamilies) {
    for (const read of family.members) {
      for (const truth of family.members) {
        if (truth !== read) add(read, { truth, cost: family.cost, confusion: family.name });
      }
    }
  }
  for (const oneWay of oneWayConfusions) {
    add(oneWay.readAs, { truth: oneWay.truth, cost: oneWay.cost, confusion: oneWay.name });
  }
  return new Map([...byRead].map(([read, truths]) => [read, [...truths.values()]]));
}

/** For a character a recogniser emitted, the characters the plate may really carry, with their cost. */
export const truthsByRead: ReadonlyMap<string, readonly TruthCandidate[]> = buildTruthsByRead();
