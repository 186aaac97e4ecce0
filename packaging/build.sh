#!/usr/bin/env bash
# Builds the self-contained Linux bundle and the Debian package of Recovery Journal:
#   dist/recovery-journal-<version>-linux-x86_64.tar.gz   (PyInstaller onedir, any x86-64 Linux)
#   dist/recovery-journal_<version>_amd64.deb             (the same files in /opt/recovery-journal)
# Usage: bash packaging/build.sh [--no-deb]
# The build installs the exact, hashed versions of packaging/requirements.lock into its own
# virtualenv (build/bundle-venv, kept between runs) and never touches .venv.
# What is built and how to check it: docs/packaging.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
make_deb=1
[ "${1:-}" = --no-deb ] && make_deb=0

id=io.github.recoveryjournal.RecoveryJournal
name=recovery-journal
linux="$root/packaging/linux"
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' recovery_journal/__init__.py)
arch=$(uname -m)
started=$(date +%s)
step() { echo "[$(($(date +%s) - started))s] $*"; }

# --- Tools a fresh Debian machine may lack ------------------------------------------------
# objdump and strip (binutils) for PyInstaller and the bundle filter; dpkg-deb for the .deb.
missing=""
command -v objdump >/dev/null || missing="$missing binutils"
command -v strip >/dev/null || missing="$missing binutils"
[ "$make_deb" = 1 ] && { command -v dpkg-deb >/dev/null || missing="$missing dpkg"; }
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing build tools:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "The build needs:$missing. Please run: sudo apt-get install$missing" >&2
    exit 1
  fi
fi

# The version is written once (recovery_journal/__init__.py); the metainfo must announce it.
if ! grep -q "<release version=\"$version\"" "$linux/$id.metainfo.xml"; then
  echo "error: $id.metainfo.xml has no <release version=\"$version\">; add one first" >&2
  exit 1
fi

# --- A Python that PyInstaller can bundle (it needs libpython as a shared library) ---------
python=""
for candidate in "${PYTHON:-}" python3.11 python3 /usr/bin/python3.11; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null || continue
  # 3.11, built with a shared libpython that can be loaded (PyInstaller copies it).
  if "$candidate" -c 'import ctypes, sys, sysconfig
assert sys.version_info[:2] == (3, 11) and sysconfig.get_config_var("Py_ENABLE_SHARED")
ctypes.CDLL(sysconfig.get_config_var("INSTSONAME"))' 2>/dev/null
  then python="$candidate"; break; fi
done
if [ -z "$python" ]; then
  echo "error: the bundle needs Python 3.11 with its shared library. On Debian 12:" >&2
  echo "  sudo apt-get install python3.11-venv libpython3.11" >&2
  echo "(with pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install 3.11)" >&2
  exit 1
fi

# --- The build virtualenv, from the lock file ---------------------------------------------
venv="$root/build/bundle-venv"
stamp="$venv/.lock-$(cat packaging/requirements.lock | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  step "Installing packaging/requirements.lock into build/bundle-venv"
  rm -rf "$venv"
  "$python" -m venv "$venv"
  log=$(mktemp)
  if ! "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps \
      --require-hashes --only-binary=:all: -r packaging/requirements.lock >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$stamp"
fi

# --- PyInstaller ---------------------------------------------------------------------------
step "PyInstaller (both programs, one folder)"
work="$root/build/pyinstaller"
rm -rf "$work/dist"
"$venv/bin/python" -m PyInstaller --noconfirm --log-level WARN --workpath "$work/work" \
  --distpath "$work/dist" packaging/pyinstaller/recovery-journal.spec >"$work.log" 2>&1 || {
  cat "$work.log" >&2
  exit 1
}
bundle="$work/dist/$name"
# Debug symbols out (24 MB): from our own Python (libpython, lib-dynload: pyenv keeps them)
# and from wheel modules patchelf never edited. Not from auditwheel's vendored libraries or
# the modules that point at them (an RPATH/RUNPATH, or a *.libs folder): strip breaks those
# (numpy's OpenBLAS: "ELF load command address/offset not page-aligned").
strip --strip-debug "$bundle"/_internal/libpython3*.so* "$bundle"/_internal/python3*/lib-dynload/*.so
while IFS= read -r -d '' file; do
  objdump -h "$file" 2>/dev/null | grep -q ' \.debug_info ' || continue
  objdump -p "$file" | grep -qE '^ *(RPATH|RUNPATH) ' && continue
  strip --strip-debug "$file"
done < <(find "$bundle/_internal" -type f -name '*.so*' ! -path '*.libs/*' ! -path '*/lib-dynload/*' -print0)
# The programs must start without this checkout: the bundle is self-contained.
env -i PATH=/usr/bin:/bin HOME=/nonexistent "$bundle/$name-cli" --version
env -i PATH=/usr/bin:/bin HOME=/nonexistent "$bundle/$name" --version

# The newest glibc symbol version any file of the bundle uses: the oldest glibc it runs on.
glibc=$(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + \
  2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)

# Reproducible archives: fixed order, owner and times (the last commit's date).
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
tar_flags=(--sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH")

# --- The tar.gz ----------------------------------------------------------------------------
step "tar.gz"
mkdir -p dist
top="$name-$version"
stage="$root/build/stage"
rm -rf "$stage"
mkdir -p "$stage/$top"
cp -a "$bundle/." "$stage/$top/"
bash "$linux/share-files.sh" "$stage/$top/share"
install -m755 "$linux/install.sh" "$stage/$top/install.sh"
sed "s/@GLIBC@/$glibc/" "$linux/BUNDLE-README.txt" >"$stage/$top/README.txt"
tarball="dist/$name-$version-linux-$arch.tar.gz"
tar -C "$stage" "${tar_flags[@]}" -cf - "$top" | gzip -n -6 >"$tarball"

# --- The .deb ------------------------------------------------------------------------------
if [ "$make_deb" = 1 ]; then
  step ".deb"
  deb_arch=$(dpkg --print-architecture)
  pkg="$root/build/deb"
  rm -rf "$pkg"
  mkdir -p "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/doc/$name" "$pkg/DEBIAN"
  cp -a "$bundle" "$pkg/opt/$name"
  ln -s "/opt/$name/$name" "$pkg/usr/bin/$name"
  ln -s "/opt/$name/$name-cli" "$pkg/usr/bin/$name-cli"
  bash "$linux/share-files.sh" "$pkg/usr/share"
  install -m644 "$linux/debian/copyright" "$pkg/usr/share/doc/$name/copyright"
  install -m755 "$linux/debian/postrm" "$pkg/DEBIAN/postrm"
  depends="libc6 (>= $glibc)"
  recommends=""
  while read -r field _ packages; do
    case "$field" in
      depends) [[ ", $depends, " == *", $packages, "* ]] || depends="$depends, $packages" ;;
      recommends) recommends="${recommends:+$recommends, }$packages" ;;
    esac
  done < <(sed 's/#.*//; /^[[:space:]]*$/d' "$linux/system-libraries.txt")
  size_kib=$(du -sk --apparent-size "$pkg" | cut -f1)
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$deb_arch/" -e "s/@SIZE@/$size_kib/" \
    -e "s/@DEPENDS@/$depends/" -e "s/@RECOMMENDS@/$recommends/" \
    "$linux/debian/control.in" >"$pkg/DEBIAN/control"
  (cd "$pkg" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum >DEBIAN/md5sums)
  find "$pkg" -type d -exec chmod 755 {} +
  find "$pkg" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  deb="dist/${name}_${version}_${deb_arch}.deb"
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$pkg" "$deb" >/dev/null
fi

step "Done"
du -sh --apparent-size "$bundle" | sed 's/\t.*//; s/^/  bundle folder: /'
ls -l "$tarball" | awk '{printf "  %s: %.1f MB\n", $9, $5 / 1e6}'
[ "$make_deb" = 1 ] && ls -l "$deb" | awk '{printf "  %s: %.1f MB\n", $9, $5 / 1e6}'
exit 0
