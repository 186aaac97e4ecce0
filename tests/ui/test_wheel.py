"""The mouse wheel scrolls a page of charts wherever the pointer is, over a chart too."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from recovery_journal.services.demo import generate_demo
from recovery_journal.services.session import JournalSession
from recovery_journal.ui.pages.trends.view import TrendsView
from tests.conftest import FAST_KDF
from tests.ui.conftest import settle

TODAY = dt.date(2026, 3, 15)


@pytest.fixture
def session(tmp_path):
    session, _ = JournalSession.create(tmp_path / "j.rjvault", "a long passphrase", kdf=FAST_KDF)
    session.add_all(generate_demo(TODAY))
    yield session
    session.close()


def wheel_down(widget: QWidget, notches: int = 3) -> None:
    """Turn the wheel ``notches`` clicks towards you over the middle of ``widget``, as the
    window system does (so Qt passes it on to the parents when the widget leaves it)."""
    window = widget.window()
    middle = widget.mapTo(window, QPoint(widget.width() // 2, widget.height() // 2))
    assert window.childAt(middle) is widget or widget.isAncestorOf(window.childAt(middle))
    QTest.wheelEvent(window.windowHandle(), QPointF(middle), QPoint(0, -120 * notches))


@pytest.mark.parametrize("name", ["pda", "calendar", "attendance"])
def test_the_wheel_over_a_chart_scrolls_the_trends_page(qtbot, session, name):
    view = TrendsView(session, lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    qtbot.waitUntil(lambda: view.is_complete)
    bar = view.scroll_area.verticalScrollBar()
    canvas = view.cards[name].canvas
    settle(qtbot)
    view.scroll_area.ensureWidgetVisible(canvas)
    settle(qtbot)
    before = bar.value()
    if before == bar.maximum():
        bar.setValue(bar.maximum() // 2)
        settle(qtbot)
        before = bar.value()
    wheel_down(canvas)
    settle(qtbot)
    assert bar.value() > before


def test_the_wheel_over_the_words_scrolls_the_page_too(qtbot, session):
    view = TrendsView(session, lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show()
    qtbot.waitUntil(lambda: view.is_complete)
    bar = view.scroll_area.verticalScrollBar()
    settle(qtbot)
    wheel_down(view.cards["pda"].summary)
    settle(qtbot)
    assert bar.value() > 0
