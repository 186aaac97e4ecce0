"""`recovery-journal --demo`: a made-up journal, clearly marked, removed at the end."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from recovery_journal.ui.app.shell import DEMO_BANNER


def test_the_demo_is_marked_as_a_demo_and_removed_at_the_end(qtbot, launch, tmp_path):
    launcher = launch(tmp_path / "never-made.rjvault", demo=True)
    window = launcher.window
    qtbot.waitUntil(lambda: window.shell is not None)
    folder = launcher.demo_journal.folder
    assert folder.is_dir() and folder.stat().st_mode & 0o777 == 0o700
    assert "Demo journal" in window.windowTitle()
    assert window.shell.findChildren(QLabel)  # built
    banner = [w for w in window.shell.children() if getattr(w, "accessibleName", None)]
    assert any(w.accessibleName() == DEMO_BANNER for w in banner)
    assert window.save_status.text().startswith("Demo journal")
    today = window.shell.page("today")
    assert "days" in today.run_card.plain_text()  # real figures from the demo journal
    assert not (tmp_path / "never-made.rjvault").exists()  # the person's journal is untouched
    launcher.cleanup()
    assert not folder.exists()
