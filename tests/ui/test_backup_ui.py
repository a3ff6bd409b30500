"""Backups in the app: last-backup status and reminder, back up with cancel, check, restore."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from intake import open_intake
from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
from ui.backup.backup_dialog import BackupDialog
from ui.backup.check_backup_dialog import CheckBackupDialog
from ui.backup.restore_dialog import RestoreDialog
from ui.i18n import set_language
from ui.main_window import MainWindow
from ui.session import Session
from ui.settings_dialog import SettingsDialog
from ui.unlock.unlock_dialog import UnlockDialog
from vault import Vault
from vault.backup import backup, check_backup, current_generation
from vault.vault import utc_now


def _window(qtbot, settings, path: Path) -> tuple[MainWindow, Session]:
    session = Session()
    window = MainWindow(session, settings, path, kdf=CHEAP_KDF)
    qtbot.addWidget(window)
    window.show()
    return window, session


def _backup_through_dialog(qtbot, window: MainWindow, dest: Path) -> BackupDialog:
    dialog = window.open_backup()
    assert dialog is not None
    dialog.folder_edit.setText(str(dest))
    with qtbot.waitSignal(dialog.backed_up, timeout=30_000):
        dialog.start_button.click()
    return dialog


def _add_files(vault: Vault, tmp_path: Path, count: int, size: int) -> None:
    intake = open_intake(vault)
    case = intake.cases.create("RO-2026-0100", "Backup")
    paths = []
    for index in range(count):
        path = tmp_path / f"evidence-{index}.bin"
        path.write_bytes(bytes([index]) * size)
        paths.append(path)
    intake.evidence.ingest_many(case.case_id, paths)


def test_status_and_reminder_before_and_after_a_backup(qtbot, settings, vault_path, made_vault):
    window, session = _window(qtbot, settings, vault_path)
    session.open(Vault.unlock(vault_path, "ana", PASSPHRASE))
    assert window.backup_status.text() == "No backup yet"
    assert window.reminder.isVisible()
    assert "never been backed up" in window.reminder_text.text()
    dest = vault_path.parent / "usb"
    dialog = _backup_through_dialog(qtbot, window, dest)
    assert dialog.status.property("verdict") == "ok"
    assert window.backup_status.text().startswith("Last backup:")
    assert window.backup_status.text().endswith("(today)")
    assert not window.reminder.isVisible()
    assert settings.last_backup_folder == dest
    assert check_backup(dest).ok
    session.lock("manual")
    assert window.backup_status.text() == ""


def test_reminder_follows_the_configured_number_of_days(qtbot, settings, vault_path, made_vault):
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    backup(vault, vault_path.parent / "usb")
    vault.lock()
    later = utc_now() + timedelta(days=8)
    # English from its catalogue, as the app shows it: real plurals, never "day(s)".
    set_language("en")
    window, session = _window(qtbot, settings, vault_path)
    assert settings.backup_reminder_days == 7
    session.open(Vault.unlock(vault_path, "ana", PASSPHRASE, clock=lambda: later))
    assert window.backup_status.text().endswith("(8 days ago)")
    assert window.reminder.isVisible()
    assert "8 days old" in window.reminder_text.text()
    window.reminder_later.click()
    assert not window.reminder.isVisible()
    session.lock("manual")
    settings.backup_reminder_days = 30
    session.open(Vault.unlock(vault_path, "ana", PASSPHRASE, clock=lambda: later))
    assert not window.reminder.isVisible()
    session.lock("manual")


def test_cancelled_backup_leaves_the_previous_one_intact(qtbot, settings, vault_path, made_vault):
    window, session = _window(qtbot, settings, vault_path)
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    session.open(vault)
    dest = vault_path.parent / "usb"
    first = _backup_through_dialog(qtbot, window, dest)
    assert first.report is not None
    generation = current_generation(dest)
    first.close()
    _add_files(vault, vault_path.parent, count=6, size=3 << 20)

    dialog = window.open_backup()
    assert dialog is not None
    assert dialog.folder == dest  # remembered from the last backup
    job = dialog.start_backup()
    assert job is not None
    dialog.close_button.click()  # at once: "Cancel" while the backup runs
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert dialog.report is None
    assert "cancelled" in dialog.status.text()
    assert "unchanged" in dialog.status.text()
    assert current_generation(dest) == generation
    check = check_backup(dest)
    assert check.ok
    assert check.generation == generation
    assert not list((dest / "generations").glob(".staging-*"))
    session.lock("manual")


def test_check_dialog_names_the_tampered_file(qtbot, tmp_path, made_vault, vault_path):
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    _add_files(vault, tmp_path, count=1, size=4096)
    dest = tmp_path / "usb"
    backup(vault, dest)
    vault.lock()
    dialog = CheckBackupDialog(folder=dest)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.status.property("verdict") == "ok"
    assert dialog.problems.count() == 0

    blob = next(p for p in (dest / "blobs").rglob("*") if p.is_file())
    data = bytearray(blob.read_bytes())
    data[100] ^= 0xFF
    blob.write_bytes(bytes(data))
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.status.property("verdict") == "bad"
    assert "NOT intact" in dialog.status.text()
    assert blob.name in dialog.problems.item(0).text()


def test_restore_then_unlock_records_the_restore(qtbot, settings, tmp_path, made_vault, vault_path):
    vault = Vault.unlock(vault_path, "ana", PASSPHRASE)
    dest = tmp_path / "usb"
    report = backup(vault, dest)
    vault.lock()
    window, session = _window(qtbot, settings, vault_path)
    dialog = window.open_restore()
    assert isinstance(dialog, RestoreDialog)
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "something.txt").write_text("x")
    dialog.backup_edit.setText(str(dest))
    dialog.target_edit.setText(str(occupied))
    job = dialog.start_restore()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert dialog.status.property("verdict") == "bad"
    assert "choose a new folder" in dialog.status.text()

    target = tmp_path / "restored"
    dialog.target_edit.setText(str(target))
    job = dialog.start_restore()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30_000):
        pass
    assert dialog.unlock_button.isVisible()
    dialog.unlock_button.click()
    unlock = window.dialog
    assert isinstance(unlock, UnlockDialog)
    assert unlock.path == target
    assert unlock.restored_from == {
        "generation": report.generation,
        "backup_taken_at": report.taken_at,
    }
    assert unlock.restore_notice.isVisible()
    unlock.pass_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(session.unlocked, timeout=30_000):
        unlock.attempt()
    entries = session.vault.audit_entries(action_prefix="vault.restored", limit=5)
    assert len(entries) == 1
    assert window.vault_path == target
    assert settings.last_vault == target
    session.lock("manual")


def test_settings_dialog_sets_the_reminder_days(qtbot, settings):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.backup_spin.value() == 7
    dialog.backup_spin.setValue(14)
    dialog.accept()
    assert settings.backup_reminder_days == 14
