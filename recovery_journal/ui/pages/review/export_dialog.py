"""File → Export report: a preview of the PDF, then save it or print it.

The preview shows the very pages that are saved and printed (the same matplotlib figures,
drawn with Agg). Notes and journal text are in only when the box is ticked; it starts as the
Review page's "Show my notes" box is, or unticked, and is never remembered. The dialog says
plainly that a saved or printed report is not encrypted. The PDF is written readable by you
only (mode 0600) and replaces an earlier file in one step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts.report.content import ReportContent, gather_report
from recovery_journal.charts.report.period import ReportPeriod
from recovery_journal.charts.report.words import NOT_ENCRYPTED
from recovery_journal.ui.common.widgets import Banner, heading, named, wrapped
from recovery_journal.ui.pages.review.period_picker import PeriodPicker

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from PySide6.QtPrintSupport import QPrinter

    from recovery_journal.services.session import JournalSession

#: Preview resolution (dots per inch of the page images).
PREVIEW_DPI = 56
#: Print resolution ceiling: enough for sharp text, without huge images.
PRINT_DPI = 300


def suggested_file_name(content: ReportContent) -> str:
    return f"recovery-review-{content.period.end.isoformat()}.pdf"


def page_qimage(page: Figure, dpi: float) -> QImage:
    """One report page as a QImage, drawn by matplotlib's Agg renderer."""
    from recovery_journal.charts.report.pdf import page_image

    data, width, height = page_image(page, dpi)
    return QImage(data, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()


class ExportReportDialog(QDialog):
    def __init__(
        self,
        session: JournalSession,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
        *,
        period: ReportPeriod | None = None,
        include_notes: bool = False,
        include_network: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.pages: list[Figure] = []
        self.content: ReportContent | None = None
        self._rendered = 0
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        self.setWindowTitle("Export report")
        self.setAccessibleName("Export a report for your sponsor")
        height = self.fontMetrics().height()
        self.resize(height * 52, height * 46)

        layout = QVBoxLayout(self)
        layout.addWidget(heading("A report for your sponsor", 1, self))
        layout.addWidget(
            wrapped(
                "A PDF to read together or to print: a summary, your charts, each week, "
                "milestones and your talking points. It is made on this computer.",
                self,
            )
        )
        self.picker = PeriodPicker(today, self)
        if period is not None:
            if period.kind in ("30d", "90d", "since_last_review"):
                self.picker.set_key(period.kind)
            else:
                self.picker.set_custom(period.start, period.end)
        layout.addWidget(self.picker)
        self.period_label = wrapped("", self, muted=True)
        self.period_label.setAccessibleName("Period of the report")
        layout.addWidget(self.period_label)
        self.include_notes = named(
            QCheckBox("&Include my notes and journal text", self),
            "Include my notes and journal text",
            "Only for this report. Unticked, the report has figures and charts only.",
        )
        self.include_notes.setChecked(include_notes)
        layout.addWidget(self.include_notes)
        self.include_network = named(
            QCheckBox("Include the &people around you (a chart and figures)", self),
            "Include the people around you",
            "A chart and figures of your recovery network; no names unless you tick below.",
        )
        self.include_names = named(
            QCheckBox("…with their &names", self),
            "Include the names of the people in your network",
            "Off unless you tick it: the report then lists names by how each one relates to "
            "your recovery.",
        )
        self.include_names.setEnabled(False)
        self.include_network.toggled.connect(self.include_names.setEnabled)
        self.include_network.toggled.connect(
            lambda on: None if on else self.include_names.setChecked(False)
        )
        self.include_network.setChecked(include_network)
        self.include_names.setEnabled(include_network)
        layout.addWidget(self.include_network)
        layout.addWidget(self.include_names)
        self.warning = Banner("This PDF is not encrypted", NOT_ENCRYPTED, "note", self)
        layout.addWidget(self.warning)

        self.preview_label = wrapped("", self, muted=True)
        self.preview_label.setAccessibleName("Preview")
        layout.addWidget(self.preview_label)
        self.preview = QScrollArea(self)
        self.preview.setWidgetResizable(True)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAccessibleName("Preview of the report's pages")
        holder = QWidget(self.preview)
        self.preview_layout = QVBoxLayout(holder)
        self.preview_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview.setWidget(holder)
        layout.addWidget(self.preview, 1)

        self.status = wrapped("", self)
        self.status.setAccessibleName("What happened")
        self.status.hide()
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = named(
            QPushButton("&Save as PDF…", self), "Save as PDF", "Choose where to save (Ctrl+S)"
        )
        self.print_button = named(QPushButton("&Print…", self), "Print", "Print it (Ctrl+P)")
        self.close_button = named(QPushButton("Close", self), "Close")
        self.save_button.setDefault(True)
        for button in (self.save_button, self.print_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_report)
        self.close_button.clicked.connect(self.reject)
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+P", self.print_report)):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self.picker.changed.connect(self.rebuild)
        self.include_notes.toggled.connect(lambda _on: self.rebuild())
        self.include_network.toggled.connect(lambda _on: self.rebuild())
        self.include_names.toggled.connect(lambda _on: self.rebuild())
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_next)
        self.rebuild()

    # -- building -------------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Gather the content and build the pages again (after any change of choice)."""
        from recovery_journal.charts.report.pages import build_report_pages

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            data = self.session.data()
            period = self.picker.period(data)
            self.picker.show_period(period)
            self.content = gather_report(
                data,
                period,
                include_notes=self.include_notes.isChecked(),
                include_network=self.include_network.isChecked(),
                include_names=self.include_names.isChecked(),
            )
            self._release_pages()
            self.pages = build_report_pages(data, self.content, prepared_on=self._today())
        finally:
            QGuiApplication.restoreOverrideCursor()
        note = f" {period.note}" if period.note else ""
        self.period_label.setText(f"{period.title}.{note}")
        self.preview_label.setText(
            f"Preview: {len(self.pages)} pages. "
            + (
                "Your notes and journal text are included."
                if self.content.include_notes
                else "Your notes and journal text are not included."
            )
        )
        self._clear_preview()
        self._rendered = 0
        self._render_timer.start()

    def _render_next(self) -> None:
        """Draw one preview page, then let the window breathe before the next."""
        if self._rendered >= len(self.pages):
            return
        page = self.pages[self._rendered]
        image = page_qimage(page, PREVIEW_DPI * self.devicePixelRatioF())
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        label = QLabel(self.preview.widget())
        label.setPixmap(pixmap)
        label.setAccessibleName(f"Page {self._rendered + 1} of {len(self.pages)}")
        label.setFrameShape(QFrame.Shape.Box)
        self.preview_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self._rendered += 1
        if self._rendered < len(self.pages):
            self._render_timer.start()

    def render_all_previews(self) -> None:
        """Draw every preview page now (tests, and before printing)."""
        while self._rendered < len(self.pages):
            self._render_next()

    @property
    def preview_count(self) -> int:
        return self._rendered

    def _clear_preview(self) -> None:
        while self.preview_layout.count():
            item = self.preview_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _release_pages(self) -> None:
        for page in self.pages:
            page.clear()
        self.pages = []

    # -- saving and printing --------------------------------------------------------------------
    def _ask_path(self, suggested: str) -> Path | None:
        start = str(Path.home() / suggested)
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the report", start, "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return path

    def save(self) -> Path | None:
        """Ask where, then write the PDF (mode 0600); says what happened, in words."""
        from recovery_journal.charts.report.pdf import target_problem, write_report_pdf

        if self.content is None:
            return None
        path = self.ask_path(suggested_file_name(self.content))
        if path is None:
            return None
        from recovery_journal.services.files import target_problem as journal_problem

        problem = journal_problem(path, self.session.path) or target_problem(
            path, self.session.path
        )
        if problem is not None:
            self._say(f"The report wasn't saved: {problem}.")
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_report_pdf(path, self.pages, self.content)
        except OSError as error:
            reason = error.strerror or str(error)
            self._say(
                f"The report couldn't be saved to {path} ({reason}). Nothing in your journal "
                "changed; you can try another folder."
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._say(
            f"Saved to {path}. Only you can open the file on this computer, but it is not "
            "encrypted: keep it private and delete it when you no longer need it."
        )
        return path

    def print_report(self) -> bool:
        """The system's print dialog, then the pages."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print the report")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.print_to(printer)
        self._say("Sent to the printer. The printed pages are not encrypted: keep them private.")
        return True

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page on ``printer``, each scaled to fit its page."""
        from PySide6.QtGui import QPageLayout, QPageSize

        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                printer.pageLayout().margins(),
            )
        )
        dpi = min(float(printer.resolution()), PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            for number, page in enumerate(self.pages):
                if number:
                    printer.newPage()
                image = page_qimage(page, dpi)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.show()

    def done(self, result: Any) -> None:
        self._render_timer.stop()
        self._clear_preview()
        self._release_pages()
        super().done(result)
