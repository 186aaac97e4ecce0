"""Optional-value controls shared by Today and the dialogs.

``RatingSlider``: a 0–10 (or any range) rating that starts "not rated" and can be cleared;
keyboard and mouse both set it. ``ChoiceRow``: a row of toggle buttons for one optional value
(clicking the chosen one again clears it). ``ChipRow``: toggle buttons for a set of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSlider,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from recovery_journal.ui.common import theme
from recovery_journal.ui.common.widgets import FlowLayout, named

#: A chosen toggle is marked by a tick as well as the highlight colour.
CHECKED_STYLE = (
    "QPushButton:checked { background-color: palette(highlight);"
    " color: palette(highlighted-text); border: 1px solid palette(highlight);"
    " border-radius: 3px; padding: 0.2em 0.6em; }"
)


def _mark(button: QPushButton, label: str) -> None:
    button.setText(f"✓ {label}" if button.isChecked() else label)


class RatingSlider(QWidget):
    """A rating from ``low`` to ``high`` or ``None`` ("Not rated"). ``changed`` fires only on the
    person's own actions, never when the value is set from a record."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        low: int,
        high: int,
        ends: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = name
        self._high = high
        self._value: int | None = None
        self._caption: QLabel | None = None
        self._caption_text = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # The ends say what the scale means (muted); the value is shown apart from them.
        self.low_label = QLabel(ends[0], self)
        self.slider = named(QSlider(Qt.Orientation.Horizontal, self), name)
        self.slider.setRange(low, high)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.high_label = QLabel(ends[1], self)
        for end in (self.low_label, self.high_label):
            palette = end.palette()
            palette.setColor(palette.ColorRole.WindowText, theme.muted_text_colour(end))
            end.setPalette(palette)
        self.value_label = QLabel(self)
        self.value_label.setFont(theme.scaled_font(self.value_label.font(), 1.0, bold=True))
        metrics = self.value_label.fontMetrics()
        self.value_label.setMinimumWidth(
            max(metrics.horizontalAdvance(t) for t in ("Not rated", f"{high} of {high}"))
        )
        self.clear_button = named(QToolButton(self), f"Clear {name.lower()}")
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip(f"Clear {name.lower()}")
        self.clear_button.clicked.connect(self._clear_clicked)
        layout.addWidget(self.low_label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.high_label)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.value_label)
        layout.addWidget(self.clear_button)
        self.slider.actionTriggered.connect(self._on_action)
        self.slider.sliderPressed.connect(self._on_press)
        self.setFocusProxy(self.slider)
        self._show()

    def value(self) -> int | None:
        return self._value

    def value_text(self) -> str:
        """ "9 of 10", or "Not rated"."""
        return "Not rated" if self._value is None else f"{self._value} of {self._high}"

    def show_value_in(self, caption: QLabel, text: str) -> None:
        """Show the value in the row's own label ("Craving: 9 of 10") instead of beside the
        slider, well away from the end labels."""
        self._caption = caption
        self._caption_text = text
        self.value_label.hide()
        metrics = caption.fontMetrics()
        caption.setMinimumWidth(
            max(
                metrics.horizontalAdvance(f"{text.replace('&', '')}: {label}")
                for label in ("Not rated", f"{self._high} of {self._high}")
            )
        )
        self._show()

    def align_ends(self, width: int) -> None:
        """Give both end labels the same width (so sliders above each other line up)."""
        self.low_label.setMinimumWidth(width)
        self.high_label.setMinimumWidth(width)

    def end_width(self) -> int:
        metrics = self.fontMetrics()
        return max(
            metrics.horizontalAdvance(label.text()) for label in (self.low_label, self.high_label)
        )

    def set_value(self, value: int | None) -> None:
        self._value = value
        blocked = self.slider.blockSignals(True)
        self.slider.setValue(self.slider.minimum() if value is None else value)
        self.slider.blockSignals(blocked)
        self._show()

    def _on_action(self, action: int) -> None:
        # Emitted before the value moves, with the slider position already moved.
        if action != QAbstractSlider.SliderAction.SliderNoAction.value:
            self._take(self.slider.sliderPosition())

    def _on_press(self) -> None:
        self._take(self.slider.sliderPosition())

    def _take(self, value: int) -> None:
        if value == self._value:
            return
        self._value = value
        self._show()
        self.changed.emit()

    def _clear_clicked(self) -> None:
        if self._value is None:
            return
        self.set_value(None)
        self.changed.emit()

    def _show(self) -> None:
        text = self.value_text()
        self.value_label.setText(text)
        if self._caption is not None:
            self._caption.setText(f"{self._caption_text}: {text}")
        self.slider.setAccessibleDescription(f"{self._name}: {text}")
        self.clear_button.setEnabled(self._value is not None)


class ChoiceRow(QWidget):
    """Toggle buttons for one optional value; clicking the chosen one again clears it."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        options: Sequence[tuple[Any, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        """``options``: (value, label, tooltip)."""
        super().__init__(parent)
        self.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.buttons: dict[Any, QPushButton] = {}
        self._labels: dict[Any, str] = {}
        self._value: Any = None
        for value, label, tip in options:
            button = named(QPushButton(label, self), f"{name}: {label.replace('&', '')}", tip)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setStyleSheet(CHECKED_STYLE)
            self._labels[value] = label
            button.clicked.connect(lambda _checked=False, v=value: self._clicked(v))
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        for key, button in self.buttons.items():
            button.setChecked(key == value)
            _mark(button, self._labels[key])

    def _clicked(self, value: Any) -> None:
        self.set_value(None if value == self._value else value)
        self.changed.emit()


class ChipRow(QWidget):
    """Toggle buttons for a set of values (any number may be on)."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        options: Sequence[tuple[Any, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        layout = FlowLayout(self)  # wraps onto a second line in a narrow window
        self._flow = layout
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[Any, QPushButton] = {}
        for value, label, tip in options:
            button = named(QPushButton(label, self), label.replace("&", ""), tip)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setStyleSheet(CHECKED_STYLE)
            button.toggled.connect(lambda _on, b=button, t=label: self._user_toggled(b, t))
            self.buttons[value] = button
            self.group.addButton(button)
            layout.addWidget(button)
        self._loading = False

    def add_extra(self, widget: QWidget) -> None:
        """Another control that flows with the chips (Today's step number)."""
        widget.setParent(self)
        self._flow.addWidget(widget)

    def values(self) -> tuple[Any, ...]:
        return tuple(key for key, button in self.buttons.items() if button.isChecked())

    def set_values(self, values: Iterable[Any]) -> None:
        chosen = set(values)
        self._loading = True
        for key, button in self.buttons.items():
            button.setChecked(key in chosen)
        self._loading = False

    def _user_toggled(self, button: QPushButton, label: str) -> None:
        _mark(button, label)
        if not self._loading:
            self.changed.emit()
