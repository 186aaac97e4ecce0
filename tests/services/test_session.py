"""The session joins the vault and the database: save on every change, lock, recover."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from recovery_journal.domain.models import DayRecord, DayStatus, Fellowship, Meeting
from recovery_journal.services.errors import (
    PassphraseTooShortError,
    SessionLockedError,
    WrongSecretError,
)
from recovery_journal.services.session import JournalSession
from recovery_journal.vault import atomic, backups

PASS = "a long passphrase"
DAY = dt.date(2026, 3, 1)


@pytest.fixture
def session(vault_path, fast_kdf):
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    yield session
    session.close()


def reopen(path, secret=PASS, **kwargs) -> JournalSession:
    return JournalSession.open(path, secret, **kwargs)


def test_every_change_is_saved_at_once(session, vault_path):
    session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="a calm day"))
    session.add_meeting(Meeting(date=DAY, fellowship=Fellowship.AA, name="Tuesday step"))
    assert session.save_state.saved
    copy = vault_path.parent / "copy.rjvault"
    session.write_backup(copy)  # the file on disk, copied: proves the change reached it
    opened = reopen(copy)
    try:
        data = opened.data()
        assert [d.note for d in data.days] == ["a calm day"]
        assert [m.name for m in data.meetings] == ["Tuesday step"]
    finally:
        opened.close()


def test_short_passphrase_is_refused(vault_path, fast_kdf):
    with pytest.raises(PassphraseTooShortError):
        JournalSession.create(vault_path, "short", kdf=fast_kdf)
    assert not vault_path.exists()


def test_lock_drops_the_database_and_unlock_brings_it_back(session):
    session.save_day(DayRecord(date=DAY, status=DayStatus.USED))
    assert session.data().days  # fills the cache of decrypted records
    session.lock()
    assert not session.is_unlocked
    assert session._data_cache is None
    with pytest.raises(SessionLockedError):
        session.data()
    with pytest.raises(WrongSecretError):
        session.unlock("not it at all")
    session.unlock(PASS)
    assert session.get_day(DAY).status == DayStatus.USED


def test_failed_save_is_reported_kept_and_retried(session, vault_path, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "write", disk_full)
        state = []
        session.listeners.append(state.append)
        session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="kept"))
        assert state and not state[-1].saved
        assert "disk is full" in state[-1].error.message
        assert session.get_day(DAY).note == "kept"  # still in the app
        assert not session.retry_save().saved
    assert session.retry_save().saved
    session.close()
    opened = reopen(vault_path)
    assert opened.get_day(DAY).note == "kept"
    opened.close()


def test_unsaved_change_survives_a_lock_encrypted_in_memory(session, vault_path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "EIO")))
        session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="not lost"))
        session.lock()
    session.unlock(PASS)
    assert session.get_day(DAY).note == "not lost"
    assert session.save_state.saved
    session.close()
    opened = reopen(vault_path)
    assert opened.get_day(DAY).note == "not lost"
    opened.close()


def test_recovery_code_forces_a_new_passphrase_and_code(vault_path, fast_kdf):
    session, code = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    session.close()
    session = reopen(vault_path, code, recovery_code=True)
    assert session.recovered
    new_code = session.reset_after_recovery("another long passphrase")
    assert not session.recovered
    session.close()
    with pytest.raises(WrongSecretError):
        reopen(vault_path, code, recovery_code=True)
    reopen(vault_path, new_code, recovery_code=True).close()
    reopen(vault_path, "another long passphrase").close()


def test_replace_all_keeps_a_backup_first(session, vault_path):
    session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT))
    session.replace_all(type(session.data())())
    kept = [p for p in backups.list_backups(vault_path) if "before-replace" in p.name]
    assert len(kept) == 1
    opened = reopen(kept[0])
    assert opened.get_day(DAY) is not None
    opened.close()


def _all_files(*roots):
    for root in roots:
        for folder, _, files in os.walk(root):
            for name in files:
                yield os.path.join(folder, name)


def test_no_plaintext_database_ever_touches_the_disk(vault_path, fast_kdf, tmp_path, monkeypatch):
    """No file under the data or temp folders starts with the SQLite magic, and no journal."""
    import tempfile

    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="secret words"))
    for hour in range(3):
        session.add_meeting(Meeting(date=DAY, fellowship=Fellowship.NA, name=f"m{hour}"))
    session.lock()
    session.unlock(PASS)
    session.close()
    for path in _all_files(tmp_path):
        assert not path.endswith(("-journal", "-wal", "-shm")), path
        try:
            with open(path, "rb") as handle:
                head = handle.read(16)
        except OSError:
            continue
        assert not head.startswith(b"SQLite format 3"), path
    for path in _all_files(tmp_path):
        with open(path, "rb") as handle:
            assert b"secret words" not in handle.read(), path


def test_migration_runs_after_a_kept_backup(vault_path, fast_kdf, monkeypatch):
    from recovery_journal.storage.database import JournalDatabase

    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT))
    session.close()
    calls = []
    monkeypatch.setattr(JournalDatabase, "needs_migration", property(lambda db: not calls))
    monkeypatch.setattr(JournalDatabase, "migrate", lambda db: calls.append("migrated"))
    opened = reopen(vault_path)
    opened.close()
    assert calls == ["migrated"]
    kept = [p for p in backups.list_backups(vault_path) if "before-migration" in p.name]
    assert len(kept) == 1
    monkeypatch.undo()
    before = reopen(kept[0])
    assert before.get_day(DAY) is not None
    before.close()


def test_changes_kept_across_a_lock_never_overwrite_an_outside_change(
    vault_path, fast_kdf, tmp_path
):
    """A save refused because the file changed, then an auto-lock: after unlocking, both the
    outside version (in the journal) and the app's version (in a conflict copy) exist."""
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="before"))
    outside = tmp_path / "outside.rjvault"
    session.write_backup(outside)
    other = reopen(outside)
    other.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="from elsewhere"))
    other.close()
    vault_path.write_bytes(outside.read_bytes())  # a sync tool replaces the file

    session.save_day(DayRecord(date=DAY, status=DayStatus.USED, note="mine"))
    assert not session.save_state.saved
    assert "changed by something else" in session.save_state.error.message
    session.lock()
    session.unlock(PASS)
    assert session.get_day(DAY).note == "from elsewhere"
    assert session.conflict_copy is not None
    session.close()
    kept = reopen(session.conflict_copy)
    assert kept.get_day(DAY).note == "mine"
    kept.close()


def test_keep_my_version_after_an_outside_change(vault_path, fast_kdf, tmp_path):
    session, _ = JournalSession.create(vault_path, PASS, kdf=fast_kdf)
    other = tmp_path / "other.rjvault"
    JournalSession.create(other, PASS, kdf=fast_kdf)[0].close()
    vault_path.write_bytes(other.read_bytes())
    session.save_day(DayRecord(date=DAY, status=DayStatus.ABSTINENT, note="only here"))
    assert not session.save_state.saved
    copy = session.keep_my_version()
    session.close()
    assert copy.parent == vault_path.parent and copy != vault_path
    kept = reopen(copy)
    assert kept.get_day(DAY).note == "only here"
    kept.close()


def test_change_passphrase_checks_the_current_one_when_given(session, vault_path):
    before = vault_path.read_bytes()
    with pytest.raises(WrongSecretError):
        session.change_passphrase("a brand new passphrase", current="not the one")
    assert vault_path.read_bytes() == before
    session.change_passphrase("a brand new passphrase", current=PASS)
    session.close()
    reopen(vault_path, "a brand new passphrase").close()
