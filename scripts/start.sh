#!/usr/bin/env bash
# Starts Recovery Journal from this checkout (sets it up on first use). Arguments pass through,
# e.g. `bash scripts/start.sh --demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/recovery-journal "$@"
