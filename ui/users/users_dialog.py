"""The users of the vault, adding one, and remembering the vault in the system keyring."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.onboarding.identity_page import ROLES
from ui.users.add_user_dialog import AddUserDialog
from ui.widgets import button_box, plain_label
from vault import DEFAULT_KDF, KdfParams, Vault
from vault.errors import CustodiaError

log = logging.getLogger(__name__)


class UsersDialog(QDialog):
    def __init__(
        self, vault: Vault, *, kdf: KdfParams = DEFAULT_KDF, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._kdf = kdf
        self.add_dialog: AddUserDialog | None = None
        self.setWindowTitle(self.tr("Users of the vault"))
        self.setMinimumSize(620, 420)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Role"), self.tr("Organisation")]
        )
        self.table.setAccessibleName(self.tr("Users of the vault"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.add_button.setAccessibleName(self.tr("Add a user with their own passphrase"))
        self.add_button.clicked.connect(lambda: self.open_add_user())
        self.keyring_check = QCheckBox(self.tr("&Remember on this computer (system keyring)"), self)
        self.keyring_check.setToolTip(
            self.tr(
                "Anyone who can sign in to this computer's account can then open the vault "
                "without a passphrase."
            )
        )
        self.keyring_check.setChecked(bool(vault.header.slots_of("keyring")))
        self.keyring_check.toggled.connect(self.set_keyring)
        self.message = plain_label("", self)
        self.message.setObjectName("errorText")
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.keyring_check)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def _role_name(self, role: str) -> str:
        names = dict(
            zip(
                ROLES,
                [
                    self.tr("Lawyer"),
                    self.tr("Investigator"),
                    self.tr("Social worker"),
                    self.tr("Interpreter"),
                    self.tr("Coordinator"),
                    self.tr("Other"),
                ],
                strict=True,
            )
        )
        return names.get(role, role)

    def refresh(self) -> None:
        profiles = self._vault.user_profiles()
        self.table.setRowCount(len(profiles))
        for row, (name, role, organisation) in enumerate(profiles):
            for column, value in enumerate((name, self._role_name(role), organisation)):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def open_add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self._vault, kdf=self._kdf, parent=self)
        dialog.accepted.connect(self.refresh)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def set_keyring(self, enabled: bool) -> None:
        try:
            if enabled:
                self._vault.enable_keyring(self._vault.actor)
            else:
                self._vault.disable_keyring()
        except CustodiaError as exc:
            log.warning("keyring change refused: %s", exc.code)
            self.keyring_check.blockSignals(True)
            self.keyring_check.setChecked(not enabled)
            self.keyring_check.blockSignals(False)
            self.message.setText(user_message(exc))
            return
        self.message.setText(
            self.tr("This computer now remembers the vault.")
            if enabled
            else self.tr("This computer no longer remembers the vault.")
        )
