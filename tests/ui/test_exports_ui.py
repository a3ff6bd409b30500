"""The export wizard and the verify window, over the fictional demo case in a real vault."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMenu

from exports.address_book import AddressBook, make_entry, receiving_key
from exports.from_intake import ExportOptions
from exports.handoff import export_sealed
from exports.model import Profile, RecipientKind
from exports.senders import FileSenderBook, VaultSenderBook, make_sender
from exports.verify import CheckCode, FactCode, VerdictCode
from intake import open_intake
from intake.demo import DEMO_REFERENCE, build_demo
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui import verify_words
from ui.exports.export_wizard import ONE_OFF, ExportWizard, default_bundle_name
from ui.exports.verify_window import VerifyWindow
from ui.formatting import fingerprint
from ui.main_window import MainWindow
from ui.operations import operations
from ui.session import Session
from ui.unlock.unlock_dialog import UnlockDialog
from ui.workspace import Workspace
from vault import Vault


@pytest.fixture
def demo(tmp_path):
    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    intake = open_intake(vault)
    case_id = build_demo(intake)
    yield intake, case_id
    if vault.is_open:
        vault.lock()


def _export(qtbot, wizard: ExportWizard, dest: Path, *, as_zip: bool) -> None:
    if wizard.recipient_kind is None:  # there is no default kind
        wizard.set_choice(RecipientKind.COURT, Profile.COURT)
    (wizard.zip_radio if as_zip else wizard.folder_radio).setChecked(True)
    wizard.dest_edit.setText(str(dest))
    assert wizard.export_button.isEnabled()
    with qtbot.waitSignal(wizard.exported, timeout=60_000):
        wizard.export_button.click()


def _verify(qtbot, window: VerifyWindow, path: Path):
    with qtbot.waitSignal(window.verified, timeout=60_000) as blocker:
        window.verify(path)
    return blocker.args[0]


def test_demo_case_exports_then_verifies_in_the_window(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    wizard.recipient_edit.setText("Tribunal Constanța")
    wizard.set_choice(RecipientKind.COURT, Profile.COURT)
    assert wizard.decision is not None
    assert wizard.decision.allowed
    assert wizard.decision_label.text().startswith("Allowed")
    bundle = tmp_path / "out" / "bundle.zip"
    bundle.parent.mkdir()
    _export(qtbot, wizard, bundle, as_zip=True)
    result = wizard.export_result
    assert result is not None
    assert bundle.is_file()
    # The fingerprint to tell the recipient separately is on screen, in full.
    assert wizard.pages.currentIndex() == 2
    assert wizard.fingerprint_label.text() == fingerprint(result.ed25519_fingerprint)
    assert wizard.fingerprint_label.text().replace(" ", "") == result.ed25519_fingerprint
    # So is the report certificate's SHA-256, which identifies the sender too.
    assert result.pdf_certificate_sha256
    assert wizard.certificate_label.isVisibleTo(wizard)
    assert wizard.certificate_label.text() == fingerprint(result.pdf_certificate_sha256)
    # The export is on record.
    assert intake.vault.audit_entries(action_prefix="export.completed", limit=1)

    book = FileSenderBook(tmp_path / "config")
    window = VerifyWindow(sender_book=lambda: book)
    qtbot.addWidget(window)
    verdict = _verify(qtbot, window, bundle)
    # Intact, but nothing the recipient knows says who sent it: amber, with what to do.
    assert verdict.ok
    assert verdict.code is VerdictCode.UNCONFIRMED
    assert window.result_label.property("verdict") == "unconfirmed"
    assert window.result_label.text().startswith("INTACT, SENDER NOT CONFIRMED")
    assert "Call the sender" in window.result_label.text()
    assert window.confirm_button.isVisibleTo(window)
    assert window.items.count() == len(verdict.checks)
    assert all(window.items.item(i).text().startswith("✓") for i in range(window.items.count()))
    # The signer key the window shows is the one the sender read out.
    assert wizard.fingerprint_label.text() in window.facts.text()
    # Confirmed by phone: the sender is added, and the bundle verifies as theirs.
    with qtbot.waitSignal(window.verified, timeout=60_000) as blocker:
        assert window.confirm_sender("Fictional NGO")
    assert blocker.args[0].code is VerdictCode.INTACT
    assert [s.name for s in book.entries()] == ["Fictional NGO"]
    assert window.result_label.property("verdict") == "ok"
    assert window.result_label.text().startswith("INTACT, from Fictional NGO, a known sender")
    assert not window.confirm_button.isVisibleTo(window)


def test_a_tampered_bundle_names_the_changed_file(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    bundle = tmp_path / "bundle"
    _export(qtbot, wizard, bundle, as_zip=False)
    evidence = sorted((bundle / "data" / "evidence").iterdir())[0]
    data = bytearray(evidence.read_bytes())
    data[len(data) // 2] ^= 0x01
    evidence.write_bytes(bytes(data))

    window = VerifyWindow(sender_book=lambda: FileSenderBook(tmp_path / "config"))
    qtbot.addWidget(window)
    verdict = _verify(qtbot, window, bundle)
    assert not verdict.ok
    assert window.result_label.property("verdict") == "bad"
    assert not window.confirm_button.isVisibleTo(window)
    assert window.result_label.text().startswith("NOT INTACT")
    rel = f"data/evidence/{evidence.name}"
    first = window.items.item(0).text()  # problems are listed first
    assert first.startswith("✗")
    assert rel in first
    assert "changed" in first


def test_a_refused_export_shows_the_reason_and_cannot_start(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    # The demo's consent covers NGO internal, prosecutor and court: not the police.
    wizard.set_choice(RecipientKind.POLICE, Profile.COURT)
    assert wizard.decision is not None
    assert not wizard.decision.allowed
    assert not wizard.export_button.isEnabled()
    text = wizard.decision_label.text()
    assert text.startswith("Refused")
    assert "police" in text
    assert wizard.decision_label.property("verdict") == "bad"
    # The court profile may not go to a partner NGO, whatever the consent says.
    wizard.set_choice(RecipientKind.PARTNER_NGO, Profile.COURT)
    assert "pseudonymised" in wizard.decision_label.text()


def test_the_core_refusal_is_shown_with_its_reason_and_audited(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    wizard.set_choice(RecipientKind.POLICE, Profile.COURT)
    wizard.dest_edit.setText(str(tmp_path / "refused.zip"))
    job = wizard.start_export()  # what a stale screen would do: the core decides again
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    text = wizard.outcome.text()
    assert text.startswith("Refused")
    assert "police" in text.split("\n", 1)[1]
    assert not (tmp_path / "refused.zip").exists()
    assert intake.vault.audit_entries(action_prefix="export.refused", limit=1)
    assert wizard.fingerprint_label.isHidden()
    assert wizard.certificate_label.isHidden()


def test_cancelling_an_export_writes_nothing(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    dest = tmp_path / "cancelled"
    wizard.set_choice(RecipientKind.COURT, Profile.COURT)
    wizard.folder_radio.setChecked(True)
    wizard.dest_edit.setText(str(dest))
    job = wizard.start_export()
    assert job is not None
    wizard.cancel_or_close()  # at once: the export has not reached its first file
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert "cancelled" in wizard.outcome.text()
    assert not dest.exists()


def test_verify_window_opens_without_a_vault_from_the_locked_screens(qtbot, settings, tmp_path):
    window = MainWindow(Session(), settings, tmp_path / "no-vault-here", kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    wizard = window.start()  # first run: the create wizard
    wizard.verify_requested.emit()
    assert window.verify_window is not None
    assert window.verify_window.isVisible()
    window.verify_window.close()
    window.locked_view.verify_button.click()
    assert window.verify_window.isVisible()
    verdict_window = window.verify_window
    verdict = _verify(qtbot, verdict_window, tmp_path / "not-a-bundle")
    assert not verdict.readable
    assert verdict_window.result_label.text().startswith("NOT A READABLE BUNDLE")
    verdict_window.close()
    wizard.reject()


def test_unlock_dialog_offers_the_verifier(qtbot, settings, vault_path, made_vault):
    window = MainWindow(Session(), settings, vault_path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    dialog = window.start()
    assert isinstance(dialog, UnlockDialog)
    dialog.verify_button.click()
    assert window.verify_window is not None
    assert window.verify_window.isVisible()
    window.verify_window.close()
    menus = [a.menu() for a in window.menuBar().actions()]
    menu_actions = [a for m in menus if isinstance(m, QMenu) for a in m.actions()]
    assert window.verify_action in menu_actions
    assert window.verify_action.isEnabled()  # while locked too: no vault needed


def test_export_is_reachable_from_the_case_workspace(qtbot, settings, tmp_path):
    path = tmp_path / "v"
    vault, _ = Vault.create(path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    case_id = build_demo(vault)
    session = Session()
    window = MainWindow(session, settings, path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    session.open(vault)
    workspace = window.workspace
    assert isinstance(workspace, Workspace)
    view = workspace.open_case(case_id)
    assert view is not None
    with qtbot.waitSignal(view.export_requested):
        view.export_button.click()
    wizard = window.findChild(ExportWizard)
    assert wizard is not None
    assert DEMO_REFERENCE in wizard.case_label.text()
    session.lock("manual")


def test_a_known_sender_in_the_open_vault_confirms_its_bundle(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    bundle = tmp_path / "bundle"
    _export(qtbot, wizard, bundle, as_zip=False)
    result = wizard.export_result
    assert result is not None
    VaultSenderBook(intake.vault).add(make_sender("Our own office", result.ed25519_fingerprint))
    window = VerifyWindow(sender_book=lambda: VaultSenderBook(intake.vault))
    qtbot.addWidget(window)
    verdict = _verify(qtbot, window, bundle)
    assert verdict.exit_code == 0
    assert window.result_label.property("verdict") == "ok"
    assert "Our own office" in window.result_label.text()


def test_every_code_has_words_for_both_interfaces():
    # One table for the command line and the window: every code the verifier can give.
    for code in CheckCode:
        assert code in verify_words._CHECKS, code
    for fact in FactCode:
        assert fact in verify_words._FACTS, fact


# Partner exports (issue 14) -----------------------------------------------------------------------


def test_the_wizard_has_no_default_recipient_kind(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    wizard.dest_edit.setText(str(tmp_path / "b.zip"))
    assert wizard.recipient_kind is None
    assert not wizard.export_button.isEnabled()
    assert "there is no default" in wizard.decision_label.text()
    assert wizard.start_export() is None
    assert not (tmp_path / "b.zip").exists()
    # Choosing a partner picks the pseudonymised profile; choosing a court, full identity.
    wizard.category_combo.setCurrentIndex(wizard.category_combo.findData("partner_ngo"))
    assert wizard.profile is Profile.PSEUDONYMISED
    wizard.category_combo.setCurrentIndex(wizard.category_combo.findData("court"))
    assert wizard.profile.value == "court"


def test_a_partner_export_is_reviewed_then_confirmed_in_the_app(qtbot, demo, tmp_path):
    intake, case_id = demo
    people = {p.role.value: p for p in intake.people.list_for_case(case_id)}
    from datetime import UTC, datetime

    intake.consent.record(
        case_id,
        person_id=people["survivor"].person_id,
        scope=[RecipientKind.PARTNER_NGO, RecipientKind.COURT],
        given_at=datetime(2026, 3, 4, tzinfo=UTC),
        language="uk",
        method="written",
    )
    wizard = ExportWizard(intake, case_id)
    qtbot.addWidget(wizard)
    wizard.set_choice(RecipientKind.PARTNER_NGO, Profile.PSEUDONYMISED)
    assert wizard.decision is not None
    assert wizard.decision.allowed
    # The witness consented to court, not partners: their statement stays behind, said so.
    assert "Left out:" in wizard.decision_label.text()
    assert "Vecinul M." in wizard.decision_label.text()
    wizard.dest_edit.setText(str(tmp_path / "partner.zip"))
    assert wizard.export_button.isEnabled()
    assert wizard.start_export() is None  # first the review
    # Built in a worker through the operations layer: the window stays responsive meanwhile.
    assert wizard.review_job is not None
    assert operations().started_names()[-1] == "export-review"
    assert not wizard.export_button.isEnabled()
    assert wizard.review_panel.cancel_button.isVisibleTo(wizard)
    ticks: list[int] = []
    timer = QTimer(wizard)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    qtbot.waitUntil(lambda: wizard.reviewing, timeout=60_000)
    timer.stop()
    assert ticks  # the event loop ran while the review was prepared
    page = wizard.review_page
    html = page.browser.toHtml()
    assert "[redacted]" in html
    assert "Олена" not in html
    assert page.review is not None
    assert page.review.suspicious_count > 0
    assert not wizard.export_button.isEnabled()  # not confirmed yet
    page.confirm_box.setChecked(True)
    assert wizard.export_button.isEnabled()
    derivatives = page.review.derivatives
    assert derivatives is not None
    made = derivatives.made
    assert made > 0
    with qtbot.waitSignal(wizard.exported, timeout=60_000):
        wizard.export_button.click()
    assert (tmp_path / "partner.zip").exists()
    # The bundle took the review's redacted copies: none was made again.
    assert derivatives.made == made
    # The cover names only what was left out, with real plurals: never "0 files".
    with zipfile.ZipFile(tmp_path / "partner.zip") as bundle:
        name = next(n for n in bundle.namelist() if n.endswith("data/report.pdf"))
        reader = PdfReader(io.BytesIO(bundle.read(name)))
    cover = " ".join((page.extract_text() or "") for page in reader.pages[:2])
    cover = " ".join(cover.split())
    assert "Left out: 1 statement; see section 1." in cover
    assert "0 files" not in cover
    assert "0 statements" not in cover
    (entry,) = intake.vault.audit_entries(action_prefix="export.reviewed")
    assert entry.details["via"] == "app"
    assert entry.details["review"] == page.review.digest


def test_a_partner_review_can_be_cancelled(qtbot, demo, tmp_path):
    intake, case_id = demo
    wizard = ExportWizard(intake, case_id, default_folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.set_choice(RecipientKind.RESEARCH, Profile.PSEUDONYMISED)
    wizard.start_export()
    job = wizard.review_job
    if job is None:  # refused by consent at once: nothing to cancel
        return
    with qtbot.waitSignal(job.finished, timeout=60_000):
        wizard.review_panel.cancel()
    assert not wizard.reviewing or job.outcome == "succeeded"
    assert wizard.choose_page.isEnabled()


# Address book and encrypted bundles (issue 15) ---------------------------------------------------


def test_the_wizard_opens_with_nothing_chosen_and_a_name_not_taken(qtbot, demo, tmp_path):
    intake, case_id = demo
    taken = tmp_path / f"{default_bundle_name(DEMO_REFERENCE)}.zip"
    taken.write_bytes(b"an earlier bundle")
    wizard = ExportWizard(intake, case_id, default_folder=tmp_path)
    qtbot.addWidget(wizard)
    assert wizard.recipient_combo.currentIndex() == 0
    assert wizard.entry is None
    assert not wizard.one_off
    assert wizard.recipient_kind is None
    assert not wizard.category_combo.isEnabled()  # the recipient comes first
    # Nothing is wrong yet: no red refusal, just what to do.
    assert wizard.decision_label.property("verdict") == ""
    assert "Refused" not in wizard.decision_label.text()
    assert not wizard.export_button.isEnabled()
    proposed = Path(wizard.dest_edit.text())
    assert proposed.parent == tmp_path
    assert not proposed.exists()
    assert proposed.name == f"{default_bundle_name(DEMO_REFERENCE)}-2.zip"
    wizard.folder_radio.setChecked(True)
    assert not Path(wizard.dest_edit.text()).exists()
    # A one-off recipient, typed by hand, with a kind chosen explicitly.
    wizard.recipient_combo.setCurrentIndex(wizard.recipient_combo.findData(ONE_OFF))
    assert wizard.recipient_edit.isVisibleTo(wizard)
    assert wizard.category_combo.isEnabled()
    assert wizard.recipient_kind is None
    assert not wizard.encrypted_radio.isEnabled()
    wizard.recipient_edit.setText("Tribunal Constanța")
    wizard.category_combo.setCurrentIndex(wizard.category_combo.findData("court"))
    assert wizard.export_button.isEnabled()
    assert wizard.recipient_name == "Tribunal Constanța"


def test_an_address_book_recipient_gets_an_encrypted_bundle_their_vault_verifies(
    qtbot, demo, tmp_path
):
    intake, case_id = demo
    other, _ = Vault.create(tmp_path / "b", "bogdan", PASSPHRASE, kdf=CHEAP_KDF, role="lawyer")
    key = receiving_key(other)
    book = AddressBook(intake.vault)
    book.put(make_entry("Parchetul Constanța", "prosecutor", age_recipient=key))
    book.put(make_entry("Tribunal Iași", "court"))
    wizard = ExportWizard(intake, case_id, default_folder=tmp_path)
    qtbot.addWidget(wizard)
    wizard.choose_recipient("Parchetul Constanța")
    # The kind comes with the entry; encrypted is the default with a key.
    assert wizard.recipient_kind is RecipientKind.PROSECUTOR
    assert not wizard.category_combo.isEnabled()
    assert not wizard.recipient_edit.isVisibleTo(wizard)
    assert wizard.encrypted
    assert wizard.dest_edit.text().endswith(".zip.age")
    assert wizard.format_note.property("verdict") == "ok"
    # A plaintext bundle stays possible, with a warning in words.
    wizard.zip_radio.setChecked(True)
    assert wizard.dest_edit.text().endswith(".zip")
    assert wizard.format_note.property("verdict") == "unconfirmed"
    assert "Not encrypted" in wizard.format_note.text()
    wizard.encrypted_radio.setChecked(True)
    assert wizard.export_button.isEnabled()
    dest = Path(wizard.dest_edit.text())
    with qtbot.waitSignal(wizard.exported, timeout=60_000):
        wizard.export_button.click()
    assert dest.is_file()
    assert dest.read_bytes().startswith(b"age-encryption.org/v1")
    assert not dest.with_name(dest.name.removesuffix(".age")).exists()  # no plaintext beside
    assert wizard.verify_button.isHidden()  # only the recipient's key opens it
    # An entry without a key: plaintext only, said so.
    again = ExportWizard(intake, case_id, default_folder=tmp_path)
    qtbot.addWidget(again)
    again.choose_recipient("Tribunal Iași")
    assert again.recipient_kind is RecipientKind.COURT
    assert not again.encrypted_radio.isEnabled()
    assert again.dest_edit.text().endswith(".zip")

    # The receiving vault's verify window opens it with its own key, in memory.
    window = VerifyWindow(sender_book=lambda: FileSenderBook(tmp_path / "config"))
    qtbot.addWidget(window)
    window.open_vault = lambda: other
    window.path_edit.setText(str(dest))
    assert window.key_row.isVisibleTo(window)
    assert window.key_source == "vault"
    verdict = _verify(qtbot, window, dest)
    assert verdict.ok
    assert verdict.code is VerdictCode.UNCONFIRMED
    assert window.result_label.text().startswith("INTACT")
    other.lock()


def test_the_verify_window_opens_a_bundle_with_a_passphrase(qtbot, demo, tmp_path, monkeypatch):
    intake, _case_id = demo
    options = ExportOptions(DEMO_REFERENCE, RecipientKind.COURT, recipient_name="Court")
    sent = export_sealed(intake, options, tmp_path / "sealed", passphrase="correct horse")
    (path,) = sent.paths
    window = VerifyWindow(sender_book=lambda: FileSenderBook(tmp_path / "config"))
    qtbot.addWidget(window)
    window.path_edit.setText(str(path))
    # No vault open: its key cannot be chosen, the passphrase is asked for.
    assert window.key_source == "passphrase"
    monkeypatch.setattr(window, "ask_passphrase", lambda: "correct horse")
    with qtbot.waitSignal(window.verified, timeout=60_000) as blocker:
        window.verify()
    assert blocker.args[0].ok
    # A wrong passphrase is said in words, and no verdict is claimed.
    monkeypatch.setattr(window, "ask_passphrase", lambda: "wrong horse")
    job = window.verify()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert window.result_label.property("verdict") == "bad"
    assert "could not be opened" in window.result_label.text()
