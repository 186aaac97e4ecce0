"""Review › "Review file for your sponsor…": this review, encrypted to one sponsor's key.

The period is the one the Review page shows; the person picks the sponsor (a code kept in the
journal, or a new one entered once), the name the sponsor sees and the parts to share (notes
off unless ticked, as on the page). The file is written through the same guard as every save
dialog (never over the journal, its backups or a journal or key file), atomically, mode 0600.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.review_share import SharedParts, name_problem, recipients
from recovery_journal.ui.common.widgets import FieldMessage, named, wrapped

NEW = "new"


class ReviewFileDialog(QDialog):
    def __init__(
        self,
        session: Any,
        period: Any,
        include_notes: bool,
        parent: QWidget | None = None,
        *,
        now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.period = period
        self._now = now
        self.written: Path | None = None
        self.setWindowTitle("Review file for your sponsor")
        self.setAccessibleName("Review file for your sponsor")
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped(
                f"{period.title}. Only the sponsor whose code you choose can open the file; "
                "send it any way you like.",
                self,
            )
        )
        form = QFormLayout()
        self.form = form
        self.sponsor = named(QComboBox(self), "Sponsor")
        for recipient in recipients(session.settings()):
            self.sponsor.addItem(recipient.name, recipient.name)
        self.sponsor.addItem("Someone new: enter their code…", NEW)
        self.sponsor.currentIndexChanged.connect(lambda _i: self._new_visible())
        form.addRow("&For:", self.sponsor)
        self.new_name = named(QLineEdit(self), "Your sponsor's name")
        self.new_code = named(QLineEdit(self), "Your sponsor's code")
        self.new_code.setPlaceholderText("XXXX-XXXX-… (14 groups of 4)")
        form.addRow("Their &name:", self.new_name)
        form.addRow("Their &code:", self.new_code)
        self.name = named(QLineEdit(self), "Your name on the file")
        self.name.setText(session.settings().review_name)
        self.name.setPlaceholderText("The name your sponsor knows you by")
        form.addRow("Your na&me:", self.name)
        layout.addLayout(form)
        self.parts: dict[str, QCheckBox] = {}
        for key, label, on in (
            ("meetings", "Meetings", True),
            ("contacts", "Contacts with your sponsor", True),
            ("checkins", "Relationship check-ins", True),
            ("talking_points", "Things you want to talk about", True),
            ("notes", "Your notes and journal text", include_notes),
        ):
            box = named(QCheckBox(label, self), label)
            box.setChecked(on)
            self.parts[key] = box
            layout.addWidget(box)
        layout.addWidget(
            wrapped(
                "Never in the file: substances, amounts, and the notes of meetings, contacts "
                "and check-ins.",
                self,
                muted=True,
            )
        )
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            "&Save review file…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName("Save review file")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.choose_path: Callable[[str], str] = self._ask_path  # tests replace it
        self._new_visible()

    def _new_visible(self) -> None:
        new = self.sponsor.currentData() == NEW
        for field in (self.new_name, self.new_code):
            field.setVisible(new)
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(new)

    def _ask_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save review file", str(Path.home() / suggested), "Review files (*.rjreview)"
        )
        return path

    def _recipient(self) -> tuple[str, bytes]:
        from recovery_journal.services.review_files import add_recipient, recipient_for

        if self.sponsor.currentData() == NEW:
            kept = add_recipient(self.session, self.new_name.text(), self.new_code.text())
            return recipient_for(kept.name, recipients(self.session.settings()))
        return recipient_for(self.sponsor.currentData(), recipients(self.session.settings()))

    def save(self) -> None:
        from recovery_journal.services.errors import VaultError
        from recovery_journal.services.files import target_problem
        from recovery_journal.services.review_files import (
            ReviewRequest,
            default_file_name,
            make_review_file,
        )

        name = self.name.text().strip()
        problem = name_problem(name)
        if problem is not None:
            self.message.show_message(f"Your name on the file: {problem}")
            return
        try:
            _sponsor, public_key = self._recipient()
        except ValueError as error:
            self.message.show_message(str(error))
            return
        now = self._now()
        text = self.choose_path(default_file_name(now.astimezone().date()))
        if not text:
            return
        path = Path(text)
        problem = target_problem(path, self.session.path)
        if problem is not None:
            self.message.show_message(f"{problem}.")
            return
        p = self.period
        request = ReviewRequest(
            name,
            p.start,
            p.end,
            p.kind,
            p.label,
            p.note,
            SharedParts(
                meetings=self.parts["meetings"].isChecked(),
                contacts=self.parts["contacts"].isChecked(),
                checkins=self.parts["checkins"].isChecked(),
                notes=self.parts["notes"].isChecked(),
            ),
            talking_points=self.parts["talking_points"].isChecked(),
        )
        try:
            make_review_file(self.session.data(), request, public_key, path, self.session.path, now)
            if name != self.session.settings().review_name and not self.session.read_only:
                self.session.update_settings(review_name=name)
        except (VaultError, ValueError) as error:
            self.message.show_message(getattr(error, "message", None) or str(error))
            return
        self.written = path
        self.accept()
