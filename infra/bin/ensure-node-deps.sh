#!/usr/bin/env bash
# Installs the locked npm dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "ensure-node-deps: running npm ci" >&2
  ONNXRUNTIME_NODE_INSTALL=skip npm ci
fi
