"""Settings, saved as they are changed (each change is checked by the domain's validation and
a problem is shown next to the field). Everything here is stored inside the encrypted journal;
only the theme is mirrored to the window preferences so the unlock screen can use it, and the
Reminders tab (``reminders_tab.py``) keeps its options there, as they work while locked."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.domain.models import Theme, WeekStart
from recovery_journal.domain.validation import (
    AUTOLOCK_RANGE,
    BACKUPS_KEPT_RANGE,
    CONTACT_GAP_RANGE,
    FieldError,
)
from recovery_journal.services.errors import InvalidRecordError
from recovery_journal.ui.common.undo import undo_actions
from recovery_journal.ui.common.widgets import FieldMessage, OptionalDate, named, wrapped
from recovery_journal.ui.pages.settings.safety_tab import SafetyTab
from recovery_journal.ui.pages.settings.sponsor_key_tab import SponsorKeyTab

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController
    from recovery_journal.ui.app.reminder_options import ReminderOptions

FELLOWSHIPS = ("AA", "NA", "CA", "SMART")


UNKNOWN_BREAKS_NOTE = (
    "Off: a day you haven't filled in doesn't break your count of days without using. "
    "On: it starts the count again."
)


class SettingsDialog(QDialog):
    theme_changed = Signal()

    def __init__(
        self,
        controller: JournalController,
        parent: QWidget | None = None,
        *,
        reminders: ReminderOptions | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._loading = True
        self._messages: dict[str, FieldMessage] = {}
        settings = controller.settings()
        today = controller.today()

        layout = QVBoxLayout(self)
        self.tabs = named(QTabWidget(self), "Settings sections")
        layout.addWidget(self.tabs)

        # -- privacy and locking ------------------------------------------------------------
        privacy = QWidget(self.tabs)
        form = QFormLayout(privacy)
        self.autolock = named(QSpinBox(privacy), "Lock after this many idle minutes")
        self.autolock.setRange(*AUTOLOCK_RANGE)
        self.autolock.setSpecialValueText("Never")
        self.autolock.setSuffix(" minutes idle")
        self.autolock.setValue(settings.autolock_minutes)
        self.autolock.valueChanged.connect(lambda v: self._set(autolock_minutes=v))
        form.addRow("&Lock after:", self._with_message(self.autolock, "autolock_minutes"))
        form.addRow(
            "",
            wrapped(
                "It also locks when your computer goes to sleep or the screen locks, where "
                "the system tells the app. Ctrl+L locks it at any time.",
                privacy,
                muted=True,
            ),
        )
        self.backups = named(QSpinBox(privacy), "Encrypted backups kept")
        self.backups.setRange(*BACKUPS_KEPT_RANGE)
        self.backups.setValue(settings.backups_kept)
        self.backups.valueChanged.connect(lambda v: self._set(backups_kept=v))
        form.addRow("&Backups kept:", self._with_message(self.backups, "backups_kept"))
        form.addRow(
            "",
            wrapped(
                "Encrypted copies, at most one an hour, in the “backups” folder beside your "
                "journal. They open with the same passphrase.",
                privacy,
                muted=True,
            ),
        )
        buttons = QHBoxLayout()
        self.passphrase_button = named(
            QPushButton("Change &passphrase…", privacy), "Change passphrase"
        )
        self.passphrase_button.clicked.connect(self._change_passphrase)
        self.code_button = named(
            QPushButton("Make a new &recovery code…", privacy), "Make a new recovery code"
        )
        self.code_button.clicked.connect(self._new_code)
        buttons.addWidget(self.passphrase_button)
        buttons.addWidget(self.code_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.tabs.addTab(privacy, "Privacy and locking")

        # -- your recovery ------------------------------------------------------------------
        recovery = QWidget(self.tabs)
        form = QFormLayout(recovery)
        self.sobriety = OptionalDate("I count a sobriety date:", today, recovery)
        self.sobriety.set_value(settings.sobriety_date)
        self.sobriety.enabled.toggled.connect(lambda _on: self._dates_changed())
        self.sobriety.edit.dateChanged.connect(lambda _d: self._dates_changed())
        form.addRow(self._with_message(self.sobriety, "sobriety_date"))
        self.tracking = OptionalDate("Start counting from:", today, recovery)
        self.tracking.set_value(settings.tracking_start)
        self.tracking.enabled.toggled.connect(lambda _on: self._dates_changed())
        self.tracking.edit.dateChanged.connect(lambda _d: self._dates_changed())
        form.addRow(self._with_message(self.tracking, "tracking_start"))
        form.addRow(
            wrapped(
                "Without a start date, your figures count from the first day you recorded.",
                recovery,
                muted=True,
            )
        )
        self.week_start = named(QComboBox(recovery), "Weeks start on")
        self.week_start.addItem("Monday", WeekStart.MONDAY)
        self.week_start.addItem("Sunday", WeekStart.SUNDAY)
        self.week_start.setCurrentIndex(self.week_start.findData(settings.week_start))
        self.week_start.currentIndexChanged.connect(
            lambda _i: self._set(week_start=self.week_start.currentData())
        )
        form.addRow("&Weeks start on:", self.week_start)
        self.unknown_breaks = named(
            QCheckBox("Days I haven't filled in end a run", recovery),
            "Days I haven't filled in end a run",
        )
        self.unknown_breaks.setChecked(settings.unknown_breaks_runs)
        self.unknown_breaks.toggled.connect(lambda on: self._set(unknown_breaks_runs=on))
        form.addRow("", self.unknown_breaks)
        self.unknown_breaks_note = wrapped(UNKNOWN_BREAKS_NOTE, recovery, muted=True)
        form.addRow("", self.unknown_breaks_note)

        box = QWidget(recovery)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fellowship_boxes: dict[str, QCheckBox] = {}
        for index, key in enumerate(FELLOWSHIPS):
            check = named(QCheckBox(key, box), f"I go to {key} meetings")
            check.setChecked(key in settings.fellowships)
            check.toggled.connect(lambda _on: self._fellowships_changed())
            self.fellowship_boxes[key] = check
            grid.addWidget(check, 0, index)
        self.other_fellowship = named(QLineEdit(box), "Another fellowship")
        self.other_fellowship.setPlaceholderText("Another fellowship or group")
        self.other_fellowship.setText(
            ", ".join(f for f in settings.fellowships if f not in FELLOWSHIPS)
        )
        self.other_fellowship.editingFinished.connect(self._fellowships_changed)
        grid.addWidget(self.other_fellowship, 1, 0, 1, len(FELLOWSHIPS))
        form.addRow("Meetings I go to:", box)
        self.contact_gap = named(
            QSpinBox(recovery), "Mention it after this many days without sponsor contact"
        )
        self.contact_gap.setRange(*CONTACT_GAP_RANGE)
        self.contact_gap.setSuffix(" days")
        self.contact_gap.setValue(settings.contact_gap_days)
        self.contact_gap.valueChanged.connect(lambda v: self._set(contact_gap_days=v))
        form.addRow("Sponsor contact &reminder after:", self.contact_gap)
        self.tabs.addTab(recovery, "Your recovery")

        # -- safety -------------------------------------------------------------------------
        self.safety = SafetyTab(controller, self._set, self.tabs)
        self.country, self.emergency = self.safety.country, self.safety.emergency
        self.people = self.safety.people
        self.tabs.addTab(self.safety, "Safety")
        # The window's Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) reach this dialog too.
        self.addActions(list(undo_actions(controller.undo_stack, self)))

        # -- appearance ---------------------------------------------------------------------
        appearance = QWidget(self.tabs)
        column = QVBoxLayout(appearance)
        self.theme_group = QButtonGroup(appearance)
        self.theme_buttons: dict[Theme, QRadioButton] = {}
        for theme, label in (
            (Theme.SYSTEM, "Follow the system"),
            (Theme.LIGHT, "Light"),
            (Theme.DARK, "Dark"),
        ):
            radio = named(QRadioButton(label, appearance), f"Theme: {label}")
            radio.setChecked(settings.theme == theme)
            radio.toggled.connect(partial(self._theme_toggled, theme))
            self.theme_group.addButton(radio)
            self.theme_buttons[theme] = radio
            column.addWidget(radio)
        column.addStretch(1)
        self.tabs.addTab(appearance, "Appearance")
        self.sponsor_key = SponsorKeyTab(controller, self.tabs)
        self.tabs.addTab(self.sponsor_key, "For sponsors")

        # -- reminders (kept outside the journal: they work while it is locked) -------------
        self.reminders: QWidget | None = None
        if reminders is not None:
            from recovery_journal.ui.pages.settings.reminders_tab import RemindersTab

            self.reminders = RemindersTab(reminders, self.tabs)
            self.tabs.addTab(self.reminders, "Reminders")
            self.tabs.setUsesScrollButtons(False)  # the window widens to show every tab

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName("Close")
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._loading = False

    # -- saving ---------------------------------------------------------------------------------
    def _with_message(self, widget: QWidget, field: str) -> QWidget:
        box = QWidget(widget.parentWidget())
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        message = FieldMessage(box)
        column.addWidget(message)
        self._messages[field] = message
        return box

    def _set(self, **changes: Any) -> bool:
        """Save the change; the service refuses it (and nothing is written) when a value breaks
        a rule, and each reason shows next to its field."""
        if self._loading:
            return False
        try:
            self.controller.session.update_settings(**changes)
        except InvalidRecordError as error:
            self._show_errors(changes, error.errors)
            return False
        self._show_errors(changes, ())
        return True

    def _show_errors(self, changes: dict[str, Any], errors: tuple[FieldError, ...]) -> None:
        """Each message next to its field; one for a field without a place of its own shows
        next to the first field changed."""
        fields = [f for f in changes if f in self._messages]
        homeless = [e.message for e in errors if e.field not in self._messages]
        for field in fields:
            mine = [e.message for e in errors if e.field == field]
            if not mine and field == fields[0]:
                mine = homeless
            if mine:
                self._messages[field].show_message(mine[0])
            else:
                self._messages[field].clear_message()

    def _dates_changed(self) -> None:
        self._set(sobriety_date=self.sobriety.value(), tracking_start=self.tracking.value())

    def _fellowships_changed(self) -> None:
        chosen = [key for key, box in self.fellowship_boxes.items() if box.isChecked()]
        others = [part.strip() for part in self.other_fellowship.text().split(",")]
        self._set(fellowships=tuple(chosen + [o for o in others if o]))

    def _theme_toggled(self, theme: Theme, on: bool) -> None:
        if on and self._set(theme=theme):
            self.theme_changed.emit()

    # -- secrets --------------------------------------------------------------------------------
    def _change_passphrase(self) -> None:
        from recovery_journal.ui.dialogs.secrets import ChangePassphraseDialog

        ChangePassphraseDialog(self.controller, self).open()

    def _new_code(self) -> None:
        from recovery_journal.ui.dialogs.secrets import issue_new_recovery_code

        issue_new_recovery_code(self.controller, self)
