"""Keyboard use of the shared controls: a focus ring you can see, rows of toggle buttons that
are one Tab stop moved with the arrow keys, and date fields you can type a day into.

``add_focus_ring(widget)``: a ring drawn over ``widget`` while it has the keyboard focus (moved
there by Tab or a shortcut, or used with keys since; not after a click), in the theme's focus
colour with a thin inner line in the field colour, so it
shows on a plain button, a highlighted (chosen) one and a slider, light or dark.

``ArrowKeys(buttons)``: the row is one Tab stop (the chosen button, else the first or the one
last used); Left/Up and Right/Down move along it, Home and End to its ends. Moving never
chooses: Space does. (Qt's own arrow handling in an exclusive group clicks the next button when
the focused one is chosen, which would record a different day status by an arrow press.)

``DateField``: Tab puts you on the day (not the weekday name), a digit typed on the weekday
goes to the day, and the date is taken when you press Enter or leave the field, not at every
digit (``keyboardTracking`` off), so typing "28" never shows the 2nd on the way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QWidget

from recovery_journal.ui.common import theme

#: Focus reasons that come from the mouse: no ring for those.
_POINTER_REASONS = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason)
#: Focus moved by the keyboard: the ring shows at once. Focus given by the app (a page shown,
#: the window activated) shows it from the first key pressed there.
_KEY_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)


class FocusRing(QObject):
    """Draws the ring on its widget after the widget has painted itself (an event filter on
    its paint events), so it needs no room around the control and never gets clipped."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self.showing = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)  # let the widget paint itself first
            try:
                self._widget.event(event)
            finally:
                self._widget.installEventFilter(self)
            if self.showing and self._widget.hasFocus():
                self._paint()
            return True
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            self._set(event.reason() in _KEY_REASONS)
        elif kind == QEvent.Type.FocusOut:
            self._set(False)
        elif kind == QEvent.Type.KeyPress and self._widget.hasFocus() and not self.showing:
            self._set(True)  # clicked, then went on with the keyboard
        return False

    def _set(self, showing: bool) -> None:
        if showing != self.showing:
            self.showing = showing
            self._widget.update()

    def _paint(self) -> None:
        widget = self._widget
        width = max(2.0, widget.fontMetrics().height() / 7)
        painter = QPainter(widget)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outer = QRectF(widget.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        radius = width * 1.5
        painter.setPen(QPen(theme.focus_colour(widget), width))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(outer, radius, radius)
        inner = outer.adjusted(width * 0.75, width * 0.75, -width * 0.75, -width * 0.75)
        painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Base), 1.0))
        painter.drawRoundedRect(inner, radius / 2, radius / 2)
        painter.end()


def add_focus_ring(*widgets: QWidget) -> None:
    for widget in widgets:
        if widget.findChild(FocusRing) is None:
            FocusRing(widget)


def has_focus_ring(widget: QWidget) -> bool:
    """True while ``widget`` shows its focus ring (tests and screenshots ask)."""
    ring = widget.findChild(FocusRing)
    return ring is not None and ring.showing and widget.hasFocus()


_KEYS_BACK = (Qt.Key.Key_Left, Qt.Key.Key_Up)
_KEYS_ON = (Qt.Key.Key_Right, Qt.Key.Key_Down)
_KEYS_ENDS = (Qt.Key.Key_Home, Qt.Key.Key_End)


class ArrowKeys(QObject):
    """One Tab stop for a row of buttons, moved along with the arrow keys (see the module)."""

    def __init__(self, buttons: Sequence[QAbstractButton], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        self._stop: QAbstractButton | None = None
        for button in self.buttons:
            button.installEventFilter(self)
            add_focus_ring(button)
        self.reset_stop()

    @property
    def stop(self) -> QAbstractButton | None:
        """The button Tab reaches."""
        return self._stop

    def reset_stop(self) -> None:
        """Tab reaches the chosen button (the first chosen), else the first; called when the
        row is filled from a record, unless the focus is in the row."""
        if any(button.hasFocus() for button in self.buttons):
            return
        chosen = next((b for b in self.buttons if b.isCheckable() and b.isChecked()), None)
        self._set_stop(chosen or (self.buttons[0] if self.buttons else None))

    def _set_stop(self, stop: QAbstractButton | None) -> None:
        self._stop = stop
        for button in self.buttons:
            policy = Qt.FocusPolicy.StrongFocus if button is stop else Qt.FocusPolicy.ClickFocus
            button.setFocusPolicy(policy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched not in self.buttons:
            return False
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QAbstractButton):
            self._set_stop(watched)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return False
            target = self._target(watched, Qt.Key(event.key()))
            if target is not None:
                self._set_stop(target)
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return False

    def _target(self, current: QObject, key: Qt.Key) -> QAbstractButton | None:
        usable = [b for b in self.buttons if b.isEnabled() and b.isVisibleTo(b.window())]
        if not usable or key not in (*_KEYS_BACK, *_KEYS_ON, *_KEYS_ENDS):
            return None
        if key == Qt.Key.Key_Home:
            return usable[0]
        if key == Qt.Key.Key_End:
            return usable[-1]
        index = usable.index(current) if current in usable else 0
        step = -1 if key in _KEYS_BACK else 1
        return usable[(index + step) % len(usable)]


class DateField(QDateEdit):
    """A date field you can type a day number into (see the module)."""

    def __init__(self, parent: QWidget | None = None, display_format: str = "d MMMM yyyy") -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(display_format)
        self.setKeyboardTracking(False)

    def _sections(self) -> list[str]:
        """The format's sections in order ("ddd", "d", "MMM", "yyyy")."""
        return re.findall(r"d+|M+|y+", self.displayFormat())

    def _index_of(self, weekday: bool) -> int | None:
        for index, token in enumerate(self._sections()):
            if token[0] == "d" and (len(token) >= 3) == weekday:
                return index
        return None

    def select_day(self) -> None:
        """Put the cursor on the day number, selected (typing replaces it)."""
        index = self._index_of(weekday=False)
        if index is not None:
            self.setCurrentSectionIndex(index)
            self.setSelectedSection(QDateEdit.Section.DaySection)

    def _on_weekday(self) -> bool:
        return self.currentSectionIndex() == self._index_of(weekday=True)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() not in (*_POINTER_REASONS, Qt.FocusReason.BacktabFocusReason):
            self.select_day()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit() and self._on_weekday():
            self.select_day()
        super().keyPressEvent(event)
