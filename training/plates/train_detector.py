"""Trains the plate detector (CenterNet-style, stride 4), exports models/plates/detector.onnx and
detector.card.md.

    training/.venv/bin/python training/plates/train_detector.py [--fresh] [--max-minutes M] [--export-only]

Resumes from .runs/<config>/detector-<generator>/last.pt when it exists. Trains on random patches of the
640x384 detector input (with a random zoom of 0.6-1.5x), validates on whole inputs of the validation seed;
early stop on validation F1. Pauses between steps while the quiet flag exists."""
from __future__ import annotations

import argparse
import json
import math
import time

import numpy as np
import torch
import torch.nn.functional as F

import data
import decode
import nets
from common import MODELS, RUNS, JsonLog, git_head, load_config, python_info, seed_everything, set_threads, \
    wait_while_quiet

RUN = RUNS / f"detector-{data.generator_kind()}"
S = nets.Detector.STRIDE


def build_data(cfg, train=True):
    c = cfg["detector"]
    fonts = cfg["generator"]["fonts"]
    xs, cs, dirs = [], [], []
    if train:
        for s in c["train_seeds"]:
            d = data.generate(s, 0, c["frames_per_seed"], fonts)
            x, cc, _ = data.load_frames(d)
            xs.append(x); cs += cc; dirs.append(d)
    dv = data.generate(c["val_seed"], 0, c["val_frames"], fonts)
    xv, cv, mv = data.load_frames(dv)
    return (np.concatenate(xs) if xs else None), cs, xv, cv, mv, dirs + [dv]


def make_targets(corner_sets, h, w):
    """corner_sets: per image an array [P,4,2] in patch input pixels. Returns heatmap [N,1,h,w],
    offsets [N,8,h,w], offset weights [N,1,h,w], number of plates."""
    n = len(corner_sets)
    hm = np.zeros((n, 1, h, w), np.float32)
    off = np.zeros((n, 8, h, w), np.float32)
    wt = np.zeros((n, 1, h, w), np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    count = 0
    for i, cs in enumerate(corner_sets):
        for c in cs:
            ctr = c.mean(axis=0)
            gx, gy = (ctr[0] - 2) / S, (ctr[1] - 2) / S            # continuous cell coordinates
            ix, iy = int(round(gx)), int(round(gy))
            if not (0 <= ix < w and 0 <= iy < h):
                continue
            pw = max(np.linalg.norm(c[1] - c[0]), np.linalg.norm(c[2] - c[3])) / S
            ph = max(np.linalg.norm(c[3] - c[0]), np.linalg.norm(c[2] - c[1])) / S
            sigma = max(0.7, math.sqrt(pw * ph) / 6)
            g = np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * sigma ** 2))
            hm[i, 0] = np.maximum(hm[i, 0], g)
            hm[i, 0, iy, ix] = 1.0
            count += 1
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    cx, cy = ix + dx, iy + dy
                    if 0 <= cx < w and 0 <= cy < h:
                        ref = np.array([S * cx + 2, S * cy + 2], np.float32)
                        off[i, :, cy, cx] = ((c - ref) / S).reshape(8)
                        wt[i, 0, cy, cx] = 1.0 if (dx, dy) == (0, 0) else 0.5
    return hm, off, wt, count


def sample_batch(x, corners, bs, patch, g):
    ph, pw = patch
    imgs, cs = [], []
    for _ in range(bs):
        i = int(torch.randint(0, len(x), (1,), generator=g))
        z = float(torch.empty(1).uniform_(math.log(0.6), math.log(1.5), generator=g).exp())
        sh, sw = min(data.DET_H, int(round(ph / z))), min(data.DET_W, int(round(pw / z)))
        c = corners[i]
        if len(c) and float(torch.rand(1, generator=g)) < 0.8:       # mostly patches that hold a plate
            k = int(torch.randint(0, len(c), (1,), generator=g))
            cx, cy = c[k].mean(axis=0)
            y0 = int(np.clip(cy - float(torch.rand(1, generator=g)) * sh, 0, data.DET_H - sh))
            x0 = int(np.clip(cx - float(torch.rand(1, generator=g)) * sw, 0, data.DET_W - sw))
        else:
            y0 = int(torch.randint(0, data.DET_H - sh + 1, (1,), generator=g))
            x0 = int(torch.randint(0, data.DET_W - sw + 1, (1,), generator=g))
        im = torch.from_numpy(x[i, y0:y0 + sh, x0:x0 + sw]).permute(2, 0, 1).float()
        im = F.interpolate(im[None], size=(ph, pw), mode="bilinear", align_corners=False)[0]
        cc = c.copy()
        cc[..., 0] = (cc[..., 0] - x0) * (pw / sw)
        cc[..., 1] = (cc[..., 1] - y0) * (ph / sh)
        imgs.append(im); cs.append(cc)
    xb = (torch.stack(imgs) / 255.0 - 0.5) / 0.5
    n = xb.shape[0]
    a = 1 + (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.6
    b = (torch.rand(n, 1, 1, 1, generator=g) - 0.5) * 0.4
    return (xb * a + b).clamp(-1, 1), cs


def focal_loss(logit, hm, n):
    p = torch.sigmoid(logit).clamp(1e-4, 1 - 1e-4)
    pos = hm.eq(1).float()
    neg = 1 - pos
    lp = torch.log(p) * (1 - p) ** 2 * pos
    ln = torch.log(1 - p) * p ** 2 * (1 - hm) ** 4 * neg
    return -(lp.sum() + ln.sum()) / max(1, n)


def to_input(x_uint8):
    return torch.from_numpy(((x_uint8.astype(np.float32) / 255.0 - 0.5) / 0.5).transpose(0, 3, 1, 2).copy())


@torch.no_grad()
def validate(net, xv, cv, threshold=decode.DET_THRESHOLD):
    """Recall / precision (a detection matches a plate when their corner boxes have IoU >= 0.5) and the mean
    corner error of matched plates, in detector-input pixels and in 1280x720 frame pixels (x2)."""
    net.eval()
    tp = fp = fn = 0
    errs, small_tp, small_n = [], 0, 0
    geo = {"scale_x": 1.0, "scale_y": 1.0}
    for i in range(0, len(xv), 8):
        y = net(to_input(xv[i:i + 8]))
        hm = torch.sigmoid(y[:, :1]).numpy(); off = y[:, 1:].numpy()
        for j in range(y.shape[0]):
            dets = decode.detect(hm[j], off[j], geo, threshold)
            gts = cv[i + j]
            used = set()
            for gt in gts:
                gbox = decode._box(gt.tolist())
                best, bi = 0.0, -1
                for k, d in enumerate(dets):
                    if k in used:
                        continue
                    iou = decode._iou(gbox, d["box"])
                    if iou > best:
                        best, bi = iou, k
                small = (gbox[2] - gbox[0]) < 30       # under 60 px wide in the 1280 frame
                small_n += small
                if best >= 0.5:
                    used.add(bi); tp += 1; small_tp += small
                    errs.append(float(np.mean(np.linalg.norm(np.array(dets[bi]["corners"]) - gt, axis=1))))
                else:
                    fn += 1
            fp += len(dets) - len(used)
    rec = tp / max(1, tp + fn); prec = tp / max(1, tp + fp)
    return {"recall": round(rec, 4), "precision": round(prec, 4), "f1": round(2 * rec * prec / max(1e-9, rec + prec), 4),
            "corner_err_input_px": round(float(np.mean(errs)), 3) if errs else None,
            "corner_err_frame_px": round(2 * float(np.mean(errs)), 3) if errs else None,
            "small_recall": round(small_tp / max(1, small_n), 4), "small_plates": small_n, "plates": tp + fn,
            "threshold": threshold}


def train(cfg, args, log):
    c = cfg["detector"]
    seed_everything(c["torch_seed"])
    x, cs, xv, cv, mv, dirs = build_data(cfg)
    log({"event": "data", "train_frames": len(x), "train_plates": int(sum(len(a) for a in cs)),
         "val_frames": len(xv), "val_plates": int(sum(len(a) for a in cv)), "dirs": [d.name for d in dirs]})
    net = nets.Detector()
    opt = torch.optim.AdamW(net.parameters(), lr=c["lr"], weight_decay=1e-4)
    total = c["max_epochs"] * c["steps_per_epoch"]
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
    g = torch.Generator().manual_seed(c["torch_seed"])
    state = {"epoch": 0, "best": -1.0, "bad": 0, "train_s": 0.0, "history": []}
    last = RUN / "last.pt"
    if last.exists() and not args.fresh:
        ck = torch.load(last, weights_only=False)
        net.load_state_dict(ck["net"]); opt.load_state_dict(ck["opt"]); sched.load_state_dict(ck["sched"])
        g.set_state(ck["gen"]); state = ck["state"]
        log({"event": "resumed", "epoch": state["epoch"]})
    budget = args.max_minutes * 60 if args.max_minutes else math.inf
    t_start = time.time()
    stop = None
    ph, pw = c["train_patch"]
    while stop is None:
        if state["epoch"] >= c["max_epochs"]:
            stop = "max_epochs"; break
        if state["bad"] >= c["early_stop_patience"]:
            stop = "early_stop"; break
        if args.stop_at and time.strftime("%H:%M", time.gmtime()) >= args.stop_at:
            stop = "deadline"; break
        net.train()
        t0 = time.time()
        lh, lo = [], []
        for _ in range(c["steps_per_epoch"]):
            wait_while_quiet(log)
            xb, cb = sample_batch(x, cs, c["batch_size"], (ph, pw), g)
            hm, off, wt, n = make_targets(cb, ph // S, pw // S)
            y = net(xb)
            l_h = focal_loss(y[:, :1], torch.from_numpy(hm), n)
            wt_t = torch.from_numpy(wt)
            l_o = (F.smooth_l1_loss(y[:, 1:], torch.from_numpy(off), reduction="none", beta=0.1) * wt_t).sum() / \
                max(1.0, float(wt_t.sum()) * 8) * 8
            loss = l_h + 0.5 * l_o
            opt.zero_grad(); loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 10.0)
            opt.step(); sched.step()
            lh.append(l_h.item()); lo.append(l_o.item())
        dt = time.time() - t0
        state["train_s"] += dt
        wait_while_quiet(log)
        v = validate(net, xv, cv)
        state["epoch"] += 1
        if v["f1"] > state["best"]:
            state["best"], state["bad"] = v["f1"], 0
            torch.save({"net": net.state_dict(), "epoch": state["epoch"], "val": v}, RUN / "best.pt")
        else:
            state["bad"] += 1
        rec = {"event": "epoch", "epoch": state["epoch"], "loss_heatmap": round(float(np.mean(lh)), 4),
               "loss_corners": round(float(np.mean(lo)), 4), **{f"val_{k}": v2 for k, v2 in v.items()},
               "epoch_s": round(dt, 1), "train_s": round(state["train_s"], 1)}
        state["history"].append(rec)
        log(rec)
        torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "gen": g.get_state(), "state": state}, last)
        if time.time() - t_start >= budget:
            stop = "time_budget"
    state["stop"] = stop
    torch.save({"net": net.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                "gen": g.get_state(), "state": state}, last)
    log({"event": "stopped", "reason": stop, "epochs": state["epoch"], "best_val_f1": state["best"]})
    return state


def export(net, xv, log):
    import onnx
    import onnxruntime as ort
    MODELS.mkdir(parents=True, exist_ok=True)
    path = MODELS / "detector.onnx"
    m = nets.DetectorExport(net.eval()).eval()
    dummy = to_input(xv[:1])
    torch.onnx.export(m, (dummy,), str(path), opset_version=17, input_names=["image"],
                      output_names=["heatmap", "corners"],
                      dynamic_axes={"image": {0: "batch"}, "heatmap": {0: "batch"}, "corners": {0: "batch"}},
                      do_constant_folding=True, dynamo=False)
    model = onnx.load(str(path))
    onnx.checker.check_model(model)
    meta = {"dongseon.model": "plate-detector", "dongseon.stride": "4",
            "dongseon.input": "image float32 [N,3,384,640] RGB (x/255-0.5)/0.5, frame resized to fit, top-left, zero-padded",
            "dongseon.output": "heatmap [N,1,96,160] sigmoid; corners [N,8,96,160] (dx,dy) x4 TL,TR,BR,BL from cell centre (4x+2,4y+2), in px/4"}
    for k, v in meta.items():
        p = model.metadata_props.add(); p.key, p.value = k, v
    onnx.save(model, str(path))
    so = ort.SessionOptions(); so.intra_op_num_threads = 1; so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    xb = to_input(xv[:4]).numpy()
    with torch.no_grad():
        rh, rc = [t.numpy() for t in m(torch.from_numpy(xb))]
    gh, gc = sess.run(["heatmap", "corners"], {"image": xb})
    maxdiff = float(max(np.abs(rh - gh).max(), np.abs(rc - gc).max()))
    assert maxdiff < 1e-3, f"onnxruntime differs from torch by {maxdiff}"
    times = []
    for i in range(10):
        sess.run(None, {"image": xb[i % 4:i % 4 + 1]})
    for i in range(100):
        t = time.perf_counter(); sess.run(None, {"image": xb[i % 4:i % 4 + 1]}); times.append((time.perf_counter() - t) * 1000)
    lat = {"p50_ms": round(float(np.percentile(times, 50)), 3), "p95_ms": round(float(np.percentile(times, 95)), 3),
           "runs": len(times), "threads": 1, "onnxruntime": ort.__version__}
    size = path.stat().st_size
    log({"event": "exported", "path": str(path), "bytes": size, "max_abs_diff_vs_torch": maxdiff, "latency": lat})
    return {"bytes": size, "max_abs_diff_vs_torch": maxdiff, "latency": lat}


def write_card(cfg, state, val, val_by_th, exp, net, dirs):
    c = cfg["detector"]
    gen = json.loads((dirs[0] / "DONE").read_text())["generator"] if (dirs[0] / "DONE").exists() else "?"
    standin = gen.startswith("standin")
    txt = f"""# Plate detector — model card

`detector.onnx` · trained by `training/plates/train_detector.py` (issue 13) · exported {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at commit `{git_head()[:12]}` (the pipeline's code may be in the commit after it)

## Intended use and limits
Finds Korean plates in a camera frame (any size; 1280x720 is resized to 640x360 and padded to 640x384) and
returns each plate's four corners (TL, TR, BR, BL) so the crop can be rectified to 192x64 for the recogniser.
Contract and decoding: `README.md` beside this file.
{"**Trained on the PIL stand-in renderer (`training/plates/standin_render.py`), not on the project's generator, which was not in the tree when this model was trained. Its recall on the generator's frames and on real photographs is not known; it must be retrained with the generator before it is relied on.**" if standin else ""}
Synthetic frames only; never trained on an evaluation seed (>= {cfg['evaluation_seed_min']}) or a held-out font.
Plates under ~40 px wide in a 1280-wide frame are at the edge of what stride 4 at half resolution can separate.

## Data
- generator: `{gen}`; font set: `{cfg['generator']['fonts']}`
- training seeds {c['train_seeds']} x {c['frames_per_seed']} frames = {len(c['train_seeds']) * c['frames_per_seed']} frames
- validation seed {c['val_seed']}: {c['val_frames']} frames
- training on random {c['train_patch'][0]}x{c['train_patch'][1]} patches of the 640x384 input with a random zoom 0.6-1.5x and brightness/contrast jitter

## Parameters
- {nets.count_params(net)} parameters; ONNX file {exp['bytes']} bytes; opset 17; dynamic batch
- backbone of depthwise-separable convolutions to stride 32, top-down path to stride 4, head: 1 heatmap logit + 8 corner offsets
- heatmap target: Gaussian at the plate centre (mean of the corners), sigma = max(0.7, sqrt(w*h)/6) cells; focal loss (alpha 2, beta 4); corner offsets: smooth L1 on the centre cell and its 8 neighbours
- AdamW lr {c['lr']} (cosine over {c['max_epochs']} x {c['steps_per_epoch']} steps), batch {c['batch_size']}, torch seed {c['torch_seed']}
- epochs run: {state['epoch']} (stop: {state.get('stop')}); best validation F1 {state['best']}
- training time: {state['train_s'] / 60:.1f} min on {set_threads()} CPU thread(s) ({python_info()})

## Metrics on the validation seed {c['val_seed']} (threshold {decode.DET_THRESHOLD}; a plate is found when IoU of the corner boxes >= 0.5)
```
{json.dumps(val, indent=1)}
```
By threshold:
```
{chr(10).join(json.dumps(v) for v in val_by_th)}
```
## Latency (onnxruntime {exp['latency']['onnxruntime']}, Python, 1 thread, batch 1, 640x384 input, this machine: 2 shared cores)
p50 {exp['latency']['p50_ms']} ms, p95 {exp['latency']['p95_ms']} ms over {exp['latency']['runs']} runs; ONNX vs torch max |diff| {exp['max_abs_diff_vs_torch']:.2e}

## Training log
```
{chr(10).join(json.dumps(h) for h in state['history'])}
```
"""
    (MODELS / "detector.card.md").write_text(txt)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fresh", action="store_true")
    ap.add_argument("--max-minutes", type=float, default=0.0)
    ap.add_argument("--export-only", action="store_true")
    ap.add_argument("--stop-at", default="", help="UTC wall-clock time HH:MM (today) after which no epoch starts")
    args = ap.parse_args()
    cfg = load_config()
    set_threads()
    RUN.mkdir(parents=True, exist_ok=True)
    log = JsonLog(RUN / "log.jsonl")
    if args.export_only:
        state = torch.load(RUN / "last.pt", weights_only=False)["state"]
    else:
        state = train(cfg, args, log)
    _, _, xv, cv, mv, dirs = build_data(cfg, train=False)
    dirs = [data.generate(s, 0, cfg["detector"]["frames_per_seed"], cfg["generator"]["fonts"])
            for s in cfg["detector"]["train_seeds"]] + dirs
    net = nets.Detector()
    net.load_state_dict(torch.load(RUN / "best.pt", weights_only=False)["net"])
    net.eval()
    val = validate(net, xv, cv)
    by_th = [validate(net, xv, cv, th) for th in (0.2, 0.4, 0.5)]
    log({"event": "validation", **val})
    exp = export(net, xv, log)
    write_card(cfg, state, val, by_th, exp, net, dirs)
    (RUN / "export.json").write_text(json.dumps({"val": val, "export": exp}, indent=1))


if __name__ == "__main__":
    main()
