"""Roles at the entry points of intake and exports, on a real vault with the demo case."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.from_intake import ExportOptions, export_case
from exports.model import RecipientKind
from intake.demo import build_demo
from intake.models import PersonRole
from intake.service import open_intake
from tests.conftest import CHEAP_KDF
from vault import Vault
from vault.errors import PermissionDeniedError

CASEWORKER, CASEWORKER_PASSPHRASE = "ion", "ion the investigator"
VIEWER, VIEWER_PASSPHRASE = "vera", "vera only reads"


@pytest.fixture
def demo_vault(new_vault: Vault) -> tuple[Path, str]:
    intake = open_intake(new_vault)
    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    new_vault.add_user(CASEWORKER, CASEWORKER_PASSPHRASE, role="investigator", kdf=CHEAP_KDF)
    new_vault.add_user(VIEWER, VIEWER_PASSPHRASE, role="viewer", kdf=CHEAP_KDF)
    new_vault.lock()
    return new_vault.path, reference


def test_a_viewer_reads_and_reveals_but_cannot_export(
    demo_vault: tuple[Path, str], tmp_path: Path
) -> None:
    path, reference = demo_vault
    vera = Vault.unlock(path, VIEWER, VIEWER_PASSPHRASE)
    try:
        intake = open_intake(vera)
        case = intake.cases.by_reference(reference)
        survivor = next(
            p for p in intake.people.list_for_case(case.case_id) if p.role is PersonRole.SURVIVOR
        )
        intake.people.reveal_identity(survivor.person_id, "preparing the hearing")  # audited
        # Looking at an item is reading it: allowed, and recorded as a "viewed" custody event.
        item = intake.evidence.list_for_case(case.case_id)[0]
        with intake.evidence.open_original(item.evidence_id, purpose="reading") as chunks:
            assert b"".join(chunks)
        assert vera.audit_entries(limit=1)[0].action == "custody.viewed"
        before = vera.audit_entries(limit=1)[0].seq
        options = ExportOptions(reference, RecipientKind.PROSECUTOR, purpose="proceedings")
        with pytest.raises(PermissionDeniedError) as info:
            export_case(intake, options, tmp_path / "bundle")
        assert info.value.code == "vault.permission_denied"
        assert not (tmp_path / "bundle").exists()
        assert vera.audit_entries(limit=1)[0].seq == before  # refused before any work
        assert vera.check().ok
    finally:
        vera.lock()


def test_a_caseworker_cannot_erase_a_witness_or_reset_a_passphrase(
    demo_vault: tuple[Path, str],
) -> None:
    """Issue 13: as "investigator", a colleague reset another user's passphrase and erased a
    witness. Investigators are caseworkers now; both are an administrator's."""
    path, reference = demo_vault
    ion = Vault.unlock(path, CASEWORKER, CASEWORKER_PASSPHRASE)
    try:
        intake = open_intake(ion)
        case = intake.cases.by_reference(reference)
        witness = next(
            p for p in intake.people.list_for_case(case.case_id) if p.role is PersonRole.WITNESS
        )
        with pytest.raises(PermissionDeniedError):
            intake.erasure.erase_person(witness.person_id, "asked to by nobody")
        with pytest.raises(PermissionDeniedError):
            ion.change_passphrase(VIEWER, "taken over by ion", kdf=CHEAP_KDF)
        assert intake.people.get(witness.person_id).pseudonym == witness.pseudonym
        assert ion.check().ok
    finally:
        ion.lock()
    Vault.unlock(path, VIEWER, VIEWER_PASSPHRASE).lock()  # vera's passphrase is hers still
