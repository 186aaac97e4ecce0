"""CSV export: one file per record type, a codebook, private file modes."""

from __future__ import annotations

import csv
import datetime as dt
import stat
from pathlib import Path

from recovery_journal.services.demo import generate_demo
from recovery_journal.services.interchange_csv import FILES, codebook_markdown, export_csv

TODAY = dt.date(2025, 3, 1)

EXPECTED_HEADERS = {
    "days.csv": "date,status,substances,craving,confidence,mood,activities,step,note,amount,"
    "entered_at",
    "sponsors.csv": "id,name,started_on,ended_on",
    "meetings.csv": "date,time,fellowship,fellowship_label,name,format,duration_min,home_group,"
    "shared,service_role,talked_with_members,helpfulness,notes,person_id",
    "sponsor_contacts.csv": "date,time,sponsor_id,mode,initiated_by,two_way,duration_min,topics,"
    "notes,person_id",
    "alliance_checkins.csv": "date,sponsor_id,B1,B2,R1,R2,G1,G2,T1,T2,note",
    "journal_entries.csv": "created_at,title,body,tags,date",
    "anchor_events.csv": "date,label",
    "call_list.csv": "name,role,phone",
    "people.csv": "id,name,relationship,notes",
    "person_entries.csv": "date,person_id,use,stance,in_network,note",
    "regular_meetings.csv": "name,fellowship,fellowship_label,weekdays,time,format,home_group",
    "settings.csv": "setting,value",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_file_is_written_with_its_header_and_private_modes(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    data = generate_demo(TODAY)
    written = export_csv(data, folder).paths
    assert sorted(p.name for p in written) == sorted([*EXPECTED_HEADERS, "codebook.md"])
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    for name, header in EXPECTED_HEADERS.items():
        assert (folder / name).read_text(encoding="utf-8").splitlines()[0] == header
    assert len(_rows(folder / "days.csv")) == len(data.days)
    assert len(_rows(folder / "meetings.csv")) == len(data.meetings)
    assert len(_rows(folder / "sponsor_contacts.csv")) == len(data.contacts)


def test_values_are_written_plainly(tmp_path: Path) -> None:
    data = generate_demo(TODAY)
    export_csv(data, tmp_path)
    days = _rows(tmp_path / "days.csv")
    assert [r["date"] for r in days] == sorted(r["date"] for r in days)
    first = data.days[0]
    assert days[0]["status"] == first.status.value
    assert days[0]["craving"] == ("" if first.craving is None else str(first.craving))
    assert days[0]["activities"] == ";".join(a.value for a in first.activities)
    assert {r["two_way"] for r in _rows(tmp_path / "sponsor_contacts.csv")} == {"true", "false"}
    settings = {r["setting"]: r["value"] for r in _rows(tmp_path / "settings.csv")}
    assert settings["tracking_start"] == data.settings.tracking_start.isoformat()  # type: ignore[union-attr]
    assert settings["fellowships"] == "AA;SMART"


def test_existing_files_are_made_private_again(tmp_path: Path) -> None:
    (tmp_path / "days.csv").write_text("old")
    (tmp_path / "days.csv").chmod(0o644)
    tmp_path.chmod(0o755)
    export_csv(generate_demo(TODAY), tmp_path)
    assert stat.S_IMODE((tmp_path / "days.csv").stat().st_mode) == 0o600
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o700
    assert (tmp_path / "days.csv").read_text().startswith("date,status")


def test_codebook_describes_every_column(tmp_path: Path) -> None:
    export_csv(generate_demo(TODAY), tmp_path)
    text = (tmp_path / "codebook.md").read_text(encoding="utf-8")
    assert text == codebook_markdown()
    for name, header in EXPECTED_HEADERS.items():
        assert f"## {name}" in text
        for column in header.split(","):
            assert f"| `{column}` |" in text, (name, column)
    assert [c.name for c in FILES["days.csv"][1]] == EXPECTED_HEADERS["days.csv"].split(",")
    assert "`abstinent`, `used`, `unknown`" in text
    assert "`tracking_start`" in text
