#!/usr/bin/env bash
# Lays out the desktop integration files below DIR, as under /usr/share:
#   applications/<id>.desktop, metainfo/<id>.metainfo.xml, icons/hicolor/<size>/apps/<id>.png|svg
# Usage: share-files.sh DIR    (used by packaging/build.sh and packaging/linux/install.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../../recovery_journal/resources/icons/app"
share="$1"
id=io.github.recoveryjournal.RecoveryJournal
install -Dm644 "$here/$id.desktop" "$share/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
install -Dm644 "$icons/recovery-journal.svg" "$share/icons/hicolor/scalable/apps/$id.svg"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "$icons/recovery-journal-$size.png" \
    "$share/icons/hicolor/${size}x${size}/apps/$id.png"
done
