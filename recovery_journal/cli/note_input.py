"""``--note -``: a note from standard input or from ``$EDITOR``, never from the command line.

A note given as an argument shows in the process list (``ps``) to every user of the computer
and lands in the shell's history file. With ``-`` the note is read instead:

* from standard input when it is not a terminal (after any secrets ``--password-stdin``
  reads first), e.g. ``pass show note | recovery-journal-cli log day ... --note -``;
* otherwise in ``$VISUAL`` or ``$EDITOR`` (default ``vi``), on a file in a private folder in
  memory (tmpfs: ``$XDG_RUNTIME_DIR`` or ``/dev/shm``), overwritten and removed afterwards.
  Where the system has no such folder the editor is not used (nothing is written to disk).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TextIO

from recovery_journal.cli.secrets_input import UsageError

FROM_INPUT = "-"
#: Characters in one note (the same limit as an import's long texts).
MAX_NOTE = 100_000
_MEMORY_FILESYSTEMS = frozenset({"tmpfs", "ramfs"})


def read_note(stdin: TextIO) -> str:
    """The note, from ``stdin`` when it is not a terminal, else from the editor."""
    if stdin.isatty():
        return edit_note()
    text = stdin.read(MAX_NOTE + 1)
    return _checked(text)


def _checked(text: str) -> str:
    if len(text) > MAX_NOTE:
        raise UsageError(f"the note is longer than {MAX_NOTE} characters; nothing was recorded")
    return text.rstrip("\n")


def _mount_types() -> dict[Path, str]:
    try:
        lines = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    mounts: dict[Path, str] = {}
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            mounts[Path(fields[1].replace("\\040", " "))] = fields[2]
    return mounts


def memory_folder() -> Path | None:
    """A folder whose files live in memory only (tmpfs), or None where there is none."""
    mounts = _mount_types()
    # /dev/shm is shared, but the editor's file goes in a folder of its own made 0700.
    candidates = [os.environ.get("XDG_RUNTIME_DIR"), "/dev/shm"]  # noqa: S108
    for candidate in candidates:
        if not candidate or not Path(candidate).is_dir():
            continue
        folder = Path(candidate).resolve()
        mount = next((p for p in (folder, *folder.parents) if p in mounts), None)
        if mount is not None and mounts[mount] in _MEMORY_FILESYSTEMS:
            return folder
    return None


def _editor() -> list[str]:
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        words = shlex.split(command)
    except ValueError:
        words = []
    if not words or shutil.which(words[0]) is None:
        raise UsageError(
            f"the editor {command!r} can't be found; set $EDITOR, or pipe the note in: "
            "... | recovery-journal-cli log day ... --note -"
        )
    return words


def edit_note() -> str:
    """Open the editor on an empty file in a private in-memory folder; return what was saved."""
    folder = memory_folder()
    if folder is None:
        raise UsageError(
            "there is no in-memory folder for the editor here, and the note must not be "
            "written to disk; pipe it in instead: ... | recovery-journal-cli log day ... --note -"
        )
    command = _editor()
    private = Path(tempfile.mkdtemp(prefix="recovery-journal-", dir=folder))  # mode 0700
    note = private / "note.txt"
    try:
        note.touch(mode=0o600)
        if subprocess.run([*command, str(note)], check=False).returncode != 0:
            raise UsageError("the editor ended with an error; nothing was recorded")
        with note.open(encoding="utf-8", errors="replace") as handle:
            return _checked(handle.read(MAX_NOTE + 1))
    finally:
        _wipe(private)


def _wipe(folder: Path) -> None:
    """Overwrite and remove every file the editor left (its swap and backup files too)."""
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                size = path.stat().st_size
                with path.open("r+b") as handle:
                    handle.write(b"\0" * size)
    shutil.rmtree(folder, ignore_errors=True)
