"""A person transfers a case and imports it through the hand-off dialogs (issue 15)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exports.address_book import AddressBook, make_entry, receiving_key
from exports.importer import ImportOutcome
from intake import open_intake
from intake.demo import build_demo
from intake.models import CustodyEventType
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.handoff.address_book_dialog import AddressBookDialog
from ui.handoff.import_dialog import ImportDialog
from ui.handoff.receiving_key_dialog import ReceivingKeyDialog
from ui.handoff.transfer_dialog import TransferDialog
from vault import Vault

SHOTS = os.environ.get("CUSTODIA_SCREENSHOTS")


@pytest.fixture
def vaults(tmp_path):
    a, _ = Vault.create(tmp_path / "A", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    b, _ = Vault.create(tmp_path / "B", "bob", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(a)
    build_demo(intake)
    yield a, b
    for v in (a, b):
        if v.is_open:
            v.lock()


def _shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_transfer_then_import_through_the_dialogs(qtbot, vaults, tmp_path):
    a, b = vaults
    # B shows its receiving key; A's person pastes it into the address book.
    key_dialog = ReceivingKeyDialog(b)
    qtbot.addWidget(key_dialog)
    key_dialog.show()
    assert key_dialog.key_edit.text() == receiving_key(b)
    _shot(key_dialog, "receiving_key")
    card = tmp_path / "card.pdf"
    key_dialog.save_card(card)
    assert card.read_bytes().startswith(b"%PDF")

    book = AddressBookDialog(a)
    qtbot.addWidget(book)
    book.show()
    book.name_edit.setText("Bob (team)")
    book.kind_combo.setCurrentIndex(book.kind_combo.findData("ngo_internal"))
    book.age_edit.setText(key_dialog.key_edit.text())
    assert book.save()
    assert [e.name for e in AddressBook(a).entries()] == ["Bob (team)"]
    _shot(book, "address_book")

    transfer = TransferDialog(a)
    qtbot.addWidget(transfer)
    transfer.show()
    assert transfer.member_combo.currentData() == "Bob (team)"
    dest = tmp_path / "to-bob.zip.age"
    transfer.dest_edit.setText(str(dest))
    with qtbot.waitSignal(transfer.sent, timeout=60_000) as sent:
        transfer.send_button.click()
    _shot(transfer, "transfer")
    assert dest.exists()
    reference = transfer.case_combo.currentData()
    intake_a = open_intake(a)
    case_a = intake_a.cases.by_reference(reference)
    for item in intake_a.evidence.list_for_case(case_a.case_id):
        assert intake_a.custody.events(item.evidence_id)[-1].event_type is (
            CustodyEventType.TRANSFERRED
        )

    # B imports: refused until the sender is confirmed in the dialog, then recorded.
    dialog = ImportDialog(b)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.bundle_edit.setText(str(dest))
    with qtbot.waitSignal(dialog.sender_unconfirmed, timeout=60_000):
        dialog.import_button.click()
    assert dialog.confirm_button.isVisible()
    assert dialog.pending_key == a.fingerprint
    _shot(dialog, "import_unconfirmed")
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
        dialog.confirm_sender("Ana (team)")
    outcome = done.args[0]
    assert isinstance(outcome, ImportOutcome)
    assert outcome.evidence == len(sent.args[0].result.evidence_numbers)
    _shot(dialog, "import_done")
    intake_b = open_intake(b)
    for item in intake_b.evidence.list_for_case(outcome.case_id):
        assert intake_b.custody.events(item.evidence_id)[-1].event_type is (
            CustodyEventType.RECEIVED
        )
    # Importing again adds nothing, and says so.
    with qtbot.waitSignal(dialog.imported, timeout=60_000) as again:
        dialog.import_button.click()
    assert again.args[0].already


def test_address_book_refuses_a_bad_key(qtbot, vaults, monkeypatch):
    a, _ = vaults
    shown = []
    monkeypatch.setattr(
        "ui.handoff.address_book_dialog.show_error", lambda parent, exc: shown.append(exc)
    )
    book = AddressBookDialog(a)
    qtbot.addWidget(book)
    book.name_edit.setText("Someone")
    book.kind_combo.setCurrentIndex(book.kind_combo.findData("police"))
    book.age_edit.setText("age1bad")
    assert not book.save()
    assert shown
    assert AddressBook(a).entries() == []
    AddressBook(a).put(make_entry("Later", "police"))
    book.refresh()
    assert book.list.count() == 1
