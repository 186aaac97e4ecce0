#!/usr/bin/env bash
# Re-resolves packaging/requirements.lock: exact versions with sha256 hashes for every
# platform (Linux, Windows, macOS) of what pyproject.toml's dependencies and
# packaging/build-requirements.in allow. Needs PyPI; commit the result.
# Usage: bash packaging/update-lock.sh                    newest allowed versions of everything
#        bash packaging/update-lock.sh -P matplotlib      only that package (uv's --upgrade-package)
set -euo pipefail
cd "$(dirname "$0")/.."
tools=build/lock-tools
uv_version=0.13.8
if [ ! -x "$tools/bin/uv" ] || [ "$("$tools/bin/uv" --version | cut -d' ' -f2)" != "$uv_version" ]; then
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install -q --disable-pip-version-check "uv==$uv_version"
fi
[ $# -gt 0 ] || set -- --upgrade
"$tools/bin/uv" pip compile pyproject.toml packaging/build-requirements.in \
  --universal --python-version 3.11 --generate-hashes --no-annotate \
  --custom-compile-command "bash packaging/update-lock.sh" \
  --output-file packaging/requirements.lock "$@"
