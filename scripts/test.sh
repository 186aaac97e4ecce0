#!/usr/bin/env bash
# Every check CI runs: lint, types, the layer contract and the test suite (Qt offscreen).
# Arguments go to pytest, e.g. `bash scripts/test.sh tests/vault -x`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache --no-logo
.venv/bin/python -m pytest "$@"
