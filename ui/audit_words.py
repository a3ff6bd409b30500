"""The audit log in words: each action code as a person says it, and the records an entry is
about by their pseudonyms, case references and labels instead of hex ids.

One table for every interface (the app's audit screen and its CSV; the command line could print
the same), in the current language of ``resources.i18n``. Qt-free. Protected identities are
never named: a person is their pseudonym, an identity entry says only whose identity it was.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from intake.models import evidence_label
from resources.i18n import NC_, pgettext
from vault import Vault
from vault.db import DatabaseError

log = logging.getLogger(__name__)

CONTEXT = "AuditActions"

ACTIONS: dict[str, str] = {
    "vault.created": NC_("AuditActions", "Vault created"),
    "vault.unlocked": NC_("AuditActions", "Vault unlocked"),
    "vault.locked": NC_("AuditActions", "Vault locked"),
    "vault.checkpoint": NC_("AuditActions", "Audit checkpoint signed"),
    "vault.restored": NC_("AuditActions", "Vault restored from a backup"),
    "vault.passphrase_changed": NC_("AuditActions", "Passphrase changed"),
    "vault.keyring_enabled": NC_("AuditActions", "Unlock with the system keyring turned on"),
    "vault.keyring_disabled": NC_("AuditActions", "Unlock with the system keyring turned off"),
    "vault.user_added": NC_("AuditActions", "User added"),
    "vault.backup_started": NC_("AuditActions", "Backup started"),
    "vault.backed_up": NC_("AuditActions", "Backup made"),
    "schema.migrated": NC_("AuditActions", "Vault format updated"),
    "blob.orphan_removed": NC_("AuditActions", "Unused encrypted file removed"),
    "user.added": NC_("AuditActions", "User added"),
    "user.removed": NC_("AuditActions", "User removed"),
    "user.role_changed": NC_("AuditActions", "User's role changed"),
    "user.key_enrolled": NC_("AuditActions", "User's signing key enrolled"),
    "user.slot_relabelled": NC_("AuditActions", "User's key slot relabelled"),
    "users.accountable": NC_("AuditActions", "Users made accountable"),
    "case.created": NC_("AuditActions", "Case created"),
    "case.edited": NC_("AuditActions", "Case edited"),
    "case.closed": NC_("AuditActions", "Case closed"),
    "case.reopened": NC_("AuditActions", "Case reopened"),
    "case.legal_hold_set": NC_("AuditActions", "Legal hold set"),
    "case.legal_hold_lifted": NC_("AuditActions", "Legal hold lifted"),
    "case.retention_set": NC_("AuditActions", "Retention date set"),
    "case.erased": NC_("AuditActions", "Case erased (retention)"),
    "referral.added": NC_("AuditActions", "Referral recorded"),
    "referral.updated": NC_("AuditActions", "Referral status changed"),
    "task.added": NC_("AuditActions", "Task added"),
    "task.done": NC_("AuditActions", "Task marked done"),
    "task.reopened": NC_("AuditActions", "Task marked not done"),
    "export.calendar": NC_("AuditActions", "Tasks exported to a calendar file"),
    "indicator.set": NC_("AuditActions", "Trafficking indicator marked"),
    "indicator.unset": NC_("AuditActions", "Trafficking indicator unmarked"),
    "person.added": NC_("AuditActions", "Person added"),
    "person.edited": NC_("AuditActions", "Person edited"),
    "person.identity_set": NC_("AuditActions", "Protected identity recorded"),
    "person.identity_revealed": NC_("AuditActions", "Protected identity revealed"),
    "person.erased": NC_("AuditActions", "Person erased"),
    "consent.recorded": NC_("AuditActions", "Consent recorded"),
    "consent.withdrawn": NC_("AuditActions", "Consent withdrawn"),
    "consent.document_attached": NC_("AuditActions", "Signed consent form attached"),
    "interview.created": NC_("AuditActions", "Interview recorded"),
    "interview.edited": NC_("AuditActions", "Interview edited"),
    "interview.break_added": NC_("AuditActions", "Interview break added"),
    "statement.created": NC_("AuditActions", "Statement started"),
    "statement.edited": NC_("AuditActions", "Statement details edited"),
    "statement.revised": NC_("AuditActions", "Statement revision saved"),
    "statement.draft_saved": NC_("AuditActions", "Statement draft saved"),
    "statement.read_back": NC_("AuditActions", "Statement read back"),
    "statement.finalised": NC_("AuditActions", "Statement finalised"),
    "statement.addendum_added": NC_("AuditActions", "Addendum added"),
    "statement.received": NC_("AuditActions", "Statement received from another vault"),
    "draft.saved": NC_("AuditActions", "Form draft kept"),
    "draft.used": NC_("AuditActions", "Form draft taken back"),
    "draft.discarded": NC_("AuditActions", "Form draft discarded"),
    "evidence.ingested": NC_("AuditActions", "Evidence added"),
    "evidence.described": NC_("AuditActions", "Evidence description changed"),
    "evidence.received": NC_("AuditActions", "Evidence received from another vault"),
    "custody.collected": NC_("AuditActions", "Custody: collected"),
    "custody.ingested": NC_("AuditActions", "Custody: encrypted into the vault"),
    "custody.viewed": NC_("AuditActions", "Custody: viewed"),
    "custody.exported": NC_("AuditActions", "Custody: exported"),
    "custody.transferred": NC_("AuditActions", "Custody: transferred"),
    "custody.received": NC_("AuditActions", "Custody: received"),
    "custody.verified": NC_("AuditActions", "Custody: hash verified"),
    "custody.returned": NC_("AuditActions", "Custody: returned"),
    "custody.destroyed": NC_("AuditActions", "Custody: destroyed"),
    "entity.created": NC_("AuditActions", "Entity created"),
    "entity.linked": NC_("AuditActions", "Entity linked to a case"),
    "entity.unlinked": NC_("AuditActions", "Entity link removed"),
    "chat.parsed": NC_("AuditActions", "Chat export read"),
    "chat.message_marked": NC_("AuditActions", "Chat message marked relevant"),
    "chat.message_unmarked": NC_("AuditActions", "Chat message unmarked"),
    "search.rebuilt": NC_("AuditActions", "Search index rebuilt"),
    "search.text_extracted": NC_("AuditActions", "Text of an evidence file indexed"),
    "search.identity_matched": NC_("AuditActions", "Search matched a protected identity"),
    "export.started": NC_("AuditActions", "Export started"),
    "export.completed": NC_("AuditActions", "Export completed"),
    "export.failed": NC_("AuditActions", "Export failed"),
    "export.refused": NC_("AuditActions", "Export refused"),
    "export.reviewed": NC_("AuditActions", "Partner export reviewed"),
    "export.court_order": NC_("AuditActions", "Court order overrode missing consent"),
    "export.printed": NC_("AuditActions", "Printed"),
    "export.audit_log": NC_("AuditActions", "Audit log exported as CSV"),
    "export.statistics": NC_("AuditActions", "Trends exported (counts under 5 hidden)"),
    "export.receiving_key_created": NC_("AuditActions", "Receiving key created"),
    "export.certificate_added": NC_("AuditActions", "Organisation certificate added"),
    "export.certificate_retired": NC_("AuditActions", "Organisation certificate retired"),
    "bundle.imported": NC_("AuditActions", "Bundle imported"),
    "sender.added": NC_("AuditActions", "Known sender added"),
    "sender.removed": NC_("AuditActions", "Known sender removed"),
    "addressbook.entry_saved": NC_("AuditActions", "Address book entry saved"),
    "addressbook.entry_removed": NC_("AuditActions", "Address book entry removed"),
    "tsa.configured": NC_("AuditActions", "Timestamp authority set"),
    "tsa.removed": NC_("AuditActions", "Timestamp authority turned off"),
    "timestamp.queued": NC_("AuditActions", "Timestamp requested"),
    "timestamp.received": NC_("AuditActions", "Timestamp received"),
}

_STATEMENT = NC_("AuditActions", "an untitled statement")
_INTERVIEW = NC_("AuditActions", "an interview")

#: The kinds the audit screen filters by: (key, words, action prefixes).
KINDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("cases", NC_("AuditActions", "Cases"), ("case.", "indicator.")),
    ("people", NC_("AuditActions", "People and identities"), ("person.",)),
    ("consent", NC_("AuditActions", "Consent"), ("consent.",)),
    ("statements", NC_("AuditActions", "Interviews and statements"), ("statement.", "interview.")),
    ("evidence", NC_("AuditActions", "Evidence and custody"), ("evidence.", "custody.", "chat.")),
    ("entities", NC_("AuditActions", "Entities"), ("entity.",)),
    ("casework", NC_("AuditActions", "Referrals and tasks"), ("referral.", "task.")),
    (
        "exports",
        NC_("AuditActions", "Exports and bundles"),
        ("export.", "bundle.", "sender.", "addressbook.", "timestamp.", "tsa."),
    ),
    ("search", NC_("AuditActions", "Search"), ("search.",)),
    ("users", NC_("AuditActions", "Users and roles"), ("user.", "users.", "vault.user_")),
    (
        "vault",
        NC_("AuditActions", "Vault, backups and drafts"),
        ("vault.", "schema.", "blob.", "draft."),
    ),
)


def action_words(code: str) -> str:
    """The action in the current language; an action this table does not know yet is spelt out
    from its code ("case.note_added" → "Case: note added"), never shown as a bare code."""
    if code in ACTIONS:
        return pgettext(CONTEXT, ACTIONS[code])
    family, _, rest = code.partition(".")
    words = rest.replace("_", " ").strip()
    family = family.replace("_", " ").capitalize()
    return f"{family}: {words}" if words else family


def kind_words(key: str) -> str:
    for name, words, _ in KINDS:
        if name == key:
            return pgettext(CONTEXT, words)
    return key


def kind_prefixes(key: str) -> tuple[str, ...]:
    for name, _, prefixes in KINDS:
        if name == key:
            return prefixes
    return ()


@dataclass(frozen=True)
class Subject:
    """What an entry is about, in words, and the case it belongs to (if any)."""

    case_id: str | None
    case_reference: str
    about: str


class Names:
    """Names the records audit entries refer to, read once per screenful from the vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._cache: dict[str, tuple[str | None, str]] = {}
        self._cases: dict[str, str] = {}

    def _rows(self, sql: str, ids: list[str]) -> list[Any]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        try:
            return self._vault.read(sql.replace("{ids}", marks), ids)
        except DatabaseError:
            return []  # a vault without the intake tables yet: its entries name no records

    def load(self, ids: Iterable[str]) -> None:
        """Look up, in a few queries, every id not known yet (subjects and details' ids)."""
        wanted = sorted({i for i in ids if i and i not in self._cache})
        if not wanted:
            return
        for case_id, reference in self._rows(
            "SELECT case_id, reference FROM cases WHERE case_id IN ({ids})", wanted
        ):
            self._cases[case_id] = reference
            self._cache[case_id] = (case_id, "")
        for person_id, case_id, pseudonym in self._rows(
            "SELECT person_id, case_id, pseudonym FROM people WHERE person_id IN ({ids})", wanted
        ):
            self._cache[person_id] = (case_id, pseudonym)
        for statement_id, case_id, title in self._rows(
            "SELECT statement_id, case_id, title FROM statements WHERE statement_id IN ({ids})",
            wanted,
        ):
            self._cache[statement_id] = (case_id, _quoted(title, _word(_STATEMENT)))
        for addendum_id, case_id, number, title in self._rows(
            "SELECT a.addendum_id, s.case_id, a.number, s.title FROM statement_addenda a"
            " JOIN statements s ON s.statement_id = a.statement_id WHERE a.addendum_id IN ({ids})",
            wanted,
        ):
            about = _fill(pgettext(CONTEXT, "addendum %1 to %2"), number, _quoted(title, ""))
            self._cache[addendum_id] = (case_id, about.strip())
        for evidence_id, case_id, number, filename in self._rows(
            "SELECT evidence_id, case_id, number, original_filename FROM evidence"
            " WHERE evidence_id IN ({ids})",
            wanted,
        ):
            self._cache[evidence_id] = (case_id, f"{evidence_label(int(number))} {filename}")
        for interview_id, case_id, pseudonym in self._rows(
            "SELECT i.interview_id, i.case_id, p.pseudonym FROM interviews i LEFT JOIN people p"
            " ON p.person_id = i.person_id WHERE i.interview_id IN ({ids})",
            wanted,
        ):
            about = (
                _fill(pgettext(CONTEXT, "interview with %1"), pseudonym)
                if pseudonym
                else _word(_INTERVIEW)
            )
            self._cache[interview_id] = (case_id, about)
        for consent_id, case_id, version, pseudonym in self._rows(
            "SELECT c.consent_id, c.case_id, c.version, p.pseudonym FROM consent c LEFT JOIN"
            " people p ON p.person_id = c.person_id WHERE c.consent_id IN ({ids})",
            wanted,
        ):
            about = _fill(pgettext(CONTEXT, "consent of %1, version %2"), pseudonym or "—", version)
            self._cache[consent_id] = (case_id, about)
        for link_id, case_id, display in self._rows(
            "SELECT l.link_id, l.case_id, e.display FROM entity_links l JOIN entities e"
            " ON e.entity_id = l.entity_id WHERE l.link_id IN ({ids})",
            wanted,
        ):
            self._cache[link_id] = (case_id, display)
        for entity_id, display in self._rows(
            "SELECT entity_id, display FROM entities WHERE entity_id IN ({ids})", wanted
        ):
            self._cache[entity_id] = (None, display)
        for user in self._users():
            if user[0] in wanted:
                self._cache[user[0]] = (None, user[1])
        for missing in wanted:
            self._cache.setdefault(missing, (None, ""))

    def _users(self) -> list[tuple[str, str]]:
        try:
            return [(u.user_id, u.name) for u in self._vault.list_users()]
        except Exception:  # noqa: BLE001 - names are a courtesy: the entry shows without them
            return []

    def case_reference(self, case_id: str | None) -> str:
        return self._cases.get(case_id or "", "") if case_id else ""

    def subject(self, subject: str, details: Mapping[str, Any]) -> Subject:
        """The case and words for one entry's subject (its details' case_id wins)."""
        case_id, about = self._cache.get(subject, (None, ""))
        detail_case = details.get("case_id")
        if isinstance(detail_case, str) and detail_case in self._cases:
            case_id = detail_case
        if case_id is not None and case_id not in self._cases:
            self.load([case_id])
        if not about and subject in self._cases:
            about = ""  # the case itself: its reference is in the case column
        elif not about and subject and not _looks_like_id(subject):
            about = subject  # already words ("search_index", a bundle name)
        return Subject(case_id, self.case_reference(case_id), about)

    def name(self, value: str) -> str:
        """An id's words (a pseudonym, a reference, a label), or the value as it is."""
        _case_id, about = self._cache.get(value, (None, ""))
        if value in self._cases:
            return self._cases[value]
        return about or value


def entry_ids(subject: str, details: Mapping[str, Any]) -> list[str]:
    """The ids an entry mentions: its subject and the ``*_id`` values of its details."""
    ids = [subject]
    for key, value in details.items():
        if key.endswith("_id") and isinstance(value, str):
            ids.append(value)
        elif key == "people" and isinstance(value, list):
            ids.extend(v for v in value if isinstance(v, str))
    return ids


def details_words(details: Mapping[str, Any], names: Names) -> list[tuple[str, str]]:
    """An entry's details as (key, words) lines, ids replaced by the names of what they are."""
    lines: list[tuple[str, str]] = []
    for key in sorted(details):
        value = details[key]
        if isinstance(value, str) and (key.endswith("_id") or _looks_like_id(value)):
            text = names.name(value)
        elif isinstance(value, list):
            text = ", ".join(names.name(v) if isinstance(v, str) else str(v) for v in value)
        else:
            text = str(value)
        lines.append((key.replace("_", " "), text))
    return lines


def _looks_like_id(value: str) -> bool:
    return len(value) in (16, 32) and all(ch in "0123456789abcdef" for ch in value)


def _word(text: str) -> str:
    return pgettext(CONTEXT, text)


def _quoted(title: str, fallback: str) -> str:
    return f"“{title}”" if title.strip() else fallback


def _fill(template: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template
