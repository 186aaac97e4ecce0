"""Slow work (key derivation, demo generation) off the window's thread.

``run_in_background(fn, on_done, on_error)`` runs ``fn`` on the global ``QThreadPool`` and
calls exactly one of the callbacks **on the window's thread** with its result or exception.
The window stays responsive (and can show a busy indication) while Argon2id runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the window's thread; the worker's signals reach it queued."""

    finished = Signal(object, object)  # (result, error)

    def __init__(
        self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        _running.discard(self)
        if isinstance(error, BaseException):
            self._on_error(error)
        else:
            self._on_done(result)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as error:  # handed to on_error on the window's thread
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)


#: Relays waiting for their task, kept alive until they deliver.
_running: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> None:
    """Run ``fn`` on a worker thread; call ``on_done(result)`` or ``on_error(exc)`` later, on
    the thread that called this (which must be the window's thread)."""
    relay = _Relay(on_done, on_error)
    _running.add(relay)
    QThreadPool.globalInstance().start(_Task(fn, relay))


def busy_count() -> int:
    """How many background tasks have not delivered yet (tests wait for zero)."""
    return len(_running)
