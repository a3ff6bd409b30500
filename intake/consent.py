"""Consent: versioned and append-only (no row is ever updated), with a scope per recipient."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from intake._base import Service, case_row, dumps, new_id, parse_dt, to_iso, translated_db_errors
from intake.errors import PersonNotFoundError, ValidationError
from intake.models import Consent, ConsentDecision, ConsentMethod, RecipientCategory

log = logging.getLogger(__name__)

CONSENT_COLUMNS = (
    "consent_id, case_id, person_id, version, given_at, language, interpreter, method, witness,"
    " scope, withdrawn, notes, recorded_at, recorded_by"
)


def consent_from_row(row: Any) -> Consent:
    return Consent(
        consent_id=row[0],
        case_id=row[1],
        person_id=row[2],
        version=int(row[3]),
        given_at=parse_dt(row[4]),
        language=row[5],
        interpreter=row[6],
        method=ConsentMethod(row[7]),
        witness=row[8],
        scope=frozenset(RecipientCategory(c) for c in json.loads(row[9])),
        withdrawn=bool(row[10]),
        notes=row[11],
        recorded_at=parse_dt(row[12]),
        recorded_by=row[13],
    )


class ConsentService(Service):
    """Each call adds a version; nothing is overwritten, so the history is the record."""

    def record(
        self,
        case_id: str,
        *,
        scope: Iterable[RecipientCategory | str],
        given_at: datetime,
        language: str,
        method: ConsentMethod | str,
        person_id: str | None = None,
        interpreter: str = "",
        witness: str = "",
        notes: str = "",
    ) -> Consent:
        """Add a new consent version for ``person_id`` (or the case as a whole when ``None``).

        A verbal consent must name its witness. A narrower scope is a partial withdrawal.
        """
        method = ConsentMethod(method)
        categories = sorted({str(RecipientCategory(c)) for c in scope})
        if method is ConsentMethod.VERBAL_WITNESSED and not witness.strip():
            raise ValidationError("witness")
        if not language.strip():
            raise ValidationError("language")
        return self._append(
            case_id,
            person_id,
            categories,
            False,
            given_at,
            language,
            method,
            interpreter,
            witness,
            notes,
            "consent.recorded",
        )

    def withdraw(
        self,
        case_id: str,
        *,
        given_at: datetime,
        language: str,
        method: ConsentMethod | str,
        person_id: str | None = None,
        interpreter: str = "",
        witness: str = "",
        notes: str = "",
    ) -> Consent:
        """Record a full withdrawal as a new version with an empty scope."""
        method = ConsentMethod(method)
        return self._append(
            case_id,
            person_id,
            [],
            True,
            given_at,
            language,
            method,
            interpreter,
            witness,
            notes,
            "consent.withdrawn",
        )

    def _append(
        self,
        case_id: str,
        person_id: str | None,
        categories: list[str],
        withdrawn: bool,
        given_at: datetime,
        language: str,
        method: ConsentMethod,
        interpreter: str,
        witness: str,
        notes: str,
        action: str,
    ) -> Consent:
        consent_id = new_id()
        person_key = person_id or ""
        # Withdrawal must stay possible on a closed case: it is never an addition of material.
        with self._vault.transaction() as tx, translated_db_errors():
            case_row(tx, case_id, must_be_open=False)
            if person_id is not None:
                owner = tx.execute(
                    "SELECT case_id FROM people WHERE person_id = ?", (person_id,)
                ).fetchone()
                if owner is None or owner[0] != case_id:
                    raise PersonNotFoundError(person_id)
            row = tx.execute(
                "SELECT coalesce(max(version), 0) FROM consent"
                " WHERE case_id = ? AND person_key = ?",
                (case_id, person_key),
            ).fetchone()
            version = int(row[0]) + 1
            tx.execute(
                f"INSERT INTO consent ({CONSENT_COLUMNS}, person_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    consent_id,
                    case_id,
                    person_id,
                    version,
                    to_iso(given_at),
                    language.strip(),
                    interpreter,
                    str(method),
                    witness,
                    dumps(categories),
                    int(withdrawn),
                    notes,
                    tx.at,
                    self._vault.actor,
                    person_key,
                ),
            )
            tx.audit(
                action,
                consent_id,
                {
                    "case_id": case_id,
                    "person_id": person_id,
                    "version": version,
                    "scope": categories,
                },
            )
        log.info("consent %s version %d recorded for case %s", consent_id, version, case_id)
        return self.get(consent_id)

    def get(self, consent_id: str) -> Consent:
        row = self._vault.read_one(
            f"SELECT {CONSENT_COLUMNS} FROM consent WHERE consent_id = ?", (consent_id,)
        )
        if row is None:
            raise ValidationError("consent id")
        return consent_from_row(row)

    def history(self, case_id: str, person_id: str | None = None) -> list[Consent]:
        """Every version, oldest first; all persons' chains unless ``person_id`` is given."""
        if person_id is None:
            rows = self._vault.read(
                f"SELECT {CONSENT_COLUMNS} FROM consent WHERE case_id = ?"
                " ORDER BY person_key, version",
                (case_id,),
            )
        else:
            rows = self._vault.read(
                f"SELECT {CONSENT_COLUMNS} FROM consent WHERE case_id = ? AND person_key = ?"
                " ORDER BY version",
                (case_id, person_id),
            )
        return [consent_from_row(r) for r in rows]

    def current(self, case_id: str) -> list[Consent]:
        """The latest version of each consent chain (one per person, or one for the case)."""
        rows = self._vault.read(
            f"SELECT {CONSENT_COLUMNS} FROM consent c WHERE case_id = ? AND version ="
            " (SELECT max(version) FROM consent d"
            "  WHERE d.case_id = c.case_id AND d.person_key = c.person_key)"
            " ORDER BY person_key",
            (case_id,),
        )
        return [consent_from_row(r) for r in rows]

    def may_share(
        self, case_id: str, recipient_category: RecipientCategory | str
    ) -> ConsentDecision:
        """May this case's material go to ``recipient_category``? With the reason in words.

        Allowed only when consent is recorded and the latest version of every consent chain in
        the case includes the category and is not withdrawn.
        """
        category = RecipientCategory(recipient_category)
        chains = self.current(case_id)
        if not chains:
            return ConsentDecision(False, "no consent is recorded for this case", None)
        ids = tuple(c.consent_id for c in chains)
        for consent in chains:
            if consent.withdrawn:
                return ConsentDecision(
                    False,
                    f"consent was withdrawn (version {consent.version})",
                    consent.version,
                    ids,
                )
            if category not in consent.scope:
                return ConsentDecision(
                    False,
                    f"consent version {consent.version} does not include {category.value}",
                    consent.version,
                    ids,
                )
        version = max(c.version for c in chains)
        return ConsentDecision(
            True, f"consent version {version} includes {category.value}", version, ids
        )
