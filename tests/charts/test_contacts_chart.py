"""The sponsor-contact chart: two-way contacts per week, one-way set apart, days since."""

from __future__ import annotations

from dataclasses import replace

from recovery_journal.charts import build_chart, chart_summary, render_chart
from recovery_journal.charts.series import days_in
from recovery_journal.domain.contacts import summarize_contacts, two_way_contacts
from recovery_journal.domain.models import JournalData
from tests.charts.helpers import data_gids, line_xy, one, rects, same, texts, x_of
from tests.domain.builders import MONDAY, D, contacts_on, journal, plus

END = plus(MONDAY, 30)  # Wednesday of the fifth week
TWO_WAY = [plus(MONDAY, 2), plus(MONDAY, 3), plus(MONDAY, 4), plus(MONDAY, 22)]
ONE_WAY = [plus(MONDAY, 3), plus(MONDAY, 10), plus(MONDAY, 11)]


def make() -> JournalData:
    base = journal(MONDAY, "a" * 31, contacts=TWO_WAY, contact_gap_days=10)
    return replace(base, contacts=base.contacts + contacts_on(ONE_WAY, two_way=False))


DATA = make()
WEEKS = [plus(MONDAY, 7 * i) for i in range(5)]


def test_two_way_bars_and_one_way_stacked_on_top(style):
    fig = build_chart("contacts", DATA, MONDAY, END, style)
    two = rects(one(fig, "contacts.two_way"))
    events = two_way_contacts(DATA, END)
    assert [y1 for *_, y1 in two] == [events.count_in_week(w) for w in WEEKS]
    assert [y1 for *_, y1 in two] == [3, 0, 0, 1, 0]
    one_way = rects(one(fig, "contacts.one_way"))
    # week 1: one one-way above three two-way; week 2: two one-way from zero
    assert [(y0, y1) for _, _, y0, y1 in one_way] == [(3, 4), (0, 2)]
    assert [round(x0 - 0.9) for x0, *_ in one_way] == [x_of(WEEKS[0]), x_of(WEEKS[1])]


def test_days_since_is_the_domain_figure_as_of_each_day(style):
    fig = build_chart("contacts", DATA, MONDAY, END, style)
    xs, ys = line_xy(one(fig, "contacts.days_since"))
    dates = days_in(MONDAY, END)
    assert xs == [x_of(d) + 0.5 for d in dates]
    expected = [
        summarize_contacts(two_way_contacts(DATA, d), MONDAY).days_since_contact for d in dates
    ]
    assert same(ys, expected)
    assert expected[:3] == [None, None, 0] and expected[-1] == 8


def test_contact_gap_setting_is_the_labelled_line(style):
    fig = build_chart("contacts", DATA, MONDAY, END, style)
    assert set(line_xy(one(fig, "threshold"))[1]) == {10.0}
    assert one(fig, "threshold.label").get_text() == "10 days"


def test_summary():
    text = chart_summary("contacts", DATA, MONDAY, END)
    assert text == (
        "From 5 January 2026 to 4 February 2026 you and your sponsor were in touch both ways "
        "4 times. 2 of the 4 complete weeks had at least one two-way contact (50%). "
        "3 messages went one way; they are shown lighter, on top, and not counted here. "
        "On 4 February 2026 your last two-way contact was 8 days earlier."
    )


def test_empty_and_single_day(style):
    empty = journal(D(2026, 3, 1), "a")
    fig = build_chart("contacts", empty, MONDAY, END, style)
    assert "Nothing recorded in this period yet." in texts(fig) and data_gids(fig) == set()
    single = journal(MONDAY, "a", contacts=[MONDAY])
    chart = render_chart("contacts", single, MONDAY, MONDAY, style)
    assert [y1 for *_, y1 in rects(one(chart.figure, "contacts.two_way"))] == [1]
    assert line_xy(one(chart.figure, "contacts.days_since"))[1] == [0.0]
    assert chart.summary.endswith("You were in touch on 5 January 2026.")


def test_hover(style):
    chart = render_chart("contacts", DATA, MONDAY, END, style)
    text = chart.describe(x_of(plus(MONDAY, 12)), 0)
    assert text == (
        "Week of 12 January 2026: 0 two-way contacts, 2 one-way\n"
        "17 January 2026: 8 days since a two-way contact"
    )
