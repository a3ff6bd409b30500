"""Case-work commands of the ``custodia`` command line (issue 18): referrals, tasks and
deadlines with their calendar file, retention and the erasure of a case.

``custodia referral add | list | update``, ``custodia tasks PATH [--due-within DAYS] [--ics OUT]``,
``custodia retention PATH`` and ``custodia case erase PATH --case REF --reason TEXT``.
Registered by :func:`ui.cli.build_parser` through :func:`register`. Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
from datetime import date
from pathlib import Path

from intake import open_intake
from intake.referrals import ReferralStatus
from intake.tasks import Task, kind_words
from resources.i18n import _, ngettext
from ui import cli
from ui.referrals.words import local_day, status_words
from ui.terminal import out
from vault import Vault
from vault.fsutil import atomic_write

log = logging.getLogger(__name__)

EXIT_OK = 0
SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it


def day(value: date | None) -> str:
    """A day in the language of the command line (Babel's medium date)."""
    return local_day(value)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(_("a day is written YYYY-MM-DD")) from exc


def _optional_date(text: str) -> date | None:
    return None if text.strip().lower() in ("", "none", "-") else _date(text)


def _with_vault(args: argparse.Namespace, run: object) -> int:
    vault = cli.unlock_vault(args)
    try:
        result: int = run(args, vault)  # type: ignore[operator]
        return result
    finally:
        vault.lock()


# referral ----------------------------------------------------------------------------------


def run_referral_add(args: argparse.Namespace, vault: Vault) -> int:
    from exports.address_book import AddressBook

    intake = open_intake(vault)
    case = intake.cases.by_reference(args.case)
    entry = AddressBook(vault).get(args.to)  # the recipient comes from the address book
    referral = intake.referrals.add(
        case.case_id,
        entry.name,
        args.on,
        recipient_kind=entry.kind.value if entry.kind else "",
        reason=args.reason or "",
        bundle_id=args.bundle or "",
        follow_up_on=args.follow_up,
    )
    out(
        _("Referral {id} recorded: {case} to {recipient}, {day}.").format(
            id=referral.referral_id[:8],
            case=referral.case_reference,
            recipient=referral.recipient,
            day=day(referral.referred_on),
        )
    )
    return EXIT_OK


def run_referral_list(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    if args.case:
        referrals = intake.referrals.for_case(intake.cases.by_reference(args.case).case_id)
    else:
        referrals = intake.referrals.list_all()
    if not referrals:
        out(_("No referrals."))
        return EXIT_OK
    header = (_("ID"), _("CASE"), _("DAY"), _("STATUS"), _("FOLLOW-UP"), _("TO"))
    out(
        f"{header[0]:<9} {header[1]:<18} {header[2]:<14} {header[3]:<13} {header[4]:<14}"
        f" {header[5]}"
    )
    for r in referrals:
        out(
            f"{r.referral_id[:8]:<9} {r.case_reference:<18} {day(r.referred_on):<14}"
            f" {status_words(r.status):<13} {day(r.follow_up_on):<14} {r.recipient}"
        )
        if r.outcome:
            out("          " + _("Outcome: {text}").format(text=r.outcome))
    return EXIT_OK


def run_referral_update(args: argparse.Namespace, vault: Vault) -> int:
    from intake.referrals import UNSET

    intake = open_intake(vault)
    referral = intake.referrals.find(args.id)
    updated = intake.referrals.update(
        referral.referral_id,
        status=args.status,
        outcome=args.outcome,
        follow_up_on=UNSET if args.follow_up is None else _optional_date(args.follow_up),
    )
    out(
        _("Referral {id} of {case}: {status}.").format(
            id=updated.referral_id[:8],
            case=updated.case_reference,
            status=status_words(updated.status),
        )
    )
    return EXIT_OK


# tasks -------------------------------------------------------------------------------------


def _task_line(task: Task) -> str:
    when = day(task.due_on)
    if task.due_time is not None:
        when += " " + task.due_time.strftime("%H:%M")
    return f"{when:<20} {task.case_reference:<18} {kind_words(task.kind):<18} {task.about}"


def run_tasks(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    tasks = intake.tasks.due(args.due_within)
    if args.ics:
        target = Path(args.ics)

        def write(data: bytes) -> None:
            # Owner-only and atomic like everything Custodia writes; the file names nobody, but
            # it is still the organisation's calendar.
            atomic_write(target, data)

        count = intake.tasks.export_calendar(tasks, write)
        out(
            ngettext(
                "{count} event written to {file}.", "{count} events written to {file}.", count
            ).format(count=cli.number(count), file=target)
        )
        return EXIT_OK
    if not tasks:
        out(_("Nothing due."))
        return EXIT_OK
    header = (_("DUE"), _("CASE"), _("KIND"), _("ABOUT"))
    out(f"{header[0]:<20} {header[1]:<18} {header[2]:<18} {header[3]}")
    for task in tasks:
        out(_task_line(task))
    return EXIT_OK


# retention and erasure ---------------------------------------------------------------------


def run_retention(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    due = intake.erasure.retention_due()
    if not due:
        out(_("No case is past its retention date."))
        return EXIT_OK
    out(f"{_('REFERENCE'):<20} {_('KEPT UNTIL'):<14} {_('HOLD'):<5} {_('TITLE')}")
    for row in due:
        hold = _("yes") if row.legal_hold else ""
        out(f"{row.reference:<20} {day(row.retention_until):<14} {hold:<5} {row.title}")
    return EXIT_OK


def run_case_erase(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    case = intake.cases.by_reference(args.case)
    erased = intake.erasure.erase_case(case.case_id, args.reason)
    counts = erased.tombstone.counts
    out(
        _("Case {reference} erased; its tombstone keeps who, when, why and how much.").format(
            reference=erased.reference
        )
    )
    out(
        "  "
        + _("{people} people, {statements} statements, {evidence} evidence items").format(
            people=cli.number(counts.get("people", 0)),
            statements=cli.number(counts.get("statements", 0)),
            evidence=cli.number(counts.get("evidence", 0)),
        )
    )
    return EXIT_OK


def _case_subcommands(commands: SubParsers) -> SubParsers | None:  # type: ignore[type-arg]
    """The ``case`` group's subcommands (registered by ui.cli_intake), to add ``erase``."""
    parser = commands.choices.get("case")
    if parser is None:
        return None
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def register(commands: SubParsers, _vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    add_unlock = cli.add_unlock_arguments

    referral = commands.add_parser("referral", help=_("record and follow referrals of cases"))
    referral_commands = referral.add_subparsers(dest="referral_command", required=True)
    add = referral_commands.add_parser("add", help=_("record a referral to an address-book entry"))
    add.add_argument("path", metavar="PATH")
    add.add_argument("--case", required=True, metavar="REF")
    add.add_argument("--to", required=True, metavar="NAME", help=_("an address-book entry"))
    add.add_argument("--on", required=True, type=_date, metavar="DATE", help=_("YYYY-MM-DD"))
    add.add_argument("--bundle", metavar="ID", help=_("the bundle sent with it, if any"))
    add.add_argument("--reason", metavar="TEXT")
    add.add_argument("--follow-up", type=_date, metavar="DATE", help=_("next follow-up day"))
    add_unlock(add)
    add.set_defaults(handler=lambda a: _with_vault(a, run_referral_add))
    listing = referral_commands.add_parser("list", help=_("list referrals"))
    listing.add_argument("path", metavar="PATH")
    listing.add_argument("--case", metavar="REF", help=_("only this case"))
    add_unlock(listing)
    listing.set_defaults(handler=lambda a: _with_vault(a, run_referral_list))
    update = referral_commands.add_parser("update", help=_("change a referral's status"))
    update.add_argument("path", metavar="PATH")
    update.add_argument("id", metavar="ID", help=_("the referral's id as listed"))
    update.add_argument(
        "--status", required=True, choices=[s.value for s in ReferralStatus], metavar="STATUS"
    )
    update.add_argument("--outcome", metavar="TEXT")
    update.add_argument(
        "--follow-up", metavar="DATE", help=_("next follow-up day, or 'none' to clear it")
    )
    add_unlock(update)
    update.set_defaults(handler=lambda a: _with_vault(a, run_referral_update))

    tasks = commands.add_parser(
        "tasks", help=_("list tasks and deadlines, or write them to a calendar file")
    )
    tasks.add_argument("path", metavar="PATH")
    tasks.add_argument(
        "--due-within", type=int, metavar="DAYS", help=_("only what is due within DAYS days")
    )
    tasks.add_argument(
        "--ics", metavar="OUT", help=_("write an iCalendar file (case references and kinds only)")
    )
    add_unlock(tasks)
    tasks.set_defaults(handler=lambda a: _with_vault(a, run_tasks))

    retention = commands.add_parser("retention", help=_("list cases past their retention date"))
    retention.add_argument("path", metavar="PATH")
    add_unlock(retention)
    retention.set_defaults(handler=lambda a: _with_vault(a, run_retention))

    case_commands = _case_subcommands(commands)
    if case_commands is None:  # the intake commands are missing: no case group to join
        log.warning("case erase not registered")
        return
    erase = case_commands.add_parser(
        "erase", help=_("erase a case past its retention date (administrators)")
    )
    erase.add_argument("path", metavar="PATH")
    erase.add_argument("--case", required=True, metavar="REF")
    erase.add_argument("--reason", required=True, metavar="TEXT")
    add_unlock(erase)
    erase.set_defaults(handler=lambda a: _with_vault(a, run_case_erase))


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.exit(cli.main())
