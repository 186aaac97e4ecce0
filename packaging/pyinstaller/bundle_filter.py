"""What goes into the bundle: the Qt plugins the app uses, and no copies of system libraries.

``recovery-journal.spec`` passes each Analysis' binaries and datas through :func:`trim`:

* **Qt plugins** (Linux): only the ones the app needs: the X11 (xcb) and Wayland platforms and
  offscreen, SVG icons and images, input methods (compose, IBus), the desktop portal theme
  and printing. No EGLFS/VNC/framebuffer platforms, no GTK theme (it would bring GTK, Cairo
  and Pango), no QML, WebEngine, virtual keyboard or Designer plugins. On Windows and macOS
  every plugin the hooks pick is kept, less the QML and Designer ones.
* **System libraries** (Linux): the desktop stack (X11/xcb, xkbcommon, Wayland, OpenGL/EGL,
  fontconfig, FreeType, GLib, D-Bus, CUPS) and the C++ runtime must match the machine they run
  on, so they are not copied: ``packaging/linux/system-libraries.txt`` lists them and the
  .deb depends on them.
* Then every copied library that nothing kept still needs is dropped: PyInstaller resolves
  dependencies with ``ldd``, which lists the whole tree, so the private dependencies of a
  system library (libsystemd under libdbus, GnuTLS under CUPS) would otherwise ride along.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

SYSTEM_LIBRARIES = Path(__file__).resolve().parent.parent / "linux" / "system-libraries.txt"

#: plugin folder → file names kept on Linux (None: every file in that folder).
LINUX_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"libqxcb.so", "libqwayland.so", "libqoffscreen.so"}),
    "xcbglintegrations": None,
    "wayland-shell-integration": frozenset({"libxdg-shell.so"}),
    "wayland-decoration-client": None,
    "wayland-graphics-integration-client": frozenset({"libqt-plugin-wayland-egl.so"}),
    "platforminputcontexts": frozenset(
        {"libcomposeplatforminputcontextplugin.so", "libibusplatforminputcontextplugin.so"}
    ),
    "platformthemes": frozenset({"libqxdgdesktopportal.so"}),
    "iconengines": frozenset({"libqsvgicon.so"}),
    "imageformats": frozenset({"libqsvg.so"}),
    "printsupport": None,
}

#: Plugin folders never wanted on any platform.
UNWANTED_PLUGINS = frozenset({"qmltooling", "qmllint", "designer", "sqldrivers"})

#: A TOC entry as PyInstaller keeps it: (destination, source, typecode).
Entry = tuple[str, str, str]


def keep_plugin(plugin_type: str, file_name: str, platform: str) -> bool:
    """Whether the Qt plugin ``plugin_type/file_name`` goes into a bundle built on ``platform``."""
    if plugin_type in UNWANTED_PLUGINS:
        return False
    if not platform.startswith("linux"):
        return True
    if plugin_type not in LINUX_PLUGINS:
        return False
    names = LINUX_PLUGINS[plugin_type]
    return names is None or file_name in names


def keep_data(dest: str) -> bool:
    """Qt's translations stay out: the app's words are English and it loads no QTranslator."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    return not ("Qt" in parts and "translations" in parts)


def system_library_table(path: Path = SYSTEM_LIBRARIES) -> list[tuple[str, str, str]]:
    """``(field, soname, packages)`` rows of ``system-libraries.txt``; field is ``depends``
    or ``recommends``, packages a Debian alternative list (``a | b``)."""
    rows = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        field, soname, packages = line.split(None, 2)
        if field not in ("depends", "recommends"):
            raise ValueError(f"{path.name}:{number}: {field!r} is neither depends nor recommends")
        rows.append((field, soname, " ".join(packages.split())))
    return rows


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED names of an ELF file (its direct dependencies), read with objdump."""
    out = subprocess.run(["objdump", "-p", path], check=True, capture_output=True, text=True).stdout
    return re.findall(r"^\s*NEEDED\s+(\S+)", out, flags=re.MULTILINE)


def _plugin_of(dest: str) -> tuple[str, str] | None:
    """``(plugin type, file name)`` for a Qt plugin (``…/plugins/<type>/<file>``), else None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) >= 3 and parts[-3] == "plugins":
        return parts[-2], parts[-1]
    return None


def trim(
    binaries: Iterable[Entry],
    datas: Iterable[Entry],
    platform: str,
    *,
    system_sonames: Iterable[str] = (),
    needed: Callable[[str], list[str]] = elf_needed,
) -> tuple[list[Entry], list[Entry], list[str]]:
    """Binaries and datas without unwanted plugins, system libraries and what only they needed.

    Returns ``(binaries, datas, dropped)``, ``dropped`` naming every binary left out. The
    pruning walk needs ELF files, so it runs on Linux only.
    """
    binaries = list(binaries)
    datas = [entry for entry in datas if keep_data(entry[0])]
    dropped = []
    kept = []
    for entry in binaries:
        plugin = _plugin_of(entry[0])
        if plugin is not None and not keep_plugin(*plugin, platform):
            dropped.append(entry[0])
        else:
            kept.append(entry)
    if platform.startswith("linux"):
        system = frozenset(system_sonames)
        by_name = {PurePosixPath(dest).name: (dest, src, kind) for dest, src, kind in kept}
        roots = [
            entry
            for entry in kept
            if entry[2] == "EXTENSION"
            or _plugin_of(entry[0]) is not None
            or PurePosixPath(entry[0]).name.startswith("libpython")
        ]
        reached: set[str] = set()
        todo = [entry for entry in roots if PurePosixPath(entry[0]).name not in system]
        while todo:
            dest, src, _ = todo.pop()
            if dest in reached:
                continue
            reached.add(dest)
            for name in needed(src):
                if name in by_name and name not in system:
                    todo.append(by_name[name])
        dropped += [entry[0] for entry in kept if entry[0] not in reached]
        kept = [entry for entry in kept if entry[0] in reached]
    gone = set(dropped)
    datas = [
        entry for entry in datas if not (entry[2] == "SYMLINK" and _symlink_target(entry) in gone)
    ]
    return kept, datas, sorted(dropped)


def _symlink_target(entry: Entry) -> str:
    dest, target, _ = entry
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest), target))
