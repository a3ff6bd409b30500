"""Unlocking: choose a user and type the passphrase, or use the recovery key.

Argon2id runs in a worker with a busy bar. A wrong passphrase says so plainly; after repeated
failures the dialog waits longer and longer before it accepts another attempt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.widgets import heading, plain_label
from ui.workers import Job, ProgressFn
from vault.header import vault_users

if TYPE_CHECKING:
    from vault import Vault
from vault.errors import CustodiaError, UnlockError

log = logging.getLogger(__name__)

DelayPolicy = Callable[[int], float]


def default_delay(failures: int) -> float:
    """No wait for the first two mistakes, then 5, 10, 20, 40, 60, 60… seconds."""
    if failures < 3:
        return 0.0
    return float(min(5 * 2 ** (failures - 3), 60))


class UnlockDialog(QDialog):
    """On success :attr:`vault` holds the unlocked vault and the dialog is accepted.

    ``restored_from`` (see vault.backup.restore_note) is passed to the unlock right after a
    restore, so that the vault's ledger records the restore.
    """

    verify_requested = Signal()  # open the bundle verifier, which needs no vault

    def __init__(
        self,
        path: Path,
        *,
        last_user: str = "",
        delay_policy: DelayPolicy = default_delay,
        tick_ms: int = 1000,
        restored_from: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.restored_from = restored_from
        self.vault: Vault | None = None
        self.failures = 0
        self._delay_policy = delay_policy
        self._wait_left = 0
        self.setWindowTitle(self.tr("Unlock the vault"))
        self.setMinimumWidth(480)

        self.title = heading(self.tr("Unlock the vault"), self)
        self.location = plain_label(str(path), self)
        self.location.setAccessibleName(self.tr("Vault location"))
        self.restore_notice = plain_label(
            self.tr(
                "This vault was just restored from a backup. Unlocking it records the restore "
                "in its audit log."
            ),
            self,
        )
        self.restore_notice.setObjectName("warningBanner")
        self.restore_notice.setVisible(restored_from is not None)

        self.passphrase_mode = QRadioButton(self.tr("With my &passphrase"), self)
        self.recovery_mode = QRadioButton(self.tr("With the &recovery key"), self)
        self.passphrase_mode.setChecked(True)
        self.passphrase_mode.toggled.connect(self._mode_changed)

        self.user_combo = QComboBox(self)
        self.user_combo.setAccessibleName(self.tr("User"))
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        passphrase_page = QWidget(self)
        form = QFormLayout(passphrase_page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&User:"), self.user_combo)
        form.addRow(self.tr("Pass&phrase:"), self.pass_edit)

        self.recovery_edit = QLineEdit(self)
        self.recovery_edit.setAccessibleName(self.tr("Recovery key"))
        self.recovery_edit.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        recovery_page = QWidget(self)
        recovery_form = QFormLayout(recovery_page)
        recovery_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        recovery_form.addRow(self.tr("Recovery &key:"), self.recovery_edit)
        recovery_hint = plain_label(
            self.tr("Use the recovery key only if every passphrase is lost."), recovery_page
        )
        recovery_form.addRow(recovery_hint)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(passphrase_page)
        self.pages.addWidget(recovery_page)

        self.panel = JobPanel.for_passphrase(self, progress_name=self.tr("Unlocking"))
        self.message = self.panel.result
        self.message.setAccessibleName(self.tr("Unlock status"))
        self.busy = self.panel.progress

        self.buttons = QDialogButtonBox(self)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setDefault(True)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        self.unlock_button.clicked.connect(self.attempt)
        self.verify_button = QPushButton(self.tr("&Verify a bundle…"), self)
        self.verify_button.setAccessibleName(self.tr("Verify a bundle, without unlocking"))
        self.verify_button.setAutoDefault(False)
        self.verify_button.clicked.connect(self.verify_requested)
        self.buttons.addButton(self.verify_button, QDialogButtonBox.ButtonRole.HelpRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.location)
        layout.addWidget(self.restore_notice)
        layout.addWidget(self.passphrase_mode)
        layout.addWidget(self.recovery_mode)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)

        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(tick_ms)
        self._wait_timer.timeout.connect(self._tick)
        self._load_users(last_user)

    @property
    def _job(self) -> Job | None:
        return self.panel.job

    def _load_users(self, last_user: str) -> None:
        try:
            users = vault_users(self.path)
        except CustodiaError as exc:
            self.message.setText(user_message(exc))
            self.unlock_button.setEnabled(False)
            return
        for user in users:
            self.user_combo.addItem(user, user)
        if last_user in users:
            self.user_combo.setCurrentIndex(users.index(last_user))
        self.pass_edit.setFocus()

    def _mode_changed(self) -> None:
        recovery = self.recovery_mode.isChecked()
        self.pages.setCurrentIndex(1 if recovery else 0)
        (self.recovery_edit if recovery else self.pass_edit).setFocus()

    @property
    def user(self) -> str:
        return str(self.user_combo.currentData() or "")

    def attempt(self) -> None:
        """Start an unlock in a worker with what the form holds."""
        if self._job is not None or self._wait_left > 0:
            return
        path, restored_from = self.path, self.restored_from
        if self.recovery_mode.isChecked():
            key = self.recovery_edit.text()

            def unlock(_p: ProgressFn, _c: threading.Event) -> Vault:
                from vault import Vault

                return Vault.unlock_with_recovery_key(path, key, restored_from=restored_from)

        else:
            user, passphrase = self.user, self.pass_edit.text()
            if not passphrase:
                self.message.setText(self.tr("Type your passphrase."))
                return

            def unlock(_p: ProgressFn, _c: threading.Event) -> Vault:
                from vault import Vault

                return Vault.unlock(path, user, passphrase, restored_from=restored_from)

        self._set_busy(True)
        # Opens the vault rather than reading an open one: locking does not stop it.
        job = operations().run(unlock, name="unlock", parent=self)
        # The message line shows the failure itself, with the wait after repeated failures.
        self.panel.follow(job, show_failure=False)
        job.success(self._succeeded).failure(self._failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.unlock_button, self.pass_edit, self.recovery_edit, self.user_combo):
            widget.setEnabled(not busy)

    def _succeeded(self, vault: object) -> None:
        from vault import Vault

        assert isinstance(vault, Vault)
        self.vault = vault
        self.pass_edit.clear()
        self.recovery_edit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, UnlockError):
            self.failures += 1
        self.pass_edit.selectAll()
        self.message.setText(user_message(exc))
        wait = round(self._delay_policy(self.failures))
        if wait > 0:
            self._wait_left = wait
            self.unlock_button.setEnabled(False)
            self._show_wait(user_message(exc))
            self._wait_timer.start()
        (self.recovery_edit if self.recovery_mode.isChecked() else self.pass_edit).setFocus()

    def _show_wait(self, reason: str) -> None:
        self.message.setText(
            reason
            + "\n"
            + self.tr(
                "Too many failed attempts: wait %n second(s) before trying again.",
                "",
                self._wait_left,
            )
        )

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_left = 0
            self._wait_timer.stop()
            self.unlock_button.setEnabled(True)
            self.message.setText(self.tr("You can try again now."))
        else:
            first_line = self.message.text().split("\n", 1)[0]
            self._show_wait(first_line)

    @property
    def waiting(self) -> bool:
        return self._wait_left > 0

    def reject(self) -> None:
        if self._job is not None:
            return  # an unlock is running; it cannot be interrupted half-way
        super().reject()
