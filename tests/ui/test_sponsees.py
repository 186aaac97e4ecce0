"""Settings › For sponsors, Review › Review file…, and the Sponsees page (offscreen)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from recovery_journal.charts.report.period import period_for_range
from recovery_journal.services.demo import generate_demo
from recovery_journal.services.session import JournalSession
from recovery_journal.services.sponsor_key import create_key
from recovery_journal.ui.common.worker import busy_count
from recovery_journal.ui.pages.review.review_file_dialog import ReviewFileDialog
from recovery_journal.ui.pages.settings.sponsor_key_tab import SponsorKeyTab
from recovery_journal.ui.pages.sponsees.view import SponseesView
from tests.conftest import FAST_KDF

KEY_PASS = "sponsor key passphrase"


@pytest.fixture
def sponsee(tmp_path):
    """The sponsee's journal, filled with the demo's records."""
    path = tmp_path / "sponsee" / "journal.rjvault"
    session, _ = JournalSession.create(path, "sponsee passphrase", kdf=FAST_KDF)
    from recovery_journal.services.interchange_json import export_json, parse_json

    demo = generate_demo(dt.date.today())
    data = parse_json(export_json(demo, dt.datetime.now(dt.UTC)), dt.date.today())
    session.import_data(data, "refuse_if_not_empty")
    yield session
    session.close()


@pytest.fixture
def sponsor(tmp_path):
    journal = tmp_path / "sponsor" / "journal.rjvault"
    code = create_key(journal.parent / "sponsor-key.rjkey", KEY_PASS, FAST_KDF)
    return SimpleNamespace(session=SimpleNamespace(path=journal)), code


def test_settings_tab_shows_the_code_only_with_the_passphrase(qtbot, sponsor):
    controller, code = sponsor
    tab = SponsorKeyTab(controller)
    qtbot.addWidget(tab)
    assert not tab.code.isVisibleTo(tab) and not tab.make_button.isVisibleTo(tab)
    tab.passphrase.setText("not it")
    tab.show_code()
    qtbot.waitUntil(lambda: busy_count() == 0)
    assert "doesn't open your sponsor key" in tab.message.text()
    tab.passphrase.setText(KEY_PASS)
    tab.show_code()
    qtbot.waitUntil(lambda: bool(tab.code.toPlainText()))
    assert tab.code.toPlainText().replace("\n", "-") == code
    assert tab.passphrase.text() == ""


def test_a_review_file_goes_from_the_review_page_to_the_sponsees_page(
    qtbot, tmp_path, sponsee, sponsor
):
    controller, code = sponsor
    period = period_for_range(sponsee.data(), dt.date.today(), "90d")
    dialog = ReviewFileDialog(sponsee, period, include_notes=False)
    qtbot.addWidget(dialog)
    target = tmp_path / "review.rjreview"
    dialog.choose_path = lambda _suggested: str(target)
    dialog.new_name.setText("Robin")
    dialog.new_code.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))
    dialog.name.setText("Alex")
    dialog.save()
    assert "typo" in dialog.message.text() and not target.exists()
    dialog.new_code.setText(code.lower())
    dialog.choose_path = lambda _suggested: str(sponsee.path)  # the journal itself
    dialog.save()
    assert "journal itself" in dialog.message.text()
    dialog.choose_path = lambda _suggested: str(target)
    dialog.save()
    assert dialog.written == target and target.exists()
    assert sponsee.settings().review_name == "Alex"

    view = SponseesView(controller)
    qtbot.addWidget(view)
    view.show()
    assert view.unlock_row.isVisible() and not view.body.isVisible()
    view.passphrase.setText(KEY_PASS)
    view.unlock()
    qtbot.waitUntil(lambda: view.key is not None)
    assert view.people.count() == 0
    assert view.open_file(target)
    assert view.people.count() == 1
    text = view.content.visible_text()
    assert "Days abstinent" in text
    assert "Alex's review" in view.banner.title.text()
    assert len(list(controller.session.path.parent.joinpath("sponsee-reviews").iterdir())) == 1
    assert not view.open_file(tmp_path / "missing.rjreview")
    assert "doesn't exist" in view.message.text()

    view.delete_person("Alex")
    assert view.people.count() == 0
    assert not list(controller.session.path.parent.joinpath("sponsee-reviews").iterdir())
    view.close_private()
    assert view.key is None and view.unlock_row.isVisible()


def test_without_a_key_the_page_says_where_to_make_one(qtbot, tmp_path):
    controller = SimpleNamespace(session=SimpleNamespace(path=tmp_path / "j" / "journal.rjvault"))
    view = SponseesView(controller)
    qtbot.addWidget(view)
    view.show()
    assert view.no_key.isVisible() and "For sponsors" in view.no_key.text()
    assert not view.unlock_row.isVisible()
