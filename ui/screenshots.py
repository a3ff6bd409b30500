"""Render every main screen, in each language, to PNG: ``python -m ui.screenshots OUT_DIR``.

Uses a throwaway vault in a temporary folder, created with cheap key-derivation parameters (its
security does not matter; it is deleted at the end) and filled with intake's fictional training
case. Runs under ``QT_QPA_PLATFORM=offscreen``.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

log = logging.getLogger(__name__)

SIZE = (1200, 780)
PASSPHRASE = "screenshot sunflower copper violin"  # noqa: S105 - a throwaway vault


def _settle(app: QApplication, until: Callable[[], bool] | None = None, limit: float = 10) -> None:
    deadline = time.monotonic() + limit
    while True:
        app.processEvents()
        if until is None or until() or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    app.processEvents()


def _shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    _settle(app)
    widget.grab().save(str(path))


def render_all(out_dir: Path, languages: tuple[str, ...] | None = None) -> list[Path]:
    from intake.demo import build_demo
    from ui.app import create_application
    from ui.i18n import available_languages, set_language
    from ui.main_window import MainWindow
    from ui.onboarding.create_vault_dialog import CreateVaultDialog
    from ui.session import Session
    from ui.settings import Settings
    from ui.unlock.unlock_dialog import UnlockDialog
    from ui.workspace import Workspace
    from vault import KdfParams, Vault

    cheap = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
    app = create_application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        vault_path = root / "vault"
        vault, _key = Vault.create(vault_path, "ana", PASSPHRASE, kdf=cheap, role="lawyer")
        case_id = build_demo(vault)
        # Colleagues in each role, so the users dialog shows what roles look like.
        vault.add_user("Ion Popescu", PASSPHRASE, role="caseworker", kdf=cheap)
        vault.add_user("Olha Kovalenko", PASSPHRASE, role="viewer", kdf=cheap)
        vault.lock()
        for lang in languages or available_languages():
            set_language(lang)

            def shot(widget: QWidget, name: str, lang: str = lang) -> None:
                path = out_dir / f"{lang}_{name}.png"
                _shoot(app, widget, path)
                written.append(path)

            # First run.
            wizard = CreateVaultDialog(root / f"new-{lang}", kdf=cheap)
            wizard.resize(720, 540)
            shot(wizard, "01_wizard_location")
            wizard.next()
            wizard.identity_page.user_edit.setText("Ana Popescu")
            wizard.identity_page.org_edit.setText("Asociația Exemplu")
            shot(wizard, "02_wizard_account")
            wizard.next()
            wizard.passphrase_page.pass_edit.setText("sunflower copper")
            wizard.passphrase_page.confirm_edit.setText("sunflower")
            shot(wizard, "03_wizard_passphrase")
            wizard.passphrase_page.pass_edit.setText(PASSPHRASE)
            wizard.passphrase_page.confirm_edit.setText(PASSPHRASE)
            wizard.next()
            _settle(app, lambda: wizard.currentPage() is wizard.recovery_page)  # noqa: B023
            shot(wizard, "04_wizard_recovery_key")
            wizard.recovery_page.stored_check.setChecked(True)
            wizard.accept()
            if wizard.vault is not None:
                wizard.vault.lock()
            wizard.deleteLater()

            # Unlock, with a wrong passphrase first.
            unlock = UnlockDialog(vault_path, last_user="ana")
            unlock.pass_edit.setText("wrong passphrase")
            unlock.attempt()
            _settle(app, lambda: unlock.failures == 1)  # noqa: B023
            shot(unlock, "05_unlock_wrong_passphrase")
            unlock.recovery_mode.setChecked(True)
            shot(unlock, "06_unlock_recovery_key")
            unlock.deleteLater()

            # Main window, locked, then the workspace.
            session = Session()
            settings = Settings(root / f"settings-{lang}.ini")
            window = MainWindow(session, settings, vault_path, kdf=cheap)
            window.resize(*SIZE)
            shot(window, "07_locked")
            session.open(Vault.unlock(vault_path, "ana", PASSPHRASE))
            workspace = window.workspace
            assert isinstance(workspace, Workspace)
            if not window.reminder.isVisible():
                # Later languages reuse a vault the first one backed up: show the reminder anyway.
                from ui.backup.backup_status import reminder_text

                window.reminder_text.setText(reminder_text(None, session.vault.clock()))
                window.reminder.show()
            shot(window, "26_backup_reminder")
            window.reminder.hide()
            view = workspace.open_case(case_id)
            assert view is not None
            names = ["overview", "people", "consent", "statements", "evidence", "entities"]
            for index, name in enumerate(names):
                view.tabs.setCurrentIndex(index)
                if name == "statements" and view.statements.statement_list.count():
                    view.statements.statement_list.setCurrentRow(0)
                if name == "evidence":
                    for row, item in enumerate(view.evidence._items):
                        if item.media_type.startswith("image/"):
                            view.evidence.table.selectRow(row)
                    view.evidence.detail_tabs.setCurrentIndex(2)
                    job = view.evidence.preview.load()
                    _settle(app, lambda: job is None or not job.is_running)  # noqa: B023
                shot(window, f"{8 + index:02d}_case_{name}")
            view.evidence.detail_tabs.setCurrentIndex(1)
            view.tabs.setCurrentWidget(view.evidence)
            shot(window, "14_case_evidence_custody")
            view.evidence.detail_tabs.setCurrentIndex(0)
            shot(window, "15_case_evidence_record")
            workspace.tabs.setCurrentWidget(workspace.audit_view)
            workspace.audit_view.verify()
            _settle(app, lambda: workspace.audit_view._job is None)  # noqa: B023
            shot(window, "16_audit_log")
            workspace.tabs.setCurrentIndex(0)
            _casework_screens(window, workspace, case_id, shot)  # issue 18

            # Dialogs.
            search = workspace.open_search()
            search.query_edit.setText("Constanta")
            search.run()
            search.resize(700, 460)
            shot(search, "17_search")
            search.close()
            people = view.people
            people.table.selectRow(0)
            identity = people.reveal(people._persons[0].person_id, "screenshot for training")
            shot(identity, "18_identity_revealed")
            identity.close()
            consent = view.consent.open_dialog(withdraw=False)
            shot(consent, "19_consent_dialog")
            consent.close()
            view.tabs.setCurrentWidget(view.statements)
            interview = view.statements.open_new_interview()
            shot(interview, "20_interview_dialog")
            interview.close()
            view.statements.interview_list.setCurrentRow(0)
            edit_interview = view.statements.open_edit_interview()
            if edit_interview is not None:
                shot(edit_interview, "39_interview_edit")
                edit_interview.close()
            pause = view.statements.open_add_break()
            if pause is not None:
                pause.reason_edit.setText("Olena asked to rest")
                shot(pause, "40_interview_break")
                pause.close()
            view.tabs.setCurrentWidget(view.people)
            people.table.selectRow(0)
            edit_person = people.open_edit()
            if edit_person is not None:
                shot(edit_person, "41_person_edit")
                edit_person.close()
            edit_identity = people.edit_identity(
                people._persons[0].person_id, "screenshot for training"
            )
            shot(edit_identity, "42_identity_edit")
            edit_identity.close()
            view.tabs.setCurrentWidget(view.statements)
            from ui.evidence.acquisition_dialog import AcquisitionDialog

            acquisition = AcquisitionDialog(2, [], "ana")
            shot(acquisition, "21_acquisition_dialog")
            acquisition.deleteLater()
            view.tabs.setCurrentWidget(view.evidence)
            custody_dialog = view.evidence.open_custody_event()
            if custody_dialog is not None:
                shot(custody_dialog, "24_custody_event_dialog")
                custody_dialog.close()
            from ui.unlock.reset_passphrase_dialog import ResetPassphraseDialog

            reset = ResetPassphraseDialog(session.vault)
            shot(reset, "25_reset_passphrase")
            reset.deleteLater()
            users = window.open_users()
            assert users is not None
            users.select_user("Olha Kovalenko")
            users.role_combo.setCurrentIndex(users.role_combo.findData("caseworker"))
            shot(users, "43_users")
            add_user = users.open_add_user()
            add_user.user_edit.setText("Ion Popescu")
            add_user.org_edit.setText("Asociația Exemplu")
            add_user.pass_edit.setText("lantern orchard")
            shot(add_user, "44_add_user")
            add_user.close()
            users.close()
            change = window.open_change_passphrase()
            assert change is not None
            change.current_edit.setText("something")
            change.pass_edit.setText("short")
            shot(change, "45_change_passphrase")
            change.close()
            trusted_time = window.open_trusted_time()
            assert trusted_time is not None
            # Typed, not saved: a stored TSA would be asked for tokens at the next unlock.
            trusted_time.url_edit.setText("https://tsa.example.org/rfc3161")
            shot(trusted_time, "46_trusted_time")
            trusted_time.url_edit.setText("tsa.example.org")
            shot(trusted_time, "47_trusted_time_not_a_url")
            trusted_time.close()
            from ui.trends.trends_window import TrendsWindow  # issue 18

            trends = TrendsWindow(session.vault, window)
            trends.count()
            _settle(app, lambda: trends.trends is not None)  # noqa: B023
            shot(trends, "55_trends")
            trends.close()
            trends.deleteLater()
            _export_and_backup_screens(app, window, workspace, case_id, root, lang, shot)
            settings_dialog = window.open_settings()
            shot(settings_dialog, "22_settings")
            settings_dialog.close()
            session.lock("idle")
            shot(window, "23_locked_idle")
            window.close()
            window.deleteLater()
            _settle(app)
        set_language("en")
    return written


def _review_screen(
    app: QApplication,
    workspace: Workspace,
    case_id: str,
    root: Path,
    lang: str,
    shot: Callable[[QWidget, str], None],
) -> None:
    """The review of a partner export: redactions dark, tokens to check yellow."""
    from datetime import UTC, datetime

    from exports.model import Profile, RecipientKind

    intake = workspace.services
    survivor = next(p for p in intake.people.list_for_case(case_id) if p.role.value == "survivor")
    if not any(
        RecipientKind.PARTNER_NGO in c.scope
        for c in intake.consent.current(case_id)
        if c.person_id == survivor.person_id
    ):
        # The demo's survivor consented to court and prosecutor only; a partner is added here.
        intake.consent.record(
            case_id,
            person_id=survivor.person_id,
            scope=[RecipientKind.PARTNER_NGO, RecipientKind.COURT, RecipientKind.PROSECUTOR],
            given_at=datetime(2026, 3, 4, tzinfo=UTC),
            language="uk",
            method="written",
        )
    wizard = workspace.open_export(case_id)
    assert wizard is not None
    wizard.set_choice(RecipientKind.PARTNER_NGO, Profile.PSEUDONYMISED)
    wizard.recipient_edit.setText("Partner NGO Moldova")
    wizard.dest_edit.setText(str(root / f"partner-{lang}.zip"))
    wizard.resize(820, 720)
    wizard.start_export()  # a partner export is reviewed first, in a worker
    _settle(app, lambda: wizard.reviewing, limit=120)
    shot(wizard, "48_export_review")
    wizard.close()


def _export_and_backup_screens(
    app: QApplication,
    window: MainWindow,
    workspace: Workspace,
    case_id: str,
    root: Path,
    lang: str,
    shot: Callable[[QWidget, str], None],
) -> None:
    from exports.model import Profile, RecipientKind
    from ui.backup.check_backup_dialog import CheckBackupDialog
    from ui.backup.restore_dialog import RestoreDialog
    from ui.unlock.unlock_dialog import UnlockDialog

    wizard = workspace.open_export(case_id)
    assert wizard is not None
    wizard.set_choice(RecipientKind.COURT, Profile.COURT)  # a one-off recipient, typed
    wizard.recipient_edit.setText("Tribunalul Constanța, judecător I. Popa")
    wizard.purpose_edit.setText("Trial, file 1234/118/2026")
    wizard.dest_edit.setText(str(root / f"bundle-{lang}.zip"))
    wizard.resize(720, 620)
    shot(wizard, "27_export_wizard")
    wizard.set_choice(RecipientKind.POLICE, Profile.COURT)
    shot(wizard, "28_export_refused")
    wizard.set_choice(RecipientKind.COURT, Profile.COURT)
    wizard.start_export()
    _settle(app, lambda: wizard.job is None, limit=120)
    shot(wizard, "29_export_done")
    wizard.close()
    _review_screen(app, workspace, case_id, root, lang, shot)
    folder = root / f"bundle-{lang}"
    folder_wizard = workspace.open_export(case_id)
    assert folder_wizard is not None
    folder_wizard.set_choice(RecipientKind.COURT, Profile.COURT)
    folder_wizard.folder_radio.setChecked(True)
    folder_wizard.dest_edit.setText(str(folder))
    folder_wizard.start_export()
    _settle(app, lambda: folder_wizard.job is None, limit=120)
    folder_wizard.close()

    verify = window.open_verify()
    verify.resize(820, 620)
    verify.verify(root / f"bundle-{lang}.zip")
    _settle(app, lambda: verify.job is None, limit=120)
    shot(verify, "30_verify_intact")
    evidence = sorted((folder / "data" / "evidence").iterdir())[0]
    data = bytearray(evidence.read_bytes())
    data[len(data) // 2] ^= 0x01
    evidence.write_bytes(bytes(data))
    verify.verify(folder)
    _settle(app, lambda: verify.job is None, limit=120)
    shot(verify, "31_verify_tampered")
    verify.close()

    usb = root / f"usb-{lang}"
    backup_dialog = window.open_backup()
    assert backup_dialog is not None
    backup_dialog.folder_edit.setText(str(usb))
    shot(backup_dialog, "32_backup_dialog")
    backup_dialog.start_backup()
    _settle(app, lambda: backup_dialog.job is None, limit=120)
    shot(backup_dialog, "33_backup_done")
    backup_dialog.close()
    shot(window, "34_main_after_backup")
    check = CheckBackupDialog(folder=usb)
    check.start_check()
    _settle(app, lambda: check.job is None, limit=120)
    shot(check, "35_check_backup")
    check.deleteLater()
    restore = RestoreDialog(backup_folder=usb, target=root / f"restored-{lang}")
    shot(restore, "36_restore_dialog")
    restore.start_restore()
    _settle(app, lambda: restore.job is None, limit=120)
    shot(restore, "37_restore_done")
    note = restore.note
    restore.deleteLater()
    unlock = UnlockDialog(root / f"restored-{lang}", last_user="ana", restored_from=note)
    shot(unlock, "38_unlock_restored")
    unlock.deleteLater()


def _casework_screens(
    window: MainWindow, workspace: Workspace, case_id: str, shot: Callable[[QWidget, str], None]
) -> None:
    """Referrals, tasks, the due-soon panel and retention (issue 18). The next language's
    screens start with nothing due, so the dates added here are put back at the end."""
    from datetime import time, timedelta

    from exports.address_book import AddressBook, make_entry
    from ui.retention.retention_dialog import RetentionDialog
    from ui.tasks import open_referrals, open_retention, open_tasks, today_of

    services = window.session.services
    today = today_of(window.session)
    book = AddressBook(services.vault)
    prosecutor, shelter = "DIICOT Constanța (training)", "Shelter Casa Lumina (fictional)"
    if not any(entry.name == prosecutor for entry in book.entries()):
        book.put(make_entry(prosecutor, "prosecutor"))
        book.put(make_entry(shelter, "partner_ngo"))
    if not services.referrals.for_case(case_id):
        sent = services.referrals.add(
            case_id,
            prosecutor,
            today - timedelta(days=12),
            recipient_kind="prosecutor",
            reason="Statement and chat export of the survivor (training)",
        )
        services.referrals.update(sent.referral_id, status="acknowledged")
        housed = services.referrals.add(
            case_id,
            shelter,
            today - timedelta(days=30),
            recipient_kind="partner_ngo",
            reason="Safe accommodation (training)",
        )
        services.referrals.update(
            housed.referral_id, status="accepted", outcome="A place for three months"
        )
        services.referrals.update(housed.referral_id, status="closed")
    under_way = [r for r in services.referrals.for_case(case_id) if not r.finished]
    for referral in under_way:
        services.referrals.update(referral.referral_id, follow_up_on=today + timedelta(days=2))
    court = services.tasks.add(
        case_id,
        "court_date",
        today + timedelta(days=4),
        due_time=time(10, 0),
        note="Hearing, Tribunalul Constanța (training)",
    )
    services.cases.set_retention(case_id, today - timedelta(days=3))
    view = workspace.open_case(case_id)
    assert view is not None
    view.tabs.setCurrentWidget(view.referrals)
    view.referrals.table.selectRow(0)
    shot(window, "56_case_referrals")
    view.tabs.setCurrentWidget(view.tasks)
    shot(window, "57_case_tasks")
    view.tabs.setCurrentIndex(0)
    window._show_due_soon()
    shot(window, "58_due_soon")
    window.due_soon.dismiss()
    for opener, name in ((open_referrals, "59_referrals"), (open_tasks, "60_tasks")):
        dialog = opener(window)
        assert dialog is not None
        shot(dialog, name)
        dialog.close()
        dialog.deleteLater()
    retention = open_retention(window)
    assert isinstance(retention, RetentionDialog)
    reference = services.cases.get(case_id).reference
    retention.select(reference)
    retention.reason_edit.setText("Retention period of the training policy over")
    retention.confirm_edit.setText(reference)
    shot(retention, "61_retention_erase")
    retention.close()
    retention.deleteLater()
    services.tasks.complete(court.task_id)
    services.cases.set_retention(case_id, None)
    for referral in under_way:
        services.referrals.update(referral.referral_id, follow_up_on=None)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m ui.screenshots OUT_DIR", file=sys.stderr)
        return 2
    written = render_all(Path(args[0]))
    print(f"{len(written)} screenshots written to {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
