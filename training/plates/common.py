"""Shared helpers of the plate models' pipeline: paths, configuration (with the seed rule), seeding,
the quiet flag, thread count and a tiny JSON-lines logger."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONFIG = Path(os.environ.get("DS_PLATES_CONFIG", HERE / "config.json"))
# git-ignored: checkpoints and logs per configuration; generated data is shared under .runs/data
RUNS = HERE / ".runs" / ("main" if CONFIG.name == "config.json" else CONFIG.stem)
DATA = HERE / ".runs" / "data"
MODELS = Path(os.environ.get("DS_PLATES_MODELS", REPO / "models" / "plates"))   # committed exports
QUIET_FLAG = Path(os.environ.get("DS_QUIET_FLAG", "/tmp/ds-quiet"))


def load_config() -> dict:
    cfg = json.loads(CONFIG.read_text())
    check_seed_rule(cfg)
    return cfg


def check_seed_rule(cfg: dict) -> None:
    """Evaluation seeds (>= evaluation_seed_min) are never used by training or validation, and
    validation seeds are never training seeds."""
    lim = cfg["evaluation_seed_min"]
    for model in ("recognizer", "detector"):
        m = cfg[model]
        seeds = list(m["train_seeds"]) + [m["val_seed"]]
        assert all(isinstance(s, int) and 0 <= s < lim for s in seeds), \
            f"{model}: training/validation seeds must be integers in [0, {lim}); evaluation owns >= {lim}"
        assert m["val_seed"] not in m["train_seeds"], f"{model}: validation seed is a training seed"
    assert cfg["recognizer"]["val_seed"] not in cfg["detector"]["train_seeds"] and \
        cfg["detector"]["val_seed"] not in cfg["recognizer"]["train_seeds"], \
        "a detector validation seed is used to train the recogniser"
    assert cfg["generator"]["fonts"] == "training", "training uses the training font set only"


def seed_everything(seed: int) -> None:
    import numpy as np
    import torch
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def set_threads() -> int:
    import torch
    n = int(os.environ.get("DS_TRAIN_THREADS", "1"))
    torch.set_num_threads(n)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    return n


def wait_while_quiet(log=None) -> float:
    """Blocks while the quiet flag exists (benchmarks running on the shared cores); polls every 60 s.
    Returns the seconds waited."""
    waited = 0.0
    announced = False
    while QUIET_FLAG.exists():
        if not announced:
            msg = f"quiet flag {QUIET_FLAG} present: paused"
            print(msg, flush=True)
            if log:
                log({"event": "paused"})
            announced = True
        time.sleep(60)
        waited += 60
    if announced:
        print(f"quiet flag gone after {waited:.0f} s: resuming", flush=True)
        if log:
            log({"event": "resumed", "waited_s": waited})
    return waited


def git_head() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        return head
    except Exception:  # noqa: BLE001
        return "unknown"


class JsonLog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path

    def __call__(self, rec: dict) -> None:
        rec = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **rec}
        with self.path.open("a") as f:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(json.dumps(rec, ensure_ascii=False), flush=True)


def python_info() -> dict:
    import numpy
    import torch
    return {"python": sys.version.split()[0], "torch": torch.__version__, "numpy": numpy.__version__}
