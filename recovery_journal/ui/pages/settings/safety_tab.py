"""The Settings' Safety tab: the country (for its helplines and emergency number), the
emergency number, and the call list shown on the "Get help now" screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from recovery_journal.domain.models import CallListPerson
from recovery_journal.ui.common import helplines
from recovery_journal.ui.common.feedback import UndoBar, delete_with_undo
from recovery_journal.ui.common.widgets import named, wrapped

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController


class SafetyTab(QWidget):
    """``save(**changes)`` saves settings the way the dialog does (checked first)."""

    def __init__(
        self,
        controller: JournalController,
        save: Callable[..., bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._save = save
        settings = controller.settings()
        form = QFormLayout(self)
        self.country = named(QComboBox(self), "Country")
        self.country.addItem("Not chosen", "")
        for item in helplines.countries():
            self.country.addItem(item.name, item.code)
        found = self.country.findData(settings.country)
        self.country.setCurrentIndex(max(found, 0))
        self.country.currentIndexChanged.connect(self._country_changed)
        form.addRow("&Country:", self.country)
        self.emergency = named(QLineEdit(self), "Emergency number")
        self.emergency.setText(settings.emergency_number)
        self.emergency.editingFinished.connect(
            lambda: self._save(emergency_number=self.emergency.text().strip())
        )
        form.addRow("&Emergency number:", self.emergency)
        self.people = named(QListWidget(self), "Your call list")
        form.addRow("Your &call list:", self.people)
        row = QHBoxLayout()
        self.add_person = named(QPushButton("&Add…", self), "Add a person to call")
        self.edit_person = named(QPushButton("C&hange…", self), "Change the chosen person")
        self.remove_person = named(QPushButton("Re&move", self), "Remove the chosen person")
        self.add_person.clicked.connect(lambda: self._edit_person(None))
        self.edit_person.clicked.connect(self._edit_chosen)
        self.remove_person.clicked.connect(self._remove_chosen)
        self.people.itemActivated.connect(lambda _item: self._edit_chosen())
        self.people.currentRowChanged.connect(lambda _r: self._person_buttons())
        for button in (self.add_person, self.edit_person, self.remove_person):
            row.addWidget(button)
        row.addStretch(1)
        form.addRow("", row)
        self.people_undo = UndoBar(self)  # "Removed Sam from your call list. Undo"
        form.addRow("", self.people_undo)
        controller.undo_stack.indexChanged.connect(self._people_changed)  # ends with the tab
        form.addRow(
            "",
            wrapped(
                "These people and numbers show on the “Get help now” screen.",
                self,
                muted=True,
            ),
        )
        self.show_people()

    def _country_changed(self) -> None:
        code = self.country.currentData() or ""
        found = helplines.country(code)
        changes: dict[str, Any] = {"country": code}
        if found is not None and not self.emergency.text().strip():
            self.emergency.setText(found.emergency)
            changes["emergency_number"] = found.emergency
        self._save(**changes)

    # -- the call list --------------------------------------------------------------------------
    def show_people(self) -> None:
        self.people.clear()
        for person in self.controller.data().call_list:
            text = person.name
            if person.role:
                text += f" ({person.role})"
            if person.phone:
                text += f": {person.phone}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.people.addItem(item)
        self._person_buttons()

    def _chosen(self) -> CallListPerson | None:
        item = self.people.currentItem()
        person = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return person if isinstance(person, CallListPerson) else None

    def _person_buttons(self) -> None:
        chosen = self._chosen() is not None
        self.edit_person.setEnabled(chosen)
        self.remove_person.setEnabled(chosen)

    def _edit_person(self, person: CallListPerson | None) -> None:
        from recovery_journal.ui.dialogs.call_person import CallPersonDialog

        dialog = CallPersonDialog(self.controller, person, self)
        dialog.saved.connect(lambda _p: self.show_people())
        dialog.open()

    def _edit_chosen(self) -> None:
        person = self._chosen()
        if person is not None:
            self._edit_person(person)

    def _remove_chosen(self) -> None:
        person = self._chosen()
        if person is not None and person.id is not None:
            delete_with_undo(
                self.controller,
                [person],
                self.people_undo,
                action="remove from the call list",
                said=f"Removed {person.name} from your call list.",
            )
            self.show_people()

    def _people_changed(self, _index: int) -> None:
        self.show_people()
