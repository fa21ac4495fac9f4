#!/usr/bin/env bash
# Everything CI checks: types, lint, unit tests and integration tests against a real stack.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/ensure-node-deps.sh
npx tsc --noEmit
npx eslint --max-warnings 0 .
npx vitest run
