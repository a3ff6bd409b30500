"""The main window: the locked screen, or the workspace of the unlocked vault.

The window never keeps vault data itself. The workspace is created at unlock and destroyed at
lock, so locking clears every view; a language switch rebuilds the views in the new language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from ui.errors import show_error
from ui.i18n import set_language
from ui.locked_view import LockedView
from ui.onboarding.create_vault_dialog import CreateVaultDialog
from ui.session import Session
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog
from ui.unlock.reset_passphrase_dialog import ResetPassphraseDialog
from ui.unlock.unlock_dialog import UnlockDialog
from ui.widgets import plain_label
from vault import DEFAULT_KDF, KdfParams
from vault.errors import CustodiaError
from vault.vault import RECOVERY_ACTOR

log = logging.getLogger(__name__)

WorkspaceFactory = Callable[[Session, QWidget], QWidget]


def default_workspace(session: Session, parent: QWidget) -> QWidget:
    from ui.workspace import Workspace

    return Workspace(session, parent)


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(
        self,
        session: Session,
        settings: Settings,
        vault_path: Path,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        workspace_factory: WorkspaceFactory = default_workspace,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.vault_path = vault_path
        self._kdf = kdf
        self._workspace_factory = workspace_factory
        self._lock_reason = ""
        self.workspace: QWidget | None = None
        self.dialog: QWidget | None = None  # the open unlock/create dialog, for tests
        self.setMinimumSize(900, 600)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.locked_view = LockedView(vault_path, parent=self)
        self.locked_view.unlock_requested.connect(self.open_unlock)
        self.locked_view.create_requested.connect(self.open_create)
        self.stack.addWidget(self.locked_view)
        self.status = plain_label("", self, wrap=False)
        self.statusBar().addPermanentWidget(self.status)
        self._build_actions()
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        self.retranslate()

    # Actions -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.session.lock("manual"))
        self.search_action = QAction(self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.search_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.search_action.triggered.connect(self.open_search)
        self.settings_action = QAction(self)
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        for action in (self.lock_action, self.search_action):
            self.addAction(action)

    def retranslate(self) -> None:
        """Set every window-level string; views are rebuilt by :meth:`rebuild_views`."""
        self.setWindowTitle(self.tr("Custodia"))
        self.lock_action.setText(self.tr("&Lock vault"))
        self.search_action.setText(self.tr("&Search the vault…"))
        self.settings_action.setText(self.tr("S&ettings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Custodia"))
        bar = self.menuBar()
        bar.clear()
        vault_menu = bar.addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addAction(self.search_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.settings_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.quit_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)
        self._update_state()

    def rebuild_views(self) -> None:
        old_locked = self.locked_view
        self.locked_view = LockedView(self.vault_path, self._lock_reason, self)
        self.locked_view.unlock_requested.connect(self.open_unlock)
        self.locked_view.create_requested.connect(self.open_create)
        self.stack.insertWidget(0, self.locked_view)
        self.stack.removeWidget(old_locked)
        old_locked.deleteLater()
        if self.session.is_unlocked:
            self._drop_workspace()
            self._show_workspace()
        self.retranslate()

    def _update_state(self) -> None:
        unlocked = self.session.is_unlocked
        self.lock_action.setEnabled(unlocked)
        self.search_action.setEnabled(unlocked)
        if unlocked:
            self.status.setText(
                self.tr(
                    "Signed in as %1 · locks after %n minute(s) without activity",
                    "",
                    max(1, int(self.session.idle_seconds // 60)),
                ).replace("%1", self.session.vault.actor)
            )
        else:
            self.status.setText(self.tr("Locked"))

    # Start ---------------------------------------------------------------------------------

    def start(self) -> UnlockDialog | CreateVaultDialog:
        """First action after showing: unlock an existing vault or create one."""
        if (self.vault_path / "vault.json").is_file():
            return self.open_unlock()
        return self.open_create()

    def open_unlock(self) -> UnlockDialog:
        dialog = UnlockDialog(self.vault_path, last_user=self.settings.last_user, parent=self)
        dialog.accepted.connect(lambda: self._unlocked_from(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_create(self) -> CreateVaultDialog:
        dialog = CreateVaultDialog(self.vault_path, kdf=self._kdf, parent=self)
        dialog.accepted.connect(lambda: self._created_from(dialog))
        dialog.rejected.connect(lambda: self._created_from(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _unlocked_from(self, dialog: UnlockDialog) -> None:
        self.dialog = None
        vault, dialog.vault = dialog.vault, None
        if vault is None:
            return
        recovered = vault.actor == RECOVERY_ACTOR
        if not recovered:
            self.settings.last_user = dialog.user
        self.session.open(vault)
        if recovered:
            self.open_reset_passphrase()

    def open_reset_passphrase(self) -> ResetPassphraseDialog:
        """After a recovery-key unlock, offer a new passphrase at once."""
        dialog = ResetPassphraseDialog(self.session.vault, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created_from(self, dialog: CreateVaultDialog) -> None:
        self.dialog = None
        if dialog.vault is None:
            return
        self.vault_path = dialog.location_page.path
        self.settings.last_vault = self.vault_path
        self.settings.last_user = dialog.identity_page.user
        self.session.open(dialog.vault)
        dialog.vault = None

    # Session -------------------------------------------------------------------------------

    def _on_unlocked(self) -> None:
        self._lock_reason = ""
        self._show_workspace()
        self._update_state()

    def _show_workspace(self) -> None:
        try:
            self.workspace = self._workspace_factory(self.session, self)
        except CustodiaError as exc:
            show_error(self, exc)
            self.session.lock("error")
            return
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    def _on_locked(self, reason: str) -> None:
        # Every view of vault data is destroyed; nothing of it stays on screen or in widgets.
        self._lock_reason = reason
        self._drop_workspace()
        for child in self.findChildren(QWidget):
            if child.isWindow() and child is not self and child.isVisible():
                child.close()
        self.locked_view.set_state(self.vault_path, reason)
        self.stack.setCurrentWidget(self.locked_view)
        self._update_state()

    # Dialogs -------------------------------------------------------------------------------

    def open_search(self) -> None:
        if not self.session.is_unlocked or self.workspace is None:
            return
        opener = getattr(self.workspace, "open_search", None)
        if callable(opener):
            opener()

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.apply_settings())
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply_settings(self) -> None:
        self.session.set_idle_seconds(self.settings.idle_minutes * 60)
        set_language(self.settings.language)
        self.rebuild_views()
        self.language_changed.emit(self.settings.language)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Custodia"),
            self.tr(
                "Custodia keeps interviews, statements and evidence in an encrypted vault, "
                "with a tamper-evident audit log."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.lock("quit")
        super().closeEvent(event)
