"""Saves that crash, fail or race: the vault always opens as the old or the new state."""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from recovery_journal.vault import (
    ChangedOnDiskError,
    SaveError,
    Vault,
    VaultLockedError,
    atomic,
    backups,
)

STEPS = ["created", "written", "synced", "replaced", "dir_synced"]
OLD, NEW = b"old state " * 500, b"new state " * 700


def temp_files(folder):
    return [p for p in folder.rglob("*") if atomic.TEMP_MARKER in p.name]


def run_child(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=os.getcwd(),
    )


SAVE_AND_DIE = """
    import os, sys
    from pathlib import Path
    from recovery_journal.vault import Vault, atomic
    path, kill_at, payload = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3].encode() * 700
    vault, _ = Vault.open(path, "pw")
    steps = []
    def die(name):
        steps.append(name)
        if len(steps) == kill_at + 1:
            os.kill(os.getpid(), 9)
    atomic.after_step = die
    vault.save(payload)
    print(",".join(steps))
"""

# A first save writes the hourly backup, then the vault: ten steps in all.
ALL_STEPS = [f"backup {s}" for s in STEPS] + [f"vault {s}" for s in STEPS]


def test_a_save_has_the_steps_the_crash_test_expects(vault_path, fast_kdf):
    Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)[0].close()
    result = run_child(SAVE_AND_DIE, str(vault_path), "99", "new state ")
    assert result.stdout.strip() == ",".join(STEPS * 2), result.stderr


@pytest.mark.parametrize("kill_at", range(len(ALL_STEPS)), ids=ALL_STEPS)
def test_killed_at_each_step_of_a_save(vault_path, fast_kdf, kill_at):
    Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)[0].close()
    result = run_child(SAVE_AND_DIE, str(vault_path), str(kill_at), "new state ")
    assert result.returncode == -signal.SIGKILL, result.stderr
    vault, payload = Vault.open(vault_path, "pw")  # the lock died with the process
    vault.close()
    expected = NEW if kill_at >= ALL_STEPS.index("vault replaced") else OLD
    assert payload == expected
    assert temp_files(vault_path.parent) == []  # leftovers removed when it was opened


def _failing(name, err):
    def fail(*args, **kwargs):
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize(
    ("function", "err", "words"),
    [
        ("write", errno.ENOSPC, "disk is full"),
        ("fsync", errno.EIO, "system reported"),
        ("replace", errno.EACCES, "isn't allowed"),
    ],
)
def test_failed_save_keeps_the_original_and_no_temp_file(
    vault_path, fast_kdf, monkeypatch, function, err, words
):
    vault, _ = Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)
    before = vault_path.read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, function, _failing(function, err))
        with pytest.raises(SaveError) as info:
            vault.save(NEW)
    assert words in info.value.message
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path.parent) == []
    vault.save(NEW)  # once the disk recovers, the same vault saves normally
    vault.close()
    vault, payload = Vault.open(vault_path, "pw")
    vault.close()
    assert payload == NEW


def test_leftover_temp_files_are_removed_at_open(vault_path, fast_kdf):
    Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)[0].close()
    leftover = atomic.temp_name(vault_path)
    leftover.write_bytes(b"half a save")
    unrelated = vault_path.parent / "notes.txt"
    unrelated.write_text("mine")
    Vault.open(vault_path, "pw")[0].close()
    assert not leftover.exists()
    assert unrelated.exists()


HOLD_LOCK = """
    import sys, time
    from pathlib import Path
    from recovery_journal.vault import Vault
    vault, _ = Vault.open(Path(sys.argv[1]), "pw")
    print("holding", flush=True)
    time.sleep(60)
"""


def test_second_running_copy_refused_until_the_holder_dies(vault_path, fast_kdf):
    Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)[0].close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD_LOCK), str(vault_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(VaultLockedError) as info:
            Vault.open(vault_path, "pw")
        assert info.value.exit_code == 5
    finally:
        holder.kill()
        holder.wait()
    Vault.open(vault_path, "pw")[0].close()


def test_second_copy_in_the_same_process_refused(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)
    with pytest.raises(VaultLockedError):
        Vault.open(vault_path, "pw")
    vault.close()


def test_external_change_is_detected_and_not_overwritten(vault_path, fast_kdf, tmp_path):
    vault, _ = Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)
    other = tmp_path / "other.rjvault"
    Vault.create(other, "pw", b"someone else's", kdf=fast_kdf)[0].close()
    foreign = other.read_bytes()
    vault_path.write_bytes(foreign)
    with pytest.raises(ChangedOnDiskError) as info:
        vault.save(NEW)
    assert info.value.exit_code == 7
    assert vault_path.read_bytes() == foreign
    vault_path.unlink()
    with pytest.raises(ChangedOnDiskError):
        vault.save(NEW)
    vault.close()


def test_touching_the_file_without_changing_it_is_not_a_change(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)
    stat = vault_path.stat()
    os.utime(vault_path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    vault.save(NEW)
    vault.close()


def test_backups_rotate_hourly_and_keep_the_newest(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", b"0", kdf=fast_kdf)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    vault.save(b"1", now=start)
    vault.save(b"2", now=start + dt.timedelta(minutes=30))  # within the hour: no new backup
    assert len(backups.list_backups(vault_path)) == 1
    for hour in range(1, 15):
        vault.save(str(hour + 2).encode(), now=start + dt.timedelta(hours=hour))
    kept = backups.list_backups(vault_path)
    assert len(kept) == backups.DEFAULT_KEEP
    special = vault.backup_now("before-migration", now=start)
    assert special in backups.list_backups(vault_path)
    vault.save(b"last", now=start + dt.timedelta(hours=20))
    assert special.exists()  # kept outside the rotation
    newest_regular = backups.list_backups(vault_path, regular_only=True)[-1]
    vault.close()
    opened, payload = Vault.open(newest_regular, "pw")
    opened.close()
    assert payload == b"16"


def test_errors_point_to_the_newest_backup(vault_path, fast_kdf):
    vault, _ = Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)
    vault.save(NEW)
    vault.close()
    newest = backups.newest_backup(vault_path)
    damaged = bytearray(vault_path.read_bytes())
    damaged[-1] ^= 1
    vault_path.write_bytes(bytes(damaged))
    with pytest.raises(Exception) as info:
        Vault.open(vault_path, "pw")
    assert str(newest) in info.value.message


def test_a_failing_backup_never_blocks_the_save(vault_path, fast_kdf, monkeypatch):
    vault, _ = Vault.create(vault_path, "pw", OLD, kdf=fast_kdf)

    def refuse(*args, **kwargs):
        raise SaveError("no room for backups")

    monkeypatch.setattr(backups, "write_backup", refuse)
    vault.save(NEW)
    assert vault.last_backup_error is not None
    vault.close()
    assert Vault.open(vault_path, "pw")[1] == NEW
