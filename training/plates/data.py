"""Training data: made by the project's generator for a seed (subprocess), cached under .runs/data/, loaded
into arrays. A seed gives the same data: the generator is deterministic for (seed, counts, fonts).

Generator: `npm run plates:generate -- --seed S --crops N --frames M --out DIR --fonts training` when the
working tree has that script; otherwise (or with DS_PLATES_GENERATOR=standin) the PIL stand-in
(standin_render.py), and the cards of models trained on it say so."""
from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

import vocab
from common import DATA, HERE, QUIET_FLAG, REPO, git_head, wait_while_quiet

CROP_W, CROP_H = 192, 64
DET_W, DET_H = 640, 384          # detector input (frame resized to fit 640x384, top-left, zero-padded)


def generator_kind() -> str:
    forced = os.environ.get("DS_PLATES_GENERATOR")
    if forced:
        assert forced in ("project", "standin"), forced
        return forced
    pkg = json.loads((REPO / "package.json").read_text())
    return "project" if "plates:generate" in pkg.get("scripts", {}) else "standin"


def generator_version(kind: str) -> str:
    if kind == "standin":
        return "standin_render.py@" + git_head()[:12]
    return "plates:generate@" + git_head()[:12]


def generate(seed: int, crops: int, frames: int, fonts: str = "training") -> Path:
    kind = generator_kind()
    out = DATA / f"{kind}-s{seed}-c{crops}-f{frames}-{fonts}"
    done = out / "DONE"
    if done.exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    if kind == "project":
        cmd = ["npm", "run", "--silent", "plates:generate", "--", "--seed", str(seed), "--crops", str(crops),
               "--frames", str(frames), "--out", str(out), "--fonts", fonts]
        cwd = REPO
    else:
        cmd = [sys.executable, str(HERE / "standin_render.py"), "--seed", str(seed), "--crops", str(crops),
               "--frames", str(frames), "--out", str(out), "--fonts", fonts]
        cwd = HERE
    print("generate:", " ".join(cmd), flush=True)
    run_quietly(cmd, cwd)
    version = generator_version(kind)
    manifest = out / "manifest.json"
    if manifest.exists():
        mf = json.loads(manifest.read_text())
        version = f"{mf.get('generator')} {mf.get('generatorVersion')} (plates:generate at commit {git_head()[:12]})"
    done.write_text(json.dumps({"cmd": cmd, "seconds": round(time.time() - t0, 1), "generator": version},
                               ensure_ascii=False) + "\n")
    return out


def run_quietly(cmd: list[str], cwd: Path) -> None:
    """Runs the generator in its own process group, stopping the group (SIGSTOP) while the quiet flag exists
    and continuing it (SIGCONT) when the flag is gone."""
    wait_while_quiet()
    proc = subprocess.Popen(cmd, cwd=cwd, start_new_session=True)
    stopped = False
    while proc.poll() is None:
        quiet = QUIET_FLAG.exists()
        if quiet and not stopped:
            print("quiet flag present: generator stopped", flush=True)
            os.killpg(proc.pid, signal.SIGSTOP); stopped = True
        elif not quiet and stopped:
            print("quiet flag gone: generator continued", flush=True)
            os.killpg(proc.pid, signal.SIGCONT); stopped = False
        time.sleep(5 if not stopped else 60)
    if proc.returncode != 0:
        raise SystemExit(f"generator failed ({proc.returncode}): {' '.join(cmd)}")


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def load_crops(d: Path) -> tuple[np.ndarray, list[list[int]], list[dict]]:
    """uint8 [N, 64, 192, 3], token id lists, metadata. Samples whose text the vocabulary cannot tokenise
    are dropped and counted (more than 1 % aborts)."""
    cache = d / "crops.npz"
    meta = read_jsonl(d / "crops.jsonl")
    keep, labels = [], []
    for m in meta:
        try:
            labels.append(vocab.encode(m["text"]))
            keep.append(m)
        except vocab.UnknownText as e:
            print("skip:", e, flush=True)
    if len(meta) and (len(meta) - len(keep)) / len(meta) > 0.01:
        raise SystemExit(f"{d}: {len(meta) - len(keep)} of {len(meta)} texts outside the vocabulary")
    if cache.exists():
        x = np.load(cache)["x"]
    else:
        x = np.zeros((len(keep), CROP_H, CROP_W, 3), np.uint8)
        for i, m in enumerate(keep):
            im = Image.open(d / m["file"]).convert("RGB")
            if im.size != (CROP_W, CROP_H):
                raise SystemExit(f"{m['file']}: {im.size}, expected {(CROP_W, CROP_H)}")
            x[i] = np.asarray(im)
        np.savez(cache, x=x)
    assert len(x) == len(keep)
    return x, labels, keep


def crop_tensor(x_uint8: np.ndarray) -> np.ndarray:
    """[N,H,W,3] uint8 RGB -> [N,3,H,W] float32, (x/255 - 0.5)/0.5, exactly as the README states."""
    x = x_uint8.astype(np.float32)
    x = (x / np.float32(255.0) - np.float32(0.5)) / np.float32(0.5)
    return np.ascontiguousarray(x.transpose(0, 3, 1, 2))


def resize_bilinear(img: np.ndarray, out_w: int, out_h: int) -> np.ndarray:
    """float32 [H,W,C] -> [out_h,out_w,C], bilinear with half-pixel centres (src = (dst + 0.5) * in/out - 0.5,
    clamped to [0, in-1]), no antialiasing. For an exact 2x reduction this is the mean of each 2x2 block."""
    h, w = img.shape[:2]
    def axis(n_in, n_out):
        s = (np.arange(n_out, dtype=np.float64) + 0.5) * (n_in / n_out) - 0.5
        s = np.clip(s, 0, n_in - 1)
        i0 = np.floor(s).astype(np.int64)
        i1 = np.minimum(i0 + 1, n_in - 1)
        f = (s - i0).astype(np.float32)
        return i0, i1, f
    y0, y1, fy = axis(h, out_h)
    x0, x1, fx = axis(w, out_w)
    top = img[y0] * (1 - fy)[:, None, None] + img[y1] * fy[:, None, None]
    return (top[:, x0] * (1 - fx)[None, :, None] + top[:, x1] * fx[None, :, None]).astype(np.float32)


def frame_geometry(width: int, height: int) -> dict:
    s = min(DET_W / width, DET_H / height)
    rw, rh = int(math.floor(width * s + 0.5)), int(math.floor(height * s + 0.5))   # JS Math.round
    return {"scale_x": rw / width, "scale_y": rh / height, "resized_w": rw, "resized_h": rh}


def frame_input(img_rgb_uint8: np.ndarray) -> tuple[np.ndarray, dict]:
    """One frame [H,W,3] uint8 -> detector input [3,384,640] float32 and its geometry. Normalise
    (x/255-0.5)/0.5 first, resize, then zero-pad right/bottom (0.0 in the normalised tensor)."""
    h, w = img_rgb_uint8.shape[:2]
    g = frame_geometry(w, h)
    x = (img_rgb_uint8.astype(np.float32) / np.float32(255.0) - np.float32(0.5)) / np.float32(0.5)
    if (g["resized_w"], g["resized_h"]) != (w, h):
        x = resize_bilinear(x, g["resized_w"], g["resized_h"])
    out = np.zeros((DET_H, DET_W, 3), np.float32)
    out[: g["resized_h"], : g["resized_w"]] = x
    return np.ascontiguousarray(out.transpose(2, 0, 1)), g


def load_frames(d: Path) -> tuple[np.ndarray, list[np.ndarray], list[dict]]:
    """Detector inputs as uint8 [N,384,640,3] (resized, padded with 127 ~ 0.0; the float tensor is made
    per batch) and per frame the plates' corners in input pixels [P,4,2]."""
    cache = d / "frames.npz"
    meta = read_jsonl(d / "frames.jsonl")
    corners = []
    for m in meta:
        g = frame_geometry(m["width"], m["height"])
        c = np.array([p["corners"] for p in m["plates"]], np.float32).reshape(-1, 4, 2)
        c[..., 0] *= g["scale_x"]
        c[..., 1] *= g["scale_y"]
        corners.append(c)
    if cache.exists():
        x = np.load(cache)["x"]
    else:
        x = np.full((len(meta), DET_H, DET_W, 3), 127, np.uint8)
        for i, m in enumerate(meta):
            im = np.asarray(Image.open(d / m["file"]).convert("RGB"))
            t, g = frame_input(im)
            u = np.clip(np.round((t.transpose(1, 2, 0) * 0.5 + 0.5) * 255.0), 0, 255).astype(np.uint8)
            x[i] = u
            x[i, g["resized_h"]:, :] = 127
            x[i, :, g["resized_w"]:] = 127
        np.savez(cache, x=x)
    return x, corners, meta
