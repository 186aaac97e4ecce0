"""vault/platform.py: each platform's branch calls its documented API (platform faked)."""

from __future__ import annotations

import fcntl
import os
import stat
import types
from pathlib import Path

import pytest

from recovery_journal.vault import platform


@pytest.fixture
def on(monkeypatch):
    def pretend(name: str) -> None:
        monkeypatch.setattr(platform, "system", lambda: name)

    return pretend


def open_rw(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o600)


def test_linux_lock_is_exclusive_and_ends_with_the_file(tmp_path: Path) -> None:
    first, second = open_rw(tmp_path / "x.lock"), open_rw(tmp_path / "x.lock")
    try:
        assert platform.lock_file(first)
        assert not platform.lock_file(second)
        os.close(first)
        assert platform.lock_file(second)
    finally:
        os.close(second)


def test_windows_locks_the_first_byte_without_waiting(on, monkeypatch, tmp_path) -> None:
    calls = []

    def locking(fd: int, mode: int, count: int) -> None:
        calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, count))
        if len(calls) > 1:
            raise PermissionError(13, "Permission denied")

    fake = types.SimpleNamespace(LK_NBLCK=2, locking=locking)
    monkeypatch.setitem(__import__("sys").modules, "msvcrt", fake)
    on("win32")
    fd = open_rw(tmp_path / "x.lock")
    try:
        os.write(fd, b"moved the position")
        assert platform.lock_file(fd)
        assert not platform.lock_file(fd)  # held elsewhere: False, not an exception
    finally:
        os.close(fd)
    assert calls[0] == (0, fake.LK_NBLCK, 1)


def test_macos_syncs_with_full_fsync_and_falls_back_to_fsync(on, monkeypatch, tmp_path) -> None:
    commands, fsyncs = [], []
    refuse = False

    def fake_fcntl(fd: int, command: int) -> int:
        commands.append(command)
        if refuse:
            raise OSError(45, "Operation not supported")
        return 0

    monkeypatch.setattr(fcntl, "fcntl", fake_fcntl)
    monkeypatch.setattr(os, "fsync", fsyncs.append)
    on("darwin")
    platform.sync_file(7)
    assert commands == [platform.F_FULLFSYNC]
    assert fsyncs == []
    refuse = True
    platform.sync_file(7)
    assert fsyncs == [7]


def test_linux_sync_is_fsync(on, monkeypatch) -> None:
    fsyncs = []
    monkeypatch.setattr(os, "fsync", fsyncs.append)
    on("linux")
    platform.sync_file(5)
    assert fsyncs == [5]


class FakeKernel32:
    def __init__(self, succeed: bool) -> None:
        self.succeed = succeed
        self.calls: list[tuple[str, str, int]] = []

    def MoveFileExW(self, source: str, target: str, flags: int) -> int:
        self.calls.append((source, target, flags))
        return 1 if self.succeed else 0


def test_windows_replace_writes_through(on, monkeypatch, tmp_path: Path) -> None:
    kernel32 = FakeKernel32(succeed=True)
    monkeypatch.setattr(platform, "_kernel32", lambda: kernel32)
    on("win32")
    platform.replace_file(tmp_path / "a", tmp_path / "b")
    assert kernel32.calls == [(str(tmp_path / "a"), str(tmp_path / "b"), 0x1 | 0x8)]


def test_windows_replace_failure_is_an_os_error(on, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(platform, "_kernel32", lambda: FakeKernel32(succeed=False))
    monkeypatch.setattr(platform, "_last_error", lambda: 112)  # ERROR_DISK_FULL
    on("win32")
    with pytest.raises(OSError, match="Windows error 112"):
        platform.replace_file(tmp_path / "a", tmp_path / "b")


def test_linux_replace_renames(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"new")
    (tmp_path / "b").write_bytes(b"old")
    platform.replace_file(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b").read_bytes() == b"new"
    assert not (tmp_path / "a").exists()


def test_windows_has_no_folder_to_sync(on, monkeypatch, tmp_path: Path) -> None:
    def no_open(*args: object) -> int:
        raise AssertionError("Windows cannot open a folder for syncing")

    monkeypatch.setattr(os, "open", no_open)
    on("win32")
    platform.sync_directory(tmp_path)


def test_folder_sync_on_linux_and_macos_syncs_the_folder(on, monkeypatch, tmp_path) -> None:
    synced = []
    monkeypatch.setattr(platform, "sync_file", lambda fd: synced.append(os.fstat(fd)))
    for name in ("linux", "darwin"):
        on(name)
        platform.sync_directory(tmp_path)
    assert len(synced) == 2
    assert all(stat.S_ISDIR(info.st_mode) for info in synced)


def test_owner_only_modes(on, tmp_path: Path) -> None:
    file, folder = tmp_path / "f", tmp_path / "d"
    file.write_bytes(b"")
    folder.mkdir()
    file.chmod(0o644)
    folder.chmod(0o755)
    on("linux")
    platform.restrict_to_owner(file)
    platform.restrict_to_owner(folder, folder=True)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    file.chmod(0o644)
    on("win32")  # no mode bits there: left to the folder's inherited access list
    platform.restrict_to_owner(file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o644
