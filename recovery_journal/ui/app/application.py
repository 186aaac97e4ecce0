"""Starting the desktop app: one running copy per journal, the first-run wizard or the unlock
screen (or, at login with ``--tray``, only the tray icon), and the demo journal.

``Launcher`` decides what to show and holds it; ``run`` makes the ``QApplication`` and runs
the event loop. Tests drive a ``Launcher`` directly.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from recovery_journal.services import autostart
from recovery_journal.services.session import warm_up
from recovery_journal.ui.app.background import Background
from recovery_journal.ui.app.main_window import APP_TITLE, MainWindow
from recovery_journal.ui.app.prefs import Prefs
from recovery_journal.ui.common import icons
from recovery_journal.ui.common.messages import ALREADY_OPEN

#: Exit status when another running copy has the journal open (as the command line's).
EXIT_ALREADY_OPEN = 5
#: The desktop entry and AppStream id (packaging/linux/); Wayland matches windows by it.
DESKTOP_ID = autostart.DESKTOP_ID


#: Imported in the background while the unlock window waits for the passphrase (beside
#: what opening needs, ``services.session.OPENING_MODULES``): the pure-Python figures the
#: pages compute at once. Nothing that creates Qt objects at import time.
WARM_UP = ("recovery_journal.charts", "recovery_journal.charts.report.content")
#: Started once the window has been shown and painted, not competing with its first frame;
#: nobody starts typing a passphrase sooner.
WARM_UP_AFTER_MS = 250


class Launcher(QObject):
    """What the app shows at start, and what it cleans up at the end."""

    finished = Signal(int)  # the app should exit with this status

    def __init__(
        self,
        vault_path: Path,
        *,
        prefs: Prefs | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        idle_clock: Callable[[], float] = time.monotonic,
        kdf: Callable[[], Any] = lambda: None,
        demo: bool = False,
        tray: bool = False,
        background: Background | None = None,
        confirm: Callable[[QWidget | None, str], None] | None = None,
    ) -> None:
        super().__init__()
        self.vault_path = vault_path
        self.prefs = prefs or Prefs()
        self._today = today
        self._idle_clock = idle_clock
        self._kdf = kdf
        self._demo = demo
        self._tray = tray and not demo
        self._tell = confirm or _tell
        self.window: MainWindow | None = None
        self.wizard: Any = None
        self.demo_journal: Any = None
        #: The tray and the reminder (never for the demo journal).
        self.background = None if demo else background or Background(self.prefs, parent=self)

    def start(self) -> None:
        if self._demo:
            self._start_demo()
            return
        from recovery_journal.services.ui_support import vault_in_use

        if self._tray and not (self.vault_path.exists() and self.prefs.daily_reminder().enabled):
            self.finished.emit(0)  # at login with nothing to remind of: stay out of the way
            return
        if vault_in_use(self.vault_path):
            self._already_open()
            return
        self.window = self._make_window(demo=False)
        if self.background is not None:
            self.background.attach(self.window)
            self.window.quit_requested.connect(lambda: self.finished.emit(0))
            self.background.start()
        if self._tray and self.background is not None:
            self.background.start_in_tray(self._show_window)
        elif self.vault_path.exists():
            self._show_window()
        else:
            self._start_wizard()

    def _show_window(self) -> None:
        assert self.window is not None
        self.window.show()
        self.window.unlock_view.secret.setFocus()
        # While the person types: what unlocking and the first pages import (no Qt).
        QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up)

    def _warm_up(self) -> None:
        window = self.window
        if window is None or window.controller is not None or window.unlock_view.is_busy:
            return  # already unlocking (or open): that imports them itself
        warm_up(WARM_UP)

    def activate(self, word: str) -> None:
        """Another start handed over to this copy: ``open`` shows the window (or the wizard)."""
        if word != "open":
            return
        if self.wizard is not None:
            self.wizard.show()
            self.wizard.raise_()
            self.wizard.activateWindow()
        elif self.background is not None:
            self.background.open_window()

    def _make_window(self, *, demo: bool) -> MainWindow:
        window = MainWindow(
            self.vault_path,
            prefs=self.prefs,
            today=self._today,
            idle_clock=self._idle_clock,
            demo=demo,
        )
        window.already_open.connect(self._already_open)
        return window

    def _start_wizard(self) -> None:
        from recovery_journal.ui.lock.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(
            self.vault_path,
            kdf=self._kdf,
            today=self._today,
            prefs=self.prefs,
            reminders=self.background.options if self.background is not None else None,
        )
        self.wizard.journal_ready.connect(self._journal_made)
        self.wizard.rejected.connect(lambda: self.finished.emit(0))
        self.wizard.show()

    def _journal_made(self, session: Any) -> None:
        assert self.window is not None
        self.window.open_session(session)
        self.window.show()
        self.wizard = None

    def _already_open(self) -> None:
        self._tell(self.window, ALREADY_OPEN)
        if self.window is not None:
            self.window.hide()
        self.finished.emit(EXIT_ALREADY_OPEN)

    # -- the demo journal -----------------------------------------------------------------------
    def _start_demo(self) -> None:
        from recovery_journal.ui.app.demo import DemoJournal
        from recovery_journal.ui.common.worker import run_in_background

        self.demo_journal = DemoJournal(self._today())
        self.vault_path = self.demo_journal.path
        self.window = self._make_window(demo=True)
        self.window.show_preparing("Making the demo journal…")
        self.window.show()
        run_in_background(self.demo_journal.open, self.window.open_session, self._demo_failed)

    def _demo_failed(self, error: BaseException) -> None:
        from recovery_journal.ui.common.messages import unexpected_text

        self._tell(self.window, "The demo journal couldn't be made. " + unexpected_text(error))
        self.finished.emit(1)

    def cleanup(self) -> None:
        """Close what is still open; remove the demo's temporary folder."""
        if self.window is not None:
            self.window.close_for_good()
        if self.background is not None:
            self.background.close()
        if self.wizard is not None:
            self.wizard.reject()
        if self.demo_journal is not None:
            self.demo_journal.remove()


def _tell(parent: QWidget | None, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(APP_TITLE)
    box.setText(text)
    box.exec()


def _quiet_offscreen_messages() -> None:
    """The offscreen platform (tests, screenshots, CI) warns "This plugin does not support
    propagateSizeHints()" whenever a window's minimum size changes (and likewise for raise()):
    it has no real windows, so this is not a problem of the app. Only those messages are
    dropped; everything else is printed as usual."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if message.startswith("This plugin does not support"):
            return
        print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    if app.platformName() == "offscreen":
        _quiet_offscreen_messages()
    app.setApplicationName(APP_TITLE)
    app.setApplicationDisplayName(APP_TITLE)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(icons.app_icon())
    return app


def run(vault: Path | None, *, demo: bool = False, tray: bool = False) -> int:
    """Run the app until it quits; returns the exit status. ``tray``: start in the tray,
    locked (at login)."""
    from recovery_journal.services.paths import default_vault_path
    from recovery_journal.services.process import harden_process
    from recovery_journal.ui.common.theme import apply_theme

    harden_process()
    app = make_application(sys.argv[:1])
    prefs = Prefs()
    apply_theme(prefs.theme())
    if vault is None:
        last = prefs.last_vault()
        vault = last if last is not None and last.exists() else default_vault_path()
    instance = None
    if not demo:
        from recovery_journal.ui.app.single_instance import SingleInstance, socket_path

        instance = SingleInstance(socket_path(vault))
        if instance.hand_over("tray" if tray else "open"):
            return 0  # the copy already running shows its window
        instance.listen()
    launcher = Launcher(vault, prefs=prefs, demo=demo, tray=tray)
    if instance is not None:
        instance.message.connect(launcher.activate)
    status = {"code": 0}

    def finish(code: int) -> None:
        status["code"] = code
        app.exit(code)

    launcher.finished.connect(finish)
    # Let Python see Ctrl+C and SIGTERM while Qt's loop runs; both close the app cleanly.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_args: app.closeAllWindows() or app.quit())
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    QTimer.singleShot(0, launcher.start)
    try:
        code = app.exec()
    finally:
        launcher.cleanup()
        if instance is not None:
            instance.close()
    return status["code"] or code
