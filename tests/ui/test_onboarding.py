from __future__ import annotations

import re

from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.onboarding.create_vault_dialog import CreateVaultDialog
from ui.onboarding.passphrase_strength import score
from vault import Vault

KEY_FORMAT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")


def _walk_to_passphrase(qtbot, dlg):
    dlg.show()
    dlg.next()
    assert dlg.currentPage() is dlg.identity_page
    assert not dlg.identity_page.isComplete()
    assert "Administrator" in dlg.identity_page.role_label.text()  # no job titles to choose
    dlg.identity_page.user_edit.setText("ana")
    dlg.identity_page.org_edit.setText("Fundația Exemplu")
    dlg.next()
    assert dlg.currentPage() is dlg.passphrase_page
    return dlg.passphrase_page


def test_strength_scores():
    assert score("") == 0
    assert score("password123") < 2
    assert score(PASSPHRASE) >= 3


def test_wizard_creates_a_vault_and_insists_on_the_recovery_key(qtbot, vault_path, tmp_path):
    dlg = CreateVaultDialog(vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(dlg)
    assert dlg.location_page.path == vault_path
    page = _walk_to_passphrase(qtbot, dlg)

    page.pass_edit.setText("short")
    assert not page.isComplete()
    assert page.message.text()
    page.pass_edit.setText("password123")
    page.confirm_edit.setText("password123")
    assert not page.isComplete()
    page.pass_edit.setText(PASSPHRASE)
    page.confirm_edit.setText(PASSPHRASE + "x")
    assert not page.isComplete()
    page.confirm_edit.setText(PASSPHRASE)
    assert page.isComplete()
    assert page.strength.score >= 3

    with qtbot.waitSignal(page.created, timeout=10_000):
        dlg.next()
    qtbot.waitUntil(lambda: dlg.currentPage() is dlg.recovery_page, timeout=5000)
    key = dlg.recovery_page.key_label.text()
    assert KEY_FORMAT.match(key)
    assert dlg.vault is not None
    assert dlg.vault.is_open

    # No way out before the key is acknowledged.
    assert not dlg.recovery_page.isComplete()
    dlg.reject()
    assert dlg.isVisible()

    pdf = tmp_path / "key.pdf"
    dlg.recovery_page.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    dlg.recovery_page.stored_check.setChecked(True)
    assert dlg.recovery_page.isComplete()
    with qtbot.waitSignal(dlg.accepted, timeout=2000):
        dlg.accept()
    assert dlg.recovery_page.key_label.text() == ""
    vault = dlg.vault
    assert vault.actor == "ana"
    assert vault.user_profiles() == [("ana", "administrator", "Fundația Exemplu")]
    assert vault.role == "administrator"  # the creator administers the vault
    vault.lock()
    Vault.unlock_with_recovery_key(vault_path, key).lock()


def test_wizard_reports_an_existing_vault_in_plain_words(qtbot, vault_path, made_vault):
    dlg = CreateVaultDialog(vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.next()
    # The location page refuses a non-empty folder.
    assert dlg.currentPage() is dlg.location_page
    assert "not empty" in dlg.location_page.subTitle()
