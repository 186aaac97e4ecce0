"""What the main window shows, one at a time: the unlock screen, a busy page, the new
passphrase after opening with the recovery code (then the new code), or the journal shell.

Everything but the unlock screen holds journal contents, so :meth:`drop_journal_widgets`
destroys it all on lock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.app.controller import JournalController
    from recovery_journal.ui.app.shell import JournalShell


class WindowStack(QStackedWidget):
    def __init__(self, unlock_view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlock_view = unlock_view
        self.addWidget(unlock_view)

    def _show(self, widget: QWidget) -> None:
        self.addWidget(widget)
        self.setCurrentWidget(widget)

    def show_busy(self, text: str) -> None:
        """A busy page while the journal is being made (the demo)."""
        from recovery_journal.ui.common.widgets import BusyRow

        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        busy = BusyRow(text, page)
        busy.start()
        layout.addWidget(busy)
        layout.addStretch(1)
        self._show(page)

    def show_reset_passphrase(
        self,
        session: JournalSession,
        *,
        code_confirmed: Callable[[bool], None],
        lock: Callable[[], None],
        then: Callable[[], None],
    ) -> None:
        """After opening with the recovery code: a new passphrase, then the new code shown
        once (``code_confirmed`` hears whether it was kept), then ``then()``."""
        from recovery_journal.ui.lock.recovery_reset import NewCodeView, ResetPassphraseView

        reset = ResetPassphraseView(session, self)
        self._show(reset)
        reset.setFocus()

        def show_code(code: str) -> None:
            view = NewCodeView(code, self)
            view.panel.confirmed_changed.connect(code_confirmed)
            self._show(view)
            reset.deleteLater()
            view.setFocus()

            def proceed() -> None:
                view.deleteLater()
                then()

            view.proceed.connect(proceed)

        reset.done.connect(show_code)
        reset.lock_requested.connect(lock)

    def show_shell(self, controller: JournalController, page: str) -> JournalShell:
        """The journal: sidebar and pages, on ``page``."""
        from recovery_journal.ui.app.shell import JournalShell

        shell = JournalShell(controller, self)
        self._show(shell)
        shell.show_page(page)
        shell.focus_page()
        return shell

    def show_unlock(self) -> None:
        self.setCurrentWidget(self.unlock_view)

    def drop_journal_widgets(self) -> None:
        for index in reversed(range(self.count())):
            widget = self.widget(index)
            if widget is not None and widget is not self.unlock_view:
                self.removeWidget(widget)
                widget.deleteLater()
