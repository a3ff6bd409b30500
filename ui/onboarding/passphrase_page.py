"""Wizard page: the passphrase, with strength feedback and confirmation.

Leaving this page creates the vault. Argon2id at 256 MiB takes about a second, so creation runs
in a worker while a busy bar shows; the page is a commit page, so there is no way back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ui.job_panel import JobPanel
from ui.onboarding.passphrase_strength import MIN_SCORE, PassphraseStrength
from ui.workers import Job
from vault.constants import MIN_PASSPHRASE_LENGTH

log = logging.getLogger(__name__)

Creator = Callable[[str], Job]


class PassphrasePage(QWizardPage):
    created = Signal()

    def __init__(self, create: Creator) -> None:
        super().__init__()
        self._create = create
        self._done = False
        self.setTitle(self.tr("Choose a passphrase"))
        self.setSubTitle(
            self.tr(
                "The passphrase encrypts everything in the vault. Nobody, not even Custodia's "
                "makers, can recover it. Use several unrelated words."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        self.pass_edit = QLineEdit(self)
        self.pass_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pass_edit.setAccessibleName(self.tr("Passphrase"))
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit.setAccessibleName(self.tr("Confirm passphrase"))
        self.strength = PassphraseStrength(self)
        self.panel = JobPanel.for_passphrase(self, progress_name=self.tr("Creating the vault"))
        self.message = self.panel.result
        self.busy, self.busy_label = self.panel.progress, self.panel.step
        # Once the job is over the page may be complete again (after a failure).
        self.panel.idle.connect(self.completeChanged)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Passphrase:"), self.pass_edit)
        form.addRow(self.tr("&Confirm:"), self.confirm_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.strength)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.panel)
        self.pass_edit.textChanged.connect(self._changed)
        self.confirm_edit.textChanged.connect(self._changed)

    @property
    def _job(self) -> Job | None:
        return self.panel.job

    def set_user_inputs(self, words: list[str]) -> None:
        self.strength.set_user_inputs(words)

    def _changed(self) -> None:
        self.strength.update_for(self.pass_edit.text())
        self.message.setText(self._problem() or "")
        self.completeChanged.emit()

    def _problem(self) -> str | None:
        passphrase, confirm = self.pass_edit.text(), self.confirm_edit.text()
        if not passphrase:
            return None
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            return self.tr("Use at least %n characters.", "", MIN_PASSPHRASE_LENGTH)
        if self.strength.score < MIN_SCORE:
            return self.tr("This passphrase is too easy to guess.")
        if confirm and confirm != passphrase:
            return self.tr("The two passphrases differ.")
        return None

    def isComplete(self) -> bool:
        passphrase = self.pass_edit.text()
        return (
            self._job is None
            and bool(passphrase)
            and passphrase == self.confirm_edit.text()
            and self._problem() is None
        )

    def validatePage(self) -> bool:
        if self._done:
            return True
        if self._job is None:
            self._start()
        return False

    def _start(self) -> None:
        self.pass_edit.setEnabled(False)
        self.confirm_edit.setEnabled(False)
        job = self._create(self.pass_edit.text())
        self.panel.follow(job, step=self.tr("Creating the encrypted vault…"))
        job.success(self._succeeded).failure(self._failed)
        self.completeChanged.emit()

    def _succeeded(self, _result: object) -> None:
        self._done = True
        self.pass_edit.clear()
        self.confirm_edit.clear()
        self.created.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.next()

    def _failed(self, _exc: BaseException) -> None:
        self.pass_edit.setEnabled(True)
        self.confirm_edit.setEnabled(True)
