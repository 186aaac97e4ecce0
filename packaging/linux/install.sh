#!/usr/bin/env bash
# Installs the desktop entry, AppStream metadata and icons for Recovery Journal.
# Usage: packaging/linux/install.sh [PREFIX]    (default: ~/.local; use /usr for a package)
# The program itself is installed with pip (it provides the `recovery-journal` command).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../recovery_journal/resources/icons/app"
prefix="${1:-$HOME/.local}"
id=io.github.recoveryjournal.RecoveryJournal

install -Dm644 "$here/$id.desktop" "$prefix/share/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$prefix/share/metainfo/$id.metainfo.xml"
install -Dm644 "$icons/recovery-journal.svg" "$prefix/share/icons/hicolor/scalable/apps/$id.svg"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "$icons/recovery-journal-$size.png" \
    "$prefix/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
echo "Installed the desktop entry, metadata and icons under $prefix/share"
