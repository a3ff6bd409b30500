"""The first-run wizard: location, account, passphrase, recovery key.

The vault is created when the passphrase page is left (in a worker: Argon2id is slow on purpose).
After that there is no way back and no cancel until the user confirms the recovery key is stored,
because the key is never shown again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from ui.onboarding.identity_page import IdentityPage
from ui.onboarding.location_page import LocationPage
from ui.onboarding.passphrase_page import PassphrasePage
from ui.onboarding.recovery_key_page import RecoveryKeyPage
from ui.operations import operations
from ui.settings import default_vault_path
from ui.workers import Job, ProgressFn
from vault.kdf import DEFAULT_KDF, KdfParams

if TYPE_CHECKING:
    from vault import Vault

log = logging.getLogger(__name__)


class CreateVaultDialog(QWizard):
    """Creates a vault; afterwards :attr:`vault` holds it unlocked."""

    verify_requested = Signal()  # open the bundle verifier: a recipient may have no vault at all

    def __init__(
        self,
        default_path: Path | None = None,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kdf = kdf
        self.vault: Vault | None = None
        self._recovery_key = ""
        self.setWindowTitle(self.tr("Create a Custodia vault"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(640, 480)
        # Qt ships no Romanian catalogue: name the wizard's buttons ourselves.
        for which, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(which, text)
        # Someone who only receives bundles needs no vault: offer the verifier from the start.
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Verify a bundle…"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._custom_button)
        self.location_page = LocationPage(default_path or default_vault_path())
        self.identity_page = IdentityPage()
        self.passphrase_page = PassphrasePage(self._start_creation)
        self.recovery_page = RecoveryKeyPage(self._sheet_info)
        for page in (
            self.location_page,
            self.identity_page,
            self.passphrase_page,
            self.recovery_page,
        ):
            self.addPage(page)
        self.passphrase_page.created.connect(self._lock_in)
        self.currentIdChanged.connect(self._page_changed)

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.verify_requested.emit()

    def _page_changed(self, _page_id: int) -> None:
        if self.currentPage() is self.passphrase_page:
            self.passphrase_page.set_user_inputs(
                [self.identity_page.user, self.identity_page.organisation, "custodia"]
            )

    def _start_creation(self, passphrase: str) -> Job:
        path = self.location_page.path
        user = self.identity_page.user
        role = self.identity_page.role
        organisation = self.identity_page.organisation
        kdf = self._kdf

        def create(_progress: ProgressFn, _cancel: threading.Event) -> tuple[Vault, str]:
            from vault import Vault

            return Vault.create(
                path, user, passphrase, kdf=kdf, role=role, organisation=organisation
            )

        # Creates a new vault: no open vault is read, so locking does not stop it.
        job = operations().run(create, name="create-vault", parent=self)
        job.success(self._created)
        return job

    def _created(self, result: object) -> None:
        assert isinstance(result, tuple)
        vault, key = result
        self.vault = vault
        self._recovery_key = str(key)
        log.info("vault %s created from the wizard", vault.vault_id)

    def _lock_in(self) -> None:
        # From here on the key exists only on this screen: no cancel, no closing.
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.button(QWizard.WizardButton.CancelButton).hide()

    def _sheet_info(self) -> tuple[str, str, str, str]:
        vault_id = self.vault.vault_id if self.vault is not None else ""
        return (
            self._recovery_key,
            str(self.location_page.path),
            self.identity_page.user,
            vault_id,
        )

    def reject(self) -> None:
        if self.vault is not None and not self.recovery_page.stored_check.isChecked():
            return  # the recovery key must be acknowledged first
        super().reject()

    def done(self, result: int) -> None:
        # Forget the key once the wizard closes: it is shown once.
        self._recovery_key = ""
        self.recovery_page.key_label.clear()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.vault is not None and not self.recovery_page.stored_check.isChecked():
            event.ignore()
            return
        super().closeEvent(event)
