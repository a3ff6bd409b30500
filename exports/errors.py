"""Error families of the exports layer.

Every error derives from :class:`vault.errors.CustodiaError` and carries a stable ``code``; the
user interfaces turn codes into translated sentences. ``detail`` names ids, evidence numbers,
recipient categories and rule names, never statement text or protected identity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vault.errors import CustodiaError

if TYPE_CHECKING:
    from intake.models import ExportConsentDecision


class ExportError(CustodiaError):
    code = "export.error"
    message = "The bundle could not be exported."


class ConsentRefusedError(ExportError):
    """The consent on record does not cover this export.

    ``decision`` is intake's typed decision (reason codes per person); ``detail`` its summary in
    codes and ids. The interfaces phrase ``decision`` through ``ui.consent_reasons``.
    """

    code = "export.consent_refused"
    message = "Refused: the consent on record does not cover this export."

    def __init__(self, detail: str | None = None, decision: ExportConsentDecision | None = None):
        super().__init__(detail)
        self.decision = decision


class RecipientKindMissingError(ExportError):
    """No recipient kind was chosen: there is no default (DESIGN §7)."""

    code = "export.recipient_kind_missing"
    message = "Refused: say who receives the bundle (the recipient kind); there is no default."


class ReviewRequiredError(ExportError):
    """A pseudonymised export was not reviewed and confirmed (DESIGN §8)."""

    code = "export.review_required"
    message = "Refused: review the redacted texts and confirm them before a partner export."


class ReviewOutdatedError(ReviewRequiredError):
    """The confirmed review is not of what the export would now carry."""

    code = "export.review_outdated"
    message = "Refused: the texts changed since they were reviewed; review them again."


class ProfileNotAllowedError(ExportError):
    code = "export.profile_not_allowed"
    message = "Refused: this redaction profile may not be used for this recipient."


class InvalidScopeError(ExportError):
    code = "export.invalid_scope"
    message = "The export scope is invalid."


class NothingToExportError(ExportError):
    code = "export.nothing_to_export"
    message = "There is nothing to export in this scope."


class DestinationExistsError(ExportError):
    code = "export.destination_exists"
    message = "The destination already exists; choose a new name."


class DestinationUnusableError(ExportError):
    code = "export.destination_unusable"
    message = "The destination folder cannot be written."


class EvidenceMismatchError(ExportError):
    """An original's bytes did not hash to the recorded SHA-256 while being written."""

    code = "export.evidence_mismatch"
    message = (
        "An evidence file does not match its recorded SHA-256; the export was aborted "
        "and nothing was written."
    )


class ExportCancelledError(ExportError):
    code = "export.cancelled"
    message = "The export was cancelled; nothing was written."


class ExportStorageError(ExportError):
    code = "export.storage"
    message = "The bundle could not be written (disk full or not writable); nothing was kept."


class SigningError(ExportError):
    code = "export.signing_failed"
    message = "The report could not be signed."


class CertificateError(ExportError):
    code = "export.certificate_invalid"
    message = "The organisation certificate could not be used."


class ReportError(ExportError):
    code = "export.report_failed"
    message = "The report could not be produced."


class TimestampLostError(ExportError):
    """The timestamp authority did not answer. Never shown: the export goes on without trusted
    time, says so in words, and the request waits in the vault (DESIGN §6.3)."""

    code = "export.timestamp_unavailable"
    message = "The timestamp authority did not answer."


class VerifyError(CustodiaError):
    code = "verify.error"
    message = "The bundle could not be verified."


class BundleUnreadableError(VerifyError):
    """Not a bundle at all (missing, not a folder or ZIP, unreadable): exit code 2."""

    code = "verify.unreadable"
    message = "The bundle cannot be read: it is not a folder or ZIP file Custodia can open."


class UnsafeArchiveError(VerifyError):
    """A ZIP that tries to escape, link, or exhaust resources; refused before anything is read."""

    code = "verify.unsafe_archive"
    message = "The ZIP file was refused as unsafe."
