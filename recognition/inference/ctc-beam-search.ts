/**
 * CTC decoders over a recogniser's log-probabilities, exactly as models/plates/README.md states them (Python
 * reference: training/plates/decode.py). Class 0 is the blank. Arithmetic is float64 throughout.
 */

/** Log-probabilities of `steps` time steps over `classes` classes, row-major (`[t * classes + c]`). */
export interface LogProbMatrix {
  readonly data: ArrayLike<number>;
  readonly steps: number;
  readonly classes: number;
}

export interface BeamCandidate {
  /** Class ids, no blanks. */
  readonly tokens: readonly number[];
  /** log P(tokens) summed over every alignment the beam kept. */
  readonly logScore: number;
}

export interface BeamSearchOptions {
  readonly beam: number;
  readonly topK: number;
  /** A step extends prefixes only with classes whose log-probability is at least this. */
  readonly prune: number;
}

export const ctcBeamDefaults: BeamSearchOptions = { beam: 10, topK: 5, prune: Math.log(1e-5) };

export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b)));
}

interface Beam {
  readonly tokens: readonly number[];
  pb: number;
  pnb: number;
}

const score = (beam: Beam) => logAddExp(beam.pb, beam.pnb);

/** Lexicographic order of class ids, a prefix before its extensions. */
function compareTokens(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function rank(beams: Iterable<Beam>): Beam[] {
  return [...beams]
    .map((beam) => ({ beam, score: score(beam) }))
    .sort((x, y) => (x.score !== y.score ? (x.score > y.score ? -1 : 1) : compareTokens(x.beam.tokens, y.beam.tokens)))
    .map((entry) => entry.beam);
}

/** CTC prefix beam search: the `topK` most probable label sequences, best first (ties by smaller class ids). */
export function ctcBeamSearch(logProbs: LogProbMatrix, options: BeamSearchOptions = ctcBeamDefaults): BeamCandidate[] {
  const { data, steps, classes } = logProbs;
  if (data.length < steps * classes) throw new RangeError(`log-prob matrix holds ${data.length} values, not ${steps}×${classes}`);
  let beams: Beam[] = [{ tokens: [], pb: 0, pnb: -Infinity }];
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    const blank = data[row]!;
    const candidates: number[] = [];
    for (let c = 1; c < classes; c++) if (data[row + c]! >= options.prune) candidates.push(c);
    const next = new Map<string, Beam>();
    const entry = (tokens: readonly number[]): Beam => {
      const key = tokens.join(',');
      let beam = next.get(key);
      if (beam === undefined) next.set(key, (beam = { tokens, pb: -Infinity, pnb: -Infinity }));
      return beam;
    };
    for (const { tokens, pb, pnb } of beams) {
      const total = logAddExp(pb, pnb);
      const same = entry(tokens);
      same.pb = logAddExp(same.pb, total + blank);
      const last = tokens.length > 0 ? tokens[tokens.length - 1] : -1;
      for (const c of candidates) {
        const p = data[row + c]!;
        const extended = entry([...tokens, c]);
        if (c === last) {
          // A repeat collapses into the prefix unless a blank separates it from the last class.
          same.pnb = logAddExp(same.pnb, pnb + p);
          extended.pnb = logAddExp(extended.pnb, pb + p);
        } else {
          extended.pnb = logAddExp(extended.pnb, total + p);
        }
      }
    }
    beams = rank(next.values()).slice(0, options.beam);
  }
  return rank(beams).slice(0, options.topK).map((beam) => ({ tokens: beam.tokens, logScore: score(beam) }));
}

/** Best path: argmax per step (lowest class on ties), repeats merged, blanks dropped. For training curves only. */
export function ctcGreedy(logProbs: LogProbMatrix): number[] {
  const { data, steps, classes } = logProbs;
  const out: number[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (data[row + c]! > data[row + best]!) best = c;
    if (best !== previous && best !== 0) out.push(best);
    previous = best;
  }
  return out;
}
