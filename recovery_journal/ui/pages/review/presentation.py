"""The review itself: a calm, full-screen, read-only window to look through with your sponsor.

Esc (or "Finish review") ends it and emits ``finished``, so the page can remember the date of
the review. Locking still applies: the window closes without a word as soon as the journal is
locked (by Ctrl+L elsewhere, after idle minutes or when the computer sleeps), and ``finished``
is not emitted then. The scroll area takes the keyboard: arrows, Page Up/Down, Home and End.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.common import theme
from recovery_journal.ui.common.review_content import ReviewContent
from recovery_journal.ui.common.widgets import heading, named, wrapped

if TYPE_CHECKING:
    from recovery_journal.charts.report.content import ReportContent
    from recovery_journal.domain.models import JournalData

#: How often the window checks that the journal is still unlocked.
LOCK_CHECK_MS = 500


class PresentationWindow(QDialog):
    finished_review = Signal()

    def __init__(
        self,
        content: ReportContent,
        data: JournalData,
        is_unlocked: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._is_unlocked = is_unlocked
        self.setWindowTitle("Review with your sponsor")
        self.setAccessibleName("Review with your sponsor")
        self.setModal(False)
        outer = QVBoxLayout(self)
        margin = self.fontMetrics().height() * 2
        outer.setContentsMargins(margin, margin // 2, margin, margin // 2)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        title = heading("Your review", 1, self)
        title.setFont(theme.scaled_font(title.font(), 1.2, bold=True))
        titles.addWidget(title)
        self.period_label = wrapped(content.period.title, self)
        self.period_label.setFont(theme.scaled_font(self.period_label.font(), 1.2))
        self.period_label.setAccessibleName(content.period.title)
        titles.addWidget(self.period_label)
        top.addLayout(titles, 1)
        hint = wrapped("Press Esc when you have finished.", self, muted=True)
        top.addWidget(hint, 0, Qt.AlignmentFlag.AlignBottom)
        self.finish_button = named(
            QPushButton("&Finish review", self),
            "Finish review",
            "Leave the full-screen review; today is remembered as the date of your review.",
        )
        self.finish_button.setAutoDefault(False)
        self.finish_button.clicked.connect(self.finish)
        top.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(top)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Your review, to scroll through")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.content = ReviewContent(self.scroll_area, large=True, show_talking_points=True)
        self.content.show_content(content, data)
        self.scroll_area.setWidget(self.content)
        outer.addWidget(self.scroll_area, 1)

        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.finish)
        self._lock_check = QTimer(self)
        self._lock_check.setInterval(LOCK_CHECK_MS)
        self._lock_check.timeout.connect(self._check_lock)
        self._lock_check.start()

    def present(self) -> None:
        """Show full screen, with the keyboard on the review."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.scroll_area.setFocus()

    def finish(self) -> None:
        """Esc or "Finish review": the review took place; close and say so."""
        if self.isVisible():
            self.finished_review.emit()
        self.close_quietly()

    def close_quietly(self) -> None:
        """Close and let go of everything shown, without recording a review."""
        self._lock_check.stop()
        self.content.release_charts()
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:  # the window's close button, or a lock closing every dialog
        self.close_quietly()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish()
            return
        super().keyPressEvent(event)

    def _check_lock(self) -> None:
        if not self._is_unlocked():
            self.close_quietly()
