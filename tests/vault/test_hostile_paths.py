"""Issue 10, item 6: a journal path or a file in ``backups/`` that is a named pipe, a device, a
folder or a link to one is refused at once, never read "whole", and leaves no lock file."""

from __future__ import annotations

import datetime as dt

import pytest

from recovery_journal.vault import (
    NotAVaultError,
    Vault,
    VaultExistsError,
    VaultMissingError,
    backups,
)
from recovery_journal.vault.errors import CorruptHeaderError, NotAFileError
from recovery_journal.vault.reading import FileTooLargeError, NotRegularFileError, read_regular
from tests.hostile import KINDS, make, needs_dev, needs_fifo, run_python, sparse_file

pytestmark = [needs_fifo, needs_dev]

OPEN_IN_CHILD = """
    import sys
    from pathlib import Path
    from recovery_journal.vault import Vault, VaultError
    try:
        Vault.open(Path(sys.argv[1]), "pw")
    except VaultError as error:
        print(type(error).__name__, error.exit_code, error.message)
    else:
        print("opened")
"""


@pytest.mark.parametrize("kind", KINDS)
def test_a_journal_path_that_is_not_a_file_is_refused_without_a_lock_file(kind, tmp_path):
    path = make(kind, tmp_path / "journal.rjvault")
    result = run_python(OPEN_IN_CHILD, str(path))  # a hang here fails the test
    assert result.stdout.startswith("NotAFileError 4 That is not a journal file."), result
    assert not list(tmp_path.glob("*.lock"))


@pytest.mark.parametrize("kind", KINDS)
def test_creating_over_something_that_is_not_a_file_changes_nothing(kind, tmp_path, fast_kdf):
    path = make(kind, tmp_path / "journal.rjvault")
    with pytest.raises((VaultExistsError, NotAFileError)):
        Vault.create(path, "pw", b"x", kdf=fast_kdf)
    assert not list(tmp_path.glob("*.lock"))


def test_a_missing_journal_is_still_missing_and_leaves_no_lock(tmp_path):
    with pytest.raises(VaultMissingError):
        Vault.open(tmp_path / "nothing.rjvault", "pw")
    assert not list(tmp_path.glob("*.lock"))


BACKUP_NAMES = [
    "journal-20260101T000000000000Z.rjvault",
    "journal-20260101T010000000000Z-before-migration.rjvault",
    "journal-20260101T020000000000Z.rjvault",
    "journal-20260101T030000000000Z.rjvault",
    "journal-20260101T040000000000Z.rjvault",
]


def _hostile_backups(vault_path):
    folder = backups.backup_dir(vault_path)
    folder.mkdir(exist_ok=True)
    kinds = ["named pipe", "link to /dev/zero", "folder", "link to a named pipe", "link loop"]
    for name, kind in zip(BACKUP_NAMES, kinds, strict=True):
        make(kind, folder / name)
    return folder


def test_only_regular_files_count_as_backups(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"0", kdf=fast_kdf)
    vault.close()
    _hostile_backups(vault_path)
    assert backups.list_backups(vault_path) == []
    assert backups.newest_backup(vault_path) is None


SAVE_WITH_HOSTILE_BACKUPS = """
    import datetime as dt, sys
    from pathlib import Path
    from recovery_journal.vault import Vault
    path = Path(sys.argv[1])
    vault, payload = Vault.open(path, "pw")
    vault.save(b"1", now=dt.datetime(2026, 6, 1, tzinfo=dt.UTC))
    vault.save(b"2", now=dt.datetime(2026, 6, 1, 2, tzinfo=dt.UTC))
    print(vault.change_passphrase("pw2", b"3") is None, vault.last_backup_error)
    vault.close()
    print(Vault.open(path, "pw2")[1])
"""


def test_hostile_files_in_backups_never_stall_opening_saving_or_rewrapping(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"0", kdf=fast_kdf)
    vault.save(b"0b", now=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))  # one real backup
    vault.close()
    folder = _hostile_backups(vault_path)
    result = run_python(SAVE_WITH_HOSTILE_BACKUPS, str(vault_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["True None", "b'3'"]
    assert all((folder / name).is_symlink() or (folder / name).exists() for name in BACKUP_NAMES)


def test_a_wrong_passphrase_names_a_real_backup_never_a_pipe(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"0", kdf=fast_kdf)
    vault.save(b"1", now=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    vault.close()
    folder = _hostile_backups(vault_path)
    (folder / "journal-20990101T000000000000Z.rjvault").symlink_to("/dev/zero")
    vault_path.write_bytes(b"not a journal at all")
    with pytest.raises(NotAVaultError) as refused:
        Vault.open(vault_path, "pw")
    assert refused.value.newest_backup == backups.list_backups(vault_path)[-1]
    assert refused.value.newest_backup.name.startswith("journal-20260501")


def test_a_journal_far_over_the_bound_is_refused_without_reading_it(tmp_path):
    from recovery_journal.vault import format as fmt

    path = sparse_file(tmp_path / "journal.rjvault", (1 << 30) + (1 << 20), fmt.MAGIC)
    result = run_python(OPEN_IN_CHILD, str(path))
    assert result.stdout.startswith("CorruptHeaderError 4"), result
    assert CorruptHeaderError.exit_code == 4


def test_reading_is_bounded_and_regular_only(tmp_path):
    small = tmp_path / "small"
    small.write_bytes(b"12345")
    assert read_regular(small, 5) == b"12345"
    assert read_regular(small, 2, head=True) == b"12"
    with pytest.raises(FileTooLargeError):
        read_regular(small, 4)
    with pytest.raises(NotRegularFileError, match="a named pipe"):
        read_regular(make("named pipe", tmp_path / "pipe"), 10)
    with pytest.raises(NotRegularFileError, match="a device"):
        read_regular(make("link to /dev/zero", tmp_path / "zero"), 10)
    with pytest.raises(NotRegularFileError, match="a folder"):
        read_regular(make("folder", tmp_path / "folder"), 10)
