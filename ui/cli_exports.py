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

    if args.tsa:  # given once, kept in the vault (DESIGN §6.3); administrators only
        from exports import tsa_store

        if tsa_store.set_tsa_url(vault, args.tsa):
            out(_("Timestamp authority set: {url}").format(url=args.tsa))
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
    _trusted_time(vault, result.timestamp_token is not None)
    return EXIT_OK


def _trusted_time(vault: Vault, stamped: bool) -> None:
    from exports import tsa_store

    if stamped:
        out("  " + _("trusted time: RFC 3161 token in signature/tagmanifest.tsr"))
    elif tsa_store.tsa_url(vault):
        out(
            "  "
            + _(
                "no trusted time: the timestamp authority did not answer; the request waits in "
                "the vault (custodia vault timestamp PATH sends it)"
            )
        )
    else:
        out("  " + _("no trusted time: no timestamp authority is configured (export --tsa URL)"))


def tsa_url(value: str) -> str:
    """argparse type of --tsa: an http(s) URL."""
    from exports.timestamp import valid_url

    if not valid_url(value):
        raise argparse.ArgumentTypeError(
            _("not an http:// or https:// URL: {url}").format(url=value)
        )
    return value.strip()


def tsa_roots(paths: list[str]) -> list[bytes] | None:
    """The DER certificates of --tsa-root, or None after saying which file is not one."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    roots: list[bytes] = []
    for path in paths:
        try:
            roots += [
                c.public_bytes(Encoding.DER)
                for c in x509.load_pem_x509_certificates(Path(path).read_bytes())
            ]
        except (OSError, ValueError):
            err(_("custodia: not a readable PEM certificate: {path}").format(path=path))
            return None
    return roots


def cmd_vault_timestamp(args: argparse.Namespace) -> int:
    """Send the timestamp requests that waited while the TSA did not answer."""
    from exports import tsa_store

    vault = cli.unlock_vault(args)
    try:
        if not tsa_store.tsa_url(vault):
            err(_("custodia: no timestamp authority is configured (export --tsa URL sets one)"))
            return cli.EXIT_USAGE
        result = tsa_store.flush(vault)
    finally:
        vault.lock()  # its checkpoint waits for the next flush
    out(
        ngettext(
            "{count} timestamp request answered", "{count} timestamp requests answered", result.sent
        ).format(count=result.sent)
    )
    if result.waiting:
        out(
            ngettext(
                "{count} request still waits: the timestamp authority did not answer",
                "{count} requests still wait: the timestamp authority did not answer",
                result.waiting,
            ).format(count=result.waiting)
        )
        return cli.EXIT_PROBLEMS
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    vault = cli.unlock_vault(args)
    try:
        return run_export(args, vault)
    finally:
        vault.lock()


def cmd_verify(args: argparse.Namespace) -> int:
    from exports.verify import verify_bundle

    roots = tsa_roots(args.tsa_root)
    if roots is None:
        return cli.EXIT_USAGE
    verdict = verify_bundle(Path(args.bundle), progress=_progress, tsa_roots=roots)
    _end_progress()
    for line in verdict.lines(all_items=not args.problems_only):
        out(line)
    return verdict.exit_code


def register(commands: SubParsers, vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
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
    export.add_argument(
        "--tsa",
        metavar="URL",
        type=tsa_url,
        help=_(
            "the RFC 3161 timestamp authority for this and later exports (kept in the vault;"
            " administrators only)"
        ),
    )
    cli.add_unlock_arguments(export)
    export.set_defaults(handler=cmd_export)

    stamp = vault_commands.add_parser(
        "timestamp", help=_("send waiting requests to the timestamp authority")
    )
    stamp.add_argument("path", metavar="PATH", help=_("the vault folder"))
    cli.add_unlock_arguments(stamp)
    stamp.set_defaults(handler=cmd_vault_timestamp)

    verify = commands.add_parser("verify", help=_("check a bundle folder or ZIP (no vault needed)"))
    verify.add_argument("bundle", metavar="BUNDLE")
    verify.add_argument("--problems-only", action="store_true", help=_("list only failed checks"))
    verify.add_argument(
        "--tsa-root",
        action="append",
        default=[],
        metavar="PEM",
        help=_("a timestamp authority's CA certificate you trust (repeatable)"),
    )
    verify.set_defaults(handler=cmd_verify)
