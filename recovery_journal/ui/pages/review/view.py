"""Review: prepare, present and export a review with your sponsor.

``ReviewView(session, today)`` with a :class:`~recovery_journal.services.session.JournalSession`
and a callable giving today's date; it also follows the app's page protocol,
``ReviewView(controller, parent)``. The page holds the period picker, the "Show my notes in
this review" box (unticked every time the page opens, never remembered), the talking points
("Things I want to talk about", saved in the journal as you type), "Start review" (F5: the
full-screen presentation; Esc there ends it and remembers today as the date of the review) and
"Export report…" (Ctrl+E: preview, save as PDF, print). Below, the same summary, charts,
milestones and (when ticked) notes as the presentation and the PDF.

Nothing is shown that the person did not choose: notes and journal text only with the box
ticked; substances, amounts, meeting, contact and check-in notes never. On lock
(:meth:`close_private`) the presentation and the export dialog close and the charts go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts.report.content import ReportContent, gather_report
from recovery_journal.charts.words import long_date
from recovery_journal.ui.app.pages import session_page_args
from recovery_journal.ui.common.review_content import NOTES_HIDDEN, ReviewContent
from recovery_journal.ui.common.widgets import heading, named, wrapped
from recovery_journal.ui.pages.review.period_picker import PeriodPicker

if TYPE_CHECKING:
    from recovery_journal.services.session import JournalSession
    from recovery_journal.ui.pages.review.export_dialog import ExportReportDialog
    from recovery_journal.ui.pages.review.presentation import PresentationWindow

#: Talking points are saved this long after the last key press (and on leaving the box).
SAVE_DELAY_MS = 800
INTRO = (
    "Look back over a stretch of time together. Figures and charts are shown; your notes and "
    "journal text only if you turn them on, each time."
)


class ReviewView(QWidget):
    review_recorded = Signal(object)  # the date remembered as the last review

    def __init__(
        self,
        journal: Any,
        today: Callable[[], dt.date] | QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        session, clock, parent = session_page_args(journal, today, parent)
        super().__init__(parent)
        self.session: JournalSession = session
        self._today: Callable[[], dt.date] = clock
        self.content: ReportContent | None = None
        self.presentation: PresentationWindow | None = None
        self.export_dialog: ExportReportDialog | None = None
        self._charts_for: tuple[Any, ...] | None = None
        self._seen_revision = -1
        self._data_version = 0
        self._own_revisions: set[int] = set()
        self._points_dirty = False
        self.setAccessibleName("Review")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Review")
        body = QWidget(self.scroll_area)
        layout = QVBoxLayout(body)
        margin = self.fontMetrics().height()
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(margin // 2)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(heading("Review with your sponsor", 1, body))
        titles.addWidget(wrapped(INTRO, body, muted=True))
        top.addLayout(titles, 1)
        self.export_button = named(
            QPushButton("&Export report…", body),
            "Export report",
            "A PDF to read together or print, with a preview (Ctrl+E)",
        )
        self.start_button = named(
            QPushButton("&Start review", body),
            "Start review",
            "Show this review full screen to look through together; Esc ends it (F5)",
        )
        self.file_button = named(
            QPushButton("Review &file…", body),
            "Review file for your sponsor",
            "This review encrypted for your sponsor, to send when you can't meet",
        )
        self.file_button.clicked.connect(self.make_review_file)
        self.start_button.setDefault(True)
        for button in (self.file_button, self.export_button, self.start_button):
            button.setAutoDefault(False)
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)

        self.picker = PeriodPicker(self._today, body)
        layout.addWidget(self.picker)
        self.period_label = wrapped("", body, muted=True)
        self.period_label.setAccessibleName("Period")
        layout.addWidget(self.period_label)
        self.notes_box = named(
            QCheckBox("Show my &notes in this review", body),
            "Show my notes in this review",
            "Your day notes and journal entries from the period, for this review only.",
        )
        layout.addWidget(self.notes_box)
        self.network_box = named(
            QCheckBox("Show the &people around you (no names)", body),
            "Show the people around you",
            "A chart of your recovery network over the period, and its figures; never names.",
        )
        layout.addWidget(self.network_box)
        self.recorded_label = wrapped("", body)
        self.recorded_label.setAccessibleName("Your review")
        self.recorded_label.hide()
        layout.addWidget(self.recorded_label)

        layout.addWidget(heading("Things I want to talk about", 2, body))
        self.points = named(
            QPlainTextEdit(body),
            "Things I want to talk about",
            "Your own points for the review, saved in your journal as you type.",
        )
        self.points.setPlaceholderText(
            "A few words for each thing you'd like to bring up: a worry, something that went "
            "well, a question for your sponsor."
        )
        self.points.setTabChangesFocus(True)
        self.points.setFixedHeight(self.fontMetrics().height() * 6)
        layout.addWidget(self.points)
        self.points_hint = wrapped("Saved in your journal as you type.", body, muted=True)
        layout.addWidget(self.points_hint)

        self.notes_hidden = wrapped(NOTES_HIDDEN, body, muted=True)
        self.review = ReviewContent(body)
        layout.addWidget(self.review)
        layout.addWidget(self.notes_hidden)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_talking_points)
        self.points.textChanged.connect(self._points_changed)
        self.picker.changed.connect(self.refresh)
        self.notes_box.toggled.connect(lambda _on: self.refresh())
        self.network_box.toggled.connect(lambda _on: self.refresh())
        self.start_button.clicked.connect(self.start_review)
        self.export_button.clicked.connect(self.export_report)
        for keys, slot in (("F5", self.start_review), ("Ctrl+E", self.export_report)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.setTabOrder(self.export_button, self.start_button)
        self.setTabOrder(self.start_button, self.picker.choice)
        self.setTabOrder(self.picker.choice, self.picker.from_edit)
        self.setTabOrder(self.picker.from_edit, self.picker.to_edit)
        self.setTabOrder(self.picker.to_edit, self.notes_box)
        self.setTabOrder(self.notes_box, self.network_box)
        self.setTabOrder(self.network_box, self.points)
        controller = journal if hasattr(journal, "about_to_lock") else None
        if controller is not None:
            controller.about_to_lock.connect(self.close_private)

    # -- the page protocol ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the journal again and show the chosen period (charts only when needed)."""
        if not self.session.is_unlocked:
            return
        data = self.session.data()
        revision = self.session.revision
        if revision != self._seen_revision:
            if revision not in self._own_revisions:
                self._data_version += 1  # a change made elsewhere: the figures may differ
            self._seen_revision = revision
        period = self.picker.period(data)
        self.picker.show_period(period)
        include = self.notes_box.isChecked()
        network = self.network_box.isChecked()
        self.content = gather_report(data, period, include_notes=include, include_network=network)
        note = f" {period.note}" if period.note else ""
        last = data.settings.last_review
        since = f" Your last review was on {long_date(last)}." if last is not None else ""
        self.period_label.setText(f"{period.title}.{note}{since}")
        self.period_label.setAccessibleDescription(self.period_label.text())
        self._load_points(data.settings.talking_points)
        key = (period.start, period.end, self._data_version, self.palette().cacheKey(), network)
        self.review.show_content(self.content, data, rebuild_charts=key != self._charts_for)
        self._charts_for = key
        self.notes_hidden.setVisible(not include)

    def flush(self) -> None:
        """Save talking points still being typed (before locking or leaving the page)."""
        self.save_talking_points()

    def focus_first(self) -> None:
        self.start_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """Every time the page opens, notes start hidden."""
        if not event.spontaneous():
            self.notes_box.blockSignals(True)
            self.notes_box.setChecked(False)
            self.notes_box.blockSignals(False)
            self.recorded_label.hide()
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():
            self.save_talking_points()
        super().hideEvent(event)

    # -- talking points -------------------------------------------------------------------------
    def _load_points(self, stored: str) -> None:
        if self._points_dirty or self.points.toPlainText() == stored:
            return
        self.points.blockSignals(True)
        self.points.setPlainText(stored)
        self.points.blockSignals(False)

    def _points_changed(self) -> None:
        self._points_dirty = True
        self._save_timer.start()

    def save_talking_points(self) -> None:
        self._save_timer.stop()
        if not self._points_dirty or not self.session.is_unlocked:
            return
        text = self.points.toPlainText()
        self._points_dirty = False
        if text != self.session.settings().talking_points:
            before = self.session.revision
            if self._seen_revision == before:
                # Saving refreshes the page at once (controller.changed): mark the coming
                # revision as one that changed only the talking points, so charts stay.
                self._own_revisions.add(before + 1)
            self.session.update_settings(talking_points=text)

    # -- presenting -----------------------------------------------------------------------------
    def start_review(self) -> None:
        """The full-screen, read-only review of what this page shows."""
        from recovery_journal.ui.pages.review.presentation import PresentationWindow

        if not self.session.is_unlocked:
            return
        self.save_talking_points()
        self.refresh()
        assert self.content is not None
        if self.presentation is not None:
            self.presentation.close_quietly()
        window = PresentationWindow(
            self.content, self.session.data(), lambda: self.session.is_unlocked, self
        )
        window.finished_review.connect(self._review_finished)
        window.finished.connect(lambda _result: self._presentation_closed(window))
        self.presentation = window
        window.present()

    def _presentation_closed(self, window: PresentationWindow) -> None:
        if self.presentation is window:
            self.presentation = None
        window.deleteLater()

    def _review_finished(self) -> None:
        """Remember today as the date of the review; keep showing the period just reviewed."""
        if not self.session.is_unlocked or self.content is None:
            return
        reviewed = self.content.period
        today = self._today()
        self.session.update_settings(last_review=today)
        if self.picker.key == "since_last_review":
            self.picker.set_custom(reviewed.start, reviewed.end)  # what you just looked at
        text = (
            f"Your review on {long_date(today)} is noted. Next time, “Since your last review” "
            "starts from that day."
        )
        self.recorded_label.setText(text)
        self.recorded_label.setAccessibleName(text)
        self.recorded_label.show()
        self.review_recorded.emit(today)
        self.start_button.setFocus()

    # -- exporting ------------------------------------------------------------------------------
    def export_report(self) -> ExportReportDialog | None:
        from recovery_journal.ui.pages.review.export_dialog import ExportReportDialog

        if not self.session.is_unlocked:
            return None
        self.save_talking_points()
        self.refresh()
        if self.export_dialog is not None:
            self.export_dialog.reject()
        period = self.content.period if self.content is not None else None
        dialog = ExportReportDialog(
            self.session,
            self._today,
            self,
            period=period,
            include_notes=self.notes_box.isChecked(),
            include_network=self.network_box.isChecked(),
        )
        dialog.finished.connect(lambda _result: self._export_closed(dialog))
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def make_review_file(self) -> QWidget | None:
        """The review as an encrypted file for one sponsor (``review_file_dialog``)."""
        from recovery_journal.ui.pages.review.review_file_dialog import ReviewFileDialog

        if not self.session.is_unlocked:
            return None
        self.save_talking_points()
        self.refresh()
        if self.content is None:
            return None
        dialog = ReviewFileDialog(
            self.session, self.content.period, self.notes_box.isChecked(), self
        )
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def _export_closed(self, dialog: ExportReportDialog) -> None:
        if self.export_dialog is dialog:
            self.export_dialog = None
        dialog.deleteLater()

    # -- locking ----------------------------------------------------------------------------------
    def close_private(self) -> None:
        """Before the journal locks: save, close the presentation and the export dialog, and
        let go of what is shown."""
        self.save_talking_points()
        if self.presentation is not None:
            self.presentation.close_quietly()
        if self.export_dialog is not None:
            self.export_dialog.reject()
        self.notes_box.blockSignals(True)
        self.notes_box.setChecked(False)
        self.notes_box.blockSignals(False)
        self.review.release_charts()
        self._charts_for = None
