"""A synthetic vault for the trends (issue 18), and what it holds, kept in Python.

Cases over 22 months in a few jurisdictions (capitalised several ways), survivors with and
without protected identities (nationality, birth date, gender, the minor flag), witnesses and
suspects, consent chains (case-wide and per person, several versions, withdrawals), indicators
ticked and unticked, and channel marks in every form the statistics read: handles, web
addresses of entities, evidence source addresses and parsed chat exports. Rows go in with raw
SQL in large audited transactions, so that 10,000 cases take seconds.

The generator records what it wrote (:class:`SynthCase`), so a test counts by itself in Python
and compares.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from intake import open_intake
from intake._base import new_id
from intake.chats.schema import ensure_schema
from intake.indicators import default_catalogue
from intake.models import RecipientCategory
from vault import Vault

JURISDICTIONS = ("RO", "ro", "UA", "Moldova", "PL", "")
NATIONALITIES = ("Romanian", "romanian", "Ukrainian", "Moldovan", "Bulgarian", "Eritrean", "")
GENDERS = ("female", "male", "Female", "non-binary", None)
STATUSES = ("sent", "acknowledged", "accepted", "declined", "closed")
ALL_KINDS = [str(c) for c in dict.fromkeys(RecipientCategory)]
#: How each channel is written, by the generator: (entity kind or "source" or "chat", value).
CHANNEL_FORMS: dict[str, list[tuple[str, str]]] = {
    "telegram": [
        ("social", "telegram:recrutor{n}"),
        ("url", "https://t.me/jobs{n}/"),
        ("source", "https://t.me/s/munca{n}"),
        ("chat", "telegram"),
    ],
    "whatsapp": [
        ("social", "whatsapp:+4072100{n:04d}"),
        ("url", "https://wa.me/4072100{n:04d}"),
        ("chat", "whatsapp"),
    ],
    "facebook": [
        ("social", "facebook:oferta.{n}"),
        ("url", "https://m.facebook.com/groups/{n}/"),
        ("source", "http://www.facebook.com/posts/{n}"),
    ],
    "instagram": [("social", "instagram:job{n}")],
    "tiktok": [("url", "https://vm.tiktok.com/{n}/")],
    "viber": [("social", "viber:+38067100{n:04d}")],
    "signal": [("social", "signal:+4873100{n:04d}")],
    "other_social": [("social", "vk:rabota{n}"), ("url", "https://x.com/job{n}")],
    "job_site": [
        ("url", "https://www.olx.ro/d/oferta/munca-{n}.html"),
        ("url", "https://ro.indeed.com:443/viewjob?jk={n}"),
        ("source", "https://www.work.ua/jobs/{n}/"),
        ("url", "https://ejobs.ro/x/{n}"),
    ],
}
#: Marks that are no channel: an unspecified handle, an ordinary web site, a phone number.
NOISE = [
    ("social", "unspecified:anon{n}"),
    ("url", "https://example.org/t.me/{n}"),
    ("url", "https://notfacebook.com/{n}"),
    ("phone", "+40721{n:06d}"),
]


@dataclass
class SynthPerson:
    person_id: str
    role: str
    identity: dict[str, object] | None = None


@dataclass
class SynthCase:
    case_id: str
    created_at: datetime
    jurisdiction: str
    people: list[SynthPerson] = field(default_factory=list)
    #: Each chain's versions, oldest first: (person_id or None, scope, withdrawn).
    consent: list[tuple[str | None, list[str], bool]] = field(default_factory=list)
    indicators: set[str] = field(default_factory=set)
    channels: set[str] = field(default_factory=set)
    #: (day made, status) of each referral.
    referrals: list[tuple[date, str]] = field(default_factory=list)

    @property
    def month(self) -> str:
        return self.created_at.strftime("%Y-%m")


def _identity(rng: random.Random, opened: datetime) -> dict[str, object]:
    minor = rng.random() < 0.15
    birth: date | None = None
    if rng.random() < 0.85:
        age_days = rng.randint(12 * 365, 17 * 365) if minor else rng.randint(18 * 365, 70 * 365)
        birth = opened.date() - timedelta(days=age_days)
    identity: dict[str, object] = {
        "legal_name": f"Name {rng.randrange(10**6)}",
        "birth_date": birth.isoformat() if birth else None,
        "nationality": rng.choice(NATIONALITIES),
        "documents": [],
        "contact": "",
        "safe_to_contact": False,
        "safe_contact_method": "",
        "is_minor": minor,
        "guardian_name": "Guardian" if minor else "",
        "guardian_contact": "",
        "guardian_relation": "",
    }
    gender = rng.choice(GENDERS)
    if gender is not None:
        identity["gender"] = gender
    return identity


def _scope(rng: random.Random) -> list[str]:
    kinds = [k for k in ALL_KINDS if rng.random() < 0.5]
    if rng.random() < 0.6 and "anonymised_research" not in kinds:
        kinds.append("anonymised_research")
    return sorted(kinds)


def generate_stats_vault(vault: Vault, cases: int, seed: int = 18) -> list[SynthCase]:
    """Fill ``vault`` with ``cases`` synthetic cases; returns what was written."""
    rng = random.Random(seed)
    open_intake(vault)
    ensure_schema(vault)
    indicator_ids = [i.indicator_id for i in default_catalogue().indicators]
    start = datetime(2025, 1, 1, tzinfo=UTC)
    span = (datetime(2026, 10, 31, tzinfo=UTC) - start).total_seconds()
    made: list[SynthCase] = []
    entity_ids: dict[tuple[str, str], str] = {}
    batch = 1000
    counter = 0
    for first in range(0, cases, batch):
        with vault.transaction() as tx:
            for n in range(first, min(cases, first + batch)):
                opened = start + timedelta(seconds=rng.uniform(0, span))
                case = SynthCase(new_id(), opened, rng.choice(JURISDICTIONS))
                made.append(case)
                at = opened.isoformat(timespec="microseconds").replace("+00:00", "Z")
                tx.execute(
                    "INSERT INTO cases (case_id, reference, title, jurisdiction, created_at,"
                    " created_by, updated_at) VALUES (?, ?, 'Synthetic', ?, ?, 'bench', ?)",
                    (case.case_id, f"ST-{n:05d}", case.jurisdiction, at, at),
                )
                roles = ["survivor"] * rng.choice((0, 1, 1, 1, 2)) + rng.choice(
                    ([], ["witness"], ["suspect"], ["witness", "other"])
                )
                for p, role in enumerate(roles):
                    person = SynthPerson(new_id(), role)
                    if role == "survivor" and rng.random() < 0.8:
                        person.identity = _identity(rng, opened)
                    case.people.append(person)
                    tx.execute(
                        "INSERT INTO people (person_id, case_id, role, pseudonym, created_at,"
                        " created_by, updated_at) VALUES (?, ?, ?, ?, ?, 'bench', ?)",
                        (person.person_id, case.case_id, role, f"P{n}-{p}", at, at),
                    )
                    if person.identity is not None:
                        tx.execute(
                            "INSERT INTO person_identity (person_id, identity, safe_to_contact,"
                            " is_minor, updated_at) VALUES (?, ?, 0, ?, ?)",
                            (
                                person.person_id,
                                json.dumps(person.identity),
                                int(bool(person.identity["is_minor"])),
                                at,
                            ),
                        )
                chains: list[str | None] = []
                if rng.random() < 0.7:
                    chains.append(None)
                chains += [p.person_id for p in case.people if rng.random() < 0.5]
                for person_id in chains:
                    for version in range(1, rng.randint(1, 3) + 1):
                        withdrawn = rng.random() < 0.1
                        scope = [] if withdrawn else _scope(rng)
                        case.consent.append((person_id, scope, withdrawn))
                        tx.execute(
                            "INSERT INTO consent (consent_id, case_id, person_key, person_id,"
                            " version, given_at, language, method, scope, withdrawn,"
                            " recorded_at, recorded_by) VALUES"
                            " (?, ?, ?, ?, ?, ?, 'ro', 'written', ?, ?, ?, 'bench')",
                            (
                                new_id(),
                                case.case_id,
                                person_id or "",
                                person_id,
                                version,
                                at,
                                json.dumps(scope),
                                int(withdrawn),
                                at,
                            ),
                        )
                for indicator_id in rng.sample(indicator_ids, rng.randint(0, 6)):
                    present = rng.random() < 0.8
                    if present:
                        case.indicators.add(indicator_id)
                    tx.execute(
                        "INSERT INTO case_indicators (case_id, indicator_id, present,"
                        " updated_at, updated_by) VALUES (?, ?, ?, ?, 'bench')",
                        (case.case_id, indicator_id, int(present), at),
                    )
                for _ in range(rng.choice((0, 0, 1, 2))):
                    made_on = min(
                        opened.date() + timedelta(days=rng.randint(0, 120)), date(2026, 10, 31)
                    )
                    status = rng.choice(STATUSES)
                    case.referrals.append((made_on, status))
                    tx.execute(
                        "INSERT INTO referrals (referral_id, case_id, recipient, referred_on,"
                        " status, outcome, created_at, created_by, updated_at)"
                        " VALUES (?, ?, 'Shelter', ?, ?, 'typed outcome', ?, 'bench', ?)",
                        (new_id(), case.case_id, made_on.isoformat(), status, at, at),
                    )
                marks = []
                for channel in rng.sample(list(CHANNEL_FORMS), rng.choice((0, 0, 1, 1, 2, 3))):
                    case.channels.add(channel)
                    marks.append(rng.choice(CHANNEL_FORMS[channel]))
                marks += [rng.choice(NOISE) for _ in range(rng.choice((0, 0, 1)))]
                for kind, template in marks:
                    counter += 1
                    value = template.format(n=counter % 5000)
                    _mark(tx, case.case_id, kind, value, at, entity_ids, counter)
            tx.audit("bench.stats", str(first), {"count": batch})
    vault.read("PRAGMA wal_checkpoint(TRUNCATE)")
    return made


def _mark(
    tx: object,
    case_id: str,
    kind: str,
    value: str,
    at: str,
    entity_ids: dict[tuple[str, str], str],
    counter: int,
) -> None:
    execute = tx.execute  # type: ignore[attr-defined]
    if kind in ("source", "chat"):
        evidence_id = new_id()
        acquisition = {"source_url": value if kind == "source" else ""}
        execute(
            "INSERT INTO evidence (evidence_id, case_id, number, kind, blob_id,"
            " original_filename, media_type, size, sha256, acquisition, original_metadata,"
            " ingested_at, ingested_by) VALUES (?, ?, ?, 'file', ?, 'f.bin',"
            " 'application/octet-stream', 0, '', ?, '{}', ?, 'bench')",
            (evidence_id, case_id, counter, "0" * 32, json.dumps(acquisition), at),
        )
        if kind == "chat":
            execute(
                "INSERT INTO conversations (conversation_id, evidence_id, case_id, number,"
                " platform, format, title, time_zone, time_zone_source, details,"
                " message_count, parsed_at, parsed_by) VALUES (?, ?, ?, 1, ?, 'json', 'chat',"
                " 'UTC', 'assumed', '{}', 0, ?, 'bench')",
                (new_id(), evidence_id, case_id, value, at),
            )
        return
    key = (kind, value)
    if key not in entity_ids:
        entity_ids[key] = new_id()
        execute(
            "INSERT INTO entities (entity_id, kind, value, display, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (entity_ids[key], kind, value, value, at),
        )
    execute(
        "INSERT INTO entity_links (link_id, entity_id, case_id, created_at, created_by)"
        " VALUES (?, ?, ?, ?, 'bench')",
        (new_id(), entity_ids[key], case_id, at),
    )
