#!/usr/bin/env bash
# Installs the locked npm dependencies when node_modules is missing or older than package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# better-sqlite3 compiles its addon at install (no prebuilt binary is reachable offline); node-gyp then needs Node's
# headers, which Debian's nodejs puts under /usr/include/node: point it there instead of a download.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "ensure-node-deps: running npm ci" >&2
  ONNXRUNTIME_NODE_INSTALL=skip npm ci
fi

# An install that ran no dependency scripts (npm's coming default) leaves better-sqlite3 without its addon.
if [[ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]]; then
  echo "ensure-node-deps: building better-sqlite3's native addon" >&2
  npm rebuild better-sqlite3
fi
