#!/usr/bin/env bash
# Everything CI checks: types, lint, unit tests and integration tests against a real stack.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/ensure-node-deps.sh
npx tsc --noEmit
npx tsc --noEmit -p console
npx eslint --max-warnings 0 .
# The browser tests open the console the gateway serves from console/dist.
node --import tsx infra/bin/ensure-console-build.ts
npx vitest run
