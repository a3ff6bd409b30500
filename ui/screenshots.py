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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

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


def render_all(out_dir: Path, languages: tuple[str, ...] = ("en", "ro", "uk")) -> list[Path]:
    from intake.demo import build_demo
    from ui.app import create_application
    from ui.i18n import set_language
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
        vault.lock()
        for lang in languages:
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
