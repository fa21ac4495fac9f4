#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/ensure-node-deps.sh
exec node_modules/.bin/tsx infra/start.ts
