"""Reference decoders: what the TypeScript edge reimplements (models/plates/README.md states them step by step).

CTC prefix beam search over log_probs [T, C] (already temperature-scaled log-softmax, blank = 0):
  beams: map prefix (tuple of token ids) -> (pb, pnb) = log P(prefix, path ends in blank / in its last token).
  start: {(): (0, -inf)}.
  for t in 0..T-1, for each beam (prefix, pb, pnb), with ptot = logaddexp(pb, pnb):
     blank:            next[prefix].pb  = logaddexp(next[prefix].pb, ptot + lp[t,0])
     for c in 1..C-1 with lp[t,c] >= PRUNE = ln(1e-5) (tokens below it are not extended this step):
        if prefix non-empty and c == last(prefix):
           next[prefix].pnb      = logaddexp(next[prefix].pnb, pnb + lp[t,c])      # repeat collapses
           next[prefix+c].pnb    = logaddexp(next[prefix+c].pnb, pb + lp[t,c])     # needs a blank between
        else:
           next[prefix+c].pnb    = logaddexp(next[prefix+c].pnb, ptot + lp[t,c])
  keep the BEAM best of next by score logaddexp(pb, pnb), ties by lexicographically smaller id sequence.
  result: the TOP_K best beams after the last step, each text = concatenation of the tokens' strings,
  confidence = exp(score). Candidates whose texts are equal cannot occur (prefixes are distinct token
  sequences and the vocabulary's tokenisation is unique for the strings the model is trained on).
"""
from __future__ import annotations

import math

import numpy as np

NEG_INF = -math.inf
BEAM = 10
TOP_K = 5
PRUNE = math.log(1e-5)   # a step extends prefixes only with tokens c >= 1 whose lp[t, c] >= PRUNE


def logaddexp(a: float, b: float) -> float:
    if a == NEG_INF:
        return b
    if b == NEG_INF:
        return a
    m = a if a > b else b
    return m + math.log1p(math.exp(-abs(a - b)))


def ctc_beam_search(lp: np.ndarray, beam: int = BEAM, top_k: int = TOP_K,
                    prune: float = PRUNE) -> list[tuple[tuple[int, ...], float]]:
    """lp: [T, C] float log-probabilities. Returns [(token ids, log score)] best first."""
    T, C = lp.shape
    lp = lp.astype(np.float64)
    beams: dict[tuple[int, ...], list[float]] = {(): [0.0, NEG_INF]}
    for t in range(T):
        row = lp[t]
        nxt: dict[tuple[int, ...], list[float]] = {}

        def get(p):
            v = nxt.get(p)
            if v is None:
                v = nxt[p] = [NEG_INF, NEG_INF]
            return v

        cands = [c for c in range(1, C) if row[c] >= prune]
        for prefix, (pb, pnb) in beams.items():
            ptot = logaddexp(pb, pnb)
            e = get(prefix)
            e[0] = logaddexp(e[0], ptot + row[0])
            last = prefix[-1] if prefix else -1
            for c in cands:
                p = row[c]
                ext = get(prefix + (c,))
                if c == last:
                    e[1] = logaddexp(e[1], pnb + p)
                    ext[1] = logaddexp(ext[1], pb + p)
                else:
                    ext[1] = logaddexp(ext[1], ptot + p)
        ranked = sorted(nxt.items(), key=lambda kv: (-logaddexp(kv[1][0], kv[1][1]), kv[0]))
        beams = dict(ranked[:beam])
    ranked = sorted(beams.items(), key=lambda kv: (-logaddexp(kv[1][0], kv[1][1]), kv[0]))
    return [(p, logaddexp(v[0], v[1])) for p, v in ranked[:top_k]]


def greedy(lp: np.ndarray) -> tuple[int, ...]:
    """Best path: argmax per step (lowest index on ties), merge repeats, drop blanks."""
    best = lp.argmax(axis=-1)
    out, prev = [], -1
    for c in best.tolist():
        if c != prev and c != 0:
            out.append(c)
        prev = c
    return tuple(out)


# ----------------------------------------------------------------------------------------------- detector
DET_THRESHOLD = 0.3
DET_MAX_PLATES = 20
DET_NMS_IOU = 0.5
STRIDE = 4


def detect(heatmap: np.ndarray, corners: np.ndarray, geometry: dict, threshold: float = DET_THRESHOLD,
           max_plates: int = DET_MAX_PLATES, nms_iou: float = DET_NMS_IOU) -> list[dict]:
    """heatmap [1,H,W] (sigmoid), corners [8,H,W]; returns plates in frame pixels, best first.
    1. peak: h[y,x] >= threshold and h[y,x] >= each of its 8 neighbours (cells outside the map do not count)
       - equivalent to h == maxpool3x3(h, stride 1, pad 1 with -inf).
    2. order peaks by score descending, ties by y*W + x ascending; keep the first max_plates.
    3. corners of a peak: for k in TL,TR,BR,BL: x_in = 4*x + 2 + 4*c[2k,y,x], y_in = 4*y + 2 + 4*c[2k+1,y,x]
       (input pixels, continuous: pixel i spans [i, i+1)); frame: x_f = x_in / scale_x, y_f = y_in / scale_y.
    4. suppression: in that order, drop a plate whose axis-aligned corner box has IoU >= nms_iou with a kept one.
    """
    h = heatmap[0]
    H, W = h.shape
    pad = np.full((H + 2, W + 2), -np.inf, np.float32)
    pad[1:-1, 1:-1] = h
    mx = np.max(np.stack([pad[dy:dy + H, dx:dx + W] for dy in range(3) for dx in range(3)]), axis=0)
    ys, xs = np.nonzero((h >= mx) & (h >= threshold))
    order = sorted(zip(ys.tolist(), xs.tolist()), key=lambda p: (-float(h[p[0], p[1]]), p[0] * W + p[1]))
    kept: list[dict] = []
    for y, x in order[:max_plates]:
        pts = []
        for k in range(4):
            xi = 4.0 * x + 2.0 + 4.0 * float(corners[2 * k, y, x])
            yi = 4.0 * y + 2.0 + 4.0 * float(corners[2 * k + 1, y, x])
            pts.append([xi / geometry["scale_x"], yi / geometry["scale_y"]])
        box = _box(pts)
        if any(_iou(box, k2["box"]) >= nms_iou for k2 in kept):
            continue
        kept.append({"score": float(h[y, x]), "cell": [x, y], "corners": pts, "box": box})
    return kept


def _box(pts):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def _iou(a, b) -> float:
    iw = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0
