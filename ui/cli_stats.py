"""``custodia stats PATH [--from DATE] [--to DATE] --csv OUT | --xlsx OUT`` (issue 18).

Counts across cases by month and by jurisdiction, written with every count under 5 shown as
"<5"; ``--profile research`` counts only cases whose consent covers anonymised research and
says how many were left out. Registered by :func:`ui.cli.build_parser`. Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
from datetime import date
from pathlib import Path

from exports.research import Format, Profile, write_statistics
from intake import open_intake
from intake.stats import StatsFilter
from resources.i18n import _, ngettext
from ui import cli
from ui.terminal import out
from vault import Vault

log = logging.getLogger(__name__)

SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("not a date: {text} (write it as 2026-03-31)").format(text=text)
        ) from None


def run_stats(args: argparse.Namespace, vault: Vault) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        out(_("The first day comes after the last day: nothing to count."))
        return cli.EXIT_USAGE
    open_intake(vault)  # the schema up to date before counting
    fmt = Format.CSV if args.csv else Format.XLSX
    target = Path(args.csv or args.xlsx)
    query = StatsFilter(args.date_from, args.date_to, args.jurisdiction or None)
    progress = cli.ProgressLine(_("Counting"))
    try:
        written = write_statistics(
            vault, target, fmt, query, Profile(args.profile), progress=progress
        )
    finally:
        progress.finish()
    trends = written.export.trends
    out(_("Written: {path}").format(path=written.path))
    out(
        ngettext("{count} case counted", "{count} cases counted", trends.cases_counted).format(
            count=cli.number(trends.cases_counted)
        )
        + "; "
        + ngettext(
            "{count} survivor counted", "{count} survivors counted", trends.survivors_counted
        ).format(count=cli.number(trends.survivors_counted))
    )
    if written.export.profile is Profile.RESEARCH:
        out(
            ngettext(
                "{count} case left out for want of consent to anonymised research.",
                "{count} cases left out for want of consent to anonymised research.",
                trends.cases_left_out,
            ).format(count=cli.number(trends.cases_left_out))
        )
    out(
        ngettext(
            "{count} count under 5 (or that would give one back) is shown as <5.",
            "{count} counts under 5 (or that would give one back) are shown as <5.",
            written.export.suppressed,
        ).format(count=cli.number(written.export.suppressed))
    )
    if not trends.referrals_counted:
        out(_("Referral outcomes: this vault records no referrals yet."))
    out(_("SHA-256: {digest}").format(digest=written.sha256))
    return cli.EXIT_OK


def register(commands: SubParsers, _vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    stats = commands.add_parser(
        "stats",
        help=_("counts across cases by month and jurisdiction, with counts under 5 hidden"),
    )
    stats.add_argument("path", metavar="PATH")
    stats.add_argument(
        "--from", dest="date_from", type=_day, metavar="DATE", help=_("cases opened on or after")
    )
    stats.add_argument(
        "--to", dest="date_to", type=_day, metavar="DATE", help=_("cases opened on or before")
    )
    stats.add_argument("--jurisdiction", metavar="NAME", help=_("only cases of this jurisdiction"))
    stats.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default=Profile.ALL.value,
        help=_("research: only cases whose consent covers anonymised research"),
    )
    target = stats.add_mutually_exclusive_group(required=True)
    target.add_argument("--csv", metavar="OUT", help=_("write a CSV file"))
    target.add_argument("--xlsx", metavar="OUT", help=_("write an Excel workbook"))
    cli.add_unlock_arguments(stats)
    stats.set_defaults(handler=lambda a: cli.with_vault(a, run_stats))
