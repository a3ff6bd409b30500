"""A new training vault: who practises, and a passphrase for it (the same rules as any vault,
so that practice does not teach weak habits). Creating it and filling in the fictional case run
in a worker; the dialog closes with the vault unlocked in :attr:`vault`."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from intake.demo import build_demo
from ui.job_panel import JobPanel
from ui.onboarding.new_passphrase_fields import NewPassphraseFields
from ui.operations import operations
from ui.widgets import button_box, plain_label
from ui.workers import Job, ProgressFn
from vault import KdfParams, Vault
from vault.kdf import DEFAULT_KDF

log = logging.getLogger(__name__)


class TrainingVaultDialog(QDialog):
    def __init__(
        self,
        path: Path,
        *,
        user: str = "",
        kdf: KdfParams = DEFAULT_KDF,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._kdf = kdf
        self.vault: Vault | None = None
        self.recovery_key = ""
        self.setWindowTitle(self.tr("New training vault"))
        intro = plain_label(
            self.tr(
                "The training vault holds one clearly fictional case to practise on. It is a"
                " vault of its own, apart from your real one, with its own passphrase."
            ),
            self,
        )
        self.user_edit = QLineEdit(user or "trainee", self)
        self.user_edit.setAccessibleName(self.tr("Your name in the training vault"))
        self.fields = NewPassphraseFields(
            self,
            name=self.tr("Passphrase for the training vault"),
            confirm_name=self.tr("The same passphrase again"),
        )
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.user_edit)
        form.addRow(self.tr("&Passphrase:"), self.fields.pass_edit)
        form.addRow(self.tr("&Again:"), self.fields.confirm_edit)
        form.addRow("", self.fields.strength)
        self.panel = JobPanel(
            self,
            progress_name=self.tr("Creating the training vault"),
            result_name=self.tr("Training vault status"),
            cancel_name=self.tr("Stop creating the training vault"),
            counts=False,
        )
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.create_vault)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.panel)
        layout.addWidget(self.buttons)

    @property
    def job(self) -> Job | None:
        return self.panel.job

    def create_vault(self) -> Job | None:
        problem = self.fields.problem()
        user = self.user_edit.text().strip()
        if problem is None and not user:
            problem = self.tr("Enter a name.")
        if problem is not None:
            self.panel.set_verdict(problem, "bad")
            return None
        if self.job is not None:
            return self.job
        path, passphrase, kdf = self.path, self.fields.text(), self._kdf

        def make(_progress: ProgressFn, _cancel: threading.Event) -> tuple[Vault, str]:
            vault, key = Vault.create(path, user, passphrase, kdf=kdf)
            try:
                build_demo(vault)
            except BaseException:
                vault.lock()
                raise
            return vault, key

        self.buttons.setEnabled(False)
        job = operations().run(make, name="training-vault", parent=self)
        self.panel.follow(job, step=self.tr("Creating the training vault…"))
        job.success(self._created)
        job.finished.connect(lambda: self.buttons.setEnabled(True))
        self.fields.clear()
        return job

    def _created(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.vault, self.recovery_key = result
        self.accept()
