import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctcBeamDefaults, ctcBeamSearch, ctcGreedy, logAddExp, type LogProbMatrix } from './ctc-beam-search.js';

/** A matrix from per-step probabilities (each row normalised), class 0 the blank. */
function fromProbabilities(rows: readonly (readonly number[])[]): LogProbMatrix {
  const classes = rows[0]!.length;
  const data = new Float64Array(rows.length * classes);
  rows.forEach((row, t) => {
    const sum = row.reduce((a, b) => a + b, 0);
    row.forEach((p, c) => { data[t * classes + c] = Math.log(p / sum); });
  });
  return { data, steps: rows.length, classes };
}

/** One step where `c` has probability `p` and the rest share what is left (4 classes: blank, 1, 2, 3). */
function step(c: number, p = 0.97, classes = 4): number[] {
  return Array.from({ length: classes }, (_, k) => (k === c ? p : (1 - p) / (classes - 1)));
}

/** Exact CTC probability of every label sequence, by enumerating every path (tiny matrices only). */
function exactLabelProbabilities(matrix: LogProbMatrix): Map<string, number> {
  const { data, steps, classes } = matrix;
  const totals = new Map<string, number>();
  const path: number[] = [];
  const walk = (t: number, logP: number) => {
    if (t === steps) {
      const labels: number[] = [];
      path.forEach((c, i) => { if (c !== 0 && c !== path[i - 1]) labels.push(c); });
      const key = labels.join(',');
      totals.set(key, (totals.get(key) ?? 0) + Math.exp(logP));
      return;
    }
    for (let c = 0; c < classes; c++) {
      path[t] = c;
      walk(t + 1, logP + data[t * classes + c]!);
    }
  };
  walk(0, 0);
  return totals;
}

const top = (matrix: LogProbMatrix) => ctcBeamSearch(matrix)[0]!.tokens;

describe('CTC prefix beam search (models/plates/README.md, decode.py ctc_beam_search)', () => {
  it('logAddExp follows the contract, -inf included', () => {
    expect(logAddExp(-Infinity, -Infinity)).toBe(-Infinity);
    expect(logAddExp(-Infinity, -2)).toBe(-2);
    expect(logAddExp(-2, -Infinity)).toBe(-2);
    expect(logAddExp(Math.log(0.25), Math.log(0.5))).toBeCloseTo(Math.log(0.75), 14);
  });

  it.each([
    { name: 'a repeat separated by a blank is two tokens', steps: [step(1), step(0), step(1)], want: [1, 1] },
    { name: 'a repeat without a blank collapses', steps: [step(1), step(1), step(1)], want: [1] },
    { name: 'blanks around tokens drop out', steps: [step(0), step(2), step(0), step(0), step(3), step(0)], want: [2, 3] },
    { name: 'blank-only reads as the empty sequence', steps: [step(0), step(0), step(0)], want: [] },
    // T = 2 rows × 3 columns: the upper row (steps 0–2) is read before the lower row (steps 3–5).
    { name: 'a two-line plate reads its upper row, then its lower row', steps: [step(0), step(3), step(0), step(1), step(0), step(2)], want: [3, 1, 2] },
  ])('$name', ({ steps, want }) => {
    expect(top(fromProbabilities(steps))).toEqual(want);
  });

  it('the empty read of a blank-only matrix has the product of the blank probabilities as its confidence', () => {
    const [best] = ctcBeamSearch(fromProbabilities([step(0, 0.9), step(0, 0.8)]));
    expect(best!.tokens).toEqual([]);
    expect(Math.exp(best!.logScore)).toBeCloseTo(0.9 * 0.8, 12);
  });

  it('sums every alignment of a sequence: its score is the exact CTC probability when nothing is cut', () => {
    const matrix = fromProbabilities([[0.5, 0.3, 0.2], [0.4, 0.4, 0.2], [0.3, 0.3, 0.4], [0.6, 0.1, 0.3]]);
    const exact = exactLabelProbabilities(matrix);
    // A repeat reached without a blank enters the map with probability 0 (as in decode.py); only the rest are reads.
    const all = ctcBeamSearch(matrix, { beam: 1000, topK: 1000, prune: -Infinity }).filter((c) => c.logScore > -Infinity);
    expect(all).toHaveLength(exact.size);
    for (const candidate of all) expect(Math.exp(candidate.logScore)).toBeCloseTo(exact.get(candidate.tokens.join(','))!, 12);
    const byProbability = [...exact.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([key]) => key);
    expect(ctcBeamSearch(matrix, { ...ctcBeamDefaults, beam: 1000 }).map((c) => c.tokens.join(','))).toEqual(byProbability);
  });

  it('orders equal scores by class ids, smaller first', () => {
    const candidates = ctcBeamSearch(fromProbabilities([[0.001, 0.333, 0.333, 0.333]]));
    expect(candidates.map((c) => c.tokens)).toEqual([[1], [2], [3], []]);
    expect(candidates[0]!.logScore).toBe(candidates[1]!.logScore);
  });

  it('orders a prefix before its extension when their scores are equal', () => {
    // Step 0: "2" for sure; step 1: blank or "1" at one half each → [2] and [2, 1] tie; the impossible ones come last.
    const candidates = ctcBeamSearch(fromProbabilities([[0, 0, 1], [0.5, 0.5, 0]]));
    expect(candidates.map((c) => c.tokens)).toEqual([[2], [2, 1], [], [1]]);
    expect(candidates[0]!.logScore).toBe(candidates[1]!.logScore);
  });

  it('does not extend a prefix with a class under PRUNE (ln 1e-5) at that step', () => {
    const below = { data: Float64Array.from([Math.log(0.99998), Math.log(0.99e-5), Math.log(1e-5)]), steps: 1, classes: 3 };
    expect(ctcBeamSearch(below).map((c) => c.tokens)).toEqual([[], [2]]);
    const atPrune = { data: Float64Array.from([Math.log(0.5), Math.log(1e-5), ctcBeamDefaults.prune]), steps: 1, classes: 3 };
    expect(ctcBeamSearch(atPrune).map((c) => c.tokens)).toEqual([[], [1], [2]]);
  });

  it('returns at most TOP_K candidates and keeps BEAM prefixes per step', () => {
    const uniform = fromProbabilities(Array.from({ length: 4 }, () => Array.from({ length: 12 }, () => 1)));
    expect(ctcBeamSearch(uniform)).toHaveLength(5);
    expect(ctcBeamSearch(uniform, { ...ctcBeamDefaults, topK: 20 })).toHaveLength(10);
  });

  // Reference values printed by training/plates/decode.py (ctc_beam_search, greedy) for the same formula.
  const formula: LogProbMatrix = (() => {
    const steps = 20;
    const classes = 7;
    const data = new Float64Array(steps * classes);
    for (let t = 0; t < steps; t++) {
      const logits = Array.from({ length: classes }, (_, c) => 3 * Math.sin(1.3 * t + 0.7 * c * c) + (c === 0 ? 1 : 0));
      const norm = Math.log(logits.reduce((s, v) => s + Math.exp(v), 0));
      logits.forEach((v, c) => { data[t * classes + c] = v - norm; });
    }
    return { data, steps, classes };
  })();

  it('matches the Python reference on a formula matrix (BEAM 10, TOP_K 5)', () => {
    const got = ctcBeamSearch(formula);
    expect(got.map((c) => c.tokens)).toEqual([
      [1, 4, 2, 1, 4, 2, 1, 4, 2, 1, 4, 2],
      [1, 4, 2, 1, 4, 2, 1, 5, 2, 1, 4, 2],
      [1, 4, 2, 1, 4, 2, 1, 4, 2, 1, 5, 2],
      [1, 4, 2, 1, 4, 2, 1, 5, 2, 1, 5, 2],
      [1, 4, 2, 1, 5, 2, 1, 4, 2, 1, 4, 2],
    ]);
    [-10.187577949929512, -10.192858256623005, -10.203526418409137, -10.20880672510263, -10.27215168747725]
      .forEach((want, i) => expect(got[i]!.logScore).toBeCloseTo(want, 10));
  });

  it('matches the Python reference with a narrow beam (BEAM 3)', () => {
    const got = ctcBeamSearch(formula, { ...ctcBeamDefaults, beam: 3 });
    expect(got.map((c) => [c.tokens.join(''), Number(c.logScore.toFixed(10))])).toEqual([
      ['142152142142', -11.1010027825],
      ['142152152142', -11.1062830892],
      ['142142142142', -11.1066378866],
    ]);
  });
});

/** The contract's pseudo-code transcribed literally (prefixes as arrays, a full sort per step): the spec to compare to. */
function literalBeamSearch({ data, steps, classes }: LogProbMatrix, beam = 10, topK = 5, prune = Math.log(1e-5)) {
  type Entry = { tokens: number[]; pb: number; pnb: number };
  const order = (a: Entry, b: Entry) => {
    const sa = logAddExp(a.pb, a.pnb);
    const sb = logAddExp(b.pb, b.pnb);
    if (sa !== sb) return sa > sb ? -1 : 1;
    for (let i = 0; i < Math.min(a.tokens.length, b.tokens.length); i++) if (a.tokens[i] !== b.tokens[i]) return a.tokens[i]! - b.tokens[i]!;
    return a.tokens.length - b.tokens.length;
  };
  let beams: Entry[] = [{ tokens: [], pb: 0, pnb: -Infinity }];
  for (let t = 0; t < steps; t++) {
    const lp = (c: number) => data[t * classes + c]!;
    const next = new Map<string, Entry>();
    const get = (tokens: number[]) => next.get(tokens.join()) ?? next.set(tokens.join(), { tokens, pb: -Infinity, pnb: -Infinity }).get(tokens.join())!;
    for (const { tokens, pb, pnb } of beams) {
      const ptot = logAddExp(pb, pnb);
      get(tokens).pb = logAddExp(get(tokens).pb, ptot + lp(0));
      for (let c = 1; c < classes; c++) {
        if (lp(c) < prune) continue;
        const ext = get([...tokens, c]);
        if (c === tokens[tokens.length - 1]) {
          get(tokens).pnb = logAddExp(get(tokens).pnb, pnb + lp(c));
          ext.pnb = logAddExp(ext.pnb, pb + lp(c));
        } else ext.pnb = logAddExp(ext.pnb, ptot + lp(c));
      }
    }
    beams = [...next.values()].sort(order).slice(0, beam);
  }
  return beams.sort(order).slice(0, topK).map((e) => ({ tokens: e.tokens, logScore: logAddExp(e.pb, e.pnb) }));
}

describe('CTC prefix beam search against the literal pseudo-code', () => {
  it('gives the same candidates and scores on random matrices (peaked, flat, with exact ties)', () => {
    const matrix = fc.record({ steps: fc.integer({ min: 0, max: 14 }), classes: fc.integer({ min: 2, max: 7 }), seed: fc.integer(), levels: fc.constantFrom(0, 3) })
      .map(({ steps, classes, seed, levels }) => {
        let state = seed >>> 0;
        const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
        const rows = Array.from({ length: steps }, () => Array.from({ length: classes }, () => (levels > 0 ? 1 + Math.floor(random() * levels) : Math.exp(8 * random()))));
        return steps === 0 ? { data: [], steps, classes } : fromProbabilities(rows);
      });
    fc.assert(fc.property(matrix, fc.integer({ min: 1, max: 6 }), (m, beam) => {
      expect(ctcBeamSearch(m, { beam, topK: 5, prune: ctcBeamDefaults.prune })).toEqual(literalBeamSearch(m, beam));
    }), { numRuns: 300 });
  });
});

describe('CTC greedy decoding', () => {
  it('matches the Python reference on the formula matrix', () => {
    const steps = 20;
    const classes = 7;
    const data = new Float64Array(steps * classes);
    for (let t = 0; t < steps; t++) for (let c = 0; c < classes; c++) data[t * classes + c] = 3 * Math.sin(1.3 * t + 0.7 * c * c) + (c === 0 ? 1 : 0);
    expect(ctcGreedy({ data, steps, classes })).toEqual([1, 5, 4, 2, 1, 5, 2, 1, 4, 2, 1, 4, 2]);
  });

  it.each([
    { name: 'merges repeats and drops blanks', rows: [[0, 9, 0], [0, 9, 0], [9, 0, 0], [0, 9, 0], [0, 0, 9]], want: [1, 1, 2] },
    { name: 'takes the lowest class on a tie', rows: [[0, 5, 5], [9, 0, 0]], want: [1] },
    { name: 'a blank tie wins over a class', rows: [[5, 5, 0]], want: [] },
  ])('$name', ({ rows, want }) => {
    expect(ctcGreedy({ data: rows.flat(), steps: rows.length, classes: 3 })).toEqual(want);
  });
});
