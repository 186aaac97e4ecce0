"""Cases found in the security review: partial failures, conflicts, names and odd files."""

from __future__ import annotations

import errno
import os
import struct

import pytest

from recovery_journal.vault import (
    CorruptHeaderError,
    KdfParams,
    SlotKind,
    Vault,
    VaultLockedError,
    WrongSecretError,
    atomic,
    backups,
)
from recovery_journal.vault import format as fmt


def test_failing_folder_fsync_after_the_rename_is_not_a_lost_save(
    vault_path, fast_kdf, monkeypatch
):
    vault, _ = Vault.create(vault_path, "pw", b"old", kdf=fast_kdf)

    def refuse(folder):
        raise OSError(errno.EINVAL, "not supported here")

    monkeypatch.setattr(atomic, "fsync_directory", refuse)
    vault.save(b"new")
    assert not vault.last_write_durable
    vault.save(b"newer")  # the vault still knows the file it wrote: no "changed on disk"
    vault.close()
    monkeypatch.undo()
    assert Vault.open(vault_path, "pw")[1] == b"newer"


def test_backups_of_a_journal_with_a_longer_name_are_left_alone(tmp_path, fast_kdf):
    mine = tmp_path / "journal.rjvault"
    other = tmp_path / "journal-old.rjvault"
    other_vault, _ = Vault.create(other, "pw", b"other", kdf=fast_kdf)
    other_vault.save(b"other 2")
    other_vault.close()
    theirs = backups.list_backups(other)
    assert theirs
    vault, _ = Vault.create(mine, "pw", b"0", kdf=fast_kdf)
    vault.backups_kept = 1
    import datetime as dt

    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for hour in range(4):
        vault.save(str(hour).encode(), now=start + dt.timedelta(hours=hour))
    vault.close()
    assert all(path.exists() for path in theirs)
    assert backups.list_backups(mine) and not set(backups.list_backups(mine)) & set(theirs)


def test_an_oddly_named_file_in_backups_does_not_break_saving(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"0", kdf=fast_kdf)
    folder = backups.backup_dir(vault_path)
    folder.mkdir(exist_ok=True)
    (folder / "journal-20261399T999999000000Z.rjvault").write_bytes(b"not a date")
    vault.save(b"1")
    assert vault.last_backup_error is None
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, "wrong")


def test_a_backup_written_while_the_clock_is_behind_is_kept(vault_path, fast_kdf):
    import datetime as dt

    vault, _ = Vault.create(vault_path, "pw", b"0", kdf=fast_kdf)
    future = dt.datetime(2036, 1, 1, tzinfo=dt.UTC)
    for hour in range(12):
        vault.save(b"f", now=future + dt.timedelta(hours=hour))
    vault.save(b"now", now=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    stamps = [p.name for p in backups.list_backups(vault_path)]
    vault.close()
    assert any("2026" in name for name in stamps)


def test_a_symlink_to_the_journal_is_the_same_journal(vault_path, fast_kdf, tmp_path):
    Vault.create(vault_path, "pw", b"data", kdf=fast_kdf)[0].close()
    link = tmp_path / "link.rjvault"
    link.symlink_to(vault_path)
    vault, _ = Vault.open(link, "pw")
    try:
        with pytest.raises(VaultLockedError):
            Vault.open(vault_path, "pw")
        vault.save(b"through the link")
    finally:
        vault.close()
    assert link.is_symlink()
    assert Vault.open(vault_path, "pw")[1] == b"through the link"


def test_a_huge_file_is_refused_before_reading_it(vault_path, fast_kdf, monkeypatch):
    vault_path.parent.mkdir(parents=True)
    with open(vault_path, "wb") as handle:
        handle.write(fmt.MAGIC)
        handle.truncate(3 * 1024**3)  # sparse: costs no disk

    def refuse_read(self):
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(type(vault_path), "read_bytes", refuse_read)
    with pytest.raises(CorruptHeaderError):
        Vault.open(vault_path, "pw")


def test_lowering_the_kdf_parameters_of_a_slot_does_not_open_it(vault_path):
    strong = KdfParams(memory_kib=32 * 1024, iterations=3, lanes=2)
    Vault.create(vault_path, "pw", b"x", kdf=strong)[0].close()
    blob = bytearray(vault_path.read_bytes())
    offset = fmt.PREFIX.size + fmt.VAULT_ID_LEN + 2
    struct.pack_into(">III", blob, offset + 2, 19 * 1024, 1, 1)
    vault_path.write_bytes(bytes(blob))
    with pytest.raises(WrongSecretError):
        Vault.open(vault_path, "pw")


def test_hostile_parameters_in_the_recovery_slot_are_refused_too(vault_path, fast_kdf):
    Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)[0].close()
    blob = bytearray(vault_path.read_bytes())
    header, _, _ = fmt.parse(bytes(blob))
    second = fmt.PREFIX.size + fmt.VAULT_ID_LEN + 2 + len(header.slots[0].to_bytes())
    assert blob[second] == SlotKind.RECOVERY_CODE
    struct.pack_into(">I", blob, second + 2, 4 * 1024 * 1024)  # 4 GiB of memory
    vault_path.write_bytes(bytes(blob))
    with pytest.raises(CorruptHeaderError):
        Vault.open(vault_path, "pw")


def test_private_modes_hold_under_a_permissive_umask(vault_path, fast_kdf):
    import stat

    old = os.umask(0)
    try:
        vault, _ = Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)
        vault.save(b"y")
        vault.close()
    finally:
        os.umask(old)
    for path in [vault_path, *backups.list_backups(vault_path)]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_interrupted_passphrase_change_is_finished_for_backups_at_the_next_open(
    vault_path, fast_kdf, monkeypatch
):
    vault, _ = Vault.create(vault_path, "old passphrase", b"v1", kdf=fast_kdf)
    vault.save(b"v2")  # a backup made under the old passphrase
    with monkeypatch.context() as patch:
        patch.setattr(Vault, "rewrap_backups", lambda self, *a, **k: [])  # "crash" before it
        vault.change_passphrase("new passphrase", b"v2")
    vault.close()
    (backup,) = backups.list_backups(vault_path)
    Vault.open(backup, "old passphrase")[0].close()  # still the old secret, for now

    vault, _ = Vault.open(vault_path, "new passphrase")
    assert vault.unrewrapped_backups == []
    vault.close()
    with pytest.raises(WrongSecretError):
        Vault.open(backup, "old passphrase")
    assert Vault.open(backup, "new passphrase")[1] == b"v1"


def test_a_backup_that_cannot_be_healed_is_named(vault_path, fast_kdf, monkeypatch):
    vault, _ = Vault.create(vault_path, "first passphrase", b"v1", kdf=fast_kdf)
    vault.save(b"v2")
    with monkeypatch.context() as patch:
        patch.setattr(Vault, "rewrap_backups", lambda self, *a, **k: [])
        vault.rotate_keys("second passphrase", b"v2")  # new data key; backups never reached
    vault.close()
    vault, _ = Vault.open(vault_path, "second passphrase")
    assert vault.unrewrapped_backups == backups.list_backups(vault_path)
    vault.close()
