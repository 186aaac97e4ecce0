#!/usr/bin/env bash
# Adds Recovery Journal to your applications menu and your commands, for you alone (no sudo).
#
#   From the unpacked bundle (recovery-journal-<version>/install.sh): the bundle's programs.
#   From a source checkout (packaging/linux/install.sh): the programs of its .venv, which is
#   set up first if needed.
#
# Usage: install.sh [--program PATH] [--prefix DIR] [--uninstall]
#   --program PATH   the recovery-journal program to start (e.g. one pipx installed)
#   --prefix DIR     where to install (default ~/.local: share/… and bin/)
#   --uninstall      remove what this script installed (never your journal)
# The desktop entry's Exec is the program's absolute path, so it starts whatever your PATH is.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
id=io.github.recoveryjournal.RecoveryJournal
prefix="$HOME/.local"
program=""
uninstall=0
while [ $# -gt 0 ]; do
  case "$1" in
    --program) program="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --uninstall) uninstall=1; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
share="$prefix/share"
bin="$prefix/bin"
icon_sizes="16 24 32 48 64 128 256 512"

if [ "$uninstall" = 1 ]; then
  rm -f "$share/applications/$id.desktop" "$share/metainfo/$id.metainfo.xml" \
    "$share/icons/hicolor/scalable/apps/$id.svg"
  for size in $icon_sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/$id.png"; done
  for command in recovery-journal recovery-journal-cli; do
    # Only links this script made: a program installed otherwise (pipx) stays.
    [ -L "$bin/$command" ] && rm -f "$bin/$command"
  done
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
  echo "Removed the menu entry and commands. Your journal is untouched, in"
  echo "  ${XDG_DATA_HOME:-$HOME/.local/share}/recovery-journal/"
  exit 0
fi

# --- Which program, and where its desktop files are -----------------------------------
if [ -f "$here/share/applications/$id.desktop" ]; then  # the unpacked bundle
  files="$here/share"
  [ -n "$program" ] || program="$here/recovery-journal"
else  # a source checkout: packaging/linux/ holds the files
  checkout="$(cd "$here/../.." && pwd)"
  files="$(mktemp -d)"
  trap 'rm -rf "$files"' EXIT
  bash "$here/share-files.sh" "$files"
  if [ -z "$program" ]; then
    bash "$checkout/scripts/setup.sh" app
    program="$checkout/.venv/bin/recovery-journal"
  fi
fi
program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")"
if [ ! -x "$program" ]; then
  echo "install.sh: $program is not a program I can start" >&2
  exit 1
fi

# --- Desktop entry (absolute Exec), metadata, icons, commands ------------------------
mkdir -p "$share/applications"
sed "s|^Exec=recovery-journal|Exec=$program|" "$files/applications/$id.desktop" \
  >"$share/applications/$id.desktop"
chmod 644 "$share/applications/$id.desktop"
install -Dm644 "$files/metainfo/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
install -Dm644 "$files/icons/hicolor/scalable/apps/$id.svg" \
  "$share/icons/hicolor/scalable/apps/$id.svg"
for size in $icon_sizes; do
  install -Dm644 "$files/icons/hicolor/${size}x${size}/apps/$id.png" \
    "$share/icons/hicolor/${size}x${size}/apps/$id.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$share/icons/hicolor" 2>/dev/null || true

mkdir -p "$bin"
for command in recovery-journal recovery-journal-cli; do
  target="$(dirname "$program")/$command"
  if [ "$target" = "$bin/$command" ]; then continue; fi  # already there (pipx)
  if [ -e "$bin/$command" ] && [ ! -L "$bin/$command" ]; then
    echo "Left $bin/$command alone: it is not a link this script made."
  else
    ln -sfn "$target" "$bin/$command"
  fi
done

echo "Installed the menu entry (starting $program),"
echo "its icons and metadata under $share, and the commands in $bin."
case ":$PATH:" in
  *":$bin:"*) ;;
  *) echo "$bin is not on your PATH yet: log out and in again, or for this terminal run"
     echo "  export PATH=\"$bin:\$PATH\"" ;;
esac
