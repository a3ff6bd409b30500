"""Export commands of the ``custodia`` command line: ``export`` and ``verify``.

Registered by :func:`ui.cli.build_parser` through :func:`register`. ``verify`` needs no vault.
Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from exports.errors import ConsentRefusedError
from exports.model import Profile, RecipientKind
from resources import i18n
from resources.i18n import _, ngettext
from ui import cli, consent_reasons
from ui.error_sentences import user_message
from ui.terminal import end_progress, err, out, progress
from vault import Vault

log = logging.getLogger(__name__)

EXIT_OK = 0
SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it

# --recipient is free text (DESIGN §5); the consent category defaults from the profile and can be
# named with --recipient-kind.
DEFAULT_KIND = {
    Profile.COURT: RecipientKind.COURT,
    Profile.PSEUDONYMISED: RecipientKind.PARTNER_NGO,
}


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        progress(f"  {100 * done // max(total, 1):3d}%")


def _end_progress() -> None:
    if sys.stderr.isatty():
        end_progress()


def run_export(args: argparse.Namespace, vault: Vault) -> int:
    # Imported here: the PDF-signing stack costs about a second, and other commands don't need it.
    from exports.from_intake import ExportOptions, export_case

    profile = Profile(args.profile)
    kind = RecipientKind(args.recipient_kind) if args.recipient_kind else DEFAULT_KIND[profile]
    options = ExportOptions(
        case_reference=args.case,
        recipient=kind,
        profile=profile,
        recipient_name=args.recipient or "",
        purpose=args.purpose or "",
        authority_reference=args.authority or "",
        language=args.report_language or i18n.current().language,
    )
    try:
        result = export_case(vault, options, Path(args.to), as_zip=args.zip, progress=_progress)
    except ConsentRefusedError as exc:
        if exc.decision is None:
            raise
        # The reasons in the same words as the export wizard's (one code-to-sentence mapping).
        _end_progress()
        err(f"custodia: {user_message(exc)}")
        for sentence in consent_reasons.refusal_sentences(exc.decision):
            err(f"  {sentence}")  # pseudonyms are user text: err() escapes them
        return cli.EXIT_USAGE
    _end_progress()
    out(_("Bundle written: {path}").format(path=result.path))
    statements = len(result.statement_ids)
    files = len(result.evidence_numbers)
    out(
        "  "
        + ", ".join(
            [
                ngettext("{count} statement", "{count} statements", statements).format(
                    count=statements
                ),
                ngettext("{count} evidence file", "{count} evidence files", files).format(
                    count=files
                ),
                ngettext(
                    "{count} payload byte", "{count} payload bytes", result.payload_bytes
                ).format(count=cli.number(result.payload_bytes)),
            ]
        )
    )
    if result.withheld_numbers:
        out(
            "  "
            + _("withheld under this profile: {items}").format(
                items=", ".join(result.withheld_numbers)
            )
        )
    out(
        "  "
        + _("signer key fingerprint (tell the recipient separately): {fingerprint}").format(
            fingerprint=result.ed25519_fingerprint
        )
    )
    out(
        "  "
        + _("tag manifest SHA-256 (recorded in the audit log): {digest}").format(
            digest=result.tagmanifest_sha256
        )
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    vault = cli.unlock_vault(args)
    try:
        return run_export(args, vault)
    finally:
        vault.lock()


def cmd_verify(args: argparse.Namespace) -> int:
    from exports.verify import verify_bundle

    verdict = verify_bundle(Path(args.bundle), progress=_progress)
    _end_progress()
    for line in verdict.lines(all_items=not args.problems_only):
        out(line)
    return verdict.exit_code


def register(commands: SubParsers, _vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    export = commands.add_parser("export", help=_("write a signed chain-of-custody bundle"))
    export.add_argument("path", metavar="PATH", help=_("the vault folder"))
    export.add_argument("--case", required=True, metavar="REF")
    export.add_argument("--to", required=True, metavar="OUT", help=_("new folder or .zip to write"))
    export.add_argument(
        "--profile", choices=[p.value for p in Profile], default=Profile.COURT.value
    )
    export.add_argument("--recipient", metavar="TEXT", help=_("who receives it, in words"))
    export.add_argument(
        "--recipient-kind",
        choices=[k.value for k in RecipientKind],
        help=_(
            "consent category of the recipient (default: court, or partner_ngo when pseudonymised)"
        ),
    )
    export.add_argument("--purpose", metavar="TEXT")
    export.add_argument(
        "--report-language",
        choices=i18n.available_languages(),
        help=_("the language of report.pdf and VERIFY.txt (default: the command's language)"),
    )
    export.add_argument("--authority", metavar="REF", help=_("authority / file reference"))
    export.add_argument(
        "--zip", action="store_true", help=_("write one ZIP file instead of a folder")
    )
    cli.add_unlock_arguments(export)
    export.set_defaults(handler=cmd_export)

    verify = commands.add_parser("verify", help=_("check a bundle folder or ZIP (no vault needed)"))
    verify.add_argument("bundle", metavar="BUNDLE")
    verify.add_argument("--problems-only", action="store_true", help=_("list only failed checks"))
    verify.set_defaults(handler=cmd_verify)
