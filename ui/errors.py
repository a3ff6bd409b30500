"""The one place where errors become sentences a user reads.

Every :class:`~vault.errors.CustodiaError` carries a stable ``code``; this module maps each code
to a translated sentence. A code it does not know falls back to its family (the part before the
dot) and then to a generic sentence. Nothing here ever shows an exception's message or a
traceback: those may carry user content or internals, and they go to the log as the
exception's type only.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from vault.errors import CustodiaError

log = logging.getLogger(__name__)

CONTEXT = "Errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which recognises this name) and returns it unchanged."""
    return text


# Source strings are marked with QT_TRANSLATE_NOOP so that lupdate collects them; they are
# translated when shown, so a language switch takes effect at once.
_MESSAGES: dict[str, str] = {
    # vault
    "vault.error": QT_TRANSLATE_NOOP("Errors", "The vault could not complete the operation."),
    "vault.not_found": QT_TRANSLATE_NOOP("Errors", "No vault was found at this location."),
    "vault.exists": QT_TRANSLATE_NOOP(
        "Errors", "A vault already exists at this location. Choose an empty folder."
    ),
    "vault.in_use": QT_TRANSLATE_NOOP(
        "Errors", "The vault is already open in another Custodia window or program."
    ),
    "vault.locked": QT_TRANSLATE_NOOP("Errors", "The vault is locked. Unlock it to continue."),
    "vault.unlock_failed": QT_TRANSLATE_NOOP("Errors", "The vault could not be unlocked."),
    "vault.wrong_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "Wrong passphrase. Check the keyboard layout and Caps Lock, then try again."
    ),
    "vault.wrong_recovery_key": QT_TRANSLATE_NOOP(
        "Errors", "This recovery key does not open this vault."
    ),
    "vault.malformed_recovery_key": QT_TRANSLATE_NOOP(
        "Errors", "That is not a recovery key: it has 32 letters and digits in groups of four."
    ),
    "vault.unknown_user": QT_TRANSLATE_NOOP("Errors", "This vault has no user of that name."),
    "vault.user_exists": QT_TRANSLATE_NOOP("Errors", "This vault already has a user of that name."),
    "vault.kdf_refused": QT_TRANSLATE_NOOP(
        "Errors", "This vault asks for unsafe key settings and was not opened."
    ),
    "vault.weak_passphrase": QT_TRANSLATE_NOOP(
        "Errors", "The passphrase is too short: use at least 8 characters."
    ),
    "vault.keyring_unavailable": QT_TRANSLATE_NOOP(
        "Errors", "No secure system keyring is available on this computer."
    ),
    "vault.keyring_secret_missing": QT_TRANSLATE_NOOP(
        "Errors", "The system keyring no longer holds this vault's secret. Use your passphrase."
    ),
    "vault.header_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The vault's header file is damaged. Restore the vault from a backup."
    ),
    "vault.header_tampered": QT_TRANSLATE_NOOP(
        "Errors", "The vault's header was damaged or tampered with. Restore it from a backup."
    ),
    "vault.unsupported_format": QT_TRANSLATE_NOOP(
        "Errors", "This vault was made by a newer version of Custodia. Update Custodia."
    ),
    "vault.database_damaged": QT_TRANSLATE_NOOP(
        "Errors", "The vault database is damaged or belongs to another vault."
    ),
    "vault.sqlcipher_unsafe": QT_TRANSLATE_NOOP(
        "Errors", "This installation's encryption library is not safe to use. Reinstall Custodia."
    ),
    "vault.rollback": QT_TRANSLATE_NOOP(
        "Errors",
        "The vault is older than its last signed checkpoint: it may have been replaced. "
        "It was not opened.",
    ),
    "vault.audit_broken": QT_TRANSLATE_NOOP(
        "Errors", "The audit log does not verify: an entry was altered or removed."
    ),
    "vault.migration_failed": QT_TRANSLATE_NOOP(
        "Errors", "The vault could not be upgraded to this version of Custodia."
    ),
    "vault.blob_error": QT_TRANSLATE_NOOP("Errors", "An evidence file could not be read."),
    "vault.blob_tampered": QT_TRANSLATE_NOOP(
        "Errors", "An encrypted evidence file is damaged or was tampered with."
    ),
    "vault.blob_missing": QT_TRANSLATE_NOOP(
        "Errors", "An encrypted evidence file is missing from the vault."
    ),
    "vault.source_unreadable": QT_TRANSLATE_NOOP("Errors", "The file to add could not be read."),
    "vault.source_changed": QT_TRANSLATE_NOOP(
        "Errors", "The file changed while it was being added; nothing was stored."
    ),
    "vault.cancelled": QT_TRANSLATE_NOOP("Errors", "Cancelled; nothing was stored."),
    "vault.disk_full": QT_TRANSLATE_NOOP("Errors", "The disk is full; nothing was stored."),
    "vault.read_only": QT_TRANSLATE_NOOP("Errors", "The vault is on a read-only disk."),
    # intake
    "intake.error": QT_TRANSLATE_NOOP("Errors", "The case data could not be changed or read."),
    "intake.not_found": QT_TRANSLATE_NOOP("Errors", "This record no longer exists."),
    "intake.case_not_found": QT_TRANSLATE_NOOP("Errors", "No case with this reference exists."),
    "intake.person_not_found": QT_TRANSLATE_NOOP("Errors", "This person no longer exists."),
    "intake.interview_not_found": QT_TRANSLATE_NOOP("Errors", "This interview no longer exists."),
    "intake.statement_not_found": QT_TRANSLATE_NOOP("Errors", "This statement no longer exists."),
    "intake.evidence_not_found": QT_TRANSLATE_NOOP(
        "Errors", "This evidence item no longer exists."
    ),
    "intake.entity_not_found": QT_TRANSLATE_NOOP("Errors", "This entity no longer exists."),
    "intake.indicator_not_found": QT_TRANSLATE_NOOP(
        "Errors", "The indicator catalogue has no such indicator."
    ),
    "intake.invalid": QT_TRANSLATE_NOOP("Errors", "A required value is missing or not valid."),
    "intake.duplicate_reference": QT_TRANSLATE_NOOP(
        "Errors", "Another case already uses this reference."
    ),
    "intake.invalid_reference": QT_TRANSLATE_NOOP(
        "Errors",
        "A case reference may use letters, digits, - _ . and /, at most 64 characters.",
    ),
    "intake.guardian_required": QT_TRANSLATE_NOOP(
        "Errors", "A minor must have a guardian recorded."
    ),
    "intake.invalid_entity": QT_TRANSLATE_NOOP(
        "Errors", "This value is not valid for the chosen kind of entity."
    ),
    "intake.reason_required": QT_TRANSLATE_NOOP("Errors", "Please give a reason for this action."),
    "intake.case_closed": QT_TRANSLATE_NOOP(
        "Errors", "The case is closed; reopen it before adding to it."
    ),
    "intake.statement_finalised": QT_TRANSLATE_NOOP(
        "Errors", "The statement is finalised and cannot be changed; add an addendum instead."
    ),
    "intake.statement_not_finalised": QT_TRANSLATE_NOOP(
        "Errors", "Addenda can only be added to a finalised statement."
    ),
    "intake.immutable": QT_TRANSLATE_NOOP(
        "Errors", "This record is part of the permanent record and cannot be changed."
    ),
    "intake.consent_refused": QT_TRANSLATE_NOOP(
        "Errors", "The recorded consent does not allow sharing with this recipient."
    ),
    "intake.legal_hold": QT_TRANSLATE_NOOP(
        "Errors", "The case is under legal hold; nothing in it can be erased."
    ),
    "intake.evidence_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "The evidence file no longer matches its recorded fingerprint (hash)."
    ),
    "intake.catalogue_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The trafficking-indicator catalogue is missing or damaged."
    ),
    # exports
    "export.error": QT_TRANSLATE_NOOP("Errors", "The export could not be completed."),
    "export.consent_refused": QT_TRANSLATE_NOOP(
        "Errors", "Refused: the recorded consent does not cover this export."
    ),
    "export.profile_not_allowed": QT_TRANSLATE_NOOP(
        "Errors", "Refused: this redaction profile may not be used for this recipient."
    ),
    "export.invalid_scope": QT_TRANSLATE_NOOP("Errors", "The export scope is not valid."),
    "export.nothing_to_export": QT_TRANSLATE_NOOP(
        "Errors", "There is nothing to export in this scope."
    ),
    "export.destination_exists": QT_TRANSLATE_NOOP(
        "Errors", "The destination already exists; choose a new name."
    ),
    "export.destination_unusable": QT_TRANSLATE_NOOP(
        "Errors", "The destination folder cannot be written to."
    ),
    "export.evidence_mismatch": QT_TRANSLATE_NOOP(
        "Errors", "An evidence file no longer matches its recorded hash; nothing was exported."
    ),
    "export.cancelled": QT_TRANSLATE_NOOP(
        "Errors", "The export was cancelled; nothing was written."
    ),
    "export.storage": QT_TRANSLATE_NOOP(
        "Errors", "The bundle could not be written (disk full or not writable); nothing was kept."
    ),
    "export.signing_failed": QT_TRANSLATE_NOOP("Errors", "The report could not be signed."),
    "export.certificate_invalid": QT_TRANSLATE_NOOP(
        "Errors", "The organisation's certificate could not be used."
    ),
    "export.report_failed": QT_TRANSLATE_NOOP("Errors", "The report could not be produced."),
    "verify.error": QT_TRANSLATE_NOOP("Errors", "The bundle could not be verified."),
    "verify.unreadable": QT_TRANSLATE_NOOP(
        "Errors", "The bundle cannot be read: it is not a folder or ZIP file Custodia can open."
    ),
    "verify.unsafe_archive": QT_TRANSLATE_NOOP("Errors", "The ZIP file was refused as unsafe."),
    # backups
    "backup.error": QT_TRANSLATE_NOOP("Errors", "The backup could not be made or read."),
    "backup.not_found": QT_TRANSLATE_NOOP("Errors", "No Custodia backup was found in this folder."),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "Errors", "The backup is damaged or was tampered with; it was not restored."
    ),
    "backup.restore_target_exists": QT_TRANSLATE_NOOP(
        "Errors",
        "The restore destination already holds a vault or other files; choose a new folder.",
    ),
    "custodia.error": QT_TRANSLATE_NOOP("Errors", "Custodia could not complete the operation."),
}

GENERIC = QT_TRANSLATE_NOOP(
    "Errors",
    "Something went wrong and the action was not completed. Your data is safe; "
    "please try again, and tell your administrator if it happens again.",
)


def _translate(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


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


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Log the error's type (never its text) and show its sentence in a message box."""
    log.warning("error shown to user: %s", getattr(exc, "code", type(exc).__name__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate(CONTEXT, "Custodia"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(user_message(exc))
    box.setAccessibleName(QCoreApplication.translate(CONTEXT, "Error message"))
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate(CONTEXT, "OK"))
    box.open()


ShowHook = Callable[[BaseException], None]


def install_excepthook(show: ShowHook | None = None) -> None:
    """Route uncaught exceptions to the log (type only) and a generic message, never stderr."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("uncaught exception: %s", exc_type.__name__)
        if show is not None:
            show(exc)
        elif QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
