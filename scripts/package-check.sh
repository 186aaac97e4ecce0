#!/usr/bin/env bash
# CI's second step (.ci/run): builds the bundle and the .deb, then uses them as a person would:
# unpacks the tar.gz and runs its install.sh in a scratch home; installs the .deb on this
# machine, checks its files and libraries, runs the command line from /usr/bin with no
# virtualenv on PATH, starts the app under Xvfb and visits every page, then removes the
# package and checks the journal is still there.
# Needs root (it installs and removes a package) and takes ~4 minutes, so the quick local
# command (scripts/test.sh) does not run it; docs/packaging.md says why.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
id=io.github.recoveryjournal.RecoveryJournal
started=$(date +%s)
say() { echo "[package-check $(($(date +%s) - started))s] $*"; }
fail() { echo "package-check: FAILED: $*" >&2; exit 1; }

if [ "$(id -u)" != 0 ]; then
  echo "package-check needs root: it installs and removes the .deb (CI runs it as root)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive

# --- Tools a fresh Debian machine lacks -------------------------------------------------
missing=""
for pair in Xvfb:xvfb xdotool:xdotool desktop-file-validate:desktop-file-utils \
  appstreamcli:appstream objdump:binutils dpkg-deb:dpkg; do
  command -v "${pair%%:*}" >/dev/null || missing="$missing ${pair##*:}"
done
if [ -n "$missing" ]; then
  say "installing:$missing"
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# --no-build: check the artefacts already in dist/ (while working on this script).
[ "${1:-}" = --no-build ] || bash packaging/build.sh
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' recovery_journal/__init__.py)
deb="$root/dist/recovery-journal_${version}_$(dpkg --print-architecture).deb"
tarball="$root/dist/recovery-journal-$version-linux-$(uname -m).tar.gz"
scratch=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if dpkg -s recovery-journal >/dev/null 2>&1; then
    apt-get purge -y -qq recovery-journal >/dev/null 2>&1 || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT
# As a person's own session would be: no venv, no checkout on PATH, their own home.
person() {
  env -i HOME="$scratch/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    XDG_RUNTIME_DIR="$scratch/run" "$@"
}
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"

# --- The tar.gz: unpack, install for one person, validate -------------------------------
say "tar.gz: unpack and install.sh"
tar -C "$scratch" -xzf "$tarball"
person HOME="$scratch/tarhome" bash "$scratch/recovery-journal-$version/install.sh" >/dev/null
entry="$scratch/tarhome/.local/share/applications/$id.desktop"
grep -qx "Exec=$scratch/recovery-journal-$version/recovery-journal" "$entry" ||
  fail "the bundle's desktop entry does not start the bundle's program: $(grep ^Exec= "$entry")"
desktop-file-validate "$entry"
[ "$(person "$scratch/tarhome/.local/bin/recovery-journal-cli" --version)" = \
  "recovery-journal-cli $version" ] || fail "the bundle's command does not run from ~/.local/bin"

# --- The .deb: install on this machine ---------------------------------------------------
say "installing $(basename "$deb")"
dpkg -s recovery-journal >/dev/null 2>&1 && apt-get purge -y -qq recovery-journal >/dev/null
if ! apt-get install -y -qq "$deb" >"$scratch/apt.log" 2>&1; then
  apt-get update -qq  # a fresh machine's package lists may be missing or old
  apt-get install -y -qq "$deb" >"$scratch/apt.log" 2>&1 || { cat "$scratch/apt.log"; exit 1; }
fi
for file in /usr/bin/recovery-journal /usr/bin/recovery-journal-cli \
  "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml" \
  "/usr/share/icons/hicolor/scalable/apps/$id.svg" "/usr/share/icons/hicolor/48x48/apps/$id.png"; do
  [ -e "$file" ] || fail "$file is not installed"
done
desktop-file-validate "/usr/share/applications/$id.desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$id.metainfo.xml"

# Every library a bundled file links directly is in the bundle, or is a system library that
# the package depends on (system-libraries.txt) or libc: nothing "not found", nothing unlisted.
say "checking the libraries of every file in /opt/recovery-journal"
sed 's/#.*//' packaging/linux/system-libraries.txt | awk 'NF {print $2}' >"$scratch/listed"
find /opt/recovery-journal \( -type f -o -type l \) -printf '%f\n' | sort -u >"$scratch/bundled"
ldconfig -p | awk '/=>/ {print $1, $NF}' >"$scratch/system"
# "<file> <soname>" for each DT_NEEDED entry of each ELF file (one objdump run) that is
# neither bundled, nor listed, nor the dynamic loader (each name once): those must belong
# to libc6.
unlisted=$({ find /opt/recovery-journal -type f -print0 | xargs -0 objdump -p 2>/dev/null || true; } |
  awk -v listed="$scratch/listed" -v bundled="$scratch/bundled" '
    BEGIN { while ((getline n < listed) > 0) known[n] = 1
            while ((getline n < bundled) > 0) known[n] = 1 }
    /file format elf/ { file = $1; sub(/:$/, "", file) }
    /^ *NEEDED/ && !($2 in known) && $2 !~ /^ld-linux/ && !($2 in seen) { seen[$2] = 1; print file, $2 }')
problems=""
while read -r file soname; do
  [ -n "$soname" ] || continue
  path=$(awk -v n="$soname" '$1 == n {print $2; exit}' "$scratch/system")
  if [ -z "$path" ]; then problems="$problems\n  $file: $soname not found"; continue; fi
  owner=$({ dpkg -S "$path" || dpkg -S "$(readlink -f "$path")"; } 2>/dev/null |
    head -1 | cut -d: -f1 || true)
  [ "$owner" = libc6 ] && continue
  problems="$problems\n  $file: $soname ($owner) is neither bundled nor in system-libraries.txt"
done <<<"$unlisted"
[ -z "$problems" ] || fail "libraries:$(printf '%b' "$problems")"

# --- The command line from /usr/bin, no venv --------------------------------------------
say "recovery-journal-cli from /usr/bin"
[ "$(person sh -c 'command -v recovery-journal-cli')" = /usr/bin/recovery-journal-cli ] ||
  fail "recovery-journal-cli is not found on PATH=/usr/bin:/bin"
[ "$(person recovery-journal --version)" = "recovery-journal $version" ] || fail "--version"
secret="a passphrase for the package check"
printf '%s\n%s\n' "$secret" "$secret" |
  person recovery-journal-cli --password-stdin init --kdf-memory-mib 64 >"$scratch/init.txt"
grep -q "recovery code" "$scratch/init.txt" || fail "init printed no recovery code"
# As the README shows it: the note from standard input after the passphrase (--note -).
printf '%s\n%s\n' "$secret" "Called Sam." | person recovery-journal-cli --password-stdin \
  log day --status abstinent --craving 2 --note -
printf '%s\n' "$secret" | person recovery-journal-cli --password-stdin stats --json \
  >"$scratch/stats.json"
grep -q '"abstinent": 1,' "$scratch/stats.json" ||
  fail "stats did not report the day: $(head -c 300 "$scratch/stats.json")"
printf '%s\n' "$secret" | person recovery-journal-cli --password-stdin \
  export --format json -o "$scratch/export.json" >/dev/null
grep -q '"note": "Called Sam."' "$scratch/export.json" || fail "the note given with --note - was not kept"
journal="$scratch/home/.local/share/recovery-journal/journal.rjvault"
[ -f "$journal" ] || fail "the journal is not where the README says: $journal"

# --- The app under Xvfb: start, visit every page, quit ------------------------------------
say "recovery-journal --demo under Xvfb"
# -displayfd: Xvfb picks a free display and writes its number once it is ready.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 40); do [ -s "$scratch/display" ] && break; sleep 0.5; done
[ -s "$scratch/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -1 "$scratch/display")"
person DISPLAY="$DISPLAY" recovery-journal --demo >"$scratch/app.log" 2>&1 &
app_pid=$!
window=$(timeout 60 xdotool search --sync --onlyvisible --name "Demo journal" | head -1) ||
  fail "no app window within 60 s: $(cat "$scratch/app.log")"
sleep 4  # the demo journal is being made; keys sent before it is shown are lost
xdotool windowfocus --sync "$window"  # no window manager here: give it the keyboard
for page in 2 3 4 5 6 7 1; do  # Alt+N: Calendar, Meetings, Sponsor, Journal, Trends, Review
  xdotool key "alt+$page"
  sleep 1.5
done
for _ in 1 2 3; do  # a key sent while the app is busy (a slow machine) may be lost: again
  xdotool windowfocus --sync "$window" key ctrl+q 2>/dev/null || true
  for _ in $(seq 40); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$app_pid" 2>/dev/null || break
done
if kill -0 "$app_pid" 2>/dev/null; then fail "the app did not quit on Ctrl+Q"; fi
wait "$app_pid" || fail "the app exited with status $?: $(cat "$scratch/app.log")"
app_pid=""
if grep -q "Traceback" "$scratch/app.log"; then
  fail "the app wrote errors:\n$(cat "$scratch/app.log")"
fi

# --- Remove: program gone, journal kept, and the person told where it is ------------------
say "apt-get remove"
apt-get remove -y recovery-journal >"$scratch/remove.log" 2>&1 || { cat "$scratch/remove.log"; exit 1; }
grep -q "Your journal and its backups are kept" "$scratch/remove.log" ||
  fail "removing did not say where the journal is"
for gone in /opt/recovery-journal /usr/bin/recovery-journal /usr/bin/recovery-journal-cli \
  "/usr/share/applications/$id.desktop"; do
  [ ! -e "$gone" ] || fail "$gone is still there after removing the package"
done
[ -f "$journal" ] || fail "removing the package removed the journal"
apt-get purge -y -qq recovery-journal >/dev/null
say "all good"
