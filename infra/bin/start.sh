#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
bash infra/bin/ensure-node-deps.sh
# The demo's CCTV cameras send frames drawn with the plate renderer, whose fonts come from Debian packages.
node --import tsx infra/bin/ensure-plate-fonts.ts
# The gateway serves the operations console from console/dist: built here when missing or out of date.
node --import tsx infra/bin/ensure-console-build.ts
# Node itself, with tsx as a loader: the tsx command would sit in between and SIGKILL the hub when a second Ctrl-C
# (npm forwards the terminal's) is not acknowledged within 30 ms while the services are being stopped.
exec node --import tsx infra/start.ts
