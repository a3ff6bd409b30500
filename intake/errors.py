"""Error families of the intake (domain) layer.

Every error derives from :class:`vault.errors.CustodiaError` and carries a stable ``code`` that the
user interfaces translate in one place. Messages name ids only, never user content.
"""

from __future__ import annotations

from vault.errors import CustodiaError


class IntakeError(CustodiaError):
    code = "intake.error"
    message = "The case data could not be changed or read."


class NotFoundError(IntakeError):
    code = "intake.not_found"
    message = "The requested record does not exist."


class CaseNotFoundError(NotFoundError):
    code = "intake.case_not_found"
    message = "No case with this reference or id exists in the vault."


class PersonNotFoundError(NotFoundError):
    code = "intake.person_not_found"
    message = "No such person in this vault."


class InterviewNotFoundError(NotFoundError):
    code = "intake.interview_not_found"
    message = "No such interview in this vault."


class StatementNotFoundError(NotFoundError):
    code = "intake.statement_not_found"
    message = "No such statement in this vault."


class EvidenceNotFoundError(NotFoundError):
    code = "intake.evidence_not_found"
    message = "No such evidence item in this vault."


class EntityNotFoundError(NotFoundError):
    code = "intake.entity_not_found"
    message = "No such entity in this vault."


class IndicatorNotFoundError(NotFoundError):
    code = "intake.indicator_not_found"
    message = "The indicator catalogue has no such indicator."


class ValidationError(IntakeError):
    code = "intake.invalid"
    message = "A value is missing or not valid."


class DuplicateReferenceError(ValidationError):
    code = "intake.duplicate_reference"
    message = "Another case already uses this reference."


class InvalidReferenceError(ValidationError):
    code = "intake.invalid_reference"
    message = "A case reference uses letters, digits, '-', '_', '.' or '/', at most 64 characters."


class GuardianRequiredError(ValidationError):
    code = "intake.guardian_required"
    message = "A minor must have a guardian recorded."


class InvalidEntityError(ValidationError):
    code = "intake.invalid_entity"
    message = "This value cannot be recognised as the chosen kind of entity."


class ReasonRequiredError(ValidationError):
    code = "intake.reason_required"
    message = "A reason must be given for this action."


class CaseClosedError(IntakeError):
    code = "intake.case_closed"
    message = "The case is closed; reopen it before adding to it."


class StatementFinalisedError(IntakeError):
    code = "intake.statement_finalised"
    message = "The statement is finalised and cannot be changed; add an addendum instead."


class StatementNotFinalisedError(IntakeError):
    code = "intake.statement_not_finalised"
    message = "Addenda can only be added to a finalised statement."


class ImmutableRecordError(IntakeError):
    code = "intake.immutable"
    message = "This record is part of the permanent record and cannot be changed."


class ConsentRefusedError(IntakeError):
    code = "intake.consent_refused"
    message = "The recorded consent does not allow sharing with this recipient."


class LegalHoldError(IntakeError):
    code = "intake.legal_hold"
    message = "The case is under legal hold; nothing in it can be erased."


class EvidenceMismatchError(IntakeError):
    code = "intake.evidence_mismatch"
    message = "The evidence file no longer matches its recorded hash."


class CatalogueError(IntakeError):
    code = "intake.catalogue_invalid"
    message = "The trafficking-indicator catalogue is missing or malformed."
