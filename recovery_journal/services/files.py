"""Files the person asks for (exports, reports, charts, copies): private, written atomically,
and never over the journal itself.

Every place that writes a file the person named (the command line's ``-o``, each save dialog
of the app) first asks :func:`target_problem`: a path that is the journal (directly, through a
symbolic link, a relative path or a hard link), its lock file, anything in its ``backups/``
folder, or any encrypted journal file is refused, with the reason in words.
"""

from __future__ import annotations

from pathlib import Path

from recovery_journal.services.errors import UnsafeTargetError
from recovery_journal.vault.atomic import atomic_write, remove_leftovers
from recovery_journal.vault.backups import backup_dir
from recovery_journal.vault.format import MAGIC
from recovery_journal.vault.lock import lock_path
from recovery_journal.vault.reading import read_regular
from recovery_journal.vault.vault import code_marker_path


def _real(path: Path) -> Path | None:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _is_journal_file(path: Path) -> bool:
    """A regular file that starts like an encrypted journal (never reads a pipe or device)."""
    try:
        return read_regular(path, len(MAGIC), head=True) == MAGIC
    except OSError:
        return False


def _protected(journal: Path) -> list[tuple[Path, str]]:
    return [
        (journal, "is your journal itself"),
        (lock_path(journal), "is your journal's lock file"),
        (code_marker_path(journal), "is a file your journal keeps beside it"),
    ]


def target_problem(
    target: Path, journal: Path | None, *, copy_of_journal: bool = False
) -> str | None:
    """Why ``target`` must not be written, as a sentence starting with the path
    ("journal.rjvault is your journal itself; choose another name"), or None when it may.

    ``copy_of_journal``: the file to write is an encrypted copy (``backup -o``), which may
    replace an earlier copy elsewhere, but never the journal, its lock or its backups."""
    shown = str(target)
    real = _real(target)
    if real is None:
        return f"{shown} is a loop of symbolic links; choose another name"
    identity = _identity(real)
    if journal is not None and (home := _real(journal)) is not None:
        for path, what in _protected(home):
            if real == path or (identity is not None and identity == _identity(path)):
                return f"{shown} {what}; choose another name"
        folder = backup_dir(home)
        if real == folder or folder in real.parents:
            return f"{shown} is in your journal's backups folder; choose another place"
    if not copy_of_journal and _is_journal_file(real):
        return f"{shown} is an encrypted journal file; choose another name so it isn't replaced"
    return None


def check_target(target: Path, journal: Path | None, *, copy_of_journal: bool = False) -> None:
    """Raise :class:`UnsafeTargetError` (exit code 2) when ``target`` must not be written."""
    problem = target_problem(target, journal, copy_of_journal=copy_of_journal)
    if problem is not None:
        raise UnsafeTargetError(problem)


def write_private_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` with mode 0600, replacing it atomically, through the same
    temporary-file path as the vault; a plain-text temporary file an earlier, killed write
    left beside ``path`` is removed first.

    Returns False when the file is in place but its folder could not be synced. Raises the
    vault's ``SaveError`` (with the reason in plain words) on failure.
    """
    path = Path(path)
    remove_leftovers(path)
    return atomic_write(path, data)
