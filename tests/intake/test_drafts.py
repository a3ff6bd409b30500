"""Drafts of open forms: kept encrypted in the vault, per user, audited by ids only."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake import Intake
from intake.consent_documents import CONSENT_FORM_KIND
from intake.errors import ValidationError
from intake.models import ConsentMethod, RecipientCategory


def test_a_draft_is_saved_replaced_listed_and_discarded(intake: Intake, case_id: str) -> None:
    drafts = intake.drafts
    first = drafts.save("person.add", {"pseudonym": "Martor B"}, case_id=case_id)
    again = drafts.save(
        "person.add",
        {"pseudonym": "Martor B.", "notes": "x"},
        case_id=case_id,
        draft_id=first.draft_id,
    )
    assert again.draft_id == first.draft_id  # one rolling row per open form
    assert [d.state for d in drafts.list_mine()] == [{"pseudonym": "Martor B.", "notes": "x"}]
    assert drafts.discard(first.draft_id)
    assert not drafts.discard(first.draft_id)
    assert drafts.list_mine() == []
    entries = intake.vault.audit_entries(action_prefix="draft.", limit=100)
    assert sorted(e.action for e in entries) == ["draft.discarded", "draft.saved", "draft.saved"]
    for entry in entries:
        # The ledger names the form and the case, never what was typed.
        assert entry.details == {"kind": "person.add", "case_id": case_id}
        assert "Martor" not in str(entry.details)


def test_used_draft_is_audited_as_used(intake: Intake, case_id: str) -> None:
    draft = intake.drafts.save("consent.record", {"notes": "n"}, case_id=case_id)
    intake.drafts.discard(draft.draft_id, used=True)
    assert intake.vault.audit_entries(action_prefix="draft.used", limit=10)


def test_drafts_belong_to_their_user(intake: Intake, case_id: str) -> None:
    draft = intake.drafts.save("case.new", {"title": "T"})
    row = intake.vault.read_one("SELECT actor FROM drafts WHERE draft_id = ?", (draft.draft_id,))
    assert row[0] == intake.vault.actor
    with intake.vault.transaction() as tx:
        tx.execute("UPDATE drafts SET actor = 'someone-else'")
        tx.audit("test.moved", draft.draft_id)
    assert intake.drafts.list_mine() == []
    assert not intake.drafts.discard(draft.draft_id)


def test_empty_kind_refused(intake: Intake) -> None:
    with pytest.raises(ValidationError):
        intake.drafts.save(" ", {})


def test_a_signed_consent_form_is_evidence_linked_to_the_consent(
    intake: Intake, case_id: str, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    consent = intake.consent.record(
        case_id,
        person_id=None,
        scope=[RecipientCategory.COURT],
        given_at=datetime.now(UTC),
        language="ro",
        method=ConsentMethod.WRITTEN,
    )
    scan = tmp_path / "consent.pdf"
    scan.write_bytes(b"%PDF-1.4 signed form")
    evidence = intake.consent_documents.attach(consent.consent_id, scan)
    assert evidence.kind == CONSENT_FORM_KIND
    assert intake.consent_documents.for_consent(consent.consent_id) == [evidence.evidence_id]
    assert intake.vault.audit_entries(action_prefix="consent.document_attached", limit=10)
