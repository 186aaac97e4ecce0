"""One running copy per journal: a second start hands over to the first (which then shows
its window) and ends; the socket lives in the user's private runtime folder."""

from __future__ import annotations

import stat

from recovery_journal.ui.app.single_instance import SingleInstance, socket_path


def test_a_second_start_hands_over_to_the_running_copy(qtbot, tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    path = socket_path(tmp_path / "journal.rjvault", runtime)
    assert path is not None and path.parent == runtime
    assert "rjvault" not in path.name  # a digest: the name says nothing of the journal path

    nobody = SingleInstance(path)
    assert not nobody.hand_over("open")  # nothing running yet

    running = SingleInstance(path)
    assert running.listen()
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0  # this user only
    heard: list[str] = []
    running.message.connect(heard.append)
    assert SingleInstance(path).hand_over("open")
    qtbot.waitUntil(lambda: heard == ["open"])
    assert SingleInstance(path).hand_over("tray")
    qtbot.waitUntil(lambda: heard == ["open", "tray"])
    running.close()


def test_anything_else_on_the_socket_is_ignored(qtbot, tmp_path):
    from PySide6.QtNetwork import QLocalSocket

    path = socket_path(tmp_path / "journal.rjvault", tmp_path)
    running = SingleInstance(path)
    assert running.listen()
    heard: list[str] = []
    running.message.connect(heard.append)
    socket = QLocalSocket()
    socket.connectToServer(str(path))
    assert socket.waitForConnected(1000)
    socket.write(b"unlock please\n" + b"x" * 64)
    socket.waitForBytesWritten(1000)
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert heard == []
    assert SingleInstance(path).hand_over("open")
    qtbot.waitUntil(lambda: heard == ["open"])
    running.close()


def test_a_socket_left_by_a_copy_that_stopped_is_replaced(qtbot, tmp_path):
    path = socket_path(tmp_path / "journal.rjvault", tmp_path)
    first = SingleInstance(path)
    assert first.listen()
    first.server.close()  # as if it had crashed: the file may stay behind
    path.touch()
    second = SingleInstance(path)
    assert not second.hand_over("open")
    assert second.listen()
    second.close()


def test_different_journals_get_different_sockets_and_no_private_place_means_none(
    tmp_path, monkeypatch
):
    one = socket_path(tmp_path / "a.rjvault", tmp_path)
    two = socket_path(tmp_path / "b.rjvault", tmp_path)
    assert one != two
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert socket_path(tmp_path / "a.rjvault") is None  # never a name in the shared /tmp
    deep = tmp_path / ("x" * 120)
    deep.mkdir()
    assert socket_path(tmp_path / "a.rjvault", deep) is None  # too long for a socket
    assert not SingleInstance(None).listen()
    assert not SingleInstance(None).hand_over("open")
