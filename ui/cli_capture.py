"""Web capture and screening commands of the ``custodia`` command line (issue 17).

``custodia capture PATH --case REF URL`` saves a web page (WARC, screenshot, PDF); given a WARC or
WACZ file instead of an address, it imports that archive unchanged and lists its pages.
``custodia screen PATH VALUE`` says where a phone number, handle, e-mail, company or web address
has appeared, creating nothing. Registered by :func:`ui.cli.build_parser`. Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from intake import open_intake
from intake.capture import CaptureService
from intake.capture_archive import ArchiveImportService, archive_format
from intake.models import evidence_label
from intake.screening import ScreeningService
from resources.i18n import _, ngettext
from ui import cli
from ui.terminal import out
from vault import Vault

log = logging.getLogger(__name__)

EXIT_OK = 0
SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it
#: Where a screened value was found, by search document kind, in the reader's words.
_WHERE = {
    "statement": lambda: _("statement"),
    "addendum": lambda: _("addendum to a statement"),
    "message": lambda: _("chat message"),
    "evidence_text": lambda: _("text of an evidence item"),
    "evidence": lambda: _("evidence item"),
    "entity": lambda: _("entity"),
    "entity_note": lambda: _("note on an entity"),
    "interview": lambda: _("interview"),
    "consent": lambda: _("consent"),
    "custody": lambda: _("custody event"),
    "case": lambda: _("case"),
    "person": lambda: _("person"),
}


_KIND = {
    "phone": lambda: _("phone number"),
    "email": lambda: _("e-mail"),
    "social": lambda: _("handle"),
    "url": lambda: _("web address"),
    "company": lambda: _("company"),
}
#: The reasons intake.capture_render gives (in English) for making no rendering.
_NO_RENDERING = {
    "no Chromium browser is installed on this computer": lambda: _(
        "no Chromium browser is installed on this computer"
    ),
    "the Chromium browser could not be started": lambda: _(
        "the Chromium browser could not be started"
    ),
    "the browser did not answer in time": lambda: _("the browser did not answer in time"),
    "the browser stopped": lambda: _("the browser stopped"),
    "the browser could not load the page": lambda: _("the browser could not load the page"),
    "the browser refused a command": lambda: _("the browser refused a command"),
}


def kind_words(kind: str) -> str:
    words = _KIND.get(str(kind))
    return words() if words is not None else str(kind)


def no_rendering_words(reason: str) -> str:
    words = _NO_RENDERING.get(reason)
    return words() if words is not None else reason


def where_words(kind: str) -> str:
    words = _WHERE.get(kind)
    return words() if words is not None else kind


def _with_vault(args: argparse.Namespace, run: object) -> int:
    vault = cli.unlock_vault(args)
    try:
        result: int = run(args, vault)  # type: ignore[operator]
        return result
    finally:
        vault.lock()


def run_capture(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    case = intake.cases.by_reference(args.case)
    source = Path(args.url)
    if source.is_file() and archive_format(source) is not None:
        progress = cli.ProgressLine(_("Importing the web archive"))
        try:
            item, listing = ArchiveImportService(vault).import_archive(
                case.case_id, source, progress=progress
            )
        finally:
            progress.finish()
        out(f"{evidence_label(item.number)}  {item.sha256}  {item.original_filename}")
        out(
            ngettext(
                "The archive holds {count} page:",
                "The archive holds {count} pages:",
                listing.page_count,
            ).format(count=cli.number(listing.page_count))
        )
        for page in listing.pages:
            out(f"  {page.timestamp:<27} {page.url}  {page.title}".rstrip())
        if listing.page_count > len(listing.pages):
            out(_("  … and {count} more").format(count=listing.page_count - len(listing.pages)))
        return EXIT_OK
    progress = cli.ProgressLine(_("Capturing the web page"))
    try:
        result = CaptureService(vault).capture(case.case_id, args.url, progress=progress)
    finally:
        progress.finish()
    meta = result.metadata
    for made in (result.warc, result.screenshot, result.pdf):
        if made is not None:
            out(f"{evidence_label(made.number)}  {made.sha256}  {made.original_filename}")
    out(_("Address asked: {url}").format(url=meta["url_requested"]))
    for hop in meta.get("redirects", []):
        out(_("  redirected ({status}) to {url}").format(status=hop["status"], url=hop["location"]))
    out(_("Final address: {url}").format(url=meta["final_url"]))
    out(
        _("HTTP status: {status}; server address: {address}").format(
            status=f"{meta['http_status']} {meta['http_reason']}".strip(),
            address=meta["server_address"],
        )
    )
    tls = meta.get("tls")
    if tls:
        out(
            _("TLS certificate SHA-256: {fingerprint}").format(
                fingerprint=tls["certificate_sha256"]
            )
        )
        if not tls.get("verified"):
            out(
                _(
                    "The certificate did not verify ({reason}); the page was captured anyway."
                ).format(reason=tls.get("verify_error") or "-")
            )
    if result.no_rendering_reason:
        out(
            _("No screenshot or PDF was made: {reason}. The WARC holds the page.").format(
                reason=no_rendering_words(result.no_rendering_reason)
            )
        )
    return EXIT_OK


def run_screen(args: argparse.Namespace, vault: Vault) -> int:
    intake = open_intake(vault)
    result = ScreeningService(intake.vault).screen(args.value)
    for reading in result.readings:
        out(
            _("Read as {kind}: {value}").format(
                kind=kind_words(reading.kind), value=reading.display
            )
        )
    if not result.found:
        out(_("Not found anywhere in this vault."))
        return EXIT_OK
    out(
        ngettext(
            "Found in {count} case:", "Found in {count} cases:", len(result.case_references)
        ).format(count=len(result.case_references))
        + " "
        + ", ".join(result.case_references)
    )
    for _reading, link in result.links:
        target = (
            _("person")
            if link.person_id
            else _("evidence item")
            if link.evidence_id
            else _("statement")
            if link.statement_id
            else _("case")
        )
        note = f" — {link.note}" if link.note else ""
        out(f"{link.case_reference:<20} {_('entity'):<12} {link.entity.display}  ({target}){note}")
    for hit in result.texts:
        out(
            f"{hit.case_reference or '-':<20} {where_words(hit.kind):<12}"
            f" {hit.title[:40]}  {hit.snippet}"
        )
    if result.messages:
        out(
            ngettext(
                "{count} chat message names it.",
                "{count} chat messages name it.",
                len(result.messages),
            ).format(count=len(result.messages))
        )
    if result.limited:
        out(_("(Only the first matches are listed.)"))
    return EXIT_OK


def register(commands: SubParsers, _vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    capture = commands.add_parser(
        "capture",
        help=_("save a web page (WARC, screenshot, PDF), or import a WARC or WACZ file"),
    )
    capture.add_argument("path", metavar="PATH")
    capture.add_argument("--case", required=True, metavar="REF")
    capture.add_argument("url", metavar="URL", help=_("a web address, or a .warc/.wacz file"))
    cli.add_unlock_arguments(capture)
    capture.set_defaults(handler=lambda a: _with_vault(a, run_capture))

    screen = commands.add_parser(
        "screen",
        help=_("where has this phone number, handle, e-mail, company or web address appeared?"),
    )
    screen.add_argument("path", metavar="PATH")
    screen.add_argument("value", metavar="VALUE")
    cli.add_unlock_arguments(screen)
    screen.set_defaults(handler=lambda a: _with_vault(a, run_screen))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(cli.main())
