"""Help → Open the training vault: the demo vault in the user's data folder, created (with a
passphrase asked for) when missing, then unlocked like any vault."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.help.training_vault_dialog import TrainingVaultDialog
from vault import KdfParams

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def training_vault_path() -> Path:
    return Path(platformdirs.user_data_dir("custodia", appauthor=False)) / "training-vault"


def open_training_vault(window: MainWindow, *, kdf: KdfParams, path: Path | None = None) -> QWidget:
    """Switch the window to the training vault: the unlock dialog when it exists, else the
    dialog that creates it. The real vault is locked first; its path stays the one remembered."""
    path = path or training_vault_path()
    window.session.lock("manual")
    window.vault_path = path
    if (path / "vault.json").is_file():
        window.locked_view.set_state(path, "")
        return window.open_unlock()
    dialog = TrainingVaultDialog(path, user=window.settings.last_user, kdf=kdf, parent=window)
    dialog.accepted.connect(lambda: _created(window, dialog))
    window.dialog = dialog
    dialog.open()
    return dialog


def _created(window: MainWindow, dialog: TrainingVaultDialog) -> None:
    window.dialog = None
    vault, dialog.vault = dialog.vault, None
    if vault is None:
        return
    window.locked_view.set_state(dialog.path, "")
    window.session.open(vault)
    log.info("training vault created")
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("TrainingVaultDialog", "Training vault created"),
        QCoreApplication.translate(
            "TrainingVaultDialog",
            "The training vault is open. Its recovery key is shown only now; for a training"
            " vault you may simply write it down:\n\n%1",
        ).replace("%1", dialog.recovery_key),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
