"""Start at login: the XDG autostart entry is written when turned on, removed when off, and
starts the app in the tray."""

from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from recovery_journal.services import autostart

ODD_PATH = '/home/sam/my apps/$HOME\'s "x"\\100%/bin/recovery-journal'


@pytest.fixture(autouse=True)
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r"}


def _unescape_string(value: str) -> str:
    """A desktop-entry string's escapes, read left to right."""
    out, index = [], 0
    while index < len(value):
        if value[index] == "\\" and index + 1 < len(value):
            out.append(ESCAPES.get(value[index + 1], value[index + 1]))
            index += 2
        else:
            out.append(value[index])
            index += 1
    return "".join(out)


def _split_exec(value: str) -> list[str]:
    """The Exec quoting rules: spaces separate arguments; inside double quotes a backslash
    escapes a double quote, a backquote, a dollar sign or a backslash."""
    arguments: list[str] = []
    current: str | None = None
    quoted = False
    index = 0
    while index < len(value):
        char = value[index]
        if quoted and char == "\\" and value[index + 1 : index + 2] in ('"', "`", "$", "\\"):
            current = (current or "") + value[index + 1]
            index += 2
            continue
        if char == '"':
            quoted = not quoted
            current = current or ""
        elif char == " " and not quoted:
            if current is not None:
                arguments.append(current)
            current = None
        else:
            current = (current or "") + char
        index += 1
    if current is not None:
        arguments.append(current)
    return arguments


def _exec_arguments(text: str) -> list[str]:
    """Read an Exec value back as a desktop environment does: string escapes first, then
    the quoting rules, then %% → %."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(text)
    value = _unescape_string(parser["Desktop Entry"]["Exec"])
    return [part.replace("%%", "%") for part in _split_exec(value)]


def test_turning_it_on_writes_an_entry_that_starts_the_app_in_the_tray(config_home):
    assert not autostart.is_enabled()
    path = autostart.enable(["/opt/rj/bin/recovery-journal"])
    assert path == config_home / "autostart" / f"{autostart.DESKTOP_ID}.desktop"
    assert autostart.is_enabled()
    text = path.read_text()
    assert _exec_arguments(text) == ["/opt/rj/bin/recovery-journal", "--tray"]
    assert "Type=Application" in text and "Hidden=" not in text
    assert path.stat().st_mode & 0o777 == 0o600
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()
    autostart.disable()  # nothing there: nothing to do


def test_an_odd_path_is_quoted_so_it_reads_back_the_same():
    text = autostart.entry_text([ODD_PATH])
    assert _exec_arguments(text) == [ODD_PATH, "--tray"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="needs desktop-file-utils"
)
def test_the_entry_is_a_valid_desktop_entry(tmp_path):
    path = tmp_path / "entry.desktop"
    path.write_text(autostart.entry_text([ODD_PATH]))
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_the_command_is_found_as_an_absolute_path(monkeypatch, tmp_path):
    script = tmp_path / "venv" / "bin" / "recovery-journal"
    script.parent.mkdir(parents=True)
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    monkeypatch.setattr("sys.argv", [str(script)])
    assert autostart.launch_command() == [str(script)]
    monkeypatch.setattr("sys.argv", ["-c"])
    monkeypatch.setenv("PATH", str(script.parent))
    assert autostart.launch_command() == [str(script)]
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    command = autostart.launch_command()
    assert command[1:] == ["-m", "recovery_journal.app"]


def test_an_out_of_date_entry_is_refreshed_and_a_current_one_left_alone():
    autostart.enable(["/old/place/recovery-journal"])
    assert autostart.refresh(["/new/place/recovery-journal"])
    assert _exec_arguments(autostart.entry_path().read_text())[0] == "/new/place/recovery-journal"
    assert not autostart.refresh(["/new/place/recovery-journal"])
    autostart.disable()
    assert not autostart.refresh(["/new/place/recovery-journal"])  # off stays off


def test_a_folder_that_cant_be_written_is_explained(config_home):
    config_home.mkdir()
    (config_home / "autostart").write_text("a file where the folder should be")
    with pytest.raises(autostart.AutostartError) as caught:
        autostart.enable(["/opt/rj/bin/recovery-journal"])
    assert "couldn't turn on starting at login" in caught.value.message


def test_a_relative_config_home_is_ignored_as_the_specification_says(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/config")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert autostart.autostart_dir() == tmp_path / ".config" / "autostart"
