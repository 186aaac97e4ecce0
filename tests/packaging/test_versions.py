"""One version, written once (recovery_journal/__init__.py), shown everywhere."""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from recovery_journal import __version__, app, cli

ROOT = Path(__file__).resolve().parents[2]
METAINFO = ROOT / "packaging/linux/io.github.recoveryjournal.RecoveryJournal.metainfo.xml"


@pytest.mark.parametrize(
    ("main", "program"),
    [(app.parse_args, "recovery-journal"), (cli.main, "recovery-journal-cli")],
)
def test_both_programs_print_their_version(main, program, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out == f"{program} {__version__}\n"


def test_the_package_version_comes_from_the_code() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "recovery_journal.__version__"
    }


def test_the_newest_release_in_the_metainfo_is_this_version() -> None:
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases is not None
    assert releases[0].get("version") == __version__
