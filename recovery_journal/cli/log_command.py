"""``log day|meeting|contact|person``: quick capture of one record from a terminal.

``--note -`` reads the note from standard input or ``$EDITOR`` (see ``note_input``), so what
the person writes never shows in the process list or the shell's history.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from recovery_journal.cli.context import CliContext, parse_date
from recovery_journal.cli.note_input import FROM_INPUT, read_note
from recovery_journal.domain.models import (
    Activity,
    ContactMode,
    DayRecord,
    DayStatus,
    Fellowship,
    Initiator,
    Meeting,
    MeetingFormat,
    ServiceRole,
    SponsorContact,
    Topic,
)
from recovery_journal.domain.sponsors import current_sponsor

Register = Callable[[argparse.ArgumentParser], None]


def _time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 19:30") from None


def _values(kind: Any) -> list[str]:
    return [member.value for member in kind]


NOTE_HELP = (
    "the note; give - to type it in $EDITOR (or pipe it on standard input, after the "
    "passphrase with --password-stdin), so it never shows in the process list or your shell "
    "history"
)


def register(commands: Any, add_globals: Register) -> None:
    log = commands.add_parser(
        "log",
        help="record a day, a meeting, a sponsor contact or someone in your network",
        description=(
            "Quick capture of one record. The date defaults to today. A note typed on the "
            "command line can be seen by other users in the process list and stays in your "
            "shell history: give --note - to write it in your editor or pipe it in instead."
        ),
    )
    kinds = log.add_subparsers(title="what to log", metavar="WHAT", required=True)

    day = kinds.add_parser("day", help="how a day went (a day already recorded is updated)")
    day.add_argument("--date", type=parse_date, help="YYYY-MM-DD (default: today)")
    day.add_argument("--status", required=True, choices=_values(DayStatus))
    day.add_argument("--craving", type=int, metavar="0-10", help="how strong were urges to use")
    day.add_argument("--confidence", type=int, metavar="0-10", help="confidence to stay abstinent")
    day.add_argument("--mood", type=int, metavar="1-5")
    day.add_argument("--substance", action="append", metavar="S", help="may be repeated")
    day.add_argument("--amount", help='free text, e.g. "3 drinks"')
    day.add_argument("--activity", action="append", choices=_values(Activity))
    day.add_argument("--step", type=int, metavar="1-12", help="the step you worked on")
    day.add_argument("--note", metavar="TEXT|-", help=NOTE_HELP)
    day.set_defaults(handler=cmd_log_day)

    meeting = kinds.add_parser("meeting", help="a mutual-help meeting you went to")
    meeting.add_argument("--date", type=parse_date, help="YYYY-MM-DD (default: today)")
    meeting.add_argument("--time", type=_time, help="start time, HH:MM")
    meeting.add_argument("--fellowship", required=True, choices=_values(Fellowship))
    meeting.add_argument("--fellowship-label", help="the fellowship's name when it is 'other'")
    meeting.add_argument("--name", default="", help="the meeting's name")
    meeting.add_argument("--format", default="in_person", choices=_values(MeetingFormat))
    meeting.add_argument("--duration", type=int, metavar="MIN", help="minutes")
    meeting.add_argument("--home-group", action="store_true")
    meeting.add_argument("--shared", action="store_true", help="you shared or spoke")
    meeting.add_argument("--service-role", default="none", choices=_values(ServiceRole))
    meeting.add_argument("--talked-with-members", action="store_true")
    meeting.add_argument("--helpfulness", type=int, metavar="0-10")
    meeting.add_argument("--notes", "--note", default="", metavar="TEXT|-", help=NOTE_HELP)
    meeting.set_defaults(handler=cmd_log_meeting)

    contact = kinds.add_parser("contact", help="a contact with your sponsor")
    contact.add_argument("--date", type=parse_date, help="YYYY-MM-DD (default: today)")
    contact.add_argument("--time", type=_time, help="HH:MM")
    contact.add_argument("--mode", required=True, choices=_values(ContactMode))
    contact.add_argument("--initiated-by", default="me", choices=_values(Initiator))
    contact.add_argument(
        "--one-way", action="store_true", help="no answer yet (e.g. a text not replied to)"
    )
    contact.add_argument("--sponsor", metavar="ID", help="sponsor id (default: your current one)")
    contact.add_argument("--duration", type=int, metavar="MIN", help="minutes")
    contact.add_argument("--topic", action="append", choices=_values(Topic))
    contact.add_argument("--notes", "--note", default="", metavar="TEXT|-", help=NOTE_HELP)
    contact.set_defaults(handler=cmd_log_contact)

    for sub in (log, day, meeting, contact):
        add_globals(sub)
    from recovery_journal.cli.network_command import register_log_person

    register_log_person(kinds, add_globals)


def _note(given: str | None, ctx: CliContext) -> str | None:
    """The note as given, or read from standard input or the editor for ``-`` (call after
    the journal is open, so secrets on standard input come first)."""
    return read_note(ctx.secrets.stream) if given == FROM_INPUT else given


def cmd_log_day(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session

    date = args.date or ctx.today
    session = open_session(ctx)
    try:
        session.check_writable()  # before a note is asked for
        note = _note(args.note, ctx)
        existing = session.get_day(date) or DayRecord(date=date, status=DayStatus(args.status))
        given: dict[str, Any] = {
            "status": DayStatus(args.status),
            "craving": args.craving,
            "confidence": args.confidence,
            "mood": args.mood,
            "substances": tuple(args.substance) if args.substance else None,
            "amount": args.amount,
            "activities": tuple(Activity(a) for a in args.activity) if args.activity else None,
            "step": args.step,
            "note": note,
        }
        if given["status"] != DayStatus.USED:  # what and how much belong to a used day only
            given["substances"] = given["substances"] or ()
            given["amount"] = given["amount"] or ""
        day = dataclasses.replace(existing, **{k: v for k, v in given.items() if v is not None})
        session.save_day(day)  # checks first: InvalidRecordError (exit 2), nothing written
        session.ensure_saved()
    finally:
        session.close()
    verb = "Updated" if existing.id is not None else "Recorded"
    print(f"{verb} {date.isoformat()}: {day.status.value}.", file=ctx.out)
    if day.status == DayStatus.USED:
        print(
            "Thank you for recording this honestly; your history is all still there. "
            "If it would help, call someone on your list.",
            file=ctx.out,
        )
    return 0


def _meeting(args: argparse.Namespace, ctx: CliContext, notes: str) -> Meeting:
    return Meeting(
        date=args.date or ctx.today,
        time=args.time,
        fellowship=Fellowship(args.fellowship),
        fellowship_label=args.fellowship_label,
        name=args.name,
        format=MeetingFormat(args.format),
        duration_min=args.duration,
        home_group=args.home_group,
        shared=args.shared,
        service_role=ServiceRole(args.service_role),
        talked_with_members=args.talked_with_members,
        helpfulness=args.helpfulness,
        notes=notes,
    )


def cmd_log_meeting(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session

    session = open_session(ctx)
    try:
        session.check_writable()  # before a note is asked for
        meeting = _meeting(args, ctx, _note(args.notes, ctx) or "")
        session.add_meeting(meeting)  # checks first: InvalidRecordError (exit 2)
        session.ensure_saved()
    finally:
        session.close()
    label = meeting.fellowship_label or meeting.fellowship.value
    print(f"Recorded a meeting ({label}) on {meeting.date.isoformat()}.", file=ctx.out)
    return 0


def _current_sponsor(sponsors: Any, on: dt.date) -> str | None:
    sponsor = current_sponsor(sponsors, on)
    return None if sponsor is None else sponsor.key


def cmd_log_contact(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session

    date = args.date or ctx.today
    session = open_session(ctx)
    try:
        session.check_writable()
        notes = _note(args.notes, ctx) or ""
        sponsors = session.data().sponsors
        contact = SponsorContact(
            date=date,
            time=args.time,
            mode=ContactMode(args.mode),
            sponsor_key=args.sponsor or _current_sponsor(sponsors, date),
            initiated_by=Initiator(args.initiated_by),
            two_way=not args.one_way,
            duration_min=args.duration,
            topics=tuple(Topic(t) for t in args.topic or ()),
            notes=notes,
        )
        session.add_contact(contact)  # checks first: InvalidRecordError (exit 2)
        session.ensure_saved()
    finally:
        session.close()
    kind = "two-way" if contact.two_way else "one-way"
    print(f"Recorded a {kind} contact with your sponsor on {date.isoformat()}.", file=ctx.out)
    return 0
