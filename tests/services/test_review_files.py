"""Review files end to end: made from a journal, opened with the sponsor key, kept encrypted."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from recovery_journal.charts.report.content import gather_report
from recovery_journal.charts.report.period import ReportPeriod, period_for_range
from recovery_journal.charts.report.words import summary_cards
from recovery_journal.domain.review_share import SharedParts, recipients
from recovery_journal.services import review_files as rv
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.errors import UnsafeTargetError
from recovery_journal.services.session import JournalSession
from recovery_journal.services.sponsor_key import (
    KeyPassphraseTooShortError,
    change_key_passphrase,
    create_key,
    open_key,
)
from recovery_journal.vault import review_file as rf
from recovery_journal.vault import sponsor_code
from recovery_journal.vault.sharing_errors import (
    ReviewFileDamagedError,
    ReviewFileVersionError,
    SponsorCodeError,
    SponsorKeyExistsError,
)

TODAY = dt.date(2026, 3, 31)
MADE = dt.datetime(2026, 3, 31, 18, 0, tzinfo=dt.UTC)
KEY_PASS = "sponsor's own passphrase"


@pytest.fixture(scope="module")
def demo():
    return generate_demo(TODAY)


@pytest.fixture
def key(tmp_path, fast_kdf):
    path = tmp_path / "sponsor" / "sponsor-key.rjkey"
    code = create_key(path, KEY_PASS, fast_kdf)
    opened = open_key(path, KEY_PASS)
    assert opened.code == code
    yield opened
    opened.close()


def request_for(data, key="90d", **kwargs) -> rv.ReviewRequest:
    period = period_for_range(data, TODAY, key)
    return rv.ReviewRequest(
        "Alex", period.start, period.end, period.kind, period.label, period.note, **kwargs
    )


def rebuilt(review: rv.ReceivedReview):
    period = ReportPeriod(review.start, review.end, review.kind, review.label, review.note)
    return gather_report(review.data, period, include_notes=review.parts.notes)


def test_round_trip_rebuilds_the_same_review(tmp_path, demo, key):
    request = request_for(demo, parts=SharedParts(notes=True))
    target = tmp_path / "out" / "review.rjreview"
    target.parent.mkdir()
    assert rv.make_review_file(demo, request, key.pair.public_key, target, None, MADE)
    assert target.stat().st_mode & 0o777 == 0o600
    review, blob = rv.open_review_file(target, key)
    assert (review.name, review.made_at, review.start, review.end) == (
        "Alex",
        MADE,
        request.start,
        request.end,
    )
    mine = gather_report(demo, period_for_range(demo, TODAY, "90d"), include_notes=True)
    theirs = rebuilt(review)
    assert summary_cards(theirs) == summary_cards(mine)
    assert theirs.day_notes == mine.day_notes and theirs.journal == mine.journal
    assert theirs.talking_points == mine.talking_points
    assert blob == target.read_bytes()


def test_talking_points_and_notes_only_when_chosen(tmp_path, demo, key):
    target = tmp_path / "review.rjreview"
    request = request_for(demo, talking_points=False)
    rv.make_review_file(demo, request, key.pair.public_key, target, None, MADE)
    review, _ = rv.open_review_file(target, key)
    assert not review.talking_points and review.data.settings.talking_points == ""
    assert not review.parts.notes and not review.data.journal_entries
    assert all(not d.note for d in review.data.days)
    content = rv.review_document(demo, request, MADE)
    for secret in {d.note for d in demo.days if d.note} | {
        m.notes for m in demo.meetings if m.notes
    }:
        assert secret.encode() not in content


def test_never_written_over_the_journal(tmp_path, demo, key, vault_path, fast_kdf):
    session, _ = JournalSession.create(vault_path, "journal passphrase", kdf=fast_kdf)
    try:
        before = vault_path.read_bytes()
        with pytest.raises(UnsafeTargetError):
            rv.make_review_file(
                demo, request_for(demo), key.pair.public_key, vault_path, vault_path, MADE
            )
        assert vault_path.read_bytes() == before
    finally:
        session.close()


def test_kept_reviews_are_the_files_as_they_came(tmp_path, demo, key):
    kept = rv.KeptReviews(tmp_path / "sponsee-reviews")
    blobs = [
        rf.seal(rv.review_document(demo, request_for(demo, k), MADE), key.pair.public_key)
        for k in ("30d", "90d")
    ]
    paths = [kept.keep(b) for b in blobs]
    kept.keep(blobs[0])  # the same file twice is kept once
    assert kept.files() == sorted(paths)
    assert [p.read_bytes() for p in paths] == blobs  # encrypted, byte for byte
    assert (tmp_path / "sponsee-reviews").stat().st_mode & 0o777 == 0o700
    opened, failed = kept.open_all(key)
    assert len(opened) == 2 and not failed
    removed = kept.remove([opened[0].file_id])
    assert len(kept.files()) == 1
    kept.restore(removed)
    assert len(kept.files()) == 2


def test_a_damaged_kept_file_is_named_and_the_others_open(tmp_path, demo, key):
    kept = rv.KeptReviews(tmp_path / "kept")
    kept.keep(rf.seal(rv.review_document(demo, request_for(demo), MADE), key.pair.public_key))
    (tmp_path / "kept" / "broken.rjreview").write_bytes(b"RJREVIEW\0\1")
    opened, failed = kept.open_all(key)
    assert len(opened) == 1 and failed[0][0].name == "broken.rjreview"


def test_latest_review_per_person(demo):
    def review(name, day):
        return rv.ReceivedReview(
            "id" + name + str(day),
            name,
            dt.datetime(2026, 3, day, tzinfo=dt.UTC),
            TODAY,
            TODAY,
            "30d",
            "x",
            "",
            SharedParts(),
            True,
            demo,
        )

    latest = rv.latest_by_person([review("Sam", 1), review("alex", 3), review("Alex", 2)])
    assert [(r.name, r.made_at.day) for r in latest] == [("alex", 3), ("Sam", 1)]


def sealed_document(key, document) -> bytes:
    return rf.seal(json.dumps(document).encode(), key.pair.public_key)


def test_content_of_a_newer_version_asks_for_an_update(demo, key):
    document = json.loads(rv.review_document(demo, request_for(demo), MADE))
    document["version"] = 2
    with pytest.raises(ReviewFileVersionError):
        rv.read_review(sealed_document(key, document), key)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(extra=1),
        lambda d: d["period"].update(start="2027-01-01"),
        lambda d: d.update(name=""),
        lambda d: d["journal"]["days"][0].update(craving=99),
        lambda d: d["journal"].update(version=7),
        lambda d: d.update(made_at="yesterday"),
    ],
)
def test_content_that_breaks_a_rule_is_refused_in_one_line(demo, key, change):
    document = json.loads(rv.review_document(demo, request_for(demo), MADE))
    change(document)
    with pytest.raises(ReviewFileDamagedError) as caught:
        rv.read_review(sealed_document(key, document), key)
    assert "\n" not in str(caught.value)


def test_not_json_inside_is_damaged(key):
    with pytest.raises(ReviewFileDamagedError):
        rv.read_review(rf.seal(b"\xff not json", key.pair.public_key), key)


def test_recipients_are_kept_in_the_journal(vault_path, fast_kdf, key):
    session, _ = JournalSession.create(vault_path, "journal passphrase", kdf=fast_kdf)
    try:
        rv.add_recipient(session, "Robin", key.code.lower().replace("-", " "))
        rv.add_recipient(session, "robin", key.code)  # same name: replaced
        assert recipients(session.settings()) == [
            type(recipients(session.settings())[0])("robin", key.code)
        ]
        with pytest.raises(SponsorCodeError, match="typo"):
            rv.add_recipient(session, "Sam", key.code[:-1] + ("0" if key.code[-1] != "0" else "1"))
        name, public_key = rv.recipient_for("ROBIN", recipients(session.settings()))
        assert public_key == key.pair.public_key
        rv.remove_recipient(session, "robin")
        assert recipients(session.settings()) == []
    finally:
        session.close()
    reopened = JournalSession.open(vault_path, "journal passphrase")
    reopened.close()


def test_key_rules(tmp_path, fast_kdf, key):
    with pytest.raises(SponsorKeyExistsError):
        create_key(key.path, "another passphrase", fast_kdf)
    with pytest.raises(KeyPassphraseTooShortError):
        create_key(tmp_path / "k.rjkey", "short", fast_kdf)
    change_key_passphrase(key.path, KEY_PASS, "a brand new passphrase")
    again = open_key(key.path, "a brand new passphrase")
    assert again.code == key.code
    assert sponsor_code.decode(again.code) == key.pair.public_key
