"""The unlocked journal: the sidebar of places, the current page, and "Get help now".

Pages are built the first time they are shown and refreshed when shown and after each change.
The whole shell is destroyed on lock (nothing decrypted stays in widgets) and rebuilt after
unlocking, on the same page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recovery_journal.ui.app.pages import PAGES, PageSpec
from recovery_journal.ui.common import icons, theme
from recovery_journal.ui.common.widgets import Banner, named

if TYPE_CHECKING:
    from recovery_journal.ui.app.controller import JournalController

DEMO_BANNER = "Demo journal — made-up data, nothing is saved to your journal"
READ_ONLY_BANNER = "Your journal is open for reading only; changes can't be saved"


class Sidebar(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Places")
        self.setFrameShape(QFrame.Shape.NoFrame)
        height = self.fontMetrics().height()
        self.setIconSize(QSize(round(height * 1.4), round(height * 1.4)))
        self.setSpacing(max(2, height // 5))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            active = palette.color(QPalette.ColorGroup.Active, role)
            palette.setColor(QPalette.ColorGroup.Inactive, role, active)
        self.setPalette(palette)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = max(self.sizeHintForColumn(0), 0) + self.fontMetrics().height() * 2
        return QSize(width, hint.height())


class JournalShell(QWidget):
    page_changed = Signal(str)

    def __init__(self, controller: JournalController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._pages: dict[str, QWidget] = {}
        self._current = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if controller.demo:
            banner = Banner(
                "Demo journal",
                "Made-up data, nothing is saved to your journal. Look around and try "
                "anything; it disappears when you close the window.",
                "note",
                self,
            )
            banner.setAccessibleName(DEMO_BANNER)
            outer.addWidget(banner)
        read_only = None if controller.demo else controller.session.read_only
        if read_only:
            banner = Banner(
                "Open for reading only",
                f"{read_only} You can read your journal, see your trends, export and print; "
                "changes you make can't be saved here.",
                "note",
                self,
            )
            banner.setAccessibleName(READ_ONLY_BANNER)
            self.read_only_banner = banner
            outer.addWidget(banner)
        row = QHBoxLayout()
        outer.addLayout(row, 1)

        side = QVBoxLayout()
        self.sidebar = Sidebar(self)
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        for number, spec in enumerate(PAGES, start=1):
            item = QListWidgetItem(icons.line_icon(spec.icon, colour), spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            tip = spec.summary
            item.setToolTip(f"{tip}  Alt+{number}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spec.title)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, tip)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._on_row)
        side.addWidget(self.sidebar, 1)
        self.help_button = named(
            QPushButton(icons.line_icon("help", colour), "Get help now", self),
            "Get help now",
            "Your call list, your emergency number and helplines (F1)",
        )
        self.help_button.setToolTip("Your call list, emergency number and helplines (F1)")
        self.help_button.setFont(theme.scaled_font(self.help_button.font(), 1.1, bold=True))
        self.help_button.setMinimumHeight(round(self.fontMetrics().height() * 2.6))
        self.help_button.clicked.connect(controller.help_requested.emit)
        side.addWidget(self.help_button)
        row.addLayout(side)

        self.stack = QStackedWidget(self)
        self.stack.setAccessibleName("Current place")
        row.addWidget(self.stack, 1)

        controller.changed.connect(self.refresh_current)
        controller.today_changed.connect(self.refresh_current)
        controller.navigate.connect(self.show_page)
        controller.about_to_lock.connect(self.flush_all)

    # -- pages ----------------------------------------------------------------------------------
    @property
    def current_key(self) -> str:
        return self._current

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            widget = spec.build(self.controller, self.stack)
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str) -> None:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # calls _on_row
        else:
            self._on_row(row)

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        spec: PageSpec = PAGES[row]
        if self._current and self._current != spec.key:
            _call(self._pages.get(self._current), "flush")
        widget = self.page(spec.key)
        self._current = spec.key
        self.stack.setCurrentWidget(widget)
        _call(widget, "refresh")
        self.page_changed.emit(spec.key)

    def focus_page(self) -> None:
        widget = self._pages.get(self._current)
        if widget is not None and not _call(widget, "focus_first"):
            widget.setFocus()

    def refresh_current(self) -> None:
        if self.controller.is_unlocked:
            _call(self._pages.get(self._current), "refresh")

    def flush_all(self) -> None:
        for widget in self._pages.values():
            _call(widget, "flush")


def _call(widget: QWidget | None, name: str) -> bool:
    method = getattr(widget, name, None)
    if callable(method):
        method()
        return True
    return False
