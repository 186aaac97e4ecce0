"""The bundle keeps the Qt plugins the app uses and no copies of the system's libraries."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))

import bundle_filter  # noqa: E402

PLUGINS = "PySide6/Qt/plugins"


def entry(dest: str, kind: str = "BINARY") -> tuple[str, str, str]:
    return (dest, f"/src/{dest}", kind)


def test_linux_keeps_xcb_wayland_and_svg_but_not_eglfs_or_gtk() -> None:
    keep = bundle_filter.keep_plugin
    assert keep("platforms", "libqxcb.so", "linux")
    assert keep("platforms", "libqwayland.so", "linux")
    assert keep("iconengines", "libqsvgicon.so", "linux")
    assert keep("xcbglintegrations", "libqxcb-glx-integration.so", "linux")
    assert not keep("platforms", "libqeglfs.so", "linux")
    assert not keep("platformthemes", "libqgtk3.so", "linux")
    assert not keep("generic", "libqevdevmouseplugin.so", "linux")
    assert not keep("qmltooling", "libqmldbg_debugger.so", "linux")


def test_windows_and_macos_keep_the_hooks_choice_less_qml() -> None:
    assert bundle_filter.keep_plugin("platforms", "qwindows.dll", "win32")
    assert bundle_filter.keep_plugin("styles", "qmodernwindowsstyle.dll", "win32")
    assert bundle_filter.keep_plugin("platforms", "libqcocoa.dylib", "darwin")
    assert not bundle_filter.keep_plugin("qmltooling", "qmldbg_server.dll", "win32")


def test_qt_translations_stay_out_and_the_apps_resources_stay_in() -> None:
    assert not bundle_filter.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bundle_filter.keep_data("recovery_journal/resources/helplines.json")


def test_system_libraries_and_what_only_they_need_are_dropped() -> None:
    graph = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/PySide6/Qt/lib/libQt6Gui.so.6": ["libdbus-1.so.3", "libz.so.1"],
        "/src/libdbus-1.so.3": ["libsystemd.so.0"],  # system: dropped, and so is libsystemd
        "/src/libsystemd.so.0": [],
        "/src/libz.so.1": [],
        f"/src/{PLUGINS}/platforms/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/src/PySide6/Qt/lib/libQt6XcbQpa.so.6": [],
        f"/src/{PLUGINS}/platformthemes/libqgtk3.so": ["libgtk-3.so.0"],  # unwanted
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
        "/src/libcairo.so.2": [],
    }
    binaries = [
        entry("QtGui.abi3.so", "EXTENSION"),
        entry("PySide6/Qt/lib/libQt6Gui.so.6"),
        entry("libdbus-1.so.3"),
        entry("libsystemd.so.0"),
        entry("libz.so.1"),
        entry(f"{PLUGINS}/platforms/libqxcb.so"),
        entry("PySide6/Qt/lib/libQt6XcbQpa.so.6"),
        entry(f"{PLUGINS}/platformthemes/libqgtk3.so"),
        entry("libgtk-3.so.0"),
        entry("libcairo.so.2"),
    ]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libgtk-3.so.0.link", "libgtk-3.so.0", "SYMLINK"),
    ]
    kept, kept_datas, dropped = bundle_filter.trim(
        binaries,
        datas,
        "linux",
        system_sonames=["libdbus-1.so.3"],
        needed=lambda path: graph[path],
    )
    assert {dest for dest, _, _ in kept} == {
        "QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libz.so.1",
        f"{PLUGINS}/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    }
    assert "libsystemd.so.0" in dropped
    assert "libcairo.so.2" in dropped
    assert kept_datas == [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK")]


def test_the_system_library_table_reads_and_every_row_names_a_package() -> None:
    rows = bundle_filter.system_library_table()
    assert ("depends", "libxcb-cursor.so.0", "libxcb-cursor0") in rows
    assert all(field in ("depends", "recommends") and packages for field, _, packages in rows)
