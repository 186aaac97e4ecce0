"""Issue 10, items 2, 3, 12 and 13: what the vault opens but must not (or cannot) write.

* a newer minor version is opened for reading only, so the fields it added are never dropped;
* a journal on read-only media, or in a folder the user can't write, opens for reading, with
  no lock file made;
* a save never writes a file that opening would refuse (the 1 GiB bound);
* modes are kept or tightened, folders are made private whatever the umask, and an unreadable
  file is called unreadable.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import subprocess
import uuid

import pytest

from recovery_journal.vault import Vault, atomic
from recovery_journal.vault import format as fmt
from recovery_journal.vault import lock as lock_module
from recovery_journal.vault.errors import JournalTooLargeError, ReadOnlyError, VaultAccessError
from recovery_journal.vault.vault import NEWER_VERSION
from tests.hostile import FIXTURES

NEWER = FIXTURES / "newer-minor.rjvault"
NEWER_PASS = "hostile fixture passphrase"
FUTURE_FIELD = b"\x00\x07future\x01"


@pytest.fixture
def newer(tmp_path):
    path = tmp_path / "journal.rjvault"
    shutil.copyfile(NEWER, path)
    return path


# -- item 3: a newer minor version --------------------------------------------------------------
def test_the_newer_minor_fixture_is_genuine(newer):
    header, _, _ = fmt.parse(newer.read_bytes())
    assert header.minor == 1 and header.extra == FUTURE_FIELD


def test_a_newer_minor_version_opens_for_reading_and_is_never_rewritten(newer):
    before = newer.read_bytes()
    vault, payload = Vault.open(newer, NEWER_PASS)
    try:
        assert payload.startswith(b"SQLite format 3")
        assert vault.read_only == NEWER_VERSION
        for write in (
            lambda: vault.save(payload),
            lambda: vault.change_passphrase("another one", payload),
            lambda: vault.new_recovery_code(payload),
            lambda: vault.rotate_keys("another one", payload),
            lambda: vault.backup_now("before-migration"),
        ):
            with pytest.raises(ReadOnlyError, match="newer version"):
                write()
    finally:
        vault.close()
    assert newer.read_bytes() == before
    assert not (newer.parent / "backups").exists()


def test_a_newer_minor_header_is_kept_byte_for_byte_when_rebuilt(newer):
    blob = newer.read_bytes()
    header, header_bytes, _ = fmt.parse(blob)
    assert header.to_bytes() == header_bytes


# -- item 12: read-only media ---------------------------------------------------------------------
def _refuse_writes(monkeypatch, code: int) -> None:
    """Make the folder unwritable the way a read-only mount (EROFS) or missing permission
    (EACCES) does: creating files fails, and statvfs / access say so."""
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(lock_module.os, "open", guarded)
    monkeypatch.setattr(atomic.os, "open", guarded)
    if code == errno.EROFS:
        read_only = type("StatVfs", (), {"f_flag": getattr(os, "ST_RDONLY", 1)})()
        monkeypatch.setattr(os, "statvfs", lambda *a: read_only, raising=False)
    else:
        monkeypatch.setattr(os, "access", lambda *a, **k: False)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_an_unwritable_folder_opens_for_reading_without_a_lock_file(
    code, vault_path, fast_kdf, monkeypatch
):
    vault, _ = Vault.create(vault_path, "pw", b"journal", kdf=fast_kdf)
    vault.close()
    lock_file = vault_path.with_name(vault_path.name + ".lock")
    lock_file.unlink()
    before = vault_path.read_bytes()
    _refuse_writes(monkeypatch, code)
    vault, payload = Vault.open(vault_path, "pw")
    try:
        assert payload == b"journal"
        assert vault.read_only == atomic.explain_os_error(OSError(code, ""))
        with pytest.raises(ReadOnlyError) as refused:
            vault.save(b"changed")
        assert refused.value.exit_code == 1
        assert "reading only" in refused.value.message
    finally:
        vault.close()
    assert not lock_file.exists()
    assert vault_path.read_bytes() == before


def test_an_existing_lock_file_is_taken_for_reading(vault_path, fast_kdf, monkeypatch):
    from recovery_journal.vault import VaultLockedError

    vault, _ = Vault.create(vault_path, "pw", b"journal", kdf=fast_kdf)
    vault.close()
    holder = lock_module.VaultLock(vault_path)
    holder.acquire()  # another copy has it open (before the disk turned read-only)
    try:
        _refuse_writes(monkeypatch, errno.EROFS)
        with pytest.raises(VaultLockedError):
            Vault.open(vault_path, "pw")
    finally:
        holder.release()
    reader, _ = Vault.open(vault_path, "pw")
    reader.close()


def _can_mount() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.mark.skipif(not _can_mount(), reason="needs root and mount (a real read-only disk)")
def test_a_journal_on_a_real_read_only_mount_opens_for_reading(tmp_path, fast_kdf):
    mount_point = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)]
    ).returncode:
        pytest.skip("mounting is not allowed here")
    try:
        path = mount_point / "journal.rjvault"
        vault, _ = Vault.create(path, "pw", b"on a stick", kdf=fast_kdf)
        vault.close()
        (mount_point / "journal.rjvault.lock").unlink()
        subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], check=True)
        vault, payload = Vault.open(path, "pw")
        try:
            assert payload == b"on a stick"
            assert vault.read_only == "That disk is read-only."
            with pytest.raises(ReadOnlyError, match="read-only"):
                vault.save(b"x")
        finally:
            vault.close()
        assert sorted(p.name for p in mount_point.iterdir()) == ["journal.rjvault"]
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


# -- item 2: the size bound is checked before a save --------------------------------------------
def test_a_save_that_opening_would_refuse_is_refused_and_the_file_kept(
    vault_path, fast_kdf, monkeypatch
):
    vault, _ = Vault.create(vault_path, "pw", b"small", kdf=fast_kdf)
    before = vault_path.read_bytes()
    monkeypatch.setattr(fmt, "MAX_PAYLOAD", 4096)  # the bound open enforces (1 GiB for real)
    try:
        with pytest.raises(JournalTooLargeError) as refused:
            vault.save(b"x" * 4096)
        assert "1 GiB" in refused.value.message
        assert vault_path.read_bytes() == before
        vault.save(b"y" * (4096 - fmt.TAG_LEN))  # exactly at the bound: still opens
    finally:
        vault.close()
    assert Vault.open(vault_path, "pw")[1] == b"y" * (4096 - fmt.TAG_LEN)


# -- item 13: modes and unreadable files ----------------------------------------------------------
def test_parent_folders_are_private_whatever_the_umask(tmp_path, fast_kdf):
    if os.name != "posix":
        pytest.skip("POSIX modes")
    old = os.umask(0)
    try:
        path = tmp_path / "a" / "b" / "journal.rjvault"
        Vault.create(path, "pw", b"x", kdf=fast_kdf)[0].close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


@pytest.mark.parametrize(("mode", "kept"), [(0o400, 0o400), (0o640, 0o600), (0o644, 0o600)])
def test_a_journal_s_own_mode_is_kept_or_tightened_never_widened(mode, kept, vault_path, fast_kdf):
    if os.name != "posix":
        pytest.skip("POSIX modes")
    vault, _ = Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)
    vault_path.chmod(mode)
    vault._disk = None  # the chmod changed nothing the vault guards against
    vault.save(b"y")
    vault.close()
    assert stat.S_IMODE(vault_path.stat().st_mode) == kept


def test_an_unreadable_journal_is_called_unreadable(vault_path, fast_kdf, monkeypatch):
    from recovery_journal.vault import journal_file

    Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)[0].close()

    def refuse(path, limit, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(journal_file, "read_regular", refuse)
    with pytest.raises(VaultAccessError) as refused:
        Vault.open(vault_path, "pw")
    assert "read that file" in refused.value.message
    assert "write" not in refused.value.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_journal_is_called_unreadable_for_real(vault_path, fast_kdf):
    Vault.create(vault_path, "pw", b"x", kdf=fast_kdf)[0].close()
    vault_path.chmod(0)
    try:
        with pytest.raises(VaultAccessError, match="read that file"):
            Vault.open(vault_path, "pw")
    finally:
        with contextlib.suppress(OSError):
            vault_path.chmod(0o600)
