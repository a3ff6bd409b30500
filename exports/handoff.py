"""Sending bundles to someone in the address book, encrypted when they have a key (DESIGN §7).

:func:`export_to` is the export wizard's and ``export --to-recipient``'s path: the recipient's
kind comes from the address book, and the bundle is an age file for their key unless the person
asks for a plaintext bundle (courts that require one). :func:`transfer` moves one item or a whole
case to another team member's vault: an encrypted bundle to their receiving key, with a
"transferred" custody event on this side; their import records "received".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from exports.address_book import AddressBook, AddressBookError, AddressEntry
from exports.encryption import AgeSink, NoRecipientKeyError, sealed_name
from exports.from_intake import ExportOptions, export_case
from exports.model import ExportResult, Profile, Progress, RecipientKind
from intake import models as im
from intake.service import Intake, open_intake
from vault import Vault

log = logging.getLogger(__name__)

TRANSFER_PURPOSE = "transfer between team members"


@dataclass(frozen=True)
class SentBundle:
    result: ExportResult
    paths: tuple[Path, ...]
    encrypted: bool


def options_for(entry: AddressEntry, options: ExportOptions) -> ExportOptions:
    """``options`` with the entry's kind and name: the kind is never guessed (§7)."""
    if entry.kind is None:
        raise AddressBookError("the entry has no recipient kind")
    return replace(options, recipient=entry.kind, recipient_name=entry.name)


def export_sealed(
    vault: Vault | Intake,
    options: ExportOptions,
    dest: Path | str,
    *,
    age_recipients: Sequence[str] = (),
    passphrase: str | None = None,
    organisation: str = "",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> SentBundle:
    """The bundle as ``DEST.zip.age`` for these age keys and/or a passphrase."""
    if not age_recipients and not passphrase:
        raise NoRecipientKeyError()
    target = sealed_name(dest)
    sink = AgeSink(target, age_recipients, passphrase)
    try:
        result = export_case(
            vault,
            options,
            target,
            as_zip=True,
            organisation=organisation,
            progress=progress,
            cancel=cancel,
            zip_stream=sink,
        )
    except BaseException:
        sink.abort()
        raise
    return SentBundle(result, tuple(sink.paths), True)


def export_to(
    vault: Vault | Intake,
    name: str,
    options: ExportOptions,
    dest: Path | str,
    *,
    plaintext: bool = False,
    passphrase: str | None = None,
    organisation: str = "",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> SentBundle:
    """Export for the address-book entry ``name``: encrypted to its key unless ``plaintext``."""
    intake = open_intake(vault)
    entry = AddressBook(intake.vault).get(name)
    options = options_for(entry, options)
    keys = [entry.age_recipient] if entry.age_recipient else []
    if not plaintext and (keys or passphrase):
        return export_sealed(
            intake,
            options,
            dest,
            age_recipients=keys,
            passphrase=passphrase,
            organisation=organisation,
            progress=progress,
            cancel=cancel,
        )
    if not plaintext:
        raise NoRecipientKeyError()
    result = export_case(
        intake,
        options,
        Path(dest),
        as_zip=str(dest).endswith(".zip"),
        organisation=organisation,
        progress=progress,
        cancel=cancel,
    )
    log.warning("plaintext bundle %s written on request", result.bundle_id)
    return SentBundle(result, (Path(result.path),), False)


def transfer(
    vault: Vault | Intake,
    member: str,
    case_reference: str,
    dest: Path | str,
    *,
    evidence_numbers: Sequence[str] = (),
    language: str = "en",
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> SentBundle:
    """Send a case (or some of its items) to a team member's vault, encrypted to their key."""
    intake = open_intake(vault)
    entry = AddressBook(intake.vault).get(member)
    if not entry.age_recipient:
        raise NoRecipientKeyError()
    kind = entry.kind or RecipientKind.NGO_INTERNAL
    options = ExportOptions(
        case_reference,
        kind,
        profile=Profile.COURT,  # a colleague receives the case as it is, within consent
        recipient_name=entry.name,
        purpose=TRANSFER_PURPOSE,
        evidence_numbers=frozenset(evidence_numbers) or None,
        # An item transfer carries the item and the person it came from, not the case's
        # statements: a colleague asking for one item gets one item.
        statement_ids=frozenset() if evidence_numbers else None,
        language=language,
    )
    sent = export_sealed(
        intake,
        options,
        dest,
        age_recipients=[entry.age_recipient],
        progress=progress,
        cancel=cancel,
    )
    exported = set(sent.result.evidence_numbers)
    case = intake.cases.by_reference(case_reference)
    for item in intake.evidence.list_for_case(case.case_id):
        if item.label in exported:
            intake.custody.record(
                item.evidence_id,
                im.CustodyEventType.TRANSFERRED,
                from_party=intake.vault.actor,
                to_party=entry.name,
                purpose=TRANSFER_PURPOSE,
                method=f"Custodia bundle {sent.result.bundle_id} (age-encrypted ZIP)",
                hash_observed=item.sha256.lower(),
            )
    log.info("bundle %s transferred", sent.result.bundle_id)
    return sent


__all__ = ["SentBundle", "export_sealed", "export_to", "options_for", "transfer"]
