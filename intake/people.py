"""People in a case: pseudonym by default, the protected identity only on an audited reveal."""

from __future__ import annotations

import json
import logging
from datetime import date

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    dumps,
    index_put,
    new_id,
    parse_dt,
    require_reason,
    scalar,
)
from intake.errors import GuardianRequiredError, PersonNotFoundError, ValidationError
from intake.models import IdentityDocument, Person, PersonRole, ProtectedIdentity
from intake.search import index_record
from vault import Transaction

log = logging.getLogger(__name__)

#: The two flags every screen may show come from the identity row (absent: both false).
PERSON = Columns.of(
    Person,
    safe_to_contact="coalesce(i.safe_to_contact, 0)",
    is_minor="coalesce(i.is_minor, 0)",
).qualified("p")
PERSON_FROM = "FROM people p LEFT JOIN person_identity i ON i.person_id = p.person_id"
_PERSON_INDEX = Columns("case_id", "pseudonym", "notes")


def person_from_row(row: Row) -> Person:
    return Person(
        person_id=row["person_id"],
        case_id=row["case_id"],
        role=PersonRole(row["role"]),
        pseudonym=row["pseudonym"],
        notes=row["notes"],
        safe_to_contact=bool(row["safe_to_contact"]),
        is_minor=bool(row["is_minor"]),
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
        updated_at=parse_dt(row["updated_at"]),
    )


def identity_to_json(identity: ProtectedIdentity) -> str:
    return dumps(
        {
            "legal_name": identity.legal_name,
            "birth_date": identity.birth_date.isoformat() if identity.birth_date else None,
            "nationality": identity.nationality,
            "documents": [
                {
                    "kind": d.kind,
                    "number": d.number,
                    "issuer": d.issuer,
                    "expires": d.expires.isoformat() if d.expires else None,
                    "held_by": d.held_by,
                }
                for d in identity.documents
            ],
            "contact": identity.contact,
            "safe_to_contact": identity.safe_to_contact,
            "safe_contact_method": identity.safe_contact_method,
            "is_minor": identity.is_minor,
            "guardian_name": identity.guardian_name,
            "guardian_contact": identity.guardian_contact,
            "guardian_relation": identity.guardian_relation,
        }
    )


def identity_from_json(text: str) -> ProtectedIdentity:
    data = json.loads(text)
    return ProtectedIdentity(
        legal_name=data["legal_name"],
        birth_date=date.fromisoformat(data["birth_date"]) if data["birth_date"] else None,
        nationality=data["nationality"],
        documents=tuple(
            IdentityDocument(
                kind=d["kind"],
                number=d["number"],
                issuer=d["issuer"],
                expires=date.fromisoformat(d["expires"]) if d["expires"] else None,
                held_by=d["held_by"],
            )
            for d in data["documents"]
        ),
        contact=data["contact"],
        safe_to_contact=bool(data["safe_to_contact"]),
        safe_contact_method=data["safe_contact_method"],
        is_minor=bool(data["is_minor"]),
        guardian_name=data["guardian_name"],
        guardian_contact=data["guardian_contact"],
        guardian_relation=data.get("guardian_relation", ""),
    )


def _check_identity(identity: ProtectedIdentity) -> None:
    if identity.is_minor and not identity.guardian_name.strip():
        raise GuardianRequiredError()


def _write_identity(tx: Transaction, person_id: str, identity: ProtectedIdentity) -> None:
    tx.execute(
        "INSERT INTO person_identity (person_id, identity, safe_to_contact, is_minor, updated_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET"
        " identity = excluded.identity, safe_to_contact = excluded.safe_to_contact,"
        " is_minor = excluded.is_minor, updated_at = excluded.updated_at",
        (
            person_id,
            identity_to_json(identity),
            int(identity.safe_to_contact),
            int(identity.is_minor),
            tx.at,
        ),
    )
    # Into the index's protected column, searched only by those who may edit identities.
    index_record(tx, "identity", person_id)


def _index_person(tx: Transaction, person_id: str) -> None:
    # Only the pseudonym and notes are searchable: the protected identity never enters the index.
    row = _PERSON_INDEX.fetch_one(tx, "FROM people WHERE person_id = ?", (person_id,))
    assert row is not None  # written earlier in the same transaction
    index_put(tx, "person", person_id, row["case_id"], row["pseudonym"], row["notes"])


class PeopleService(Service):
    def add(
        self,
        case_id: str,
        role: PersonRole,
        pseudonym: str,
        *,
        notes: str = "",
        identity: ProtectedIdentity | None = None,
    ) -> Person:
        """Add a person to an open case. A minor's identity must name a guardian."""
        role = PersonRole(role)
        pseudonym = pseudonym.strip()
        if not pseudonym:
            raise ValidationError("pseudonym")
        if identity is not None:
            _check_identity(identity)
        person_id = new_id()
        with self._vault.transaction() as tx:
            case_row(tx, case_id)
            tx.execute(
                "INSERT INTO people (person_id, case_id, role, pseudonym, notes, created_at,"
                " created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, case_id, str(role), pseudonym, notes, tx.at, self._vault.actor, tx.at),
            )
            if identity is not None:
                _write_identity(tx, person_id, identity)
            _index_person(tx, person_id)
            tx.audit(
                "person.added",
                person_id,
                {"case_id": case_id, "role": str(role), "identity": identity is not None},
            )
        log.info("person %s added to case %s", person_id, case_id)
        return self.get(person_id)

    def get(self, person_id: str) -> Person:
        row = PERSON.fetch_one(self._vault, f"{PERSON_FROM} WHERE p.person_id = ?", (person_id,))
        if row is None:
            raise PersonNotFoundError(person_id)
        return person_from_row(row)

    def list_for_case(self, case_id: str) -> list[Person]:
        rows = PERSON.fetch_all(
            self._vault,
            f"{PERSON_FROM} WHERE p.case_id = ? ORDER BY p.created_at, p.person_id",
            (case_id,),
        )
        return [person_from_row(r) for r in rows]

    def edit(
        self,
        person_id: str,
        *,
        role: PersonRole | None = None,
        pseudonym: str | None = None,
        notes: str | None = None,
    ) -> Person:
        changes: dict[str, str] = {}
        if role is not None:
            changes["role"] = str(PersonRole(role))
        if pseudonym is not None:
            if not pseudonym.strip():
                raise ValidationError("pseudonym")
            changes["pseudonym"] = pseudonym.strip()
        if notes is not None:
            changes["notes"] = notes
        with self._vault.transaction() as tx:
            self._require(tx, person_id)
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                tx.execute(
                    f"UPDATE people SET {assignments}, updated_at = ? WHERE person_id = ?",
                    (*changes.values(), tx.at, person_id),
                )
                _index_person(tx, person_id)
                tx.audit("person.edited", person_id, {"fields": sorted(changes)})
        return self.get(person_id)

    def set_identity(self, person_id: str, identity: ProtectedIdentity) -> Person:
        """Record or replace the protected identity (audited; the audit names no values)."""
        _check_identity(identity)
        with self._vault.transaction() as tx:
            self._require(tx, person_id)
            _write_identity(tx, person_id, identity)
            tx.execute("UPDATE people SET updated_at = ? WHERE person_id = ?", (tx.at, person_id))
            tx.audit("person.identity_set", person_id, {})
        return self.get(person_id)

    def has_identity(self, person_id: str) -> bool:
        row = self._vault.read_one(
            "SELECT 1 FROM person_identity WHERE person_id = ?", (person_id,)
        )
        return row is not None

    def reveal_identity(self, person_id: str, reason: str) -> ProtectedIdentity:
        """Return the protected identity. Every reveal, even this read, is an audit entry
        ``person.identity_revealed`` carrying the reason; without a reason nothing is revealed.
        """
        reason = require_reason(reason)
        with self._vault.transaction() as tx:
            self._require(tx, person_id)
            stored = scalar(
                tx, "identity", "FROM person_identity WHERE person_id = ?", (person_id,)
            )
            tx.audit("person.identity_revealed", person_id, {"reason": reason})
        log.info("identity of person %s revealed", person_id)
        return ProtectedIdentity() if stored is None else identity_from_json(stored)

    @staticmethod
    def _require(tx: Transaction, person_id: str) -> None:
        row = tx.execute("SELECT 1 FROM people WHERE person_id = ?", (person_id,)).fetchone()
        if row is None:
            raise PersonNotFoundError(person_id)
