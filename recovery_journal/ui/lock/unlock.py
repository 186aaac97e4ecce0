"""The unlock screen: a passphrase (or the recovery code), a busy indication while the key is
derived on a worker thread, and kind words when something is wrong.

It is used at start (``opener`` opens the file) and after a lock (``opener`` unlocks the kept
session). It imports only what it shows, so the window appears quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from recovery_journal.services.errors import VaultLockedError
from recovery_journal.ui.common import icons
from recovery_journal.ui.common.messages import open_error_text
from recovery_journal.ui.common.widgets import (
    BusyRow,
    FieldMessage,
    centred_column,
    heading,
    named,
    wrapped,
)
from recovery_journal.ui.common.worker import run_in_background

#: ``opener(secret, recovery_code)`` does the slow part on a worker thread.
Opener = Callable[[str, bool], Any]


class UnlockView(QWidget):
    """Emits ``opened(result, used_recovery_code)`` on success and ``already_open`` when
    another running copy holds the journal."""

    opened = Signal(object, bool)
    already_open = Signal()
    help_requested = Signal()

    def __init__(
        self,
        opener: Opener,
        vault_path: Path,
        parent: QWidget | None = None,
        *,
        locked: bool = False,
    ) -> None:
        super().__init__(parent)
        self._opener = opener
        self._recovery = False
        self._busy = False
        self.setAccessibleName("Unlock your journal")

        column = centred_column(self)

        logo = QLabel(self)
        size = self.fontMetrics().height() * 4
        logo.setPixmap(icons.app_icon().pixmap(size, size))
        logo.setFixedSize(size, size)  # never squeezed under the heading
        logo.setAccessibleName("Recovery Journal")
        self.logo = logo
        column.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(self.fontMetrics().height() // 2)
        self.title = heading("Your journal is locked" if locked else "Welcome back", 1, self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.title)
        self.intro = wrapped("", self)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.intro)

        form = QFormLayout()
        self.secret_label = QLabel(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label.setBuddy(self.secret)
        form.addRow(self.secret_label, self.secret)
        column.addLayout(form)
        self.message = FieldMessage(self)
        column.addWidget(self.message)
        self.busy = BusyRow("Opening your journal…", self)
        column.addWidget(self.busy)

        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self)
        self.switch_button.setFlat(True)
        self.switch_button.clicked.connect(self.toggle_recovery_mode)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        self.unlock_button = named(QPushButton("&Unlock", self), "Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        buttons.addWidget(self.unlock_button)
        column.addLayout(buttons)
        self.secret.returnPressed.connect(self.submit)

        self.help_button = named(
            QPushButton("Get &help now", self),
            "Get help now",
            "Helplines and your emergency number, without unlocking",
        )
        self.help_button.clicked.connect(self.help_requested.emit)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignHCenter)

        file_label = wrapped(f"Journal file: {_home_relative(vault_path)}", self, muted=True)
        file_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(file_label)
        self._show_mode()
        self.setFocusProxy(self.secret)

    # -- modes ----------------------------------------------------------------------------------
    def toggle_recovery_mode(self) -> None:
        self._recovery = not self._recovery
        self.secret.clear()
        self.message.clear_message()
        self._show_mode()
        self.secret.setFocus()

    @property
    def recovery_mode(self) -> bool:
        return self._recovery

    def _show_mode(self) -> None:
        if self._recovery:
            self.intro.setText(
                "Type the recovery code you saved when you made your journal. You will then "
                "choose a new passphrase."
            )
            self.secret_label.setText("&Recovery code:")
            named(self.secret, "Recovery code")
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
            self.switch_button.setText("Use my &passphrase instead")
            named(self.switch_button, "Use my passphrase instead")
        else:
            self.intro.setText("Type your passphrase to open your journal.")
            self.secret_label.setText("&Passphrase:")
            named(self.secret, "Passphrase")
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setPlaceholderText("")
            self.switch_button.setText("Use my &recovery code instead")
            named(self.switch_button, "Use my recovery code instead")

    # -- unlocking ------------------------------------------------------------------------------
    @property
    def is_busy(self) -> bool:
        return self._busy

    def submit(self) -> None:
        if self._busy:
            return
        secret = self.secret.text()
        if not secret.strip():
            what = "recovery code" if self._recovery else "passphrase"
            self.message.show_message(f"Please type your {what} first.")
            return
        self._set_busy(True)
        recovery = self._recovery
        run_in_background(
            lambda: self._opener(secret, recovery),
            lambda result: self._succeeded(result, recovery),
            lambda error: self._failed(error, recovery),
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.secret, self.unlock_button, self.switch_button):
            widget.setEnabled(not busy)
        if busy:
            self.message.clear_message()
            self.busy.start(
                "Opening your journal… This takes a moment on purpose: it makes guessing "
                "your passphrase very slow."
            )
        else:
            self.busy.stop()

    def _succeeded(self, result: Any, recovery: bool) -> None:
        self._set_busy(False)
        self.secret.clear()
        self.message.clear_message()
        if self._recovery:
            self.toggle_recovery_mode()
        self.opened.emit(result, recovery)

    def _failed(self, error: BaseException, recovery: bool) -> None:
        self._set_busy(False)
        if isinstance(error, VaultLockedError):
            self.already_open.emit()
        self.message.show_message(open_error_text(error, recovery_code=recovery))
        self.secret.selectAll()
        self.secret.setFocus()

    def reset(self, *, locked: bool) -> None:
        """Back to a fresh passphrase prompt (after a lock)."""
        self.title.setText("Your journal is locked" if locked else "Welcome back")
        self.secret.clear()
        self.message.clear_message()
        if self._recovery:
            self.toggle_recovery_mode()


def _home_relative(path: Path) -> str:
    """``~/…`` for a path in the home folder (shorter, and the same on every screen)."""
    try:
        return str(Path("~") / Path(path).resolve().relative_to(Path.home().resolve()))
    except ValueError:
        return str(path)
