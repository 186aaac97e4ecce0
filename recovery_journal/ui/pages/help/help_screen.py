"""Get help now (MEASURES §9): the person's call list and emergency number, and the bundled
table of national helplines with the date each was last checked (or, for a number not checked
yet, a note asking the person to confirm it locally). Entirely offline; it works on the unlock
screen too (then without the call list, which is inside the journal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.formatting import long_date
from recovery_journal.ui.common import helplines, theme
from recovery_journal.ui.common.widgets import heading, named, wrapped

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

NOT_CLINICAL = (
    "Recovery Journal is a personal journal, not a clinical or emergency service. It never "
    "calls anyone or goes online; please use your phone to call."
)
NOT_CHECKED = "Not yet checked — please confirm this number locally."
NO_NUMBER = (
    "your local emergency number (for example 112 in most of Europe, 911 in North America, "
    "999 in the UK, 000 in Australia)"
)


def _selectable(text: str, parent: QWidget, *, big: bool = False) -> QLabel:
    label = wrapped(text, parent)
    # Selectable with the mouse (to copy a number), but never focused: no text cursor.
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setAccessibleName(text)
    if big:
        label.setFont(theme.scaled_font(label.font(), 1.3, bold=True))
    return label


class HelpDialog(QDialog):
    def __init__(self, controller: JournalController | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Get help now")
        self.setAccessibleName("Get help now")
        settings = controller.settings() if controller is not None else None
        people = controller.data().call_list if controller is not None else ()
        country_code = settings.country if settings is not None else ""
        country, guessed = helplines.country_for(country_code)
        emergency = (settings.emergency_number if settings else "") or (
            country.emergency if country else ""
        )

        outer = QVBoxLayout(self)
        content = QWidget(self)
        outer.addWidget(content, 1)
        layout = QVBoxLayout(content)
        section = self.fontMetrics().height()
        layout.addWidget(heading("Get help now", 1, content))
        layout.addWidget(
            wrapped(
                "You don't have to get through this alone. Reaching out is a strong thing to do.",
                content,
            )
        )
        layout.addSpacing(section)
        layout.addWidget(heading("In an emergency", 2, content))
        self.emergency = _selectable(
            f"If you or someone else is in danger, call {emergency} now."
            if emergency
            else f"If you or someone else is in danger, call {NO_NUMBER} now.",
            content,
            big=bool(emergency),
        )
        layout.addWidget(self.emergency)

        layout.addSpacing(section)
        layout.addWidget(heading("People you can call", 2, content))
        if controller is None:
            layout.addWidget(
                wrapped(
                    "Your call list is kept inside your journal. Unlock it to see the people "
                    "you chose.",
                    content,
                )
            )
        elif not people:
            layout.addWidget(
                wrapped(
                    "You haven't added anyone yet. You can add your sponsor and others in "
                    "Settings, under Safety.",
                    content,
                )
            )
        self.people: list[QLabel] = []
        for person in people:
            who = f"{person.name} ({person.role})" if person.role else person.name
            label = _selectable(f"{who}: {person.phone or 'no number saved'}", content, big=True)
            self.people.append(label)
            layout.addWidget(label)

        layout.addSpacing(section)
        layout.addWidget(heading("Helplines", 2, content))
        form = QFormLayout()
        self.country = named(QComboBox(content), "Country for helplines")
        if country is None:  # never silently the first country of the list
            self.country.addItem("Choose your country…", "")
        for item in helplines.countries():
            self.country.addItem(item.name, item.code)
        if country is not None:
            self.country.setCurrentIndex(self.country.findData(country.code))
        form.addRow("&Country:", self.country)
        layout.addLayout(form)
        self.guessed_note: QLabel | None = None
        if guessed:
            self.guessed_note = wrapped(
                "Chosen from your computer's language settings. You can set your country in "
                "Settings, under Safety.",
                content,
                muted=True,
            )
            layout.addWidget(self.guessed_note)
        self.lines_box = QVBoxLayout()
        layout.addLayout(self.lines_box)
        self.country.currentIndexChanged.connect(self._show_country)
        self._show_country()

        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(wrapped(NOT_CLINICAL, content, muted=True))
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.fit_to_width(self.fontMetrics().height() * 44)

    def fit_to_width(self, width: int) -> None:
        """As tall as the wrapped text needs at ``width`` (no gaps, nothing cut)."""
        layout = self.layout()
        height = layout.totalHeightForWidth(width) if layout is not None else -1
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def _show_country(self) -> None:
        while self.lines_box.count():
            item = self.lines_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        found = helplines.country(self.country.currentData() or "")
        parent = self.country.parentWidget()
        assert parent is not None
        if found is None:
            self.lines_box.addWidget(
                _selectable("Choose your country to see its helplines.", parent)
            )
            return
        self.lines_box.addWidget(
            _selectable(f"Emergency number in {found.name}: {found.emergency}", parent)
        )
        for line in found.helplines:
            self.lines_box.addWidget(_selectable(f"{line.name}: {line.phone}", parent, big=True))
            if line.last_checked is not None:
                when = line.last_checked
                checked = f"Last checked {long_date(when)}."
            else:
                checked = NOT_CHECKED
            self.lines_box.addWidget(_selectable(f"{line.what}. {line.hours}. {checked}", parent))

    def helpline_texts(self) -> list[str]:
        texts = []
        for index in range(self.lines_box.count()):
            item = self.lines_box.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts
