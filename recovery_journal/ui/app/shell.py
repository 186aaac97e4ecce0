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
    QScrollArea,
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
ICON_ROLE = Qt.ItemDataRole.UserRole + 1  # the line icon's name (re-tinted with the theme)


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
        self.restyle()

    def restyle(self) -> None:
        """The list in the window's colour, its chosen place highlighted even when the list
        doesn't have the focus; derived again from the palette when the theme changes."""
        palette = QPalette(theme.inherited_palette(self))
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            active = palette.color(QPalette.ColorGroup.Active, role)
            palette.setColor(QPalette.ColorGroup.Inactive, role, active)
        self.setPalette(palette)
        colour = palette.color(QPalette.ColorRole.WindowText)
        for row in range(self.count()):
            item = self.item(row)
            name = item.data(ICON_ROLE) if item is not None else None
            if item is not None and name:
                item.setIcon(icons.line_icon(str(name), colour))

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
        self._holders: dict[str, QScrollArea] = {}
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
            item.setData(ICON_ROLE, spec.icon)
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
            holder = _PageScroll(self.stack)
            widget = spec.build(self.controller, holder)
            holder.setWidget(widget)
            self._pages[key] = widget
            self._holders[key] = holder
            self.stack.addWidget(holder)
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
        self.stack.setCurrentWidget(self._holders[spec.key])
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


class _PageScroll(QScrollArea):
    """Holds a page: at its full size when the window has room, scrolled when the window is
    smaller than the page's least size (large text on a small screen), so a page never makes
    the window larger than the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Current place")

    def minimumSizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 10, line * 6)


def _call(widget: QWidget | None, name: str) -> bool:
    method = getattr(widget, name, None)
    if callable(method):
        method()
        return True
    return False
