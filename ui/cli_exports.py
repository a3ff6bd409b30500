"""Export commands of the ``custodia`` command line: ``export``, ``verify`` and ``senders``.

Registered by :func:`ui.cli.build_parser` through :func:`register`. ``verify`` needs no vault.
Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from exports.errors import ConsentRefusedError, ReviewRequiredError
from exports.model import Profile, RecipientKind
from resources import i18n
from resources.i18n import NC_, _, ngettext, pgettext
from ui import cli, consent_reasons
from ui.error_sentences import user_message
from ui.terminal import err, out
from vault import Vault

if TYPE_CHECKING:
    from typing import BinaryIO

    from exports.from_intake import ExportOptions
    from exports.model import ExportResult
    from exports.verify import Verdict

log = logging.getLogger(__name__)

EXIT_OK = 0
SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it

# --recipient is free text (DESIGN §5). The consent category has no default (DESIGN §7): it is
# named with --recipient-kind or comes from the address book with --to-recipient.


def read_passphrase_file(path: str | None) -> str | None:
    """A bundle's passphrase from the first line of a file (never from the command line)."""
    if not path:
        return None
    with open(path, encoding="utf-8") as handle:
        return handle.readline().rstrip("\r\n") or None


def add_decryption_arguments(
    parser: argparse.ArgumentParser, *, identity: str, passphrase: str
) -> None:
    """--identity and --passphrase-file: how a .age bundle is opened (verify, import)."""
    parser.add_argument("--identity", metavar="FILE", help=identity)
    parser.add_argument("--passphrase-file", metavar="FILE", help=passphrase)


def run_export(args: argparse.Namespace, vault: Vault) -> int:
    # Imported here: the PDF-signing stack costs about a second, and other commands don't need it.
    from exports.from_intake import ExportOptions, export_case

    if args.tsa:  # given once, kept in the vault (DESIGN §6.3); administrators only
        from exports import tsa_store

        if tsa_store.set_tsa_url(vault, args.tsa):
            out(_("Timestamp authority set: {url}").format(url=args.tsa))
    from exports.review import ReviewConfirmation

    options = ExportOptions(
        case_reference=args.case,
        recipient=RecipientKind(args.recipient_kind) if args.recipient_kind else None,
        profile=Profile(args.profile) if args.profile else None,
        recipient_name=args.recipient or "",
        purpose=args.purpose or "",
        authority_reference=args.authority or "",
        language=args.report_language or i18n.current().language,
        court_order=(args.court_order or "").strip(),
        review=None if args.reviewed is None else ReviewConfirmation(args.reviewed, "cli"),
    )
    sealed: tuple[Path, ...] = ()
    try:
        if args.review:
            return _print_review(vault, args, options)
        if args.to_recipient or args.age_recipient or args.passphrase_file:
            result, sealed = _export_handoff(args, vault, options)
        else:
            result = export_case(
                vault, options, Path(args.to), as_zip=args.zip, progress=cli.percent_progress
            )
    except ConsentRefusedError as exc:
        if exc.decision is None:
            raise
        # The reasons in the same words as the export wizard's (one code-to-sentence mapping).
        cli.end_percent_progress()
        err(f"custodia: {user_message(exc)}")
        for sentence in consent_reasons.refusal_sentences(exc.decision):
            err(f"  {sentence}")  # pseudonyms are user text: err() escapes them
        return cli.EXIT_USAGE
    except ReviewRequiredError as exc:
        cli.end_percent_progress()
        err(f"custodia: {user_message(exc)}")
        err(
            "  "
            + _(
                "Run the same command with --review to read every redacted text, then with "
                "--reviewed to confirm."
            )
        )
        return cli.EXIT_USAGE
    cli.end_percent_progress()
    for path in sealed:
        out(_("Encrypted bundle written: {path}").format(path=path))
    if not sealed:
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
    if result.consent is not None:
        for sentence in consent_reasons.withheld_sentences(result.consent):
            out(f"  {sentence}")
        for sentence in consent_reasons.court_order_sentences(result.consent):
            out(f"  {sentence}")
    out(
        "  "
        + _("signer key fingerprint (tell the recipient separately): {fingerprint}").format(
            fingerprint=result.ed25519_fingerprint
        )
    )
    if result.pdf_certificate_sha256:
        # The report's certificate identifies the sender too (a known sender pairs both): the
        # recipient needs it from the sender, not from the bundle (DESIGN §6.1).
        out(
            "  "
            + _("PDF certificate SHA-256 (tell the recipient separately): {fingerprint}").format(
                fingerprint=result.pdf_certificate_sha256
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


_SUSPICION_WORDS = {
    "capitalised": NC_("Review", "capitalised word"),
    "number": NC_("Review", "number"),
    "date": NC_("Review", "date"),
    "handle": NC_("Review", "handle or address"),
}
# Why an item stays behind (exports.derivatives.WithheldReason), in the report's own words.
_WITHHELD_WORDS = {
    "identifies_person": NC_("Report", "identifies a person by its content"),
    "not_redactable": NC_("Report", "no redacted copy can be made of this kind of file"),
    "too_large": NC_("Report", "too large to redact"),
    "unreadable": NC_("Report", "could not be read to make a redacted copy"),
    "names_person": NC_("Report", "its text names a protected person and cannot be redacted"),
}
_TEXT_WORDS = {
    "title": NC_("Review", "Case title"),
    "person": NC_("Review", "Person"),
    "statement": NC_("Review", "Statement"),
    "addendum": NC_("Review", "Addendum"),
    "interview": NC_("Review", "Interview"),
    "evidence_text": NC_("Review", "Evidence text"),
    "evidence_details": NC_("Review", "Evidence details"),
}


def _print_review(vault: Vault, args: argparse.Namespace, options: ExportOptions) -> int:
    """--review: every text as it would leave, what was redacted, what still looks identifying
    (the same review the export wizard shows), and how to confirm it."""
    from exports.from_intake import review_export

    if args.to_recipient:
        from exports.address_book import AddressBook
        from exports.handoff import options_for

        options = options_for(AddressBook(vault).get(args.to_recipient), options)
    if options.chosen_profile is not Profile.PSEUDONYMISED:
        out(_("Only pseudonymised exports are reviewed: this one carries full identity."))
        return EXIT_OK
    review = review_export(vault, options)
    for text in review.texts:
        out(f"── {pgettext('Review', _TEXT_WORDS[text.kind])} {text.ref} ──")
        marked = text.text
        for span in sorted(text.suspicious, reverse=True):
            marked = f"{marked[: span.start]}⟦{marked[span.start : span.end]}⟧{marked[span.end :]}"
        for line in marked.splitlines() or [""]:
            out(f"    {line}")
        if text.redactions or text.suspicious:
            out(
                "  "
                + ngettext("{count} redaction", "{count} redactions", len(text.redactions)).format(
                    count=len(text.redactions)
                )
                + "; "
                + ngettext(
                    "{count} token to check", "{count} tokens to check", len(text.suspicious)
                ).format(count=len(text.suspicious))
            )
        for span in text.suspicious:
            out(
                f"    ⟦{text.text[span.start : span.end]}⟧ "
                + pgettext("Review", _SUSPICION_WORDS[str(span.kind)])
            )
    for number in review.pictures:
        out(
            _("{number}: a picture; look at it yourself, text in it is not read.").format(
                number=number
            )
        )
    for number, reason in sorted(review.withheld_evidence.items()):
        words = pgettext("Report", _WITHHELD_WORDS[reason]) if reason in _WITHHELD_WORDS else reason
        out(_("{number}: left out ({reason}).").format(number=number, reason=words))
    out(
        _(
            "{texts} texts, {redactions} redactions, {tokens} tokens to check. If nothing in "
            "them identifies a protected person, confirm with: --reviewed {digest}"
        ).format(
            texts=len(review.texts),
            redactions=review.redaction_count,
            tokens=review.suspicious_count,
            digest=review.short_digest,
        )
    )
    return EXIT_OK


def _export_handoff(
    args: argparse.Namespace, vault: Vault, options: ExportOptions
) -> tuple[ExportResult, tuple[Path, ...]]:
    """--to-recipient NAME (kind and key from the address book), --age-recipient, a passphrase:
    an encrypted .zip.age unless --plaintext (DESIGN §7)."""
    from exports.handoff import export_sealed, export_to

    passphrase = read_passphrase_file(args.passphrase_file)
    if args.to_recipient:
        sent = export_to(
            vault,
            args.to_recipient,
            options,
            Path(args.to),
            plaintext=args.plaintext,
            passphrase=passphrase,
            progress=cli.percent_progress,
        )
    else:
        sent = export_sealed(
            vault,
            options,
            Path(args.to),
            age_recipients=args.age_recipient or (),
            passphrase=passphrase,
            progress=cli.percent_progress,
        )
    if not sent.encrypted:
        err(
            "custodia: "
            + _(
                "warning: this bundle is not encrypted; anyone who gets the file can read the"
                " survivor's identity and statements."
            )
        )
    return sent.result, sent.paths if sent.encrypted else ()


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
    if not args.recipient_kind and not args.to_recipient:
        # Refused before unlocking: a bundle "for Partner NGO Moldova" once left as court.
        err(
            "custodia: "
            + _(
                "say who receives the bundle: --recipient-kind {kinds}, or --to-recipient NAME "
                "from the address book. There is no default."
            ).format(kinds="|".join(k.value for k in RecipientKind))
        )
        return cli.EXIT_USAGE
    return cli.with_vault(args, run_export)


def _vault_at(args: argparse.Namespace) -> Vault:
    """The vault named by ``--vault`` (the senders and verify commands have no PATH)."""
    unlock_args = argparse.Namespace(**vars(args))
    unlock_args.path = args.vault
    return cli.unlock_vault(unlock_args)


def _trust_roots(paths: list[str]) -> tuple[bytes, ...] | None:
    """The DER certificates of --trust-root, or None after saying which file is not one."""
    from exports.errors import CertificateError
    from exports.signing import load_trust_root

    roots: list[bytes] = []
    for name in paths:
        try:
            with open(name, "rb") as handle:
                roots.append(load_trust_root(handle.read(1 << 20)))
        except (OSError, CertificateError):
            err(
                "custodia: "
                + _("not a readable certificate (PEM or DER): {path}").format(path=name)
            )
            return None
    return tuple(roots)


def cmd_verify(args: argparse.Namespace) -> int:
    from exports.senders import FileSenderBook, SenderError, VaultSenderBook
    from exports.verify import Trust, verify_bundle

    cli.read_pins(args)
    roots = tsa_roots(args.tsa_root)
    trust_roots = _trust_roots(args.trust_root or [])
    if roots is None or trust_roots is None:
        return cli.EXIT_USAGE
    # The --vault is unlocked once, for its known senders and (a .age bundle) its receiving key.
    vault = _vault_at(args) if args.vault else None
    try:
        try:
            known = (
                VaultSenderBook(vault).entries()
                if vault is not None
                else FileSenderBook().entries()
            )
        except SenderError:
            err("custodia: " + _("the list of known senders cannot be read."))
            return cli.EXIT_USAGE
        archive = _decrypted(args, vault)
    finally:
        if vault is not None:
            vault.lock()
    trust = Trust(
        expect_keys=tuple(args.expect_key or ()),
        known_senders=tuple(known),
        trust_roots=trust_roots,
    )
    verdict = verify_bundle(
        Path(args.bundle),
        progress=cli.percent_progress,
        tsa_roots=roots,
        trust=trust,
        archive=archive,
    )
    cli.end_percent_progress()
    print_verdict(verdict, all_items=not args.problems_only)
    return verdict.exit_code


def _decrypted(args: argparse.Namespace, vault: Vault | None) -> BinaryIO | None:
    """A .age bundle decrypted in memory: --identity FILE, a passphrase, or the --vault's key."""
    from exports.encryption import decrypt_bundle, is_age_file, read_identity_file

    if not is_age_file(args.bundle):
        return None
    passphrase = read_passphrase_file(args.passphrase_file)
    if args.identity:
        return decrypt_bundle(args.bundle, identities=read_identity_file(args.identity))
    if passphrase:
        return decrypt_bundle(args.bundle, passphrase=passphrase)
    if vault is not None:
        from exports.address_book import receiving_identity

        return decrypt_bundle(args.bundle, identities=[receiving_identity(vault)])
    from exports.encryption import DecryptionError

    raise DecryptionError("no identity")


def print_verdict(verdict: Verdict, *, all_items: bool = True) -> None:
    """The verdict in the command's language, through the one table of words."""
    from ui import verify_words as words

    out(_("Bundle: {path}").format(path=verdict.source))
    for code, value in verdict.fact_codes.items():
        out(f"  {words.fact_label(code)}: {words.fact_value(code, value)}")
    for check in verdict.checks:
        if all_items or not check.ok:
            mark = _("OK  ") if check.ok else _("FAIL")
            out(f"{mark}  {check.subject}: {words.check_words(check)}")
    out(_("VERDICT: {verdict}").format(verdict=words.headline(verdict)))
    out(words.advice(verdict))
    pairs = words.unconfirmed_fingerprints(verdict)
    for label, value in pairs:
        out(f"  {label}: {value}")
    if pairs:
        key, certificate = verdict.sender_fingerprints
        command = f"custodia senders add {_('NAME')} {key}"
        if certificate:
            command += f" --cert-sha256 {certificate}"
        out(_("Then, once both are confirmed: {command}").format(command=command))


def cmd_senders(args: argparse.Namespace) -> int:
    from exports.senders import (
        FileSenderBook,
        SenderBook,
        SenderError,
        VaultSenderBook,
        make_sender,
    )

    if args.senders_command == "add":
        try:
            sender = make_sender(args.name, args.fingerprint, args.cert_sha256 or "")
        except SenderError:
            err(
                "custodia: "
                + _("a sender needs a name, and a fingerprint is 64 hexadecimal digits.")
            )
            return cli.EXIT_USAGE
    vault = _vault_at(args) if args.vault else None
    try:
        book: SenderBook = VaultSenderBook(vault) if vault is not None else FileSenderBook()
        if args.senders_command == "add":
            book.add(sender)
            out(_("Known sender added: {name}").format(name=sender.name))
            return EXIT_OK
        if args.senders_command == "remove":
            if not book.remove(args.name):
                err("custodia: " + _("no known sender is called {name}.").format(name=args.name))
                return cli.EXIT_PROBLEMS
            out(_("Known sender removed: {name}").format(name=args.name))
            return EXIT_OK
        senders = book.entries()
        if not senders:
            out(_("No known senders yet."))
        for known in senders:
            out(known.name)
            out(
                "  " + _("Ed25519 key: {fingerprint}").format(fingerprint=known.ed25519_fingerprint)
            )
            if known.certificate_sha256:
                out(
                    "  "
                    + _("PDF certificate SHA-256: {fingerprint}").format(
                        fingerprint=known.certificate_sha256
                    )
                )
        return EXIT_OK
    except SenderError:
        err("custodia: " + _("the list of known senders cannot be read."))
        return cli.EXIT_USAGE
    finally:
        if vault is not None:
            vault.lock()


def register(commands: SubParsers, vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    export = commands.add_parser("export", help=_("write a signed chain-of-custody bundle"))
    export.add_argument("path", metavar="PATH", help=_("the vault folder"))
    export.add_argument("--case", required=True, metavar="REF")
    export.add_argument("--to", required=True, metavar="OUT", help=_("new folder or .zip to write"))
    export.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        help=_(
            "court (full identity) or pseudonymised; default: court for court, prosecutor, "
            "police and your own organisation, pseudonymised for anyone else"
        ),
    )
    export.add_argument("--recipient", metavar="TEXT", help=_("who receives it, in words"))
    export.add_argument(
        "--to-recipient",
        metavar="NAME",
        help=_("an address-book entry: its kind, and its age key (encrypted .zip.age)"),
    )
    export.add_argument(
        "--age-recipient",
        action="append",
        metavar="AGE1…",
        help=_("encrypt the bundle to this age public key; repeatable"),
    )
    export.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help=_("encrypt the bundle with the passphrase on the first line of FILE"),
    )
    export.add_argument(
        "--plaintext",
        action="store_true",
        help=_("with --to-recipient: write an unencrypted bundle even if they have a key"),
    )
    export.add_argument(
        "--recipient-kind",
        choices=[k.value for k in RecipientKind],
        help=_("consent category of the recipient (required unless --to-recipient)"),
    )
    export.add_argument(
        "--review",
        action="store_true",
        help=_(
            "print every text a pseudonymised export would carry, with its redactions and the "
            "tokens still to check, then stop"
        ),
    )
    export.add_argument(
        "--reviewed",
        nargs="?",
        const="",
        metavar="DIGEST",
        help=_(
            "confirm that you reviewed the redacted texts (required for a pseudonymised "
            "export); with the digest --review printed, refused if the texts changed since"
        ),
    )
    export.add_argument(
        "--court-order",
        metavar="REF",
        help=_(
            "a court order's reference that overrides missing consent (recorded in the audit log)"
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

    verify = commands.add_parser(
        "verify",
        help=_("check a bundle folder or ZIP (no vault needed)"),
        description=_(
            "Exit codes: 0 intact and from a confirmed sender; 3 intact but the sender is not "
            "confirmed; 1 not intact; 2 not a readable bundle."
        ),
    )
    verify.add_argument("bundle", metavar="BUNDLE")
    verify.add_argument("--problems-only", action="store_true", help=_("list only failed checks"))
    verify.add_argument(
        "--expect-key",
        action="append",
        metavar="FPR",
        help=_(
            "the fingerprint the sender gave you by another channel (Ed25519 key or PDF "
            "certificate SHA-256); repeatable"
        ),
    )
    verify.add_argument(
        "--trust-root",
        action="append",
        metavar="PEM",
        help=_("a certificate authority whose PDF certificates identify a sender; repeatable"),
    )
    verify.add_argument(
        "--vault", metavar="PATH", help=_("use the known senders kept in this vault")
    )
    add_decryption_arguments(
        verify,
        identity=_("an age identity file for a .age bundle (default: the --vault's receiving key)"),
        passphrase=_("a file whose first line is the .age bundle's passphrase"),
    )
    cli.add_unlock_arguments(verify)
    verify.add_argument(
        "--tsa-root",
        action="append",
        default=[],
        metavar="PEM",
        help=_("a timestamp authority's CA certificate you trust (repeatable)"),
    )
    verify.set_defaults(handler=cmd_verify)

    senders = commands.add_parser(
        "senders", help=_("known senders: whose bundles you confirmed by another channel")
    )
    senders.add_argument(
        "--vault",
        metavar="PATH",
        help=_("keep them in this vault (default: your own settings folder)"),
    )
    cli.add_unlock_arguments(senders)
    sender_commands = senders.add_subparsers(dest="senders_command", required=True)
    add = sender_commands.add_parser(
        "add", help=_("add a sender after confirming their fingerprint by phone or in person")
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("fingerprint", metavar="FPR", help=_("their Ed25519 key fingerprint"))
    add.add_argument(
        "--cert-sha256", metavar="X", help=_("the SHA-256 of the certificate their reports carry")
    )
    sender_commands.add_parser("list", help=_("list known senders"))
    remove = sender_commands.add_parser("remove", help=_("remove a known sender"))
    remove.add_argument("name", metavar="NAME")
    senders.set_defaults(handler=cmd_senders)
