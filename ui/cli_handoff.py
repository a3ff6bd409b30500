"""Hand-off commands (DESIGN §7): the address book, the vault's receiving key, import, transfer.

``custodia recipients add | list | remove``, ``custodia vault receiving-key PATH``,
``custodia import PATH BUNDLE`` and ``custodia transfer PATH``. Registered by
:func:`ui.cli.build_parser` through :func:`register`. Never imports Qt.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from exports.model import RecipientKind
from resources.i18n import _, ngettext
from ui import cli
from ui.cli_exports import add_decryption_arguments, read_passphrase_file
from ui.terminal import err, out
from vault import Vault

log = logging.getLogger(__name__)

EXIT_OK = 0
SubParsers = argparse._SubParsersAction  # argparse exposes no public name for it


# recipients -------------------------------------------------------------------------------------


def run_recipients(args: argparse.Namespace, vault: Vault) -> int:
    from exports.address_book import AddressBook, make_entry

    book = AddressBook(vault)
    if args.recipients_command == "add":
        entry = make_entry(
            args.name,
            args.kind,
            age_recipient=args.age_key or "",
            ed25519_fingerprint=args.fingerprint or "",
            certificate_sha256=args.cert_sha256 or "",
            notes=args.notes or "",
        )
        book.put(entry)
        out(_("Saved in the address book: {name}").format(name=entry.name))
        if not entry.age_recipient:
            out(_("  No age key: bundles for this recipient can only be plaintext."))
        return EXIT_OK
    if args.recipients_command == "remove":
        if not book.remove(args.name):
            err(
                "custodia: " + _("no such entry in the address book: {name}").format(name=args.name)
            )
            return cli.EXIT_PROBLEMS
        out(_("Removed from the address book: {name}").format(name=args.name))
        return EXIT_OK
    entries = book.entries()
    if not entries:
        out(_("The address book is empty."))
        return EXIT_OK
    for entry in entries:
        kind = entry.kind.value if entry.kind else _("(no kind)")
        out(f"{entry.name}  [{kind}]")
        if entry.age_recipient:
            out("  " + _("age key: {key}").format(key=entry.age_recipient))
        if entry.ed25519_fingerprint:
            out("  " + _("Ed25519 fingerprint: {fpr}").format(fpr=entry.ed25519_fingerprint))
        if entry.certificate_sha256:
            out("  " + _("certificate SHA-256: {fpr}").format(fpr=entry.certificate_sha256))
        if entry.notes:
            out("  " + _("notes: {notes}").format(notes=entry.notes))
    return EXIT_OK


def cmd_recipients(args: argparse.Namespace) -> int:
    return cli.with_vault(args, run_recipients)


# vault receiving-key ----------------------------------------------------------------------------


def run_receiving_key(args: argparse.Namespace, vault: Vault) -> int:
    from exports.address_book import receiving_key

    out(receiving_key(vault))
    return EXIT_OK


def cmd_receiving_key(args: argparse.Namespace) -> int:
    return cli.with_vault(args, run_receiving_key)


# import -----------------------------------------------------------------------------------------


def run_import(args: argparse.Namespace, vault: Vault) -> int:
    from exports.importer import ImportRefusedError, SenderNotConfirmedError, import_bundle
    from ui.cli_exports import print_verdict

    try:
        outcome = import_bundle(
            vault,
            Path(args.bundle),
            case_reference=args.case or "",
            expect_keys=args.expect_key or (),
            identity_file=args.identity,
            passphrase=read_passphrase_file(args.passphrase_file),
            progress=cli.percent_progress,
        )
    except (ImportRefusedError, SenderNotConfirmedError) as exc:
        cli.end_percent_progress()
        if exc.verdict is not None:
            print_verdict(exc.verdict, all_items=False)
        if isinstance(exc, SenderNotConfirmedError):
            err(
                "custodia: "
                + _(
                    "nothing imported: confirm the sender first (custodia recipients add"
                    " PATH NAME --kind KIND --fingerprint FPR, or --expect-key FPR)."
                )
            )
            return cli.EXIT_UNCONFIRMED
        if exc.verdict is not None and not exc.verdict.readable:
            err("custodia: " + _("nothing imported: the bundle cannot be read."))
            return cli.EXIT_USAGE
        err("custodia: " + _("nothing imported: the bundle is not intact."))
        return cli.EXIT_PROBLEMS
    cli.end_percent_progress()
    if outcome.already:
        out(
            _("Bundle {bundle} was imported before, into case {reference}: nothing added.").format(
                bundle=outcome.bundle_id, reference=outcome.reference
            )
        )
        return EXIT_OK
    out(
        _("Imported into case {reference}, from {sender}.").format(
            reference=outcome.reference, sender=outcome.sender
        )
    )
    out(
        "  "
        + ", ".join(
            [
                ngettext(
                    "{count} evidence file", "{count} evidence files", outcome.evidence
                ).format(count=outcome.evidence),
                ngettext("{count} statement", "{count} statements", outcome.statements).format(
                    count=outcome.statements
                ),
                ngettext("{count} person", "{count} people", outcome.people).format(
                    count=outcome.people
                ),
            ]
        )
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    cli.read_pins(args)
    return cli.with_vault(args, run_import)


# transfer ---------------------------------------------------------------------------------------


def run_transfer(args: argparse.Namespace, vault: Vault) -> int:
    from exports.handoff import transfer
    from resources import i18n

    sent = transfer(
        vault,
        args.member,
        args.case,
        Path(args.to),
        evidence_numbers=args.item or (),
        language=i18n.current().language,
        progress=cli.percent_progress,
    )
    cli.end_percent_progress()
    out(_("Encrypted bundle written: {path}").format(path=sent.paths[0]))
    out(
        "  "
        + _("signer key fingerprint (tell the recipient separately): {fingerprint}").format(
            fingerprint=sent.result.ed25519_fingerprint
        )
    )
    return EXIT_OK


def cmd_transfer(args: argparse.Namespace) -> int:
    return cli.with_vault(args, run_transfer)


def register(commands: SubParsers, vault_commands: SubParsers) -> None:  # type: ignore[type-arg]
    recipients = commands.add_parser(
        "recipients",
        help=_("the address book: who receives bundles from this vault, or sends them"),
    )
    recipient_commands = recipients.add_subparsers(dest="recipients_command", required=True)
    add = recipient_commands.add_parser("add", help=_("add or change an entry"))
    add.add_argument("path", metavar="PATH", help=_("the vault folder"))
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in RecipientKind],
        help=_("the recipient kind, which consent must cover"),
    )
    add.add_argument("--age-key", metavar="AGE1…", help=_("their age public key (age1…)"))
    add.add_argument(
        "--fingerprint",
        metavar="FPR",
        help=_("their Ed25519 key fingerprint, confirmed by phone or in person"),
    )
    add.add_argument(
        "--cert-sha256", metavar="X", help=_("the SHA-256 of the certificate their reports carry")
    )
    add.add_argument("--notes", metavar="TEXT")
    cli.add_unlock_arguments(add)
    listing = recipient_commands.add_parser("list", help=_("list the address book"))
    listing.add_argument("path", metavar="PATH", help=_("the vault folder"))
    cli.add_unlock_arguments(listing)
    remove = recipient_commands.add_parser("remove", help=_("remove an entry"))
    remove.add_argument("path", metavar="PATH", help=_("the vault folder"))
    remove.add_argument("name", metavar="NAME")
    cli.add_unlock_arguments(remove)
    recipients.set_defaults(handler=cmd_recipients)

    key = vault_commands.add_parser(
        "receiving-key", help=_("print this vault's age public key, to give to senders")
    )
    key.add_argument("path", metavar="PATH", help=_("the vault folder"))
    cli.add_unlock_arguments(key)
    key.set_defaults(handler=cmd_receiving_key)

    importing = commands.add_parser(
        "import", help=_("verify a bundle and record what it holds in this vault")
    )
    importing.add_argument("path", metavar="PATH", help=_("the vault folder"))
    importing.add_argument("bundle", metavar="BUNDLE", help=_("a bundle folder, ZIP or .age file"))
    importing.add_argument(
        "--case",
        metavar="REF",
        help=_("the case to record it in (default: the sender's reference)"),
    )
    importing.add_argument(
        "--expect-key",
        action="append",
        metavar="FPR",
        help=_("the fingerprint the sender gave you by another channel; repeatable"),
    )
    add_decryption_arguments(
        importing,
        identity=_("an age identity file (default: this vault's own receiving key)"),
        passphrase=_("a file whose first line is the bundle's passphrase"),
    )
    cli.add_unlock_arguments(importing)
    importing.set_defaults(handler=cmd_import)

    moving = commands.add_parser(
        "transfer", help=_("send a case or some items to a team member's vault, encrypted")
    )
    moving.add_argument("path", metavar="PATH", help=_("the vault folder"))
    moving.add_argument("--case", required=True, metavar="REF")
    moving.add_argument(
        "--to-member", dest="member", required=True, metavar="NAME", help=_("address-book entry")
    )
    moving.add_argument("--to", required=True, metavar="OUT", help=_("the .zip.age file to write"))
    moving.add_argument(
        "--item", action="append", metavar="E-0001", help=_("only this item; repeatable")
    )
    cli.add_unlock_arguments(moving)
    moving.set_defaults(handler=cmd_transfer)
