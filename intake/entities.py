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

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    index_drop,
    index_put,
    new_id,
    parse_dt,
    scalar,
)
from intake.companies import normalise_company
from intake.errors import EntityNotFoundError, InvalidEntityError, ValidationError
from intake.models import CrossCaseLink, Entity, EntityKind, EntityLink
from intake.search import index_record
from vault import Transaction

log = logging.getLogger(__name__)

DEFAULT_REGION = "RO"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_HANDLE = re.compile(r"^[\w.\-]{1,100}$")
#: The platforms a handle is asked for, in the order offered (the key is stored).
SOCIAL_PLATFORMS: tuple[str, ...] = (
    "telegram",
    "whatsapp",
    "facebook",
    "instagram",
    "tiktok",
    "viber",
    "signal",
)
#: Other spellings of a platform's name, as typed before a colon ("tg:@x", "fb: x").
_PLATFORM_ALIASES = {
    "tg": "telegram",
    "telegram": "telegram",
    "wa": "whatsapp",
    "whatsapp": "whatsapp",
    "fb": "facebook",
    "facebook": "facebook",
    "ig": "instagram",
    "insta": "instagram",
    "instagram": "instagram",
    "tiktok": "tiktok",
    "tt": "tiktok",
    "viber": "viber",
    "signal": "signal",
    "x": "x",
    "twitter": "x",
    "vk": "vk",
    "ok": "ok",
}
_SOCIAL_HOSTS = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "telegram.dog": "telegram",
    "wa.me": "whatsapp",
    "instagram.com": "instagram",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "m.facebook.com": "facebook",
    "tiktok.com": "tiktok",
    "vm.tiktok.com": "tiktok",
    "signal.me": "signal",
    "x.com": "x",
    "twitter.com": "x",
    "vk.com": "vk",
    "ok.ru": "ok",
}
#: Platforms where a person is reached by phone number: their "handle" is a number.
_PHONE_PLATFORMS = frozenset({"whatsapp", "viber", "signal"})
#: Path segments that are not a handle ("t.me/s/name" is the web preview of "name").
_SKIPPED_SEGMENTS = frozenset({"s", "u", "p", "add", "profile.php", "people"})
_PLATFORM_PREFIX = re.compile(r"^\s*(?P<name>[A-Za-z]{1,12})\s*:\s*(?P<rest>.+)$", re.DOTALL)
_PHONE_LIKE = re.compile(r"^\+?[\d\s().\-]{6,}$")
_DEFAULT_PORTS = {"http": 80, "https": 443}
ENTITY = Columns.of(Entity)
#: A link's own columns, its entity's (as ``entity_`` + name: both tables have ``created_at``)
#: and its case's reference.
LINK = (
    Columns(
        "link_id",
        "case_id",
        "person_id",
        "evidence_id",
        "statement_id",
        "note",
        "created_at",
        "created_by",
    ).qualified("l")
    + ENTITY.qualified("e", prefix="entity_")
    + Columns("c.reference AS case_reference")
)
LINK_FROM = (
    "FROM entity_links l JOIN entities e ON e.entity_id = l.entity_id"
    " JOIN cases c ON c.case_id = l.case_id"
)
#: Entities with the cases they appear in, as "case_id reference" pairs joined by commas.
CROSS_CASE = ENTITY.qualified("e") + Columns(
    "group_concat(DISTINCT c.case_id || ' ' || c.reference) AS cases"
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


def social_platform(name: str | None) -> str | None:
    """The platform key for a typed or chosen platform name ("TG", "Telegram" → "telegram")."""
    if not name or not name.strip():
        return None
    return _PLATFORM_ALIASES.get(name.strip().casefold(), name.strip().casefold())


def normalise_social(
    raw: str, platform: str | None = None, region: str = DEFAULT_REGION
) -> tuple[str, str]:
    """One key for one account however it was written: ``telegram:@x``, ``@x`` with Telegram
    chosen, ``t.me/x`` and ``https://t.me/s/x`` are all ``telegram:x``.

    A platform named in the text (a prefix or a link's host) wins over the one chosen, which is
    only a default. On WhatsApp, Viber and Signal an account is a phone number, normalised as a
    phone (``whatsapp:+40721000111``).
    """
    text = raw.strip()
    chosen = social_platform(platform)
    prefix = _PLATFORM_PREFIX.match(text)
    if prefix and "/" not in prefix["name"] and prefix["name"].casefold() in _PLATFORM_ALIASES:
        chosen = _PLATFORM_ALIASES[prefix["name"].casefold()]
        text = prefix["rest"].strip()
    from_link = "/" in text
    if from_link:
        value, _ = normalise_url(text)
        parts = urlsplit(value)
        host = parts.netloc.removeprefix("www.")
        segments = [s for s in parts.path.split("/") if s]
        if host not in _SOCIAL_HOSTS:
            raise InvalidEntityError("social")
        chosen = _SOCIAL_HOSTS[host]
        query = dict(parse_qsl(parts.query))
        while segments and segments[0].casefold() in _SKIPPED_SEGMENTS:
            segments = segments[1:]
        if not segments and "id" in query:
            segments = [query["id"]]  # facebook.com/profile.php?id=1000…
        if not segments:
            raise InvalidEntityError("social")
        text = segments[0]
    name = chosen or "unspecified"
    handle = text.removeprefix("@").strip()
    if name in _PHONE_PLATFORMS and _PHONE_LIKE.match(handle):
        # wa.me links carry the international number without its "+".
        number = "+" + handle if from_link and handle.isdigit() else handle
        value, display = normalise_phone(number, region)
        return f"{name}:{value}", f"{name}: {display}"
    handle = handle.casefold()
    if not _HANDLE.match(handle):
        raise InvalidEntityError("social")
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
        return normalise_social(raw, platform, region)
    if kind is EntityKind.COMPANY:
        return normalise_company(raw, region)
    display = " ".join(raw.split())
    if kind in (EntityKind.VEHICLE, EntityKind.BANK_ACCOUNT):
        return re.sub(r"[^0-9A-Z]", "", _fold(raw).upper()), display
    return _fold(raw), display


def entity_from_row(row: Row, prefix: str = "") -> Entity:
    """The entity of ``row``, whose columns may carry a ``prefix`` (see :data:`LINK`)."""
    return Entity(
        entity_id=row[f"{prefix}entity_id"],
        kind=EntityKind(row[f"{prefix}kind"]),
        value=row[f"{prefix}value"],
        display=row[f"{prefix}display"],
        created_at=parse_dt(row[f"{prefix}created_at"]),
    )


def link_from_row(row: Row) -> EntityLink:
    return EntityLink(
        link_id=row["link_id"],
        entity=entity_from_row(row, "entity_"),
        case_id=row["case_id"],
        case_reference=row["case_reference"],
        person_id=row["person_id"],
        evidence_id=row["evidence_id"],
        statement_id=row["statement_id"],
        note=row["note"],
        created_at=parse_dt(row["created_at"]),
        created_by=row["created_by"],
    )


def drop_orphan_entities(tx: Transaction) -> list[str]:
    """Delete entities no link refers to any more (and their search documents)."""
    orphans = [
        str(r["entity_id"])
        for r in Columns("entity_id").fetch_all(
            tx,
            "FROM entities e WHERE NOT EXISTS"
            " (SELECT 1 FROM entity_links l WHERE l.entity_id = e.entity_id)",
        )
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

    def normalise_for_case(
        self, case_id: str, kind: EntityKind | str, raw: str, *, platform: str | None = None
    ) -> tuple[str, str]:
        """Like :meth:`normalise`, but a phone number without its country code is read in the
        case's jurisdiction first, then in the programme's countries (RO UA MD PL HU BG), the
        first where it is a valid number; a number valid nowhere is read in the jurisdiction."""
        if EntityKind(kind) is not EntityKind.PHONE:
            return self.normalise(kind, raw, platform=platform)
        where = str(
            scalar(self._vault, "jurisdiction", "FROM cases WHERE case_id = ?", (case_id,)) or ""
        )
        try:
            return normalise_phone_in(raw, phone_regions(where))
        except InvalidEntityError:
            return normalise_phone(raw, jurisdiction_region(where) or self.region)

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
        value, display = self.normalise_for_case(case_id, kind, raw, platform=platform)
        with self._vault.transaction() as tx:
            case_row(tx, case_id)
            self._check_targets(tx, case_id, person_id, evidence_id, statement_id)
            known = scalar(
                tx, "entity_id", "FROM entities WHERE kind = ? AND value = ?", (str(kind), value)
            )
            if known is None:
                entity_id = new_id()
                tx.execute(
                    "INSERT INTO entities (entity_id, kind, value, display, created_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (entity_id, str(kind), value, display, tx.at),
                )
                index_put(tx, "entity", entity_id, None, display, f"{value} {kind}")
                tx.audit("entity.created", entity_id, {"kind": str(kind)})
            else:
                entity_id = str(known)
            existing = scalar(
                tx,
                "link_id",
                "FROM entity_links WHERE entity_id = ? AND case_id = ?"
                " AND person_id IS ? AND evidence_id IS ? AND statement_id IS ?",
                (entity_id, case_id, person_id, evidence_id, statement_id),
            )
            if existing is not None:
                link_id = str(existing)
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
                index_record(tx, "entity_note", link_id)
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
            if scalar(tx, "case_id", f"FROM {table} WHERE {column} = ?", (value,)) != case_id:
                raise ValidationError(f"{column} does not belong to the case")

    def link(self, link_id: str) -> EntityLink:
        row = LINK.fetch_one(self._vault, f"{LINK_FROM} WHERE l.link_id = ?", (link_id,))
        if row is None:
            raise EntityNotFoundError(link_id)
        return link_from_row(row)

    def get(self, entity_id: str) -> Entity:
        row = ENTITY.fetch_one(self._vault, "FROM entities WHERE entity_id = ?", (entity_id,))
        if row is None:
            raise EntityNotFoundError(entity_id)
        return entity_from_row(row)

    def find(
        self, kind: EntityKind | str, raw: str, *, platform: str | None = None
    ) -> Entity | None:
        """The entity ``raw`` normalises to, if the vault knows it."""
        kind = EntityKind(kind)
        value, _ = self.normalise(kind, raw, platform=platform)
        row = ENTITY.fetch_one(
            self._vault, "FROM entities WHERE kind = ? AND value = ?", (str(kind), value)
        )
        return None if row is None else entity_from_row(row)

    def for_case(self, case_id: str) -> list[EntityLink]:
        rows = LINK.fetch_all(
            self._vault,
            f"{LINK_FROM} WHERE l.case_id = ? ORDER BY e.kind, e.value, l.created_at",
            (case_id,),
        )
        return [link_from_row(r) for r in rows]

    def links_for(self, entity_id: str) -> list[EntityLink]:
        """Every link of one entity, across all cases."""
        rows = LINK.fetch_all(
            self._vault,
            f"{LINK_FROM} WHERE l.entity_id = ? ORDER BY c.reference, l.created_at",
            (entity_id,),
        )
        return [link_from_row(r) for r in rows]

    def cross_case_links(self, case_id: str | None = None) -> list[CrossCaseLink]:
        """Entities that appear in two or more cases (only those touching ``case_id`` if given)."""
        rows = CROSS_CASE.fetch_all(
            self._vault,
            "FROM entities e JOIN entity_links l ON l.entity_id = e.entity_id"
            " JOIN cases c ON c.case_id = l.case_id"
            " GROUP BY e.entity_id HAVING count(DISTINCT l.case_id) > 1"
            " ORDER BY e.kind, e.value",
        )
        result: list[CrossCaseLink] = []
        for row in rows:
            # "case_id reference" pairs, ordered by reference.
            cases = sorted(
                (tuple(p.split(" ", 1)) for p in str(row["cases"]).split(",")),
                key=lambda pair: pair[1],
            )
            ids = tuple(linked_id for linked_id, _ in cases)
            if case_id is not None and case_id not in ids:
                continue
            references = tuple(reference for _, reference in cases)
            result.append(CrossCaseLink(entity_from_row(row), ids, references))
        return result

    def unlink(self, link_id: str, reason: str = "") -> None:
        """Remove one link (a mistaken entry); an entity left without links disappears."""
        with self._vault.transaction() as tx:
            entity_id = scalar(tx, "entity_id", "FROM entity_links WHERE link_id = ?", (link_id,))
            if entity_id is None:
                raise EntityNotFoundError(link_id)
            tx.execute("DELETE FROM entity_links WHERE link_id = ?", (link_id,))
            index_record(tx, "entity_note", link_id)  # gone: drops its note from the index
            drop_orphan_entities(tx)
            tx.audit("entity.unlinked", link_id, {"entity_id": entity_id, "reason": reason})


# Phone numbers written without their country code ------------------------------------------

#: The programme's countries: a number without its country code is tried in the case's
#: jurisdiction first, then in these, in this order.
PROGRAMME_REGIONS: tuple[str, ...] = ("RO", "UA", "MD", "PL", "HU", "BG")
_COUNTRY_NAMES = {
    "romania": "RO",
    "românia": "RO",
    "румунія": "RO",
    "ukraine": "UA",
    "ucraina": "UA",
    "україна": "UA",
    "moldova": "MD",
    "republic of moldova": "MD",
    "republica moldova": "MD",
    "молдова": "MD",
    "poland": "PL",
    "polonia": "PL",
    "польща": "PL",
    "hungary": "HU",
    "ungaria": "HU",
    "угорщина": "HU",
    "bulgaria": "BG",
    "болгарія": "BG",
}


def jurisdiction_region(jurisdiction: str) -> str | None:
    """The phone region a case's jurisdiction names ("RO", "RO (training)", "România")."""
    text = jurisdiction.strip()
    if not text:
        return None
    head = re.split(r"[\s,;()/\-]+", text)[0]
    if len(head) == 2 and head.isascii() and head.isalpha():
        region = head.upper()
        if region in phonenumbers.SUPPORTED_REGIONS:
            return region
    return _COUNTRY_NAMES.get(_fold(text)) or _COUNTRY_NAMES.get(_fold(head))


def phone_regions(jurisdiction: str = "") -> tuple[str, ...]:
    """The regions to read a local number in: the jurisdiction's, then the programme's."""
    first = jurisdiction_region(jurisdiction)
    return tuple(dict.fromkeys([*([first] if first else []), *PROGRAMME_REGIONS]))


def normalise_phone_in(raw: str, regions: tuple[str, ...] = PROGRAMME_REGIONS) -> tuple[str, str]:
    """Like :func:`normalise_phone`, but a number without a country code is read in the first
    of ``regions`` where it is a valid number (a number with one is read as written).
    """
    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    regions = regions or PROGRAMME_REGIONS
    tries = (regions[0],) if text.startswith("+") else regions
    for region in tries:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return (
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL),
            )
    raise InvalidEntityError("phone")
