"""The main window: the locked screen, or the workspace of the unlocked vault.

The window never keeps vault data itself. The workspace is created at unlock and destroyed at
lock, so locking clears every view; a language switch rebuilds the views in the new language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.backup.backup_status import is_overdue, parse_time, reminder_text, status_text
from ui.errors import show_error
from ui.i18n import set_language
from ui.locked_view import LockedView
from ui.operations import USERS, operations
from ui.search.text_reader import EvidenceTextReader
from ui.session import Session
from ui.settings import Settings
from ui.tsa.timestamp_queue import TimestampQueue
from ui.unlock.unlock_dialog import UnlockDialog
from ui.widgets import plain_label
from vault import roles
from vault.constants import RECOVERY_ACTOR
from vault.errors import CustodiaError
from vault.kdf import DEFAULT_KDF, KdfParams

# Dialogs not needed for the first window are imported when first opened: the time from start
# to the unlock window is measured (issue 7), and zxcvbn alone costs a tenth of a second.
if TYPE_CHECKING:
    from exports.senders import SenderBook
    from ui.backup.backup_dialog import BackupDialog
    from ui.backup.check_backup_dialog import CheckBackupDialog
    from ui.backup.restore_dialog import RestoreDialog
    from ui.exports.verify_window import VerifyWindow
    from ui.help.guide_window import GuideWindow
    from ui.onboarding.create_vault_dialog import CreateVaultDialog
    from ui.printing.print_preview_dialog import PrintPreviewDialog
    from ui.settings_dialog import SettingsDialog
    from ui.tasks.due_soon_panel import DueSoonPanel
    from ui.tsa.trusted_time_dialog import TrustedTimeDialog
    from ui.unlock.reset_passphrase_dialog import ResetPassphraseDialog
    from ui.users.change_passphrase_dialog import ChangePassphraseDialog
    from ui.users.users_dialog import UsersDialog

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
        self.drafts_dialog: QWidget | None = None  # drafts offered back after unlocking
        self.verify_window: VerifyWindow | None = None
        self.guide_window: GuideWindow | None = None
        self._pending_restore: tuple[Path, dict[str, Any]] | None = None
        # The last backup time read from the ledger (None: never), kept so that a language
        # switch can say it again in the new language without reading the vault.
        self._last_backup: datetime | None = None
        self._backup_known = False
        self.setMinimumSize(900, 600)
        self.stack = QStackedWidget(self)
        self._build_reminder()
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.reminder)
        # What is due within a few days, after each unlock (issue 18). Built at the first
        # unlock: its module loads the task and entity code the locked window never needs.
        self._due_soon: DueSoonPanel | None = None
        self._central_layout = central_layout
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.locked_view = LockedView(vault_path, parent=self)
        self._connect_locked_view()
        self.stack.addWidget(self.locked_view)
        self.backup_status = plain_label("", self, wrap=False)
        self.backup_status.setContentsMargins(0, 0, 16, 0)  # apart from the sign-in status
        self.statusBar().addPermanentWidget(self.backup_status)
        self.tsa_status = plain_label("", self, wrap=False)
        self.tsa_status.setContentsMargins(0, 0, 16, 0)
        self.statusBar().addPermanentWidget(self.tsa_status)
        self.status = plain_label("", self, wrap=False)
        self.statusBar().addPermanentWidget(self.status)
        # Sends the vault's waiting timestamp requests after each unlock, in the background.
        self.timestamps = TimestampQueue(self)
        # Reads the text of evidence files from before issue 16 into the search index.
        self.evidence_text = EvidenceTextReader(self)
        self.timestamps.waiting.connect(self._show_timestamps_waiting)
        self._timestamps_waiting = 0
        self._build_actions()
        session.unlocked.connect(self._on_unlocked)
        session.locked.connect(self._on_locked)
        # A role change (one's own included) changes which actions the menus offer.
        operations().changed.connect(self._data_changed)
        self.retranslate()

    def _connect_locked_view(self) -> None:
        self.locked_view.unlock_requested.connect(self.open_unlock)
        self.locked_view.create_requested.connect(self.open_create)
        self.locked_view.verify_requested.connect(lambda: self.open_verify())

    def _build_reminder(self) -> None:
        """A banner, not a dialog: the reminder must not interrupt an interview."""
        self.reminder = QWidget(self)
        self.reminder_text = plain_label("", self.reminder)
        self.reminder_text.setObjectName("warningBanner")
        self.reminder_backup = QPushButton(self.reminder)
        self.reminder_backup.clicked.connect(lambda: self.open_backup())
        self.reminder_later = QPushButton(self.reminder)
        self.reminder_later.clicked.connect(self.reminder.hide)
        row = QHBoxLayout(self.reminder)
        row.setContentsMargins(6, 6, 6, 0)
        row.addWidget(self.reminder_text, 1)
        row.addWidget(self.reminder_backup)
        row.addWidget(self.reminder_later)
        self.reminder.hide()

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
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(lambda: self.open_guide())
        self.training_action = QAction(self)
        self.training_action.triggered.connect(lambda: self.open_training_vault())
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.open_print())
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(lambda: self.open_backup())
        self.check_backup_action = QAction(self)
        self.check_backup_action.triggered.connect(lambda: self.open_check_backup())
        self.restore_action = QAction(self)
        self.restore_action.triggered.connect(lambda: self.open_restore())
        self.users_action = QAction(self)
        self.users_action.triggered.connect(lambda: self.open_users())
        self.change_passphrase_action = QAction(self)
        self.change_passphrase_action.triggered.connect(lambda: self.open_change_passphrase())
        self.trusted_time_action = QAction(self)
        self.trusted_time_action.triggered.connect(lambda: self.open_trusted_time())
        self.verify_action = QAction(self)
        self.verify_action.triggered.connect(lambda: self.open_verify())
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
        self.guide_action.setText(self.tr("&Guide"))
        self.training_action.setText(self.tr("Open the &training vault…"))
        self.print_action.setText(self.tr("&Print the statement or case summary…"))
        self.backup_action.setText(self.tr("&Back up now…"))
        self.check_backup_action.setText(self.tr("Chec&k a backup…"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.verify_action.setText(self.tr("&Verify a bundle…"))
        self.users_action.setText(self.tr("&Users…"))
        self.change_passphrase_action.setText(self.tr("Change my &passphrase…"))
        self.trusted_time_action.setText(self.tr("&Trusted time…"))
        self.tsa_status.setAccessibleName(self.tr("Timestamp requests waiting"))
        # Not "&Back up…": Alt+B opens the Bundles menu.
        self.backup_status.setAccessibleName(self.tr("Last backup"))
        self.reminder_text.setAccessibleName(self.tr("Backup reminder"))
        self.reminder_backup.setText(self.tr("Back &up now…"))
        self.reminder_backup.setAccessibleName(self.tr("Back up the vault now"))
        self.reminder_later.setText(self.tr("Later"))
        self.reminder_later.setAccessibleName(self.tr("Hide the backup reminder"))
        bar = self.menuBar()
        bar.clear()
        vault_menu = bar.addMenu(self.tr("&Vault"))
        vault_menu.addAction(self.lock_action)
        vault_menu.addAction(self.search_action)
        from ui.screening import install_menu as install_screening  # check a value (issue 17)

        install_screening(self, vault_menu)
        from ui.trends import install_menu as install_trends  # counts across cases (issue 18)

        install_trends(self, vault_menu)
        from ui.tasks import install_menu as install_casework  # referrals, tasks, retention

        install_casework(self, vault_menu)
        if self._due_soon is not None:
            self._due_soon.retranslate()
        vault_menu.addAction(self.print_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.backup_action)
        vault_menu.addAction(self.check_backup_action)
        vault_menu.addAction(self.restore_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.users_action)
        vault_menu.addAction(self.change_passphrase_action)
        vault_menu.addAction(self.trusted_time_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.settings_action)
        vault_menu.addSeparator()
        vault_menu.addAction(self.quit_action)
        bundles_menu = bar.addMenu(self.tr("&Bundles"))
        bundles_menu.addAction(self.verify_action)
        from ui.handoff import install_menu  # import, transfer, address book, receiving key

        install_menu(self, bundles_menu)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.training_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        self._update_state()
        self._show_backup_texts()
        self._show_timestamps_waiting(self._timestamps_waiting)

    def rebuild_views(self) -> None:
        old_locked = self.locked_view
        self.locked_view = LockedView(self.vault_path, self._lock_reason, self)
        self._connect_locked_view()
        self.stack.insertWidget(0, self.locked_view)
        self.stack.removeWidget(old_locked)
        old_locked.deleteLater()
        if self.session.is_unlocked:
            # The new language must not cost the user their place nor what they were typing:
            # open forms are kept as drafts (in the vault) and reopened in the new language.
            view = self._workspace_view_state()
            self.session.save_drafts()
            self._close_forms()
            self._drop_workspace()
            self._show_workspace()
            self._return_to(view)
            self._reopen_open_drafts()
        self.retranslate()

    def _workspace_view_state(self) -> dict[str, Any]:
        getter = getattr(self.workspace, "view_state", None)
        state = getter() if callable(getter) else {}
        return state if isinstance(state, dict) else {}

    def _return_to(self, state: dict[str, Any]) -> None:
        restore = getattr(self.workspace, "restore_view_state", None)
        if state and callable(restore):
            restore(state)

    def _close_forms(self) -> None:
        """Close the forms whose drafts were just kept (not the settings dialog, nor others)."""
        for form in self.session.open_forms():
            if isinstance(form, QWidget) and form.isWindow():
                form.close()

    def _reopen_open_drafts(self) -> None:
        """Reopen the drafts just kept, filled in, without asking: the user did not leave."""
        reopen = getattr(self.workspace, "reopen_draft", None)
        if not callable(reopen) or not self.session.is_unlocked:
            return
        try:
            drafts = self.session.services.drafts.list_mine()
        except CustodiaError as exc:
            log.warning("drafts not reopened: %s", exc.code)
            return
        for draft in drafts:
            reopen(draft)

    def offer_drafts(self) -> QWidget | None:
        """Offer back the forms kept at the last lock (Vault menu and after each unlock)."""
        offer = getattr(self.workspace, "offer_drafts", None)
        dialog = offer() if callable(offer) and self.session.is_unlocked else None
        return dialog if isinstance(dialog, QWidget) else None

    def _update_state(self) -> None:
        unlocked = self.session.is_unlocked
        self.lock_action.setEnabled(unlocked)
        self.search_action.setEnabled(unlocked)
        self.print_action.setEnabled(unlocked)
        # What the role may not do is greyed out here; the core refuses it anyway.
        self.backup_action.setEnabled(unlocked and self.session.vault.may(roles.BACKUP))
        self.users_action.setEnabled(unlocked)
        self.trusted_time_action.setEnabled(unlocked)
        # Only a user who signed in with a passphrase has one to change.
        self.change_passphrase_action.setEnabled(
            unlocked
            and self.session.vault.header.passphrase_slot(self.session.vault.actor) is not None
        )
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
            self.backup_status.setText("")
            self._show_timestamps_waiting(0)
            self.reminder.hide()
            self._backup_known = False

    # Start ---------------------------------------------------------------------------------

    def start(self) -> UnlockDialog | CreateVaultDialog:
        """First action after showing: unlock an existing vault or create one."""
        if (self.vault_path / "vault.json").is_file():
            return self.open_unlock()
        return self.open_create()

    def open_unlock(self) -> UnlockDialog:
        restored_from = None
        if self._pending_restore is not None and self._pending_restore[0] == self.vault_path:
            restored_from = self._pending_restore[1]
        dialog = UnlockDialog(
            self.vault_path,
            last_user=self.settings.last_user,
            restored_from=restored_from,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._unlocked_from(dialog))
        dialog.verify_requested.connect(lambda: self.open_verify())
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_create(self) -> CreateVaultDialog:
        from ui.onboarding.create_vault_dialog import CreateVaultDialog

        dialog = CreateVaultDialog(self.vault_path, kdf=self._kdf, parent=self)
        dialog.accepted.connect(lambda: self._created_from(dialog))
        dialog.rejected.connect(lambda: self._created_from(dialog))
        dialog.verify_requested.connect(lambda: self.open_verify())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _unlocked_from(self, dialog: UnlockDialog) -> None:
        self.dialog = None
        vault, dialog.vault = dialog.vault, None
        if vault is None:
            return
        if dialog.restored_from is not None:
            self._pending_restore = None  # recorded in the ledger by this unlock, exactly once
        recovered = vault.actor == RECOVERY_ACTOR
        if not recovered:
            self.settings.last_user = dialog.user
        self.session.open(vault)
        if recovered:
            self.open_reset_passphrase()

    def open_reset_passphrase(self) -> ResetPassphraseDialog:
        """After a recovery-key unlock, offer a new passphrase at once."""
        from ui.unlock.reset_passphrase_dialog import ResetPassphraseDialog

        dialog = ResetPassphraseDialog(self.session.vault, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_users(self) -> UsersDialog | None:
        if not self.session.is_unlocked:
            return None
        from ui.users.users_dialog import UsersDialog

        dialog = UsersDialog(self.session.vault, kdf=self._kdf, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_change_passphrase(self) -> ChangePassphraseDialog | None:
        if not self.session.is_unlocked:
            return None
        from ui.users.change_passphrase_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self.session.vault, self)
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
        if self.workspace is not None:
            # Back where the user was at the lock, then their unsaved forms, offered back.
            self._return_to(self.session.remembered_view())
            self.drafts_dialog = self.offer_drafts()
        self.refresh_backup_status(remind=True)
        self._show_due_soon()
        if self.session.is_unlocked:
            self.timestamps.flush(self.session.vault)
            self.evidence_text.start(self.session.vault)

    @property
    def due_soon(self) -> DueSoonPanel:
        if self._due_soon is None:
            from ui.tasks.due_soon_panel import DueSoonPanel

            self._due_soon = DueSoonPanel(self)
            self._due_soon.show_all.connect(self._open_all_tasks)
            self._central_layout.insertWidget(1, self._due_soon)  # under the backup reminder
        return self._due_soon

    def _show_due_soon(self) -> None:
        if not self.session.is_unlocked:
            return
        from ui.tasks import today_of

        try:
            self.due_soon.show_due(self.session.services.tasks, today_of(self.session))
        except CustodiaError as exc:
            log.warning("due tasks unavailable: %s", exc.code)

    def _open_all_tasks(self) -> None:
        from ui.tasks import open_tasks

        open_tasks(self, self.due_soon.days)

    def _data_changed(self, kinds: frozenset[str]) -> None:
        if USERS in kinds and self.session.is_unlocked:
            self._update_state()

    # Trusted time --------------------------------------------------------------------------

    def _show_timestamps_waiting(self, count: int) -> None:
        """A quiet line, never a dialog: the TSA being away is not the user's problem now."""
        self._timestamps_waiting = count
        self.tsa_status.setText(
            self.tr("%n timestamp request(s) waiting", "", count) if count else ""
        )

    def open_trusted_time(self) -> TrustedTimeDialog | None:
        if not self.session.is_unlocked:
            return None
        from ui.tsa.trusted_time_dialog import TrustedTimeDialog

        dialog = TrustedTimeDialog(self.session.vault, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # Backups -------------------------------------------------------------------------------

    def refresh_backup_status(self, *, remind: bool = False) -> None:
        """Show when the vault was last backed up; remind once per unlock when it is overdue."""
        if not self.session.is_unlocked:
            return
        from vault.backup import last_backup_time

        vault = self.session.vault
        try:
            last = parse_time(last_backup_time(vault))
        except CustodiaError as exc:
            log.warning("last backup time unavailable: %s", exc.code)
            return
        self._last_backup, self._backup_known = last, True
        overdue = is_overdue(last, vault.clock(), self.settings.backup_reminder_days)
        if remind and overdue and vault.may(roles.BACKUP):
            # A viewer may not back up: a reminder they cannot act on is only noise.
            self.reminder.show()
        elif not overdue:
            self.reminder.hide()
        self._show_backup_texts()

    def _show_backup_texts(self) -> None:
        """The status-bar line and the reminder, in the current language."""
        if not self._backup_known or not self.session.is_unlocked:
            return
        now = self.session.vault.clock()
        self.backup_status.setText(status_text(self._last_backup, now))
        self.reminder_text.setText(reminder_text(self._last_backup, now))

    def open_backup(self) -> BackupDialog | None:
        if not self.session.is_unlocked:
            return None
        from ui.backup.backup_dialog import BackupDialog

        dialog = BackupDialog(
            self.session.vault,
            folder=self.settings.last_backup_folder,
            parent=self,
        )
        dialog.backed_up.connect(lambda _report: self._backed_up(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _backed_up(self, dialog: BackupDialog) -> None:
        if dialog.folder is not None:
            self.settings.last_backup_folder = dialog.folder
        self.refresh_backup_status()

    def open_check_backup(self) -> CheckBackupDialog:
        from ui.backup.check_backup_dialog import CheckBackupDialog

        dialog = CheckBackupDialog(folder=self.settings.last_backup_folder, parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_restore(self) -> RestoreDialog:
        from ui.backup.restore_dialog import RestoreDialog

        dialog = RestoreDialog(backup_folder=self.settings.last_backup_folder, parent=self)
        dialog.restored.connect(self._restored)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restored(self, path: object, note: object) -> None:
        """Switch to the restored vault and unlock it with the restore note, once."""
        assert isinstance(path, Path)
        assert isinstance(note, dict)
        self._pending_restore = (path, note)
        self.vault_path = path
        self.settings.last_vault = path
        if not self.session.is_unlocked:
            self.locked_view.set_state(path, "")
        self.open_unlock()

    # Bundles -------------------------------------------------------------------------------

    def open_verify(self, bundle: str | None = None) -> VerifyWindow:
        """The verifier needs no vault; it is its own window, usable beside any dialog."""
        from ui.exports.verify_window import VerifyWindow

        if self.verify_window is None:
            # No parent: a modal unlock or first-run dialog must not block it.
            self.verify_window = VerifyWindow()
            self.verify_window.resize(760, 600)
        window = self.verify_window
        window.sender_book = self._sender_book  # the open vault's known senders, if any
        # Its receiving key opens bundles encrypted to this vault.
        window.open_vault = lambda: self.session.vault if self.session.is_unlocked else None
        window.show()
        window.raise_()
        window.activateWindow()
        if bundle:
            window.verify(Path(bundle))
        return window

    def _sender_book(self) -> SenderBook:
        """Known senders of the unlocked vault; the user's own list while none is open."""
        from exports.senders import FileSenderBook, VaultSenderBook

        if self.session.is_unlocked:
            return VaultSenderBook(self.session.vault)
        return FileSenderBook()

    def _show_workspace(self) -> None:
        try:
            self.workspace = self._workspace_factory(self.session, self)
        except CustodiaError as exc:
            show_error(self, exc)
            self.session.lock("error")
            return
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        verify_requested = getattr(self.workspace, "verify_requested", None)
        if verify_requested is not None:
            verify_requested.connect(self.open_verify)

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    def _on_locked(self, reason: str) -> None:
        # Every view of vault data is destroyed; nothing of it stays on screen or in widgets.
        self._lock_reason = reason
        if self._due_soon is not None:
            self._due_soon.clear()
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
        from ui.settings_dialog import SettingsDialog

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

    def open_guide(self) -> GuideWindow:
        """The built-in guide, in its own window beside the work (rebuilt in a new language)."""
        from ui.help.guide_window import GuideWindow

        if self.guide_window is not None:
            self.guide_window.close()
            self.guide_window.deleteLater()
        # No parent: a modal dialog must not block reading the guide, and it outlives a lock.
        self.guide_window = GuideWindow()
        self.guide_window.show()
        self.guide_window.raise_()
        return self.guide_window

    def open_training_vault(self) -> QWidget:
        from ui.help.training import open_training_vault

        return open_training_vault(self, kdf=self._kdf)

    def open_print(self) -> PrintPreviewDialog | None:
        from ui.printing import open_print_preview

        dialog = open_print_preview(self.session, self.workspace, self)
        if dialog is not None:
            self.dialog = dialog
        return dialog

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
        if self.verify_window is not None:
            self.verify_window.close()
        if self.guide_window is not None:
            self.guide_window.close()
        super().closeEvent(event)
