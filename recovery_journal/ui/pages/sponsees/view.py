"""Sponsees: the reviews the people you sponsor sent you, read-only.

``SponseesView(controller, parent)`` follows the page protocol. The received files stay as
they came, encrypted, in a folder beside your sponsor key (``services/paths.py``); the page
opens them with the key's passphrase (Argon2id on a worker thread), lists each person by their
latest review and shows it with review mode's own widgets (``ui/common/review_content.py``),
clearly marked as someone else's. Nothing from a review enters your journal. On lock the key
is wiped and everything shown is let go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.charts.report.content import gather_report
from recovery_journal.charts.report.period import ReportPeriod
from recovery_journal.charts.words import long_date
from recovery_journal.ui.common.feedback import ask
from recovery_journal.ui.common.review_content import ReviewContent
from recovery_journal.ui.common.widgets import Banner, FieldMessage, heading, named, wrapped
from recovery_journal.ui.common.worker import run_in_background

INTRO = (
    "Reviews the people you sponsor made for you. They stay theirs: nothing here is added to "
    "your journal, and the files are kept encrypted with your sponsor key."
)
NO_KEY = (
    "To receive review files, make your sponsor key in Settings › For sponsors and give its "
    "code to the people you sponsor."
)


class SponseesView(QWidget):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        from recovery_journal.services.paths import kept_reviews_dir, sponsor_key_path
        from recovery_journal.services.review_files import KeptReviews

        super().__init__(parent)
        self.controller = controller
        journal = controller.session.path
        self.key_path: Path = sponsor_key_path(journal)
        self.kept = KeptReviews(kept_reviews_dir(journal))
        self.key: Any = None
        self.reviews: list[Any] = []
        self.shown: Any = None
        self.setAccessibleName("Sponsees")
        outer = QVBoxLayout(self)
        margin = self.fontMetrics().height()
        outer.setContentsMargins(margin, margin, margin, margin)
        outer.addWidget(heading("Sponsees", 1, self))
        outer.addWidget(wrapped(INTRO, self, muted=True))

        self.unlock_row = QWidget(self)
        row = QHBoxLayout(self.unlock_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.passphrase = named(QLineEdit(self.unlock_row), "Sponsor key passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("Your sponsor key's passphrase")
        self.passphrase.returnPressed.connect(self.unlock)
        self.open_button = named(QPushButton("&Open reviews", self.unlock_row), "Open reviews")
        self.open_button.clicked.connect(self.unlock)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.open_button)
        outer.addWidget(self.unlock_row)
        self.message = FieldMessage(self)
        outer.addWidget(self.message)
        self.no_key = wrapped(NO_KEY, self)
        outer.addWidget(self.no_key)

        self.body = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.body)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.people = named(QListWidget(left), "People you sponsor", "Each by their latest review")
        self.people.currentRowChanged.connect(self._show_row)
        column.addWidget(self.people, 1)
        self.add_button = named(QPushButton("&Add a review file…", left), "Add a review file")
        self.add_button.clicked.connect(self.choose_file)
        self.delete_button = named(QPushButton("&Delete", left), "Delete this person's reviews")
        self.delete_button.clicked.connect(self.delete_current)
        column.addWidget(self.add_button)
        column.addWidget(self.delete_button)
        self.scroll_area = QScrollArea(self.body)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self.scroll_area)
        right = QVBoxLayout(page)
        self.banner = Banner("Someone else's review", "", "calm", page)
        right.addWidget(self.banner)
        self.content = ReviewContent(page, show_talking_points=True)
        right.addWidget(self.content, 1)
        self.scroll_area.setWidget(page)
        self.body.addWidget(left)
        self.body.addWidget(self.scroll_area)
        self.body.setStretchFactor(1, 3)
        outer.addWidget(self.body, 1)
        self.choose_path = self._ask_path  # tests replace it
        if hasattr(controller, "about_to_lock"):
            controller.about_to_lock.connect(self.close_private)
        self.refresh()

    # -- the page protocol ------------------------------------------------------------------
    def refresh(self) -> None:
        has_key = self.key_path.exists()
        self.no_key.setVisible(not has_key)
        self.unlock_row.setVisible(has_key and self.key is None)
        self.body.setVisible(self.key is not None)
        self.delete_button.setEnabled(self.shown is not None)
        self.banner.setVisible(self.shown is not None)
        self.content.setVisible(self.shown is not None)

    def focus_first(self) -> None:
        (self.passphrase if self.key is None else self.people).setFocus()

    # -- opening ----------------------------------------------------------------------------
    def unlock(self) -> None:
        from recovery_journal.services.sponsor_key import open_key

        secret = self.passphrase.text()
        self.passphrase.clear()
        self.open_button.setEnabled(False)
        self.message.clear_message()
        path, kept = self.key_path, self.kept

        def work() -> tuple[Any, list[Any], list[Any]]:
            key = open_key(path, secret)
            opened, failed = kept.open_all(key)
            return key, opened, failed

        run_in_background(work, self._opened, self._failed)

    def _opened(self, result: tuple[Any, list[Any], list[Any]]) -> None:
        self.open_button.setEnabled(True)
        self.key, self.reviews, failed = result
        if failed:
            names = ", ".join(path.name for path, _ in failed)
            self.message.show_message(f"Some kept files couldn't be opened: {names}.")
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self.open_button.setEnabled(True)
        self.message.show_message(str(error))
        self.refresh()

    def open_file(self, path: Path) -> bool:
        """Open a review file made for this key and keep it; False (with the reason shown)
        when it can't be."""
        from recovery_journal.services.errors import VaultError
        from recovery_journal.services.review_files import open_review_file

        try:
            review, blob = open_review_file(Path(path), self.key)
            self.kept.keep(blob)
        except (VaultError, OSError, ValueError) as error:
            self.message.show_message(getattr(error, "message", None) or str(error))
            return False
        self.message.clear_message()
        self.reviews = [r for r in self.reviews if r.file_id != review.file_id] + [review]
        self._fill(select=review.name)
        return True

    def choose_file(self) -> None:
        path = self.choose_path()
        if path:
            self.open_file(Path(path))

    def _ask_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self, "Add a review file", str(Path.home()), "Review files (*.rjreview);;All (*)"
        )
        return path

    # -- showing ----------------------------------------------------------------------------
    def _fill(self, select: str | None = None) -> None:
        from recovery_journal.services.review_files import latest_by_person

        self.people.blockSignals(True)
        self.people.clear()
        self.latest = latest_by_person(self.reviews)
        for review in self.latest:
            made = review.made_at.astimezone().date()
            item = QListWidgetItem(f"{review.name}\n{review.label} · made {long_date(made)}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{review.name}, {review.label}")
            self.people.addItem(item)
        self.people.blockSignals(False)
        names = [r.name for r in self.latest]
        row = names.index(select) if select in names else (0 if names else -1)
        self.people.setCurrentRow(row)
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        self.shown = self.latest[row] if 0 <= row < len(getattr(self, "latest", [])) else None
        if self.shown is not None:
            review = self.shown
            period = ReportPeriod(review.start, review.end, review.kind, review.label, review.note)
            content = gather_report(review.data, period, include_notes=review.parts.notes)
            made = review.made_at.astimezone()
            self.banner.title.setText(f"{review.name}'s review — theirs, not yours")
            self.banner.set_text(
                f"{period.title}. Made on {long_date(made.date())} at {made:%H:%M}. The words "
                f"are as {review.name} sees them (“you” is {review.name}). Nothing here is "
                "added to your journal." + _left_out(review)
            )
            self.content.show_content(content, review.data)
        else:
            self.content.release_charts()
        self.refresh()

    # -- deleting ---------------------------------------------------------------------------
    def delete_current(self) -> None:
        review = self.shown
        if review is None:
            return
        ask(
            self,
            "Delete reviews",
            f"Delete every review from {review.name} kept on this computer? Your own journal "
            "is not touched.",
            [
                ("&Delete", QMessageBox.ButtonRole.DestructiveRole, True),
                ("&Keep them", QMessageBox.ButtonRole.RejectRole, False),
            ],
            lambda yes: self.delete_person(review.name) if yes else None,
            default=1,
        )

    def delete_person(self, name: str) -> None:
        mine = [r for r in self.reviews if r.name.casefold() == name.casefold()]
        self.kept.remove([r.file_id for r in mine])
        self.reviews = [r for r in self.reviews if r not in mine]
        self._fill()

    # -- locking ----------------------------------------------------------------------------
    def close_private(self) -> None:
        if self.key is not None:
            self.key.close()
        self.key, self.reviews, self.shown, self.latest = None, [], None, []
        self.people.clear()
        self.content.release_charts()
        self.refresh()


def _left_out(review: Any) -> str:
    parts = review.parts
    missing = [
        what
        for what, shared in (
            ("meetings", parts.meetings),
            ("sponsor contacts", parts.contacts),
            ("relationship check-ins", parts.checkins),
            ("notes", parts.notes),
        )
        if not shared
    ]
    return f" Not shared: {', '.join(missing)}." if missing else ""
