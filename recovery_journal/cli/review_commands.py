"""Review files for a sponsor who is not in the room (``docs/review-file-format.md``).

* ``sponsor-key init|show|passwd``: the sponsor's key, beside the journal; ``show`` prints the
  code to give to the people they sponsor;
* ``sponsor-code add NAME CODE | list | remove NAME``: the codes of your sponsors, kept in
  your journal;
* ``review-file make -o FILE --for NAME|CODE ...``: your review, encrypted to that sponsor;
* ``review-file open FILE [--keep]``: a review someone made for you, in words.

Secrets come only from the prompt or ``--password-stdin`` (the journal's passphrase for
``sponsor-code`` and ``review-file make``; the sponsor key's for the others).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from recovery_journal.charts.report.period import DEFAULT_RANGE, RANGE_KEYS
from recovery_journal.cli.context import CliContext, parse_date
from recovery_journal.cli.secrets_input import UsageError

Register = Callable[[argparse.ArgumentParser], None]


def register(commands: Any, add_globals: Register) -> None:
    key = commands.add_parser(
        "sponsor-key",
        help="your key as a sponsor: make it, show its code, change its passphrase",
        description=(
            "As a sponsor, make a key once and give its code to the people you sponsor; the "
            "review files they make with it open only with your key. The key is kept beside "
            "your journal, encrypted with a passphrase of its own."
        ),
    )
    actions = key.add_subparsers(title="actions", metavar="ACTION", parser_class=type(key))
    init = actions.add_parser("init", help="make your sponsor key and print its code")
    init.add_argument("--kdf-memory-mib", type=int, metavar="N", help="Argon2id memory")
    init.set_defaults(handler=cmd_key_init)
    show = actions.add_parser("show", help="print your code (asks for the key's passphrase)")
    show.set_defaults(handler=cmd_key_show)
    passwd = actions.add_parser("passwd", help="change the sponsor key's passphrase")
    passwd.set_defaults(handler=cmd_key_passwd)
    for parser in (key, init, show, passwd):
        add_globals(parser)

    code = commands.add_parser(
        "sponsor-code",
        help="keep your sponsor's code in your journal",
        description="The codes of the sponsors you make review files for, kept in your journal.",
    )
    code_actions = code.add_subparsers(title="actions", metavar="ACTION", parser_class=type(key))
    add = code_actions.add_parser("add", help="keep a sponsor's code under their name")
    add.add_argument("name", help="your sponsor's name")
    add.add_argument("code", nargs="+", help="the code they gave you (spaces or hyphens)")
    add.set_defaults(handler=cmd_code_add)
    listing = code_actions.add_parser("list", help="the codes kept in your journal")
    listing.set_defaults(handler=cmd_code_list)
    remove = code_actions.add_parser("remove", help="forget a sponsor's code")
    remove.add_argument("name")
    remove.set_defaults(handler=cmd_code_remove)
    for parser in (code, add, listing, remove):
        add_globals(parser)

    review = commands.add_parser(
        "review-file",
        help="make an encrypted review file for your sponsor, or open one",
        description=(
            "A review file holds your review for one sponsor, encrypted so that only their "
            "sponsor key opens it; send it any way you like."
        ),
    )
    review_actions = review.add_subparsers(
        title="actions", metavar="ACTION", parser_class=type(key)
    )
    make = review_actions.add_parser(
        "make",
        help="your review, encrypted to your sponsor",
        description=(
            "Make a review file of the last 90 days ending at --as-of (default: today), another "
            "--range, the time since your last review, or --from/--to. Your notes and journal "
            "text are in it only with --include-notes; substances, amounts and the notes of "
            "meetings, contacts and check-ins never are."
        ),
    )
    make.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    make.add_argument(
        "--for",
        dest="recipient",
        required=True,
        metavar="NAME|CODE",
        help="a sponsor whose code is kept (sponsor-code add), or a code",
    )
    make.add_argument("--name", help="the name your sponsor sees (default: the last one used)")
    make.add_argument("--as-of", type=parse_date, metavar="DATE", help="default: today")
    period = make.add_mutually_exclusive_group()
    period.add_argument("--range", choices=RANGE_KEYS, metavar="RANGE", help=", ".join(RANGE_KEYS))
    period.add_argument("--since-last-review", action="store_true")
    period.add_argument("--from", dest="start", type=parse_date, metavar="DATE")
    make.add_argument("--include-notes", action="store_true", help="your notes and journal text")
    for part in ("talking-points", "meetings", "contacts", "checkins"):
        make.add_argument(f"--no-{part}", action="store_true", help=f"leave out {part}")
    make.set_defaults(handler=cmd_review_make)
    opening = review_actions.add_parser("open", help="read a review file made for you")
    opening.add_argument("file", type=Path)
    opening.add_argument(
        "--keep", action="store_true", help="also keep it (encrypted) for the Sponsees view"
    )
    opening.set_defaults(handler=cmd_review_open)
    for parser in (review, make, opening):
        add_globals(parser)


def _key_path(ctx: CliContext) -> Path:
    from recovery_journal.services.paths import sponsor_key_path

    return sponsor_key_path(ctx.vault)


def _open_key(ctx: CliContext) -> Any:
    from recovery_journal.services.sponsor_key import check_key_file, open_key

    path = _key_path(ctx)
    check_key_file(path)  # a missing or odd key is refused before the passphrase is asked for
    return open_key(path, ctx.secrets.existing("Sponsor key passphrase: "))


def _code_lines(code: str) -> str:
    groups = code.split("-")
    return "\n".join("    " + "-".join(groups[i : i + 7]) for i in range(0, len(groups), 7))


def cmd_key_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.services.errors import SponsorKeyExistsError
    from recovery_journal.services.session import kdf_for_memory
    from recovery_journal.services.sponsor_key import create_key

    path = _key_path(ctx)
    if path.exists():
        raise SponsorKeyExistsError(str(path))
    passphrase = ctx.secrets.new("New sponsor key passphrase: ")
    code = create_key(path, passphrase, kdf_for_memory(args.kdf_memory_mib))
    print(f"Made your sponsor key at {path}.\n\nYour sponsor code:\n", file=ctx.out)
    print(_code_lines(code), file=ctx.out)
    print(
        "\nGive this code to the people you sponsor. It is not secret, but check it with them "
        "(read it back) so nobody can slip in another. Keep the passphrase: without it, review "
        "files made for this key can't be opened.",
        file=ctx.out,
    )
    return 0


def cmd_key_show(_args: argparse.Namespace, ctx: CliContext) -> int:
    key = _open_key(ctx)
    try:
        print(_code_lines(key.code), file=ctx.out)
    finally:
        key.close()
    return 0


def cmd_key_passwd(_args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.services.sponsor_key import change_key_passphrase

    path = _key_path(ctx)
    old = ctx.secrets.existing("Sponsor key passphrase: ")
    change_key_passphrase(path, old, ctx.secrets.new("New sponsor key passphrase: "))
    print("Your sponsor key's passphrase is changed.", file=ctx.out)
    return 0


def cmd_code_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.services.review_files import add_recipient

    session = open_session(ctx)
    try:
        kept = add_recipient(session, args.name, " ".join(args.code))
    finally:
        session.close()
    print(f"Kept the code of {kept.name}: {kept.code}", file=ctx.out)
    return 0


def cmd_code_list(_args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.domain.review_share import recipients

    session = open_session(ctx)
    try:
        kept = recipients(session.settings())
    finally:
        session.close()
    for recipient in kept:
        print(f"{recipient.name}: {recipient.code}", file=ctx.out)
    if not kept:
        print("No sponsor's code is kept yet.", file=ctx.out)
    return 0


def cmd_code_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.domain.review_share import recipients
    from recovery_journal.services.review_files import remove_recipient

    session = open_session(ctx)
    try:
        if args.name not in {r.name for r in recipients(session.settings())}:
            raise UsageError(f"no code is kept for {args.name!r} (see: sponsor-code list)")
        remove_recipient(session, args.name)
    finally:
        session.close()
    print(f"Forgot the code of {args.name}.", file=ctx.out)
    return 0


def _period(args: argparse.Namespace, ctx: CliContext, data: Any) -> Any:
    from recovery_journal.charts.report.period import (
        custom_period,
        period_for_range,
        period_since_last_review,
    )

    as_of = args.as_of or ctx.today
    if args.start is not None:
        if args.start > as_of:
            raise UsageError("--from can't be after the end of the period (--as-of)")
        return custom_period(data, args.start, as_of)
    if args.since_last_review:
        return period_since_last_review(data, as_of)
    return period_for_range(data, as_of, args.range or DEFAULT_RANGE)


def cmd_review_make(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.vault_commands import open_session
    from recovery_journal.domain.review_share import SharedParts, recipients
    from recovery_journal.services.errors import SponsorCodeError
    from recovery_journal.services.files import check_target
    from recovery_journal.services.review_files import (
        ReviewRequest,
        make_review_file,
        recipient_for,
    )

    check_target(args.output, ctx.vault)
    session = open_session(ctx)
    try:
        settings = session.settings()
        try:
            sponsor, public_key = recipient_for(args.recipient, recipients(settings))
        except SponsorCodeError as error:
            text = str(error)
            raise UsageError(
                f"--for: no code is kept under that name, and {text[:1].lower()}{text[1:]}"
            ) from None
        name = (args.name or settings.review_name).strip()
        if not name:
            raise UsageError("--name: the name your sponsor will see is needed the first time")
        data = session.data()
        period = _period(args, ctx, data)
        request = ReviewRequest(
            name,
            period.start,
            period.end,
            period.kind,
            period.label,
            period.note,
            SharedParts(
                meetings=not args.no_meetings,
                contacts=not args.no_contacts,
                checkins=not args.no_checkins,
                notes=args.include_notes,
            ),
            talking_points=not args.no_talking_points,
        )
        made_at = dt.datetime.now(dt.UTC)
        make_review_file(data, request, public_key, args.output, ctx.vault, made_at)
        if name != settings.review_name and not session.read_only:
            session.update_settings(review_name=name)
    finally:
        session.close()
    who = sponsor or "the sponsor whose code you gave"
    notes = "with" if args.include_notes else "without"
    print(
        f"Wrote your review for {who} ({period.title}; {notes} your notes) to {args.output}. "
        "Only their sponsor key opens it.",
        file=ctx.out,
    )
    return 0


def cmd_review_open(args: argparse.Namespace, ctx: CliContext) -> int:
    from recovery_journal.cli.review_text import review_text
    from recovery_journal.services.paths import kept_reviews_dir
    from recovery_journal.services.review_files import (
        KeptReviews,
        check_review_file,
        open_review_file,
    )

    check_review_file(args.file)  # refused before the passphrase is asked for
    key = _open_key(ctx)
    try:
        review, blob = open_review_file(args.file, key)
    finally:
        key.close()
    print(review_text(review), file=ctx.out)
    if args.keep:
        path = KeptReviews(kept_reviews_dir(ctx.vault)).keep(blob)
        print(f"\nKept (encrypted) at {path}.", file=ctx.out)
    return 0
