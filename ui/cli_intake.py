"""Intake commands of the ``custodia`` command line: case new | list, evidence add, search, demo.

Registered by :func:`ui.cli.build_parser` through :func:`register`. Each command has a
``run_*(args, vault)`` part that works on an unlocked vault, so other front ends can reuse it.
Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from intake import open_intake
from intake.chats import ChatIngest, ChatService
from intake.demo import build_demo
from resources.i18n import _, ngettext, pgettext
from ui import cli
from ui.error_sentences import user_message
from ui.search.words import headline, snippet
from ui.terminal import out
from vault import DEFAULT_KDF, Vault

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEMS = 1  # a chat export was kept as a file but could not be read
SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it
# Only for automated tests of the demo command; hidden from --help.


# case new | list ---------------------------------------------------------------------------


def run_case_new(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    case = intake.cases.create(args.ref, args.title, jurisdiction=args.jurisdiction or "")
    out(_("Case {reference} created.").format(reference=case.reference))
    return EXIT_OK


def run_case_list(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    rows = intake.cases.list_cases()
    if not rows:
        out(_("No cases."))
        return EXIT_OK
    header = (
        _("REFERENCE"),
        _("STATUS"),
        _("HOLD"),
        _("PEOPLE"),
        _("STMTS"),
        _("ITEMS"),
        _("TITLE"),
    )
    out(
        f"{header[0]:<20} {header[1]:<7} {header[2]:<4} {header[3]:>6} {header[4]:>6}"
        f" {header[5]:>6}  {header[6]}"
    )
    for row in rows:
        case = row.case
        hold = _("yes") if case.legal_hold else ""
        out(
            f"{case.reference:<20} {pgettext('Terms', case.status.value):<7} {hold:<4}"
            f" {row.people:>6}"
            f" {row.statements:>6} {row.evidence:>6}  {case.title}"
        )
    return EXIT_OK


# evidence add ------------------------------------------------------------------------------


def run_evidence_add(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    case = intake.cases.by_reference(args.case)
    progress = cli.ProgressLine(
        ngettext("Adding {count} file", "Adding {count} files", len(args.files)).format(
            count=len(args.files)
        )
    )
    unread: list[str] = []

    def announce(_index: int, item: object) -> None:
        progress.finish()
        label = getattr(item, "label", "")
        name = getattr(item, "original_filename", "")
        digest = getattr(item, "sha256", "")
        out(f"{label}  {digest}  {name}")

    def chat(result: ChatIngest) -> None:
        # Chat exports (Telegram result.json, WhatsApp .txt or .zip) are recognised and parsed.
        progress.finish()
        for child in result.children:
            out(f"{child.label}  {child.sha256}  {child.original_filename}")
        if result.error is not None:
            unread.append(result.item.label)
            out(
                _("{label} is kept as a file, but its chat could not be read: {reason}").format(
                    label=result.item.label, reason=user_message(result.error)
                )
            )
            return
        for conversation in result.conversations:
            out(
                "  "
                + ngettext(
                    "{title}: {count} message",
                    "{title}: {count} messages",
                    conversation.message_count,
                ).format(
                    title=conversation.title or "-", count=cli.number(conversation.message_count)
                )
            )

    try:
        ChatService(vault).ingest_many(
            case.case_id,
            [Path(f) for f in args.files],
            kind=args.kind or "",
            time_zone=args.time_zone,
            progress=progress,
            on_item=announce,
            on_chat=chat,
        )
    finally:
        progress.finish()
    return EXIT_PROBLEMS if unread else EXIT_OK


# search ------------------------------------------------------------------------------------


def run_search(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    case_id = intake.cases.by_reference(args.case).case_id if args.case else None
    hits = intake.search.search(args.query, case_id=case_id, limit=args.limit)
    if not hits:
        out(_("No matches."))
        return EXIT_OK
    for hit in hits:
        # The case once, where in it the match is, in words, then the snippet.
        out(headline(hit))
        out(f"    {snippet(hit)}")
    if hits.limited:
        out(
            _(
                "(Ranked among the {count} most recent matches only: a word in the query is"
                " in many records. Add another word to narrow the search.)"
            ).format(count=cli.number(hits.window))
        )
    return EXIT_OK


# vault reindex ----------------------------------------------------------------------------


def run_reindex(args: argparse.Namespace, vault: Vault) -> int:
    """Index every record again, then read the text of every evidence file not read yet (items
    from before issue 16, or whose reading failed), in memory."""
    intake = open_intake(vault)
    progress = cli.ProgressLine(_("Indexing"))
    try:
        documents = intake.search.reindex(progress)
    finally:
        progress.finish()
    out(
        ngettext("{count} record indexed.", "{count} records indexed.", documents).format(
            count=cli.number(documents)
        )
    )
    reading = cli.ProgressLine(_("Reading evidence files"))
    try:
        outcomes = intake.search.extract_pending(reading)
    finally:
        reading.finish()
    read = outcomes.get("ok", 0) + outcomes.get("empty", 0)
    out(
        ngettext(
            "{count} evidence file read for search.",
            "{count} evidence files read for search.",
            read,
        ).format(count=cli.number(read))
    )
    failed = outcomes.get("failed", 0) + outcomes.get("too_large", 0)
    if failed:
        out(
            ngettext(
                "{count} evidence file could not be read (damaged, protected or too large).",
                "{count} evidence files could not be read (damaged, protected or too large).",
                failed,
            ).format(count=cli.number(failed))
        )
    return EXIT_OK


# demo --------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    reader = cli.secrets_for(args)
    passphrase = reader.ask_new(_("New passphrase for {user}: ").format(user=args.user))
    # Training vaults get the full key derivation too: a demo vault must not teach weak habits.
    vault, recovery_key = Vault.create(Path(args.path), args.user, passphrase, kdf=DEFAULT_KDF)
    try:
        build_demo(vault)
    finally:
        vault.lock()
    out(
        _("Training vault created at {path} for user {user}.").format(
            path=args.path, user=args.user
        )
    )
    out(_("It holds one clearly fictional case (TRAINING — FICTIONAL)."))
    out(_("Recovery key (shown once): {key}").format(key=recovery_key))
    return EXIT_OK


# registration ------------------------------------------------------------------------------


def register(commands: SubParsers, _vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    add_unlock = cli.add_unlock_arguments

    reindex = _vault_commands.add_parser(
        "reindex", help=_("index every text again and read evidence files not read yet")
    )
    reindex.add_argument("path", metavar="PATH")
    add_unlock(reindex)
    reindex.set_defaults(handler=lambda a: cli.with_vault(a, run_reindex))

    case_parser = commands.add_parser("case", help=_("create and list cases"))
    case_commands = case_parser.add_subparsers(dest="case_command", required=True)
    new = case_commands.add_parser("new", help=_("create a case"))
    new.add_argument("path", metavar="PATH")
    new.add_argument("--ref", required=True, help=_("unique reference, e.g. RO-2026-0042"))
    new.add_argument("--title", required=True)
    new.add_argument("--jurisdiction")
    add_unlock(new)
    new.set_defaults(handler=lambda a: cli.with_vault(a, run_case_new))
    listing = case_commands.add_parser("list", help=_("list cases with their counts"))
    listing.add_argument("path", metavar="PATH")
    add_unlock(listing)
    listing.set_defaults(handler=lambda a: cli.with_vault(a, run_case_list))

    evidence_parser = commands.add_parser("evidence", help=_("add evidence files"))
    evidence_commands = evidence_parser.add_subparsers(dest="evidence_command", required=True)
    add = evidence_commands.add_parser("add", help=_("encrypt files into a case (batch)"))
    add.add_argument("path", metavar="PATH")
    add.add_argument("--case", required=True, metavar="REF")
    add.add_argument("--kind", help=_("e.g. photo, chat export, document"))
    add.add_argument(
        "--time-zone",
        metavar="ZONE",
        help=_("time zone of a WhatsApp export's times, e.g. Europe/Kyiv (default: the case's)"),
    )
    add.add_argument("files", nargs="+", metavar="FILE")
    add_unlock(add)
    add.set_defaults(handler=lambda a: cli.with_vault(a, run_evidence_add))

    search = commands.add_parser("search", help=_("search cases, statements, evidence, entities"))
    search.add_argument("path", metavar="PATH")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--case", metavar="REF", help=_("only this case"))
    search.add_argument("--limit", type=int, default=50)
    add_unlock(search)
    search.set_defaults(handler=lambda a: cli.with_vault(a, run_search))

    demo = commands.add_parser("demo", help=_("create a vault holding a fictional training case"))
    demo.add_argument("path", metavar="PATH")
    demo.add_argument("--user", default="trainer")
    demo.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help=_("read the new passphrase from the first line of standard input"),
    )
    demo.set_defaults(handler=cmd_demo)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(cli.main())
