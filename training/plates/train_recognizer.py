"""Trains the plate recogniser (CTC), calibrates its temperature, exports models/plates/recognizer.onnx,
vocab.json and recognizer.card.md.

    training/.venv/bin/python training/plates/train_recognizer.py [--fresh] [--max-minutes M] [--export-only]

Resumes from .runs/main/recognizer-<generator>[-<target>][-<arch>]/last.pt when it exists (the default). Stops
early when the validation exact rate has not improved for early_stop_patience epochs, at max_epochs, or after
--max-minutes of training.
Pauses between steps while the quiet flag (/tmp/ds-quiet) exists."""
from __future__ import annotations

import argparse
import json
import math
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

import data
import decode
import nets
import vocab
from common import MODELS, RUNS, JsonLog, git_head, load_config, python_info, seed_everything, set_threads, \
    wait_while_quiet

def arch_of(cfg) -> str:
    return cfg["recognizer"].get("arch", "base")


def run_dir(cfg):
    """Checkpoints per training target and architecture (so a run never resumes another's checkpoint): the
    first recogniser's (joint, base) stay in recognizer-<generator>/."""
    target = cfg["recognizer"].get("target", "joint")
    arch = arch_of(cfg)
    name = f"recognizer-{data.generator_kind()}" + ("" if target == "joint" else f"-{target}") + \
        ("" if arch == "base" else f"-{arch}")
    return RUNS / name


def warm_start(net, c, log):
    """`init_from` (a checkpoint under .runs/<config>/, e.g. "recognizer-project-rows/best.pt"): its weights
    are loaded where the shapes match (RecognizerTall takes all of Recognizer's); the rest keeps its init."""
    src = c.get("init_from")
    if not src:
        return
    ck = torch.load(RUNS / src, weights_only=False)
    res = net.load_state_dict(ck["net"], strict=False)
    assert not res.unexpected_keys, res.unexpected_keys
    log({"event": "warm_start", "from": src, "from_epoch": ck.get("epoch"), "from_val_exact": ck.get("val_exact"),
         "new_keys": res.missing_keys})


def sample_weights(meta, c) -> np.ndarray:
    """Per-crop sampling weight: the small-glyph layouts (two-line plates, a stacked region or word at the left)
    are drawn `small_glyph_weight` times as often as the rest (1 = the generator's mix)."""
    w = float(c.get("small_glyph_weight", 1.0))
    arr = np.array([w if m["style"] in SMALL_GLYPH_STYLES else 1.0 for m in meta], np.float64)
    return arr / arr.sum()


# styles whose plates carry small glyphs (recognition/synth/plate-styles.ts: region-two-line, region-stacked,
# word-stacked arrangements)
SMALL_GLYPH_STYLES = {"commercial-two-line", "regional-two-line-white", "old-green", "commercial-one-line",
                      "regional-one-line-old", "diplomatic"}


def build_data(cfg):
    c = cfg["recognizer"]
    fonts = cfg["generator"]["fonts"]
    xs, ys, ms = [], [], []
    dirs = []
    for s in c["train_seeds"]:
        d = data.generate(s, c["crops_per_seed"], 0, fonts)
        x, y, m = data.load_crops(d)
        xs.append(x); ys += y; ms += m; dirs.append(d)
    dv = data.generate(c["val_seed"], c["val_crops"], 0, fonts)
    xv, yv, mv = data.load_crops(dv)
    return np.concatenate(xs), ys, ms, xv, yv, mv, dirs + [dv]


def augment(x: torch.Tensor, g: torch.Generator) -> torch.Tensor:
    """Per-sample brightness/contrast jitter and a shift of up to 3 px (reflect padding) on normalised input."""
    n = x.shape[0]
    a = 1 + (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.5
    b = (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.4
    x = (x * a + b).clamp(-1, 1)
    dx, dy = [int(v) for v in torch.randint(-3, 4, (2,), generator=g)]
    x = F.pad(x, (3, 3, 3, 3), mode="replicate")[:, :, 3 + dy:3 + dy + 64, 3 + dx:3 + dx + 192]
    return x


def batch_targets(ys):
    flat = torch.tensor([t for y in ys for t in y], dtype=torch.long)
    lens = torch.tensor([len(y) for y in ys], dtype=torch.long)
    return flat, lens


def ctc_loss(ctc, logits, ys, rows, target):
    """CTC loss of a batch. target "joint": the whole text over all T = 96 steps (the network chooses where each
    character goes). target "rows": each row its own line (vocab.split_lines): the top row's 48 steps against
    the upper line (empty on a one-line plate), the bottom row's against the rest; the two losses are added."""
    lp = logits.log_softmax(-1).permute(1, 0, 2)               # [T,N,C]
    n = lp.shape[1]
    if target == "joint":
        flat, lens = batch_targets(ys)
        return ctc(lp, flat, torch.full((n,), lp.shape[0], dtype=torch.long), lens)
    half = lp.shape[0] // 2
    loss = 0
    for r, part in enumerate((lp[:half], lp[half:])):
        flat, lens = batch_targets([rw[r] for rw in rows])
        loss = loss + ctc(part, flat, torch.full((n,), half, dtype=torch.long), lens)
    return loss


@torch.no_grad()
def logits_of(net, x_uint8, bs=256):
    net.eval()
    out = []
    for i in range(0, len(x_uint8), bs):
        out.append(net(torch.from_numpy(data.crop_tensor(x_uint8[i:i + bs]))))
    return torch.cat(out)


def greedy_exact(logits, ys, meta=None):
    """Greedy exact share; with meta, also per layout and per style ({"layout=two-line": 0.9, ...})."""
    lp = logits.log_softmax(-1).numpy()
    ok = [decode.greedy(lp[i]) == tuple(ys[i]) for i in range(len(ys))]
    if meta is None:
        return float(np.mean(ok))
    per = {}
    for key in ("layout", "style"):
        for v in sorted({m[key] for m in meta}):
            sel = [o for o, m in zip(ok, meta) if m[key] == v]
            per[f"{key}={v}"] = round(float(np.mean(sel)), 3)
    return float(np.mean(ok)), per


def cer(pred, ref):
    d = list(range(len(ref) + 1))
    for i, p in enumerate(pred, 1):
        prev, d[0] = d[0], i
        for j, r in enumerate(ref, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (p != r))
    return d[len(ref)]


def train(cfg, args, log):
    c = cfg["recognizer"]
    seed_everything(c["torch_seed"])
    x, ys, ms, xv, yv, mv, dirs = build_data(cfg)
    weights = torch.from_numpy(sample_weights(ms, c))
    target = c.get("target", "joint")
    rows = [vocab.split_lines(y, m["layout"]) for y, m in zip(ys, ms)]
    log({"event": "data", "train_crops": len(x), "val_crops": len(xv), "dirs": [str(d.name) for d in dirs],
         "target": c.get("target", "joint"), "arch": arch_of(cfg), "small_glyph_share_drawn": round(float(weights[
             torch.tensor([m["style"] in SMALL_GLYPH_STYLES for m in ms])].sum()), 3)})
    RUN = run_dir(cfg)
    net = nets.make_recognizer(len(vocab.TOKENS), arch_of(cfg))
    warm_start(net, c, log)
    opt = torch.optim.AdamW(net.parameters(), lr=c["lr"], weight_decay=1e-4)
    total = c["max_epochs"] * c["steps_per_epoch"]
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
    g = torch.Generator().manual_seed(c["torch_seed"])
    state = {"epoch": 0, "best": -1.0, "bad": 0, "train_s": 0.0, "history": []}
    last = RUN / "last.pt"
    RUN.mkdir(parents=True, exist_ok=True)
    if last.exists() and not args.fresh:
        ck = torch.load(last, weights_only=False)
        net.load_state_dict(ck["net"]); opt.load_state_dict(ck["opt"]); sched.load_state_dict(ck["sched"])
        g.set_state(ck["gen"]); state = ck["state"]
        log({"event": "resumed", "epoch": state["epoch"]})
    ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
    t_start = time.time()
    budget = args.max_minutes * 60 if args.max_minutes else math.inf
    stop = None
    while stop is None:
        if state["epoch"] >= c["max_epochs"]:
            stop = "max_epochs"; break
        if state["bad"] >= c["early_stop_patience"]:
            stop = "early_stop"; break
        if args.stop_at and time.strftime("%H:%M", time.gmtime()) >= args.stop_at:
            stop = "deadline"; break
        if state["train_s"] >= budget + state.get("budget_base", 0) and args.max_minutes:
            stop = "time_budget"; break
        net.train()
        t0 = time.time()
        losses = []
        for step in range(c["steps_per_epoch"]):
            wait_while_quiet(log)
            idx = torch.multinomial(weights, c["batch_size"], replacement=True, generator=g).numpy()
            xb = augment(torch.from_numpy(data.crop_tensor(x[idx])), g)
            loss = ctc_loss(ctc, net(xb), [ys[i] for i in idx], [rows[i] for i in idx], target)
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step(); sched.step()
            losses.append(loss.item())
        dt = time.time() - t0
        state["train_s"] += dt
        wait_while_quiet(log)
        val_exact, val_per = greedy_exact(logits_of(net, xv), yv, mv)
        state["epoch"] += 1
        improved = val_exact > state["best"]
        if improved:
            state["best"], state["bad"] = val_exact, 0
            torch.save({"net": net.state_dict(), "epoch": state["epoch"], "val_exact": val_exact}, RUN / "best.pt")
        else:
            state["bad"] += 1
        rec = {"event": "epoch", "epoch": state["epoch"], "loss": round(float(np.mean(losses)), 4),
               "val_exact_greedy": round(val_exact, 4), "lr": opt.param_groups[0]["lr"], "epoch_s": round(dt, 1),
               "train_s": round(state["train_s"], 1), "val_per": val_per}
        state["history"].append(rec)
        log(rec)
        torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "gen": g.get_state(), "state": state}, last)
        if time.time() - t_start >= budget:
            stop = "time_budget"
    state["stop"] = stop
    torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                "gen": g.get_state(), "state": state}, last)
    log({"event": "stopped", "reason": stop, "epochs": state["epoch"], "best_val_exact_greedy": state["best"]})
    return state


def sequence_logprob(logits, seqs, temperature):
    """log P_T(seq | x) under CTC, batched (the forward algorithm through torch's CTC loss)."""
    lp = (logits / temperature).log_softmax(-1).permute(1, 0, 2)
    tg = [list(s) if len(s) else [] for s in seqs]
    flat = torch.tensor([t for s in tg for t in s], dtype=torch.long)
    lens = torch.tensor([len(s) for s in tg], dtype=torch.long)
    nll = F.ctc_loss(lp, flat, torch.full((len(tg),), lp.shape[0], dtype=torch.long), lens, blank=0,
                     reduction="none", zero_infinity=False)
    return -nll


def calibrate(logits, yv, log):
    """Temperature T minimising the binary cross-entropy between the top-1 beam candidate's sequence
    probability under T and whether it is the right plate (on the validation seed)."""
    lp1 = logits.log_softmax(-1).numpy()
    top1 = [decode.ctc_beam_search(lp1[i], top_k=1)[0][0] for i in range(len(yv))]
    correct = torch.tensor([float(top1[i] == tuple(yv[i])) for i in range(len(yv))])
    best = None
    grid = [round(v, 3) for v in np.exp(np.linspace(math.log(0.5), math.log(4.0), 43))]
    for T in grid:
        p = sequence_logprob(logits, top1, T).exp().clamp(1e-7, 1 - 1e-7)
        bce = float(-(correct * p.log() + (1 - correct) * (1 - p).log()).mean())
        if best is None or bce < best[1]:
            best = (T, bce)
    log({"event": "calibrated", "temperature": best[0], "bce": round(best[1], 5),
         "top1_correct": float(correct.mean())})
    return best[0]


def evaluate(logits, yv, mv, temperature):
    """Beam-search metrics on the validation seed with the exported (temperature-scaled) log-probabilities."""
    lp = (logits / temperature).log_softmax(-1).numpy()
    rows = []
    for i in range(len(yv)):
        cands = decode.ctc_beam_search(lp[i])
        top = cands[0]
        rows.append({"ok": top[0] == tuple(yv[i]), "conf": math.exp(top[1]),
                     "in_top5": any(cc[0] == tuple(yv[i]) for cc in cands),
                     "cer_num": cer(vocab.decode(top[0]), vocab.decode(yv[i])), "cer_den": len(vocab.decode(yv[i])),
                     "kind": mv[i]["kind"], "layout": mv[i]["layout"], "style": mv[i]["style"]})
    def summary(rs):
        return {"n": len(rs), "exact": round(float(np.mean([r["ok"] for r in rs])), 4),
                "top5": round(float(np.mean([r["in_top5"] for r in rs])), 4),
                "cer": round(sum(r["cer_num"] for r in rs) / max(1, sum(r["cer_den"] for r in rs)), 5)}
    out = {"all": summary(rows)}
    for key in ("kind", "layout", "style"):
        for v in sorted({r[key] for r in rows}):
            out[f"{key}={v}"] = summary([r for r in rows if r[key] == v])
    bins = np.linspace(0, 1, 11)
    ece = 0.0
    for lo, hi in zip(bins[:-1], bins[1:]):
        b = [r for r in rows if lo < r["conf"] <= hi or (lo == 0 and r["conf"] == 0)]
        if b:
            ece += len(b) / len(rows) * abs(np.mean([r["ok"] for r in b]) - np.mean([r["conf"] for r in b]))
    out["ece_10bins"] = round(float(ece), 5)
    for th in (0.5, 0.9):
        wrong_conf = [r for r in rows if not r["ok"] and r["conf"] >= th]
        out[f"wrong_with_conf_ge_{th}"] = len(wrong_conf)
        out[f"abstain_below_{th}"] = round(float(np.mean([r["conf"] < th for r in rows])), 4)
    return out


def export(net, temperature, xv, log):
    import onnx
    import onnxruntime as ort
    MODELS.mkdir(parents=True, exist_ok=True)
    path = MODELS / "recognizer.onnx"
    m = nets.RecognizerExport(net.eval(), temperature).eval()
    dummy = torch.from_numpy(data.crop_tensor(xv[:2]))
    torch.onnx.export(m, (dummy,), str(path), opset_version=17, input_names=["image"], output_names=["log_probs"],
                      dynamic_axes={"image": {0: "batch"}, "log_probs": {0: "batch"}}, do_constant_folding=True,
                      dynamo=False)
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    meta = {"dongseon.model": "plate-recognizer", "dongseon.temperature": str(temperature),
            "dongseon.vocab": "vocab.json", "dongseon.input": "image float32 [N,3,64,192] RGB (x/255-0.5)/0.5",
            "dongseon.output": "log_probs float32 [N,96,81] = log_softmax(logits/temperature); T: top row cols then bottom row"}
    for k, v in meta.items():
        p = model.metadata_props.add(); p.key, p.value = k, v
    onnx.save(model, str(path))
    so = ort.SessionOptions(); so.intra_op_num_threads = 1; so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    xb = data.crop_tensor(xv[:64])
    with torch.no_grad():
        ref = m(torch.from_numpy(xb)).numpy()
    got = sess.run(["log_probs"], {"image": xb})[0]
    maxdiff = float(np.abs(ref - got).max())
    assert maxdiff < 1e-3, f"onnxruntime differs from torch by {maxdiff}"
    times = []
    one = xb[:1]
    for _ in range(50):
        sess.run(None, {"image": one})
    for i in range(500):
        t = time.perf_counter(); sess.run(None, {"image": xb[i % 64: i % 64 + 1]}); times.append((time.perf_counter() - t) * 1000)
    lat = {"p50_ms": round(float(np.percentile(times, 50)), 3), "p95_ms": round(float(np.percentile(times, 95)), 3),
           "runs": len(times), "threads": 1, "onnxruntime": ort.__version__}
    size = path.stat().st_size
    log({"event": "exported", "path": str(path), "bytes": size, "max_abs_diff_vs_torch": maxdiff, "latency": lat})
    vocab.write_vocab(MODELS / "vocab.json")
    return {"bytes": size, "max_abs_diff_vs_torch": maxdiff, "latency": lat}


ARCH_TEXT = {
    "base": "arch `base` (`nets.Recognizer`): CNN to 2 rows x 48 columns, the height halved by each of the first three convolutions",
    "tall": "arch `tall` (`nets.RecognizerTall`): the same layers, the second convolution keeping the height, to 8 rows x 48 "
            "columns; each of the 2 output rows a softmax-weighted mean over the 8 rows per column (learned line pooling)",
}


def write_card(cfg, state, temperature, metrics, exp, net, data_dirs):
    c = cfg["recognizer"]
    gen = json.loads((data_dirs[0] / "DONE").read_text())["generator"] if (data_dirs[0] / "DONE").exists() else "?"
    standin = gen.startswith("standin")
    txt = f"""# Plate recogniser — model card

`recognizer.onnx` · trained by `training/plates/train_recognizer.py` (issue 13) · exported {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit `{git_head()[:12]}` (the pipeline's code may be in the commit after it)

## Intended use and limits
Reads a rectified Korean plate crop (192x64 RGB; one- and two-line plates) into top-k candidate texts with
calibrated confidences, on the edge's recognize worker (onnxruntime-node). Input/output contract and the
decoder: `README.md` beside this file.
{"**Trained on the PIL stand-in renderer (`training/plates/standin_render.py`), not on the project's generator, which was not in the tree when this model was trained. Its accuracy on the generator's data and on real photographs is not known; it must be retrained with the generator before it is relied on.**" if standin else ""}
Synthetic data only; never trained or calibrated on an evaluation seed (>= {cfg['evaluation_seed_min']}) or a held-out font.
Accuracy on real photographs is not measured here. A read is a candidate list, not a confirmed read (confirmation
needs agreement across frames).

## Data
- generator: `{gen}`; font set: `{cfg['generator']['fonts']}`
- training seeds {c['train_seeds']} x {c['crops_per_seed']} crops = {len(c['train_seeds']) * c['crops_per_seed']} crops (minus any text outside the vocabulary)
- validation seed {c['val_seed']}: {c['val_crops']} crops (early stopping, temperature)
- on-the-fly augmentation: brightness/contrast jitter, shifts of up to 3 px

## Parameters
- {nets.count_params(net)} parameters; ONNX file {exp['bytes']} bytes; opset 17; dynamic batch
- {ARCH_TEXT[arch_of(cfg)]}{f"; warm-started from `{c['init_from']}` (see the run notes)" if c.get("init_from") else ""}
- global context, per-row 1-D conv, classifier over {len(vocab.TOKENS)} classes; CTC with T = 96 (top row's 48 columns, then the bottom row's)
- sampling: plates of the small-glyph styles ({", ".join(sorted(SMALL_GLYPH_STYLES))}) drawn {c.get("small_glyph_weight", 1.0)}x as often as the others
- AdamW lr {c['lr']} (cosine over {c['max_epochs']} x {c['steps_per_epoch']} steps), batch {c['batch_size']}, weight decay 1e-4, torch seed {c['torch_seed']}
- epochs run: {state['epoch']} (stop: {state.get('stop')}); best epoch by greedy validation exact: {state['best']:.4f}
- training time: {state['train_s'] / 60:.1f} min on {set_threads()} CPU thread(s) ({python_info()})
- temperature: **{temperature}** (folded into the graph: `log_probs = log_softmax(logits / {temperature})`)

## Metrics on the validation seed {c['val_seed']} (beam search, beam {decode.BEAM}, temperature-scaled)
```
{json.dumps(metrics, indent=1, ensure_ascii=False)}
```
## Latency (onnxruntime {exp['latency']['onnxruntime']}, Python, 1 thread, batch 1, this machine: 2 shared cores)
p50 {exp['latency']['p50_ms']} ms, p95 {exp['latency']['p95_ms']} ms over {exp['latency']['runs']} runs; ONNX vs torch max |diff| {exp['max_abs_diff_vs_torch']:.2e}

## Training log
```
{chr(10).join(json.dumps(h) for h in state['history'])}
```
"""
    (MODELS / "recognizer.card.md").write_text(txt)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fresh", action="store_true", help="ignore an existing checkpoint")
    ap.add_argument("--max-minutes", type=float, default=0.0)
    ap.add_argument("--export-only", action="store_true")
    ap.add_argument("--stop-at", default="", help="UTC wall-clock time HH:MM (today) after which no epoch starts")
    args = ap.parse_args()
    cfg = load_config()
    set_threads()
    RUN = run_dir(cfg)
    RUN.mkdir(parents=True, exist_ok=True)
    log = JsonLog(RUN / "log.jsonl")
    if args.export_only:
        state = torch.load(RUN / "last.pt", weights_only=False)["state"]
    else:
        state = train(cfg, args, log)
    c = cfg["recognizer"]
    _, _, _, xv, yv, mv, dirs = build_data(cfg) if not args.export_only else (None, None, None, *_val_only(cfg))
    net = nets.make_recognizer(len(vocab.TOKENS), arch_of(cfg))
    net.load_state_dict(torch.load(RUN / "best.pt", weights_only=False)["net"])
    net.eval()
    logits = logits_of(net, xv)
    T = calibrate(logits, yv, log)
    metrics = evaluate(logits, yv, mv, T)
    log({"event": "validation", **metrics})
    exp = export(net, T, xv, log)
    write_card(cfg, state, T, metrics, exp, net, dirs)
    (RUN / "export.json").write_text(json.dumps({"temperature": T, "metrics": metrics, "export": exp}, indent=1))


def _val_only(cfg):
    c = cfg["recognizer"]
    dv = data.generate(c["val_seed"], c["val_crops"], 0, cfg["generator"]["fonts"])
    xv, yv, mv = data.load_crops(dv)
    dirs = [data.generate(s, c["crops_per_seed"], 0, cfg["generator"]["fonts"]) for s in c["train_seeds"]] + [dv]
    return xv, yv, mv, dirs


if __name__ == "__main__":
    main()
