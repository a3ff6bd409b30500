"""The users of the vault and their roles; adding, changing a role and removing (administrators),
and remembering the vault in the system keyring.

Every change goes through the operations layer: the core checks the role again and writes a
signed ledger entry, and a refusal (the last administrator, a role that may not) comes back as the
core's own sentence.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.errors import user_message
from ui.job_panel import set_verdict
from ui.operations import USERS, operations
from ui.users.add_user_dialog import AddUserDialog
from ui.users.role_words import OFFERED, role_description, role_name
from ui.widgets import button_box, plain_label
from ui.workers import Job, JobFn, ProgressFn
from vault import DEFAULT_KDF, KdfParams, Vault, roles
from vault.errors import CustodiaError
from vault.vault import UserInfo

log = logging.getLogger(__name__)


class UsersDialog(QDialog):
    def __init__(
        self, vault: Vault, *, kdf: KdfParams = DEFAULT_KDF, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._kdf = kdf
        self._users: list[UserInfo] = []
        self.add_dialog: AddUserDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.job: Job | None = None
        self.manages = False
        self.setWindowTitle(self.tr("Users of the vault"))
        self.setMinimumSize(640, 440)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Role"), self.tr("Organisation")]
        )
        self.table.setAccessibleName(self.tr("Users of the vault"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(self.tr("&Add user…"), self)
        self.add_button.setAccessibleName(self.tr("Add a user with their own passphrase"))
        self.add_button.clicked.connect(lambda: self.open_add_user())
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("New role of the selected user"))
        for role in OFFERED:
            self.role_combo.addItem(role_name(role), role)
            self.role_combo.setItemData(
                self.role_combo.count() - 1, role_description(role), Qt.ItemDataRole.ToolTipRole
            )
        self.role_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.role_button = QPushButton(self.tr("&Change role"), self)
        self.role_button.setAccessibleName(self.tr("Give the selected user the chosen role"))
        self.role_button.clicked.connect(lambda: self.change_role())
        self.remove_button = QPushButton(self.tr("&Remove user…"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected user from the vault"))
        self.remove_button.clicked.connect(lambda: self.ask_remove())
        self.keyring_check = QCheckBox(self.tr("&Remember on this computer (system keyring)"), self)
        self.keyring_check.setToolTip(
            self.tr(
                "Anyone who can sign in to this computer's account can then open the vault "
                "without a passphrase."
            )
        )
        self.keyring_check.setChecked(bool(vault.header.slots_of("keyring")))
        self.keyring_check.toggled.connect(self.set_keyring)
        self.notice = plain_label(
            self.tr("Only an administrator adds or removes users and changes roles."), self
        )
        self.notice.setObjectName("statusText")
        self.message = plain_label("", self)
        self.message.setObjectName("statusText")  # coloured by its verdict
        self.message.setAccessibleName(self.tr("Message"))
        buttons = button_box(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.role_caption = QLabel(self.tr("R&ole:"), self)
        self.role_caption.setBuddy(self.role_combo)
        row.addWidget(self.role_caption)
        row.addWidget(self.role_combo)
        row.addWidget(self.role_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addWidget(self.keyring_check)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._apply_manages()
        self.refresh()

    def _apply_manages(self) -> None:
        # Hidden, not just greyed: a viewer or caseworker has nothing to try here. Asked again
        # after each change: an administrator who gave up the role loses the controls at once.
        self.manages = self._vault.may(roles.USERS)
        for widget in (
            self.add_button,
            self.role_caption,
            self.role_combo,
            self.role_button,
            self.remove_button,
        ):
            widget.setVisible(self.manages)
        self.notice.setVisible(not self.manages)

    # Listing -------------------------------------------------------------------------------

    def refresh(self, select: str = "") -> None:
        """Read the users again; keep (or move to) the row of ``select`` or of the selection."""
        keep = select or (self.selected.name if self.selected is not None else "")
        # As a person reads a list of names: "ana" among the A's, not after every capital.
        self._users = sorted(self._vault.list_users(), key=lambda u: (u.name.casefold(), u.name))
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            for column, value in enumerate((user.name, role_name(user.role), user.organisation)):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setToolTip(role_description(user.role))
                self.table.setItem(row, column, item)
        names = [user.name for user in self._users]
        if keep in names:
            self.table.selectRow(names.index(keep))
        self._selection_changed()

    @property
    def selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.rowCount() else []
        return self._users[rows[0].row()] if rows else None

    def select_user(self, name: str) -> None:
        names = [user.name for user in self._users]
        self.table.selectRow(names.index(name))

    def _selection_changed(self) -> None:
        user = self.selected
        if user is not None:
            # Show the selected user's role in the chooser, so "Change role" starts from it.
            index = self.role_combo.findData(user.role)
            if index >= 0:
                self.role_combo.blockSignals(True)
                self.role_combo.setCurrentIndex(index)
                self.role_combo.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        user = self.selected
        idle = self.job is None
        self.role_combo.setEnabled(idle and user is not None)
        self.role_button.setEnabled(
            idle and user is not None and self.role_combo.currentData() != user.role
        )
        self.remove_button.setEnabled(idle and user is not None)
        self.add_button.setEnabled(idle)

    # Changing ------------------------------------------------------------------------------

    def _run(self, work: JobFn, name: str, done_text: str, select: str) -> Job:
        set_verdict(self.message, "", "")
        job = operations().run(work, name=name, reads_vault=True, changes={USERS}, parent=self)
        self.job = job
        self._update_buttons()

        def succeeded(_result: object) -> None:
            self._show(done_text, error=False)

        def failed(exc: BaseException) -> None:
            self._show(user_message(exc), error=True)

        def finished() -> None:
            self.job = None
            if self._vault.is_open:
                self._apply_manages()
                self.refresh(select)

        job.success(succeeded).failure(failed).on_finished(finished)
        return job

    def _show(self, text: str, *, error: bool) -> None:
        set_verdict(self.message, text, "bad" if error else "ok")

    def change_role(self, role: str | None = None) -> Job | None:
        """Give the selected user ``role`` (the chooser's, when not given)."""
        user = self.selected
        if user is None or self.job is not None:
            return None
        access = role or str(self.role_combo.currentData())
        vault, name = self._vault, user.name

        def work(_p: ProgressFn, _c: threading.Event) -> None:
            vault.set_role(name, access)

        log.info("role change requested")
        done = self.tr("%1 is now: %2.").replace("%1", name).replace("%2", role_name(access))
        return self._run(work, "set-role", done, name)

    def ask_remove(self) -> QMessageBox | None:
        """Ask before removing the selected user: their passphrase stops opening the vault."""
        user = self.selected
        if user is None or self.job is not None:
            return None
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove user"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Remove %1 from the vault? Their passphrase will no longer open it. What they "
                "did stays in the audit log, signed in their name."
            ).replace("%1", user.name)
        )
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        name = user.name
        box.buttonClicked.connect(
            lambda button: self.remove_user(name) if button is remove else None
        )
        self.confirm_box = box
        box.open()
        return box

    def remove_user(self, name: str) -> Job | None:
        """Remove ``name`` (after the confirmation)."""
        if self.job is not None:
            return None
        vault = self._vault

        def work(_p: ProgressFn, _c: threading.Event) -> None:
            vault.remove_user(name)

        log.info("user removal requested")
        return self._run(work, "remove-user", self.tr("%1 was removed.").replace("%1", name), "")

    def open_add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self._vault, kdf=self._kdf, parent=self)
        dialog.accepted.connect(lambda: self.refresh(dialog.user))
        self.add_dialog = dialog
        dialog.open()
        return dialog

    # Keyring -------------------------------------------------------------------------------

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
            self._show(user_message(exc), error=True)
            return
        self._show(
            self.tr("This computer now remembers the vault.")
            if enabled
            else self.tr("This computer no longer remembers the vault."),
            error=False,
        )
