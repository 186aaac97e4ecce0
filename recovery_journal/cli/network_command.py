"""``log person`` and ``network [--as-of DATE] [--json]``: the recovery network from a terminal.

A name given on the command line shows in the process list and stays in the shell's
history, like a note: ``--name -`` reads it from standard input or ``$EDITOR`` instead, and
``--id`` names someone already in the list without their name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from recovery_journal.cli.context import CliContext, parse_date
from recovery_journal.cli.note_input import FROM_INPUT, read_note
from recovery_journal.cli.secrets_input import UsageError
from recovery_journal.domain.formatting import format_percent, plural
from recovery_journal.domain.models import (
    JournalData,
    Person,
    PersonEntry,
    PersonStance,
    PersonUse,
    Relationship,
)
from recovery_journal.domain.network import people_as_of, summarize_network
from recovery_journal.domain.network_words import (
    PAST_GROUP,
    RELATIONSHIP_WORDS,
    STANCE_GROUPS,
    STANCE_WORDS,
    USE_WORDS,
)

Register = Callable[[argparse.ArgumentParser], None]
NAME_HELP = (
    "their name or nickname; give - to type it in $EDITOR or pipe it in, so it never shows "
    "in the process list or your shell history"
)


def _values(kind: Any) -> list[str]:
    return [member.value for member in kind]


def register_log_person(kinds: Any, add_globals: Register) -> None:
    """``log person``, registered by ``log_command``."""
    person = kinds.add_parser(
        "person",
        help="someone in your recovery network, as of a date",
        description=(
            "Add someone to your recovery network, or record how someone already in it "
            "relates to your recovery as of a date (earlier entries are kept). Name them "
            "with --id, or with --name matching exactly one person in the list."
        ),
    )
    person.add_argument("--id", metavar="ID", help="the person's id (see: network)")
    person.add_argument("--name", metavar="NAME|-", help=NAME_HELP)
    person.add_argument("--relationship", choices=_values(Relationship), help="for someone new")
    person.add_argument("--date", type=parse_date, help="as of this day (default: today)")
    person.add_argument("--use", default="unknown", choices=_values(PersonUse))
    person.add_argument("--stance", default="unknown", choices=_values(PersonStance))
    person.add_argument(
        "--left", action="store_true", help="no longer part of your life from this date"
    )
    person.add_argument("--note", default="", metavar="TEXT|-", help="a note; - as for --name")
    person.set_defaults(handler=cmd_log_person)
    add_globals(person)


def register(commands: Any, add_globals: Register) -> None:
    network = commands.add_parser(
        "network",
        help="your recovery network: the people and the figures",
        description=(
            "The people in your recovery network as of a date, grouped by how they relate to "
            "your recovery, and the figures of docs/measures.md. --json gives the stable "
            "machine-readable form."
        ),
    )
    network.add_argument("--as-of", type=parse_date, metavar="DATE", help="default: today")
    network.add_argument("--json", action="store_true", help="print JSON")
    network.set_defaults(handler=cmd_network)
    add_globals(network)


def _next_key(data: JournalData) -> str:
    taken = {p.key for p in data.people}
    number = len(taken) + 1
    while f"person-{number}" in taken:
        number += 1
    return f"person-{number}"


def _find(data: JournalData, key: str | None, name: str | None) -> Person | None:
    if key is not None:
        for person in data.people:
            if person.key == key:
                return person
        if name is None:
            raise UsageError(f"no one in your network has the id {key!r}")
        return None
    wanted = " ".join((name or "").casefold().split())
    found = [p for p in data.people if " ".join(p.name.casefold().split()) == wanted]
    if len(found) > 1:
        raise UsageError("more than one person has that name; name them with --id")
    return found[0] if found else None


def cmd_log_person(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session

    if args.id is None and args.name is None:
        raise UsageError("name the person with --id or --name")
    session = open_session(ctx)
    try:
        session.check_writable()
        name = args.name
        if name == FROM_INPUT:
            name = read_note(ctx.secrets.stream).strip().splitlines()[0:1]
            name = name[0].strip() if name else ""
        note = read_note(ctx.secrets.stream) if args.note == FROM_INPUT else args.note
        data = session.data()
        existing = _find(data, args.id, name)
        key = existing.key if existing is not None else (args.id or _next_key(data))
        entry = PersonEntry(
            date=args.date or ctx.today,
            person_key=key,
            use=PersonUse(args.use),
            stance=PersonStance(args.stance),
            in_network=not args.left,
            note=note or "",
        )
        if existing is None:
            person = Person(
                key=key,
                name=name or "",
                relationship=Relationship(args.relationship or "other"),
            )
            session.add_person(person, entry)  # checks first: InvalidRecordError (exit 2)
        else:
            session.add_person_entry(entry)
        session.ensure_saved()
    finally:
        session.close()
    what = "Added someone to" if existing is None else "Noted a change in"
    print(f"{what} your network (id {key}) as of {entry.date.isoformat()}.", file=ctx.out)
    return 0


def network_json(data: JournalData, as_of: dt.date) -> dict[str, Any]:
    """``network --json``: the figures (as ``stats --json``'s ``network``) and every person."""
    from recovery_journal.domain.stats import compute_stats, network_to_json

    stats = compute_stats(data, as_of)
    people = []
    for view in people_as_of(data, as_of):
        state = view.state
        people.append(
            {
                "id": view.person.key,
                "name": view.person.name,
                "relationship": view.person.relationship.value,
                "in_network": view.in_network,
                "use": None if state is None else state.use.value,
                "stance": None if state is None else state.stance.value,
                "since": None if state is None else state.date.isoformat(),
                "entries": [
                    {
                        "date": e.date.isoformat(),
                        "use": e.use.value,
                        "stance": e.stance.value,
                        "in_network": e.in_network,
                        "note": e.note,
                    }
                    for e in view.entries
                    if e.date <= as_of
                ],
            }
        )
    return {
        "as_of": as_of.isoformat(),
        "figures": network_to_json(stats.network, stats.network_insight),
        "people": people,
    }


def render_network(data: JournalData, as_of: dt.date) -> str:
    summary = summarize_network(data.person_entries, as_of)
    now = summary.now
    lines = [f"Your recovery network as of {as_of.isoformat()}"]
    if now.people == 0:
        lines.append("No one is in your network list yet. Add someone with: log person")
        return "\n".join(lines)
    share = "" if now.supportive_share is None else f" ({format_percent(now.supportive_share)})"
    lines += [
        f"  {plural(now.people, 'person', 'people')} in your network",
        f"  {now.supportive} support your recovery{share}",
        f"  {now.abstinent} don't drink or use, or are in recovery",
        f"  {now.use_linked} drink or use heavily, or make recovery harder",
        f"  in the last 90 days: {plural(summary.added_supportive, 'supportive person')} joined",
    ]
    views = [v for v in people_as_of(data, as_of) if v.state is not None]
    for stance, title in STANCE_GROUPS.items():
        group = [v for v in views if v.in_network and v.state and v.state.stance == stance]
        if group:
            lines += ["", title]
            lines += [_person_line(v) for v in group]
    past = [v for v in views if not v.in_network]
    if past:
        lines += ["", PAST_GROUP]
        lines += [_person_line(v) for v in past]
    return "\n".join(lines)


def _person_line(view: Any) -> str:
    state = view.state
    words = [RELATIONSHIP_WORDS[view.person.relationship], USE_WORDS[state.use].lower()]
    if not view.in_network:
        words.append(STANCE_WORDS[state.stance].lower())
    return f"  {view.person.name} [{view.person.key}]: {'; '.join(words)}"


def cmd_network(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session

    session = open_session(ctx)
    try:
        data = session.data()
    finally:
        session.close()
    as_of = args.as_of or ctx.today
    if args.json:
        print(json.dumps(network_json(data, as_of), indent=2, ensure_ascii=False), file=ctx.out)
    else:
        print(render_network(data, as_of), file=ctx.out)
    return 0
