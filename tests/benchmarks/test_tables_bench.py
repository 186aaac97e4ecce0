"""The Meetings and Sponsor tables, the Calendar and the Journal search on the ten-year
journal (run with --benchmark-only; skipped by default).

Budgets (issue 5): the meetings and contacts tables open and scroll without a visible pause —
loading a table model ≤ 100 ms; a search over the 1,000 journal entries (and the 3,650 day
notes) ≤ 50 ms.

"Model load" is what a page does when the journal changed: give the model the records (sorted
by date) and filter them through the proxy. The page refresh figures add everything else the
page does after a change (figures, filters, the selection kept), reading from the session's
cached journal; reading the journal out of the database after a change is measured on its
own ("read the journal"). "Scroll" is one page down and painting the rows then shown.
"""

from __future__ import annotations

import dataclasses

import pytest

from tests.benchmarks.conftest import TODAY


@pytest.fixture
def big_session(tmp_path, fast_kdf, ten_years):
    from recovery_journal.services.session import JournalSession

    session, _ = JournalSession.create(
        tmp_path / "ten.rjvault", "benchmark passphrase", kdf=fast_kdf
    )
    session.set_clock(lambda: TODAY)  # the journal's own today: writes are checked against it
    session.replace_all(ten_years)
    yield session
    session.close()


@pytest.fixture
def controller(qapp, big_session):
    from recovery_journal.ui.app.controller import JournalController

    return JournalController(big_session, clock=lambda: TODAY)


def _meetings_model(controller):
    from recovery_journal.ui.common.record_model import RecordFilter, RecordTableModel
    from recovery_journal.ui.pages.meetings.columns import meeting_columns, meeting_search_text

    model = RecordTableModel(meeting_columns(controller.today), meeting_search_text)
    proxy = RecordFilter()
    proxy.setSourceModel(model)
    return model, proxy


def _contacts_model(controller):
    from recovery_journal.ui.common.record_model import RecordFilter, RecordTableModel
    from recovery_journal.ui.pages.sponsor.columns import (
        contact_columns,
        contact_search_text,
        sponsor_names,
    )

    names = sponsor_names(controller.data().sponsors)
    model = RecordTableModel(
        contact_columns(controller.today, lambda: names), contact_search_text(lambda: names)
    )
    proxy = RecordFilter()
    proxy.setSourceModel(model)
    return model, proxy


@pytest.mark.parametrize("table", ["meetings", "contacts"])
def test_model_load(benchmark, controller, table):
    data = controller.data()
    records = data.meetings if table == "meetings" else data.contacts
    model, proxy = (_meetings_model if table == "meetings" else _contacts_model)(controller)
    benchmark.extra_info["rows"] = len(records)

    def load():
        model.set_records(records)
        return proxy.rowCount()

    assert benchmark(load) == 2000


@pytest.mark.parametrize("table", ["meetings", "contacts"])
def test_search_and_filter_the_table(benchmark, controller, table):
    from recovery_journal.ui.common.record_model import period_test

    data = controller.data()
    records = data.meetings if table == "meetings" else data.contacts
    model, proxy = (_meetings_model if table == "meetings" else _contacts_model)(controller)
    model.set_records(records)
    words = iter(["tues", "hope", "", "phone", "steps", ""] * 10_000)

    def search():
        proxy.set_search(next(words))
        proxy.set_test("Period", period_test(365, TODAY))
        proxy.set_test("Period", None)
        return proxy.rowCount()

    benchmark(search)


@pytest.mark.parametrize("page", ["meetings", "sponsor"])
def test_page_refresh_after_a_change(benchmark, qtbot, controller, page):
    """A change to the journal (one record edited), then the page's refresh."""
    from recovery_journal.ui.pages.meetings.view import MeetingsView
    from recovery_journal.ui.pages.sponsor.view import SponsorView

    view = (MeetingsView if page == "meetings" else SponsorView)(controller, None)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    session = controller.session
    meeting = controller.data().meetings[0]
    contact = controller.data().contacts[0]
    counter = iter(range(10**9))

    def change():
        number = next(counter)
        if page == "meetings":
            session.update_meeting(dataclasses.replace(meeting, notes=f"edit {number}"))
        else:
            session.update_contact(dataclasses.replace(contact, notes=f"edit {number}"))
        controller.data()  # reading the journal after the change: measured on its own
        return ()

    def refresh():
        view.refresh()

    benchmark.pedantic(refresh, setup=change, rounds=15, iterations=1)


def test_read_the_journal_after_a_change(benchmark, controller):
    """What every page pays once after a change (``session.data()``, cached until the next)."""
    session = controller.session
    counter = iter(range(10**9))
    day = controller.data().days[-1]

    def change():
        session.save_day(dataclasses.replace(day, note=f"edit {next(counter)}"))
        return ()

    benchmark.pedantic(session.data, setup=change, rounds=15, iterations=1)


@pytest.mark.parametrize("table", ["meetings", "contacts"])
def test_scroll_one_page_and_repaint(benchmark, qtbot, controller, table):
    from recovery_journal.ui.pages.meetings.view import MeetingsView
    from recovery_journal.ui.pages.sponsor.view import SponsorView

    if table == "meetings":
        view = MeetingsView(controller, None)
        grid = view.panel.table
    else:
        view = SponsorView(controller, None)
        grid = view.contacts.table
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    bar = grid.verticalScrollBar()

    def scroll():
        value = bar.value() + bar.pageStep()
        bar.setValue(0 if value > bar.maximum() else value)
        return grid.viewport().grab()  # paints the rows now shown (offscreen: into a pixmap)

    benchmark(scroll)


def test_search_1000_entries_and_the_day_notes(benchmark, controller):
    session = controller.session
    assert len(controller.data().journal_entries) == 1000
    words = iter(["walk", "meeting", "sponsor call", "grateful", "river", "step"] * 10_000)
    hits = benchmark(lambda: session.search(next(words)))
    assert isinstance(hits, list)


def test_search_in_the_journal_page(benchmark, qtbot, controller):
    """The Journal page's search: the query and the results list filled in."""
    from recovery_journal.ui.pages.journal.view import JournalView

    view = JournalView(controller, None)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    words = iter(["walk", "meeting", "sponsor call", "grateful", "river", "step"] * 10_000)

    def search():
        view.search.blockSignals(True)
        view.search.setText(next(words))
        view.search.blockSignals(False)
        view.run_search()

    benchmark(search)


def test_calendar_month_after_a_change(benchmark, qtbot, controller):
    from recovery_journal.ui.pages.calendar.view import CalendarView

    view = CalendarView(controller, None)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    session = controller.session
    counter = iter(range(10**9))
    day = controller.data().days[-2]

    def change():
        session.save_day(dataclasses.replace(day, note=f"edit {next(counter)}"))
        controller.data()
        controller.stats()
        return ()

    benchmark.pedantic(view.refresh, setup=change, rounds=15, iterations=1)
