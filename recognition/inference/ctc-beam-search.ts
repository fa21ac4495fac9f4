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

/**
 * Prefixes are nodes of a trie (node 0 the empty prefix), one node per distinct prefix. A step's extensions are not
 * made nodes until they survive the beam: a flat log-probability row offers all 80 classes to each of the 10 beams at
 * each of the 96 steps, and all but 10 of those 800 extensions are dropped at once.
 */
class PrefixTrie {
  readonly parent: number[] = [-1];
  readonly last: number[] = [-1];
  readonly depth: number[] = [0];
  private readonly children = new Map<number, number>();

  constructor(private readonly classes: number) {}

  child(node: number, c: number): number {
    const key = node * this.classes + c;
    let id = this.children.get(key);
    if (id === undefined) {
      id = this.parent.length;
      this.parent.push(node);
      this.last.push(c);
      this.depth.push(this.depth[node]! + 1);
      this.children.set(key, id);
    }
    return id;
  }

  tokens(node: number): number[] {
    const out: number[] = [];
    for (let n = node; n > 0; n = this.parent[n]!) out.push(this.last[n]!);
    return out.reverse();
  }

  /** Lexicographic order of two prefixes' class ids, a prefix before its extensions (compared below their common ancestor). */
  compare(a: number, b: number): number {
    const { parent, depth, last } = this;
    let x = a;
    let y = b;
    while (depth[x]! > depth[y]!) x = parent[x]!;
    while (depth[y]! > depth[x]!) y = parent[y]!;
    if (x === y) return depth[a]! - depth[b]!;
    while (parent[x] !== parent[y]) {
      x = parent[x]!;
      y = parent[y]!;
    }
    return last[x]! - last[y]!;
  }
}

/** CTC prefix beam search: the `topK` most probable label sequences, best first (ties by smaller class ids). */
export function ctcBeamSearch(logProbs: LogProbMatrix, options: BeamSearchOptions = ctcBeamDefaults): BeamCandidate[] {
  const { data, steps, classes } = logProbs;
  if (data.length < steps * classes) throw new RangeError(`log-prob matrix holds ${data.length} values, not ${steps}×${classes}`);
  const trie = new PrefixTrie(classes);
  let beamNodes = [0];
  let beamPb = [0];
  let beamPnb = [-Infinity];
  // Per trie node: the step whose entries it is in, and its entry there (nothing to clear between steps).
  const stepOf: number[] = [0];
  const entryOf: number[] = [0];
  // A step's entries: entry i is trie node `node[i]`, or when that is -1 the extension of node `parent[i]` by class
  // `token[i]`. At most `beam` prefixes, each itself and its extensions by every class.
  const capacity = Math.max(1, options.beam) * classes;
  const node = new Int32Array(capacity);
  const parent = new Int32Array(capacity);
  const token = new Int32Array(capacity);
  const pb = new Float64Array(capacity);
  const pnb = new Float64Array(capacity);
  const scores = new Float64Array(capacity);
  for (let t = 0; t < steps; t++) {
    const row = t * classes;
    const blank = data[row]!;
    const candidates: number[] = [];
    for (let c = 1; c < classes; c++) if (data[row + c]! >= options.prune) candidates.push(c);
    let size = 0;
    const nodeEntry = (id: number): number => {
      if (stepOf[id] === t + 1) return entryOf[id]!;
      stepOf[id] = t + 1;
      entryOf[id] = size;
      node[size] = id;
      pb[size] = -Infinity;
      pnb[size] = -Infinity;
      return size++;
    };
    // An extension that is itself one of the beams must add to that beam's entry, not make a second one.
    const beamChild = new Map<number, number>();
    for (const id of beamNodes) if (id > 0) beamChild.set(trie.parent[id]! * classes + trie.last[id]!, id);
    for (let b = 0; b < beamNodes.length; b++) {
      const id = beamNodes[b]!;
      const total = logAddExp(beamPb[b]!, beamPnb[b]!);
      const same = nodeEntry(id);
      pb[same] = logAddExp(pb[same]!, total + blank);
      const last = trie.last[id]!;
      for (const c of candidates) {
        const p = data[row + c]!;
        const existing = beamChild.get(id * classes + c);
        let extended: number;
        if (existing !== undefined) extended = nodeEntry(existing);
        else {
          extended = size++;
          node[extended] = -1;
          parent[extended] = id;
          token[extended] = c;
          pb[extended] = -Infinity;
          pnb[extended] = -Infinity;
        }
        if (c === last) {
          // A repeat collapses into the prefix unless a blank separates it from the last class.
          pnb[same] = logAddExp(pnb[same]!, beamPnb[b]! + p);
          pnb[extended] = logAddExp(pnb[extended]!, beamPb[b]! + p);
        } else {
          pnb[extended] = logAddExp(pnb[extended]!, total + p);
        }
      }
    }
    for (let i = 0; i < size; i++) scores[i] = logAddExp(pb[i]!, pnb[i]!);
    // Only a tie needs an extension's place in the trie, and only the kept ones need a node at all.
    const nodeOf = (i: number) => (node[i]! >= 0 ? node[i]! : (node[i] = trie.child(parent[i]!, token[i]!)));
    const kept = best(scores, size, options.beam, (i, j) => trie.compare(nodeOf(i), nodeOf(j)));
    beamNodes = kept.map(nodeOf);
    beamPb = kept.map((i) => pb[i]!);
    beamPnb = kept.map((i) => pnb[i]!);
  }
  const final = beamNodes.map((_, i) => logAddExp(beamPb[i]!, beamPnb[i]!));
  return best(final, final.length, options.topK, (i, j) => trie.compare(beamNodes[i]!, beamNodes[j]!))
    .map((i) => ({ tokens: trie.tokens(beamNodes[i]!), logScore: final[i]! }));
}

/** Indices of the `k` best of the first `size` scores (descending), ties by `tieBreak`; a small insertion sort. */
function best(scores: ArrayLike<number>, size: number, k: number, tieBreak: (i: number, j: number) => number): number[] {
  const out: number[] = [];
  if (k < 1) return out;
  const before = (i: number, j: number) => scores[i]! > scores[j]! || (scores[i] === scores[j] && tieBreak(i, j) < 0);
  for (let i = 0; i < size; i++) {
    if (out.length === k && !before(i, out[k - 1]!)) continue;
    let at = Math.min(out.length, k - 1);
    if (out.length < k) out.push(i);
    while (at > 0 && before(i, out[at - 1]!)) {
      out[at] = out[at - 1]!;
      at--;
    }
    out[at] = i;
  }
  return out;
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
