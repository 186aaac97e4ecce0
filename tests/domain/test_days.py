import datetime as dt

from recovery_journal.domain.days import is_retrospective
from recovery_journal.domain.models import DayRecord, DayStatus

UTC = dt.UTC


def day(entered: dt.datetime | None) -> DayRecord:
    return DayRecord(date=dt.date(2026, 3, 1), status=DayStatus.ABSTINENT, entered_at=entered)


def test_two_days_later_is_not_retrospective_three_is():
    assert not is_retrospective(day(dt.datetime(2026, 3, 3, 23, 0, tzinfo=UTC)), UTC)
    assert is_retrospective(day(dt.datetime(2026, 3, 4, 0, 30, tzinfo=UTC)), UTC)
    assert not is_retrospective(day(None), UTC)


def test_counted_by_the_local_date_it_was_entered_on():
    evening = dt.datetime(2026, 3, 4, 2, 0, tzinfo=UTC)  # 3 March, 21:00 in New York
    new_york = dt.timezone(dt.timedelta(hours=-5))
    assert is_retrospective(day(evening), UTC)
    assert not is_retrospective(day(evening), new_york)
