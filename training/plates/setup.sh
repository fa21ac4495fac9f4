#!/usr/bin/env bash
# Creates training/.venv (git-ignored) and installs the pinned requirements of the plate models' pipeline.
# Usage: bash training/plates/setup.sh   (from anywhere; idempotent)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/../.venv"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --upgrade --quiet pip==25.2
"$venv/bin/python" -m pip install --requirement "$here/requirements.txt"
"$venv/bin/python" -c "import torch, onnx, onnxruntime, numpy, PIL; print('torch', torch.__version__, 'onnx', onnx.__version__, 'onnxruntime', onnxruntime.__version__, 'numpy', numpy.__version__, 'pillow', PIL.__version__)"
