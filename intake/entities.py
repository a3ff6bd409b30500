"""Entities (phones, e-mails, handles, URLs, names, addresses, vehicles, accounts) and the links
that tie the same normalised value to several cases: "this number appears in cases A and B".
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import phonenumbers

from intake._base import Service, case_row, index_drop, index_put, new_id, parse_dt
from intake.errors import EntityNotFoundError, InvalidEntityError, ValidationError
from intake.models import CrossCaseLink, Entity, EntityKind, EntityLink
from vault import Transaction

log = logging.getLogger(__name__)

DEFAULT_REGION = "RO"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_HANDLE = re.compile(r"^[\w.\-]{1,100}$")
_SOCIAL_HOSTS = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "instagram.com": "instagram",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "m.facebook.com": "facebook",
    "tiktok.com": "tiktok",
    "x.com": "x",
    "twitter.com": "x",
    "vk.com": "vk",
    "ok.ru": "ok",
}
_DEFAULT_PORTS = {"http": 80, "https": 443}
LINK_SELECT = (
    "SELECT l.link_id, e.entity_id, e.kind, e.value, e.display, e.created_at, l.case_id,"
    " c.reference, l.person_id, l.evidence_id, l.statement_id, l.note, l.created_at,"
    " l.created_by FROM entity_links l JOIN entities e ON e.entity_id = l.entity_id"
    " JOIN cases c ON c.case_id = l.case_id"
)


def _fold(text: str) -> str:
    """Collapse spaces, drop diacritics and case: "Ionuț  POPA" and "ionut popa" are one name."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split()).casefold()


def normalise_phone(raw: str, region: str = DEFAULT_REGION) -> tuple[str, str]:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidEntityError("phone") from exc
    if not phonenumbers.is_possible_number(number):
        raise InvalidEntityError("phone")
    return (
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
    )


def normalise_email(raw: str) -> tuple[str, str]:
    text = raw.strip().removeprefix("mailto:")
    if not _EMAIL.match(text):
        raise InvalidEntityError("email")
    local, domain = text.rsplit("@", 1)
    try:
        domain = domain.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise InvalidEntityError("email") from exc
    return f"{local.casefold()}@{domain.lower()}", text


def normalise_url(raw: str) -> tuple[str, str]:
    text = raw.strip()
    if not text:
        raise InvalidEntityError("url")
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").encode("idna").decode("ascii").lower()
        port = parts.port
    except (ValueError, UnicodeError) as exc:
        raise InvalidEntityError("url") from exc
    scheme = parts.scheme.lower()
    if "." not in host or scheme not in ("http", "https", "ftp"):
        raise InvalidEntityError("url")
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.startswith("utm_")
        ]
    )
    # http and https of one page are one page for linking purposes.
    scheme = "https" if scheme in ("http", "https") else scheme
    return urlunsplit((scheme, netloc, parts.path or "/", query, "")), raw.strip()


def normalise_social(raw: str, platform: str | None = None) -> tuple[str, str]:
    text = raw.strip()
    if "/" in text:
        value, _ = normalise_url(text)
        parts = urlsplit(value)
        host = parts.netloc.removeprefix("www.")
        segments = [s for s in parts.path.split("/") if s]
        if host not in _SOCIAL_HOSTS or not segments:
            raise InvalidEntityError("social")
        platform = _SOCIAL_HOSTS[host]
        text = segments[0]
    handle = text.removeprefix("@").casefold()
    if not _HANDLE.match(handle):
        raise InvalidEntityError("social")
    name = (platform or "unspecified").strip().casefold() or "unspecified"
    return f"{name}:{handle}", f"{name}: @{handle}"


def normalise(
    kind: EntityKind | str, raw: str, *, platform: str | None = None, region: str = DEFAULT_REGION
) -> tuple[str, str]:
    """The linking key and the display form of ``raw`` as an entity of ``kind``.

    Raises :class:`InvalidEntityError` when ``raw`` is not recognisable as that kind.
    """
    kind = EntityKind(kind)
    if not raw.strip():
        raise InvalidEntityError(str(kind))
    if kind is EntityKind.PHONE:
        return normalise_phone(raw, region)
    if kind is EntityKind.EMAIL:
        return normalise_email(raw)
    if kind is EntityKind.URL:
        return normalise_url(raw)
    if kind is EntityKind.SOCIAL:
        return normalise_social(raw, platform)
    display = " ".join(raw.split())
    if kind in (EntityKind.VEHICLE, EntityKind.BANK_ACCOUNT):
        return re.sub(r"[^0-9A-Z]", "", _fold(raw).upper()), display
    return _fold(raw), display


def entity_from_row(row: Any) -> Entity:
    return Entity(row[0], EntityKind(row[1]), row[2], row[3], parse_dt(row[4]))


def link_from_row(row: Any) -> EntityLink:
    return EntityLink(
        link_id=row[0],
        entity=entity_from_row(row[1:6]),
        case_id=row[6],
        case_reference=row[7],
        person_id=row[8],
        evidence_id=row[9],
        statement_id=row[10],
        note=row[11],
        created_at=parse_dt(row[12]),
        created_by=row[13],
    )


def drop_orphan_entities(tx: Transaction) -> list[str]:
    """Delete entities no link refers to any more (and their search documents)."""
    orphans = [
        str(r[0])
        for r in tx.execute(
            "SELECT entity_id FROM entities e WHERE NOT EXISTS"
            " (SELECT 1 FROM entity_links l WHERE l.entity_id = e.entity_id)"
        ).fetchall()
    ]
    for entity_id in orphans:
        index_drop(tx, "entity", entity_id)
        tx.execute("DELETE FROM entities WHERE entity_id = ?", (entity_id,))
    return orphans


class EntityService(Service):
    def __init__(self, vault: Any, region: str = DEFAULT_REGION) -> None:
        super().__init__(vault)
        self.region = region

    def normalise(
        self, kind: EntityKind | str, raw: str, *, platform: str | None = None
    ) -> tuple[str, str]:
        return normalise(kind, raw, platform=platform, region=self.region)

    def add(
        self,
        case_id: str,
        kind: EntityKind | str,
        raw: str,
        *,
        platform: str | None = None,
        person_id: str | None = None,
        evidence_id: str | None = None,
        statement_id: str | None = None,
        note: str = "",
    ) -> EntityLink:
        """Link the entity ``raw`` (normalised) to a case, optionally to a person, item or
        statement of it. The same normalised value is one entity across the whole vault.
        Adding an identical link again returns the existing one and changes nothing.
        """
        kind = EntityKind(kind)
        value, display = self.normalise(kind, raw, platform=platform)
        with self._vault.transaction() as tx:
            case_row(tx, case_id)
            self._check_targets(tx, case_id, person_id, evidence_id, statement_id)
            row = tx.execute(
                "SELECT entity_id FROM entities WHERE kind = ? AND value = ?", (str(kind), value)
            ).fetchone()
            if row is None:
                entity_id = new_id()
                tx.execute(
                    "INSERT INTO entities (entity_id, kind, value, display, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (entity_id, str(kind), value, display, tx.at),
                )
                index_put(tx, "entity", entity_id, None, display, f"{value} {kind}")
                tx.audit("entity.created", entity_id, {"kind": str(kind)})
            else:
                entity_id = str(row[0])
            existing = tx.execute(
                "SELECT link_id FROM entity_links WHERE entity_id = ? AND case_id = ?"
                " AND person_id IS ? AND evidence_id IS ? AND statement_id IS ?",
                (entity_id, case_id, person_id, evidence_id, statement_id),
            ).fetchone()
            if existing is not None:
                link_id = str(existing[0])
            else:
                link_id = new_id()
                tx.execute(
                    "INSERT INTO entity_links (link_id, entity_id, case_id, person_id,"
                    " evidence_id, statement_id, note, created_at, created_by)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        link_id,
                        entity_id,
                        case_id,
                        person_id,
                        evidence_id,
                        statement_id,
                        note,
                        tx.at,
                        self._vault.actor,
                    ),
                )
                tx.audit("entity.linked", link_id, {"entity_id": entity_id, "case_id": case_id})
        return self.link(link_id)

    @staticmethod
    def _check_targets(
        tx: Transaction,
        case_id: str,
        person_id: str | None,
        evidence_id: str | None,
        statement_id: str | None,
    ) -> None:
        for table, column, value in (
            ("people", "person_id", person_id),
            ("evidence", "evidence_id", evidence_id),
            ("statements", "statement_id", statement_id),
        ):
            if value is None:
                continue
            row = tx.execute(f"SELECT case_id FROM {table} WHERE {column} = ?", (value,)).fetchone()
            if row is None or row[0] != case_id:
                raise ValidationError(f"{column} does not belong to the case")

    def link(self, link_id: str) -> EntityLink:
        row = self._vault.read_one(f"{LINK_SELECT} WHERE l.link_id = ?", (link_id,))
        if row is None:
            raise EntityNotFoundError(link_id)
        return link_from_row(row)

    def get(self, entity_id: str) -> Entity:
        row = self._vault.read_one(
            "SELECT entity_id, kind, value, display, created_at FROM entities WHERE entity_id = ?",
            (entity_id,),
        )
        if row is None:
            raise EntityNotFoundError(entity_id)
        return entity_from_row(row)

    def find(
        self, kind: EntityKind | str, raw: str, *, platform: str | None = None
    ) -> Entity | None:
        """The entity ``raw`` normalises to, if the vault knows it."""
        kind = EntityKind(kind)
        value, _ = self.normalise(kind, raw, platform=platform)
        row = self._vault.read_one(
            "SELECT entity_id, kind, value, display, created_at FROM entities"
            " WHERE kind = ? AND value = ?",
            (str(kind), value),
        )
        return None if row is None else entity_from_row(row)

    def for_case(self, case_id: str) -> list[EntityLink]:
        rows = self._vault.read(
            f"{LINK_SELECT} WHERE l.case_id = ? ORDER BY e.kind, e.value, l.created_at",
            (case_id,),
        )
        return [link_from_row(r) for r in rows]

    def links_for(self, entity_id: str) -> list[EntityLink]:
        """Every link of one entity, across all cases."""
        rows = self._vault.read(
            f"{LINK_SELECT} WHERE l.entity_id = ? ORDER BY c.reference, l.created_at",
            (entity_id,),
        )
        return [link_from_row(r) for r in rows]

    def cross_case_links(self, case_id: str | None = None) -> list[CrossCaseLink]:
        """Entities that appear in two or more cases (only those touching ``case_id`` if given)."""
        rows = self._vault.read(
            "SELECT e.entity_id, e.kind, e.value, e.display, e.created_at,"
            " group_concat(DISTINCT c.case_id || ' ' || c.reference)"
            " FROM entities e JOIN entity_links l ON l.entity_id = e.entity_id"
            " JOIN cases c ON c.case_id = l.case_id"
            " GROUP BY e.entity_id HAVING count(DISTINCT l.case_id) > 1"
            " ORDER BY e.kind, e.value"
        )
        result: list[CrossCaseLink] = []
        for row in rows:
            pairs = sorted((p.split(" ", 1) for p in str(row[5]).split(",")), key=lambda p: p[1])
            ids = tuple(p[0] for p in pairs)
            if case_id is not None and case_id not in ids:
                continue
            result.append(CrossCaseLink(entity_from_row(row[:5]), ids, tuple(p[1] for p in pairs)))
        return result

    def unlink(self, link_id: str, reason: str = "") -> None:
        """Remove one link (a mistaken entry); an entity left without links disappears."""
        with self._vault.transaction() as tx:
            row = tx.execute(
                "SELECT entity_id FROM entity_links WHERE link_id = ?", (link_id,)
            ).fetchone()
            if row is None:
                raise EntityNotFoundError(link_id)
            tx.execute("DELETE FROM entity_links WHERE link_id = ?", (link_id,))
            drop_orphan_entities(tx)
            tx.audit("entity.unlinked", link_id, {"entity_id": row[0], "reason": reason})
