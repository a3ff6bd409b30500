"""The one table from error code to the sentence a person reads, for the app and the command line.

Every :class:`~vault.errors.CustodiaError` carries a stable ``code``; this module maps each code
to a sentence, translated through the one catalogue of the chosen language (resources.i18n). A
code it does not know falls back to its family (the part before the dot) and then to a generic
sentence. Nothing here ever shows an exception's message or a traceback: those may carry user
content or internals, and they go to the log as the exception's type only.

Qt-free, so that ``ui/cli.py`` uses the very same sentences as the desktop app.
"""

from __future__ import annotations

from resources import i18n
from resources.i18n import NC_
from vault.errors import CustodiaError

CONTEXT = "Errors"


# Source strings are marked with NC_ so that scripts/i18n.py collects them; they are translated
# when shown, so a language switch takes effect at once.
_MESSAGES: dict[str, str] = {
    # vault
    "vault.error": NC_("Errors", "The vault could not complete the operation."),
    "vault.not_found": NC_("Errors", "No vault was found at this location."),
    "vault.exists": NC_(
        "Errors", "A vault already exists at this location. Choose an empty folder."
    ),
    "vault.in_use": NC_(
        "Errors", "The vault is already open in another Custodia window or program."
    ),
    "vault.locked": NC_("Errors", "The vault is locked. Unlock it to continue."),
    "vault.unlock_failed": NC_("Errors", "The vault could not be unlocked."),
    "vault.wrong_passphrase": NC_(
        "Errors", "Wrong passphrase. Check the keyboard layout and Caps Lock, then try again."
    ),
    "vault.wrong_recovery_key": NC_("Errors", "This recovery key does not open this vault."),
    "vault.permission_denied": NC_(
        "Errors",
        "Your role in this vault does not allow this. Ask an administrator of the vault.",
    ),
    "vault.unknown_role": NC_("Errors", "Unknown role: use administrator, caseworker or viewer."),
    "vault.last_administrator": NC_(
        "Errors", "The vault must keep at least one administrator: appoint another one first."
    ),
    "vault.user_not_registered": NC_(
        "Errors",
        "This user is not in the vault's signed list of users; the vault header may have been"
        " edited. Ask an administrator to run a vault check.",
    ),
    "vault.rollback_at_anchor": NC_(
        "Errors",
        "Rollback: this vault is older than, or differs from, a signed checkpoint kept outside"
        " it (a backup or a bundle). It may have been replaced by an old copy. Nothing was"
        " written.",
    ),
    "vault.malformed_recovery_key": NC_(
        "Errors", "That is not a recovery key: it has 32 letters and digits in groups of four."
    ),
    "vault.malformed_fingerprint": NC_(
        "Errors",
        "That fingerprint is incomplete or mistyped: give the full 64-hex-digit SHA-256"
        " fingerprint (spaces and colons between the digits are fine).",
    ),
    "vault.unknown_user": NC_("Errors", "This vault has no user of that name."),
    "vault.user_exists": NC_("Errors", "This vault already has a user of that name."),
    "vault.kdf_refused": NC_(
        "Errors", "This vault asks for unsafe key settings and was not opened."
    ),
    "vault.weak_passphrase": NC_(
        "Errors", "The passphrase is too short: use at least 8 characters."
    ),
    "vault.keyring_unavailable": NC_(
        "Errors", "No secure system keyring is available on this computer."
    ),
    "vault.keyring_secret_missing": NC_(
        "Errors", "The system keyring no longer holds this vault's secret. Use your passphrase."
    ),
    "vault.header_damaged": NC_(
        "Errors", "The vault's header file is damaged. Restore the vault from a backup."
    ),
    "vault.header_tampered": NC_(
        "Errors", "The vault's header was damaged or tampered with. Restore it from a backup."
    ),
    "vault.unsupported_format": NC_(
        "Errors", "This vault was made by a newer version of Custodia. Update Custodia."
    ),
    "vault.database_damaged": NC_(
        "Errors", "The vault database is damaged or belongs to another vault."
    ),
    "vault.sqlcipher_unsafe": NC_(
        "Errors", "This installation's encryption library is not safe to use. Reinstall Custodia."
    ),
    "vault.rollback": NC_(
        "Errors",
        "The vault is older than its last signed checkpoint: it may have been replaced. "
        "It was not opened.",
    ),
    "vault.audit_broken": NC_(
        "Errors", "The audit log does not verify: an entry was altered or removed."
    ),
    "vault.migration_failed": NC_(
        "Errors", "The vault could not be upgraded to this version of Custodia."
    ),
    "vault.blob_error": NC_("Errors", "An evidence file could not be read."),
    "vault.blob_tampered": NC_(
        "Errors", "An encrypted evidence file is damaged or was tampered with."
    ),
    "vault.blob_missing": NC_("Errors", "An encrypted evidence file is missing from the vault."),
    "vault.source_unreadable": NC_("Errors", "The file to add could not be read."),
    "vault.source_changed": NC_(
        "Errors", "The file changed while it was being added; nothing was stored."
    ),
    "vault.cancelled": NC_("Errors", "Cancelled; nothing was stored."),
    "vault.disk_full": NC_("Errors", "The disk is full; nothing was stored."),
    "vault.read_only": NC_("Errors", "The vault is on a read-only disk."),
    # intake
    "intake.error": NC_("Errors", "The case data could not be changed or read."),
    "intake.not_found": NC_("Errors", "This record no longer exists."),
    "intake.case_not_found": NC_("Errors", "No case with this reference exists."),
    "intake.person_not_found": NC_("Errors", "This person no longer exists."),
    "intake.interview_not_found": NC_("Errors", "This interview no longer exists."),
    "intake.statement_not_found": NC_("Errors", "This statement no longer exists."),
    "intake.evidence_not_found": NC_("Errors", "This evidence item no longer exists."),
    "intake.entity_not_found": NC_("Errors", "This entity no longer exists."),
    "intake.indicator_not_found": NC_("Errors", "The indicator catalogue has no such indicator."),
    "intake.invalid": NC_("Errors", "A required value is missing or not valid."),
    "intake.duplicate_reference": NC_("Errors", "Another case already uses this reference."),
    "intake.invalid_reference": NC_(
        "Errors",
        "A case reference may use letters, digits, - _ . and /, at most 64 characters.",
    ),
    "intake.guardian_required": NC_("Errors", "A minor must have a guardian recorded."),
    "intake.invalid_entity": NC_(
        "Errors", "This value is not valid for the chosen kind of entity."
    ),
    "intake.reason_required": NC_("Errors", "Please give a reason for this action."),
    "intake.capture_failed": NC_(
        "Errors",
        "The web page could not be fetched. Check the address and the connection, then try again.",
    ),
    "intake.capture_url": NC_(
        "Errors",
        "This is not a web address that can be captured: it must start with http or https.",
    ),
    "intake.archive_unreadable": NC_(
        "Errors", "This file is not a web archive (WARC or WACZ) that can be read."
    ),
    "intake.screening_value": NC_(
        "Errors", "This is not a phone number, handle, e-mail, company or web address."
    ),
    "intake.case_closed": NC_("Errors", "The case is closed; reopen it before adding to it."),
    "intake.statement_finalised": NC_(
        "Errors", "The statement is finalised and cannot be changed; add an addendum instead."
    ),
    "intake.statement_not_finalised": NC_(
        "Errors", "Addenda can only be added to a finalised statement."
    ),
    "intake.immutable": NC_(
        "Errors", "This record is part of the permanent record and cannot be changed."
    ),
    "intake.consent_refused": NC_(
        "Errors", "The recorded consent does not allow sharing with this recipient."
    ),
    "intake.legal_hold": NC_(
        "Errors", "The case is under legal hold; nothing in it can be erased."
    ),
    "intake.retention_not_due": NC_(
        "Errors",
        "The case's retention date has not passed yet. To erase it earlier, an administrator"
        " first changes its retention date.",
    ),
    "intake.referral_not_found": NC_("Errors", "This referral no longer exists."),
    "intake.invalid_referral": NC_(
        "Errors", "A referral needs a recipient from the address book, a day and a known status."
    ),
    "intake.task_not_found": NC_("Errors", "This task no longer exists."),
    "intake.invalid_task": NC_("Errors", "A task needs a kind and a day."),
    "intake.evidence_mismatch": NC_(
        "Errors", "The evidence file no longer matches its recorded fingerprint (hash)."
    ),
    "intake.catalogue_invalid": NC_(
        "Errors", "The trafficking-indicator catalogue is missing or damaged."
    ),
    "intake.chat_unreadable": NC_(
        "Errors",
        "This is not a Telegram or WhatsApp export Custodia can read, or it is damaged.",
    ),
    "intake.chat_too_large": NC_(
        "Errors", "The chat export is larger than Custodia reads (or holds too many messages)."
    ),
    "intake.chat_unsafe_media": NC_(
        "Errors",
        "The chat export names a file outside its own folder (or a link); it was not read.",
    ),
    "intake.message_not_found": NC_("Errors", "No such chat message in this vault."),
    # exports
    "export.error": NC_("Errors", "The export could not be completed."),
    "export.consent_refused": NC_(
        "Errors", "Refused: the recorded consent does not cover this export."
    ),
    "export.profile_not_allowed": NC_(
        "Errors", "Refused: this redaction profile may not be used for this recipient."
    ),
    "export.recipient_kind_missing": NC_(
        "Errors",
        "Refused: choose who receives the bundle (the recipient kind); there is no default.",
    ),
    "export.review_required": NC_(
        "Errors",
        "Refused: a partner export leaves only after you have reviewed its redacted texts and"
        " confirmed them.",
    ),
    "export.review_outdated": NC_(
        "Errors", "Refused: the texts changed since you reviewed them; review them again."
    ),
    "export.invalid_scope": NC_("Errors", "The export scope is not valid."),
    "export.nothing_to_export": NC_("Errors", "There is nothing to export in this scope."),
    "export.destination_exists": NC_(
        "Errors", "The destination already exists; choose a new name."
    ),
    "export.destination_unusable": NC_("Errors", "The destination folder cannot be written to."),
    "export.evidence_mismatch": NC_(
        "Errors", "An evidence file no longer matches its recorded hash; nothing was exported."
    ),
    "export.cancelled": NC_("Errors", "The export was cancelled; nothing was written."),
    "export.storage": NC_(
        "Errors", "The bundle could not be written (disk full or not writable); nothing was kept."
    ),
    "export.signing_failed": NC_("Errors", "The report could not be signed."),
    "export.timestamp_unavailable": NC_(
        "Errors", "The timestamp authority did not answer; the request waits in the vault."
    ),
    "export.certificate_invalid": NC_(
        "Errors", "The organisation's certificate could not be used."
    ),
    "export.report_failed": NC_("Errors", "The report could not be produced."),
    "export.address_invalid": NC_(
        "Errors",
        "This address-book entry is not valid: check the name, the kind, the age key"
        " (age1…) and the fingerprints.",
    ),
    "export.recipient_not_found": NC_("Errors", "There is no such entry in the address book."),
    "export.encryption_failed": NC_("Errors", "The bundle could not be encrypted."),
    "export.no_recipient_key": NC_(
        "Errors",
        "This recipient has no age key: add their key to the address book, give a passphrase,"
        " or choose a plaintext bundle.",
    ),
    "export.too_large_for_memory": NC_(
        "Errors",
        "This bundle is too large to be handled in memory on this computer; use a receiving key"
        " instead of a passphrase, or a computer with more memory.",
    ),
    "verify.decryption_failed": NC_(
        "Errors",
        "The encrypted bundle could not be opened with this key or passphrase.",
    ),
    "import.not_intact": NC_("Errors", "Refused: the bundle is not intact. Nothing was imported."),
    "import.sender_not_confirmed": NC_(
        "Errors",
        "The bundle is intact, but its sender is not confirmed. Confirm the sender's"
        " fingerprints by phone or in person first; nothing was imported.",
    ),
    "import.mismatch": NC_(
        "Errors", "Refused: a file of the bundle does not match its recorded hash."
    ),
    "verify.error": NC_("Errors", "The bundle could not be verified."),
    "verify.unreadable": NC_(
        "Errors", "The bundle cannot be read: it is not a folder or ZIP file Custodia can open."
    ),
    "verify.unsafe_archive": NC_("Errors", "The ZIP file was refused as unsafe."),
    # backups
    "backup.error": NC_("Errors", "The backup could not be made or read."),
    "backup.not_found": NC_("Errors", "No Custodia backup was found in this folder."),
    "backup.damaged": NC_(
        "Errors", "The backup is damaged or was tampered with; it was not restored."
    ),
    "backup.restore_target_exists": NC_(
        "Errors",
        "The restore destination already holds a vault or other files; choose a new folder.",
    ),
    # command line
    "cli.usage": NC_("Errors", "The command could not be run as given."),
    "cli.no_terminal": NC_(
        "Errors", "There is no terminal to ask for the passphrase; use --passphrase-stdin."
    ),
    "cli.passphrase_mismatch": NC_("Errors", "The two passphrases do not match."),
    "cli.stdin_exhausted": NC_("Errors", "Standard input ended before every passphrase was read."),
    "cli.several_users": NC_("Errors", "This vault has several users: name one with --user."),
    "cli.backup_arguments": NC_(
        "Errors",
        "Give the vault folder and the backup folder, or only --check and the backup folder.",
    ),
    "custodia.error": NC_("Errors", "Custodia could not complete the operation."),
}

GENERIC = NC_(
    "Errors",
    "Something went wrong and the action was not completed. Your data is safe; "
    "please try again, and tell your administrator if it happens again.",
)


def _translate(source: str) -> str:
    return i18n.pgettext(CONTEXT, source)


def known_codes() -> frozenset[str]:
    return frozenset(_MESSAGES)


def message_for_code(code: str) -> str:
    """The translated sentence for ``code``, its family's, or the generic one."""
    if code in _MESSAGES:
        return _translate(_MESSAGES[code])
    family = code.split(".", 1)[0] + ".error"
    if family in _MESSAGES:
        return _translate(_MESSAGES[family])
    return _translate(GENERIC)


def user_message(exc: BaseException) -> str:
    """One translated sentence for any exception; never the exception's own text."""
    if isinstance(exc, CustodiaError):
        # Walk the class hierarchy so that a new subclass still gets its family's sentence.
        for cls in type(exc).__mro__:
            code = getattr(cls, "code", None)
            if isinstance(code, str) and code in _MESSAGES:
                return _translate(_MESSAGES[code])
        return message_for_code(exc.code)
    return _translate(GENERIC)
