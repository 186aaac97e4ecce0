"""One running copy per journal: a second start hands over to the first and ends.

With the app kept in the tray (started at login), choosing it from the applications menu
should bring up the window that is already there, not start a second copy that would fight
the first for the journal. The running copy listens on a local (Unix domain) socket in the
user's private runtime folder, readable by this user only; a second copy sends one word —
``open`` (show the window) or ``tray`` (a start at login: nothing to do) — and exits. No
journal content ever passes; nothing goes over a network.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

#: Unix socket paths are limited to about 107 bytes.
MAX_SOCKET_PATH = 100
WORDS = ("open", "tray")
CONNECT_MS = 1_000


def socket_path(vault_path: Path, folder: Path | None = None) -> Path | None:
    """Where the running copy for ``vault_path`` listens (``None``: no private, short place)."""
    if folder is None:
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        folder = Path(runtime) if runtime else None
    if folder is None or not folder.is_dir():
        return None
    try:
        key = str(Path(vault_path).expanduser().resolve())
    except OSError:
        key = str(vault_path)
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    path = folder / f"recovery-journal-{digest}"
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


class SingleInstance(QObject):
    """``message(word)`` fires in the running copy when another start hands over."""

    message = Signal(str)

    def __init__(self, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    def hand_over(self, word: str) -> bool:
        """Tell a running copy ``word``; False when none is running."""
        if self.path is None:
            return False
        socket = QLocalSocket()
        socket.connectToServer(str(self.path))
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write(word.encode("ascii") + b"\n")
        socket.waitForBytesWritten(CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        if self.path is None:
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(str(self.path)):
            # Nobody answered hand_over, so the socket is left over from a copy that stopped.
            QLocalServer.removeServer(str(self.path))
            if not server.listen(str(self.path)):
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

    def _accept(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._drop(s))
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > 16:  # not one of ours
                socket.abort()
            return
        word = bytes(socket.readLine(16).data()).strip().decode("ascii", "replace")
        socket.disconnectFromServer()
        if word in WORDS:
            self.message.emit(word)

    def _drop(self, socket: QLocalSocket) -> None:
        if socket in self._sockets:
            self._sockets.remove(socket)
        socket.deleteLater()
