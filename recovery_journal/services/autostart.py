"""Start at login: an XDG autostart entry that opens the app in the tray, locked.

The entry is ``$XDG_CONFIG_HOME/autostart/<app id>.desktop`` (``~/.config/autostart`` by
default; the freedesktop "Desktop Application Autostart" specification). It is written when
the person turns the option on and removed when they turn it off. It names the app and how to
start it (``recovery-journal --tray``), nothing about the journal or the person.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path

#: The app's desktop id (packaging/linux/): the window's desktop file name, and the name of
#: the autostart entry.
DESKTOP_ID = "io.github.recoveryjournal.RecoveryJournal"
TRAY_OPTION = "--tray"
COMMAND_NAME = "recovery-journal"

# Characters that make an Exec argument need quotes (Desktop Entry Specification, "The Exec
# key"); inside quotes these four take a backslash.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set('"`$\\')


class AutostartError(Exception):
    """The entry couldn't be written or removed; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def supported() -> bool:
    """Autostart entries are read by desktops that follow freedesktop.org (Linux, the BSDs)."""
    return os.name == "posix" and sys.platform != "darwin"


def autostart_dir() -> Path:
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(configured) if configured and Path(configured).is_absolute() else None
    return (base or Path.home() / ".config") / "autostart"


def entry_path() -> Path:
    return autostart_dir() / f"{DESKTOP_ID}.desktop"


def launch_command() -> list[str]:
    """How to start this app again, as absolute paths: the session that reads the entry at
    login may not have the same ``PATH`` as the shell the app was started from."""
    started_as = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if (
        started_as is not None
        and started_as.name == COMMAND_NAME
        and os.access(started_as, os.X_OK)
        and started_as.is_file()
    ):
        return [str(started_as.absolute())]
    found = shutil.which(COMMAND_NAME)
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "recovery_journal.app"]


def exec_line(arguments: list[str]) -> str:
    """``arguments`` as the value of an ``Exec`` key: quoted where needed, ``%`` doubled,
    then escaped as a desktop-entry string."""
    parts = []
    for argument in arguments:
        if "\n" in argument or "\r" in argument:
            raise AutostartError(
                "The app's path has a line break in it, so it can't start at login."
            )
        text = argument.replace("%", "%%")
        if any(ch in _RESERVED for ch in text) or not text:
            text = '"' + "".join("\\" + ch if ch in _ESCAPED_IN_QUOTES else ch for ch in text) + '"'
        parts.append(text)
    return " ".join(parts).replace("\\", "\\\\")


def entry_text(command: list[str] | None = None) -> str:
    arguments = [*(command or launch_command()), TRAY_OPTION]
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Recovery Journal",
            "Comment=Starts in the tray, locked",
            f"Exec={exec_line(arguments)}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            "NoDisplay=true",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def is_enabled() -> bool:
    return entry_path().is_file()


def enable(command: list[str] | None = None) -> Path:
    """Write (or rewrite) the entry; raises :class:`AutostartError` with the reason."""
    # Imported here: the app imports this module at start, before the vault is needed.
    from recovery_journal.services.files import write_private_file
    from recovery_journal.vault import VaultError

    path = entry_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_private_file(path, entry_text(command).encode("utf-8"))
    except VaultError as error:
        raise AutostartError(_couldnt("turn on starting at login", error.detail)) from error
    except OSError as error:
        raise AutostartError(_couldnt("turn on starting at login", error.strerror)) from error
    return path


def disable() -> None:
    """Remove the entry (nothing to do when it isn't there)."""
    try:
        entry_path().unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise AutostartError(_couldnt("turn off starting at login", error.strerror)) from error


def refresh(command: list[str] | None = None) -> bool:
    """Rewrite an existing entry whose command is out of date (the app was moved or
    reinstalled elsewhere). Returns True when it was rewritten; never raises."""
    path = entry_path()
    if not path.is_file():
        return False
    wanted = entry_text(command)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if path.read_text(encoding="utf-8") == wanted:
            return False
    with contextlib.suppress(AutostartError):
        enable(command)
        return True
    return False


def _couldnt(what: str, reason: str | None) -> str:
    where = autostart_dir()
    text = f"The app couldn't {what} (in {where})."
    return f"{text} {reason.rstrip('.')}." if reason else text
