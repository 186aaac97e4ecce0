"""A choice of someone from the recovery network (an optional link on a meeting or a contact).

Offers the people in the network list by name ("No one" first); a record's link to someone
who has since left the list's current members still shows, so editing never drops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from recovery_journal.ui.common.widgets import named

if TYPE_CHECKING:
    from recovery_journal.domain.models import Person

NO_ONE = "No one in particular"


class PersonChoice(QComboBox):
    """``value()`` is the chosen person's key, or ``None``."""

    def __init__(self, name: str, people: list[Person], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, name)
        self.addItem(NO_ONE, None)
        for person in sorted(people, key=lambda p: (p.name.casefold(), p.key)):
            self.addItem(person.name, person.key)
        self.setEnabled(bool(people))
        if not people:
            self.setToolTip("Add people on the Network page to name them here.")

    def value(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def set_value(self, key: str | None) -> None:
        index = self.findData(key) if key is not None else 0
        self.setCurrentIndex(max(0, index))
