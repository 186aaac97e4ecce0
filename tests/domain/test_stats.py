import json
import math

import pytest

from recovery_journal.domain.models import JournalData, Settings
from recovery_journal.domain.stats import compute_stats, stats_to_json

from .builders import D, checkin, journal

M = 0.5**0.25

REQUIRED = {
    "as_of": None,
    "tracking_start": None,
    "pda": {"30", "90", "365", "all"},
    "runs": {
        "current_days",
        "current_unverified_days",
        "longest_days",
        "longest_start",
        "longest_end",
        "last_used",
    },
    "point_prevalence": {"7", "30"},
    "attendance": {
        "meetings_7",
        "meetings_30",
        "meetings_90",
        "meeting_days_90",
        "weeks_at_threshold_pct_12",
        "weeks_at_threshold_pct_26",
        "strength",
    },
    "sponsor": {
        "contacts_7",
        "contacts_30",
        "contacts_90",
        "days_since_contact",
        "weeks_with_contact_pct_12",
        "alliance_latest",
        "alliance_latest_date",
    },
    "insights": None,
    "notices": None,
}
WINDOW_KEYS = {
    "start",
    "end",
    "days",
    "abstinent",
    "used",
    "unknown",
    "coverage",
    "pda_observed",
    "pda_low",
    "pda_high",
}


def sample():
    data = journal(
        D(2026, 1, 5),
        "aauaaaa aaaaaaa",
        meetings=[D(2026, 1, 6), D(2026, 1, 13), D(2026, 1, 19)],
        contacts=[D(2026, 1, 10)],
        checkins=[checkin(D(2026, 1, 6), 3, 3, 3, 1, 3, 3, 3, 3)],
        sobriety_date=D(2026, 1, 8),
    )
    return stats_to_json(compute_stats(data, D(2026, 1, 18)))


def test_json_has_every_stable_key():
    document = sample()
    for key, inner in REQUIRED.items():
        assert key in document
        if inner is not None:
            assert inner <= set(document[key])
    assert set(document["pda"]) == {"30", "90", "365", "all"}
    for window in document["pda"].values():
        assert set(window) == WINDOW_KEYS
    for insight in document["insights"]:
        assert {"id", "label", "text"} <= set(insight)
    json.dumps(document, allow_nan=False)


def test_json_values_by_hand():
    document = sample()
    assert document["as_of"] == "2026-01-18"
    assert document["tracking_start"] == "2026-01-05"
    assert document["pda"]["30"] == {
        "start": "2026-01-05",
        "end": "2026-01-18",
        "days": 14,
        "abstinent": 13,
        "used": 1,
        "unknown": 0,
        "coverage": 1.0,
        "pda_observed": 100 * 13 / 14,
        "pda_low": 100 * 13 / 14,
        "pda_high": 100 * 13 / 14,
    }
    assert document["runs"] == {
        "current_days": 11,
        "current_unverified_days": 0,
        "current_start": "2026-01-08",
        "longest_days": 11,
        "longest_start": "2026-01-08",
        "longest_end": "2026-01-18",
        "longest_unverified_days": 0,
        "last_used": "2026-01-07",
    }
    assert document["point_prevalence"] == {"7": True, "30": None}
    attendance = document["attendance"]
    assert (attendance["meetings_7"], attendance["meetings_30"], attendance["meetings_90"]) == (
        1,
        2,
        2,
    )
    assert attendance["meeting_days_90"] == 2
    assert attendance["weeks_at_threshold_pct_12"] == 100.0
    assert attendance["weeks_at_threshold_pct_26"] == 100.0
    assert attendance["strength"] == pytest.approx(100 * (1 - M))
    assert document["sponsor"] == {
        "contacts_7": 0,
        "contacts_30": 1,
        "contacts_90": 1,
        "days_since_contact": 8,
        "weeks_with_contact_pct_12": 100.0,
        "alliance_latest": 75.0,
        "alliance_latest_date": "2026-01-06",
    }
    assert [i["id"] for i in document["insights"]] == ["meetings", "sponsor_contact", "alliance"]
    assert {i["label"] for i in document["insights"]} == {"too_early"}
    assert document["notices"] == []
    # the run's day 1 is Jan 8, so day 30 is Feb 6; the sobriety counter counts completed
    # days from Jan 8, so it reaches 30 on Feb 7
    assert document["milestones"]["next"] == {
        "label": "30 days",
        "date": "2026-02-06",
        "days_to_go": 19,
    }
    assert document["sobriety"] == {
        "date": "2026-01-08",
        "days": 10,
        "latest_used_since": None,
        "next_milestone": {"label": "30 days", "date": "2026-02-07", "days_to_go": 20},
    }
    assert document["personal_rule"] is None


def test_json_types_follow_8_11():
    document = sample()
    for key in ("meetings_7", "meetings_30", "meetings_90", "meeting_days_90"):
        assert type(document["attendance"][key]) is int
    window = document["pda"]["all"]
    assert type(window["days"]) is int
    assert 0 <= window["coverage"] <= 1
    assert isinstance(document["sponsor"]["weeks_with_contact_pct_12"], float)


def test_empty_journal_gives_nulls_and_zeros():
    document = stats_to_json(compute_stats(JournalData(), D(2026, 1, 18)))
    assert document["tracking_start"] is None
    assert document["pda"]["all"]["start"] is None
    assert document["pda"]["all"]["days"] == 0
    assert document["pda"]["all"]["pda_observed"] is None
    assert document["runs"]["longest_start"] is None
    assert document["point_prevalence"] == {"7": None, "30": None}
    assert document["attendance"]["strength"] is None
    assert document["sponsor"]["days_since_contact"] is None
    assert document["sponsor"]["alliance_latest"] is None
    assert document["milestones"]["next"] is None
    assert len(document["insights"]) == 3
    assert document["notices"] == []
    json.dumps(document, allow_nan=False)


def test_8_2_stats_ignore_everything_after_as_of():
    base = journal(D(2026, 1, 5), "aaaaaaa", meetings=[D(2026, 1, 6)], contacts=[D(2026, 1, 7)])
    later = journal(
        D(2026, 1, 5),
        "aaaaaaa" + "uuuu",
        meetings=[D(2026, 1, 6), D(2026, 1, 12)],
        contacts=[D(2026, 1, 7), D(2026, 1, 12)],
        checkins=[checkin(D(2026, 1, 12), 0, 0, 0, 4, 0, 0)],
    )
    assert stats_to_json(compute_stats(base, D(2026, 1, 11))) == stats_to_json(
        compute_stats(later, D(2026, 1, 11))
    )


def test_personal_rule_and_used_day_after_sobriety_date_are_reported():
    data = journal(
        D(2026, 1, 1),
        "aauauua",
        sobriety_date=D(2026, 1, 1),
        personal_rule_use_days=3,
        personal_rule_window_days=7,
    )
    document = stats_to_json(compute_stats(data, D(2026, 1, 7)))
    assert document["personal_rule"] == {
        "use_days": 3,
        "window_days": 7,
        "description": "Your own rule: 3 or more use days in 7 days",
        "use_days_in_window": 3,
        "met_now": True,
        "last_met_on": "2026-01-07",
    }
    assert document["sobriety"]["latest_used_since"] == "2026-01-06"
    assert document["sobriety"]["days"] == 6


def test_settings_reach_the_measures():
    data = JournalData(
        settings=Settings(tracking_start=D(2026, 1, 1), unknown_breaks_runs=True),
    )
    stats = compute_stats(data, D(2026, 1, 10))
    assert stats.runs.current.days == 0  # ten unknown days break the run
    assert stats.pda["all"].unknown == 10
    assert not math.isnan(stats.pda["all"].pda_high or 0)
