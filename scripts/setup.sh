#!/usr/bin/env bash
# Prepares this checkout to run: Qt's system libraries (Debian/Ubuntu) and a virtualenv in .venv.
# Usage: scripts/setup.sh app|test    ("test" also installs the test and lint tools)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"

# --- Qt's shared libraries --------------------------------------------------------------
# soname:package pairs. The offscreen set is enough for tests; the app also needs xcb.
offscreen_libs="libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0
libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6 libdbus-1.so.3:libdbus-1-3
libglib-2.0.so.0:libglib2.0-0"
xcb_libs="libX11-xcb.so.1:libx11-xcb1 libxcb-cursor.so.0:libxcb-cursor0
libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0 libxcb-keysyms.so.1:libxcb-keysyms1
libxcb-randr.so.0:libxcb-randr0 libxcb-render-util.so.0:libxcb-render-util0
libxcb-shape.so.0:libxcb-shape0 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon-x11.so.0:libxkbcommon-x11-0"
wanted="$offscreen_libs"
[ "$what" = app ] && wanted="$wanted $xcb_libs"

missing=""
known=$(ldconfig -p 2>/dev/null || true)
for pair in $wanted; do
  soname="${pair%%:*}"
  grep -q "$soname" <<<"$known" || missing="$missing ${pair##*:}"
done
if ! ls /usr/share/fonts/truetype/*/*.ttf >/dev/null 2>&1; then
  missing="$missing fonts-dejavu-core"
fi

if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system libraries Qt needs:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    packages=""
    for p in $missing; do
      # Newer Debian and Ubuntu renamed some libraries with a t64 suffix.
      if apt-cache show "$p" >/dev/null 2>&1; then packages="$packages $p"
      elif apt-cache show "${p}t64" >/dev/null 2>&1; then packages="$packages ${p}t64"
      else echo "warning: no package $p here" >&2; fi
    done
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $packages >/dev/null
  else
    echo "Qt needs some system libraries first. Please run:" >&2
    echo "  sudo apt-get install$missing" >&2
    exit 1
  fi
fi

# --- The virtualenv ------------------------------------------------------------------------
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
extra=""
[ "$what" = test ] && extra="[test]"
stamp=".venv/.installed-$what-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Setting up .venv (first run only)…"
  log=$(mktemp)
  # Quiet unless something goes wrong: then the whole pip output is shown.
  if ! { .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extra"; } >"$log" 2>&1
  then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  touch "$stamp"
fi
