"""The one owner of the unlocked vault in the desktop app.

Views never keep the :class:`~vault.Vault`; they receive services derived from it and are thrown
away when the session locks. The session locks on Ctrl+L, after an idle period measured with an
injectable clock (so tests can advance time without sleeping), and clears the clipboard 30 s after
protected data was copied.

Locking never loses typed work: before the vault closes, every open form (a
:class:`~ui.form_drafts.DraftSource`) is saved as a draft inside the vault, and the workspace
leaves where it was (case, tab, selection) with the session, in memory, to go back there after
the next unlock.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ui.form_drafts import DraftSource, open_draft_sources
from ui.operations import Operations, operations
from vault.errors import CustodiaError, VaultLockedError

if TYPE_CHECKING:
    from intake import Intake
    from vault import Vault

log = logging.getLogger(__name__)

Clock = Callable[[], float]

DEFAULT_IDLE_SECONDS = 5 * 60
CLIPBOARD_CLEAR_MS = 30_000

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class Session(QObject):
    """Holds the unlocked vault; emits ``unlocked`` and ``locked(reason)``."""

    unlocked = Signal()
    about_to_lock = Signal()  # editors write pending text now
    drafts_saved = Signal(int)  # how many open forms were kept as drafts at this lock
    locked = Signal(str)  # "manual", "idle" or "quit"

    def __init__(
        self,
        *,
        clock: Clock = time.monotonic,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        tick_ms: int = 1000,
        clipboard_clear_ms: int = CLIPBOARD_CLEAR_MS,
        ops: Operations | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations = ops if ops is not None else operations()
        self._clock = clock
        self._idle_seconds = float(idle_seconds)
        self._vault: Vault | None = None
        self._services: Intake | None = None
        self._last_activity = clock()
        self._clipboard_clear_ms = clipboard_clear_ms
        self._copied: str | None = None
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(tick_ms)
        self._idle_timer.timeout.connect(self.check_idle)
        self._clipboard_timer = QTimer(self)
        self._clipboard_timer.setSingleShot(True)
        self._clipboard_timer.timeout.connect(self.clear_clipboard)
        # Where the workspace was at the last lock, per vault and user; memory only.
        self._view_states: dict[tuple[str, str], dict[str, Any]] = {}
        self.drafts_kept = 0

    # State ---------------------------------------------------------------------------------

    @property
    def clock(self) -> Clock:
        """The session's monotonic clock (tests control it); autosave uses it too."""
        return self._clock

    @property
    def is_unlocked(self) -> bool:
        return self._vault is not None and self._vault.is_open

    @property
    def vault(self) -> Vault:
        if self._vault is None or not self._vault.is_open:
            raise VaultLockedError()
        return self._vault

    @property
    def services(self) -> Intake:
        """The intake services of the unlocked vault, opened once per unlock."""
        vault = self.vault
        if self._services is None:
            # Imported at first unlock, not at start: the unlock window must appear quickly.
            from intake import open_intake

            self._services = open_intake(vault)
        return self._services

    def open(self, vault: Vault) -> None:
        """Take ownership of an unlocked vault."""
        if self._vault is not None and self._vault is not vault:
            self.lock("replaced")
        self._vault = vault
        self._services = None
        self.touch()
        self._idle_timer.start()
        log.info("session opened vault %s", vault.vault_id)
        self.unlocked.emit()

    def lock(self, reason: str = "manual") -> None:
        """Cancel running jobs, checkpoint and close the vault, clear the clipboard."""
        if self._vault is not None:
            self.drafts_kept = self.save_drafts()
            self.about_to_lock.emit()
        vault, self._vault = self._vault, None
        services, self._services = self._services, None
        self._idle_timer.stop()
        # Before the vault closes: no worker may still read it, no callback may run against it.
        self.operations.cancel_all()
        self.clear_clipboard()
        # Viewers' decrypting readers and the copies opened in another application go with the
        # keys. Imported here: the unlock window must not wait for the viewers' modules.
        from ui.evidence.viewers.lock_cleanup import at_lock

        at_lock()
        if vault is None:
            return
        try:
            if services is not None:
                services.close()
            vault.lock()
        except CustodiaError as exc:
            # The keys are forgotten even when the closing checkpoint could not be written.
            log.warning("lock of vault %s: %s", vault.vault_id, exc.code)
        log.info("session locked (%s)", reason)
        self.locked.emit(reason)
        if self.drafts_kept:
            self.drafts_saved.emit(self.drafts_kept)

    # Drafts and where the user was ---------------------------------------------------------

    def open_forms(self) -> list[DraftSource]:
        """The forms open now: dialogs, and forms inside open windows."""
        return open_draft_sources(QApplication.allWidgets())

    def save_drafts(self) -> int:
        """Keep what every open form has typed as a draft in the vault; how many were kept."""
        if not self.is_unlocked:
            return 0
        kept = 0
        for form in self.open_forms():
            state = form.draft_state()
            if not state:
                continue
            try:
                draft = self.services.drafts.save(
                    form.draft_kind,
                    state,
                    case_id=form.draft_case_id,
                    subject_id=form.draft_subject_id,
                    draft_id=form.draft_id,
                )
            except CustodiaError as exc:
                # One form that cannot be kept must not stop the others (nor the lock).
                log.warning("draft of a %s form not kept: %s", form.draft_kind, exc.code)
                continue
            form.draft_id = draft.draft_id
            kept += 1
        if kept:
            log.info("kept %d open form(s) as drafts", kept)
        return kept

    def _view_key(self) -> tuple[str, str] | None:
        if not self.is_unlocked:
            return None
        return (self.vault.vault_id, self.vault.actor)

    def remember_view(self, state: dict[str, Any]) -> None:
        key = self._view_key()
        if key is not None:
            self._view_states[key] = dict(state)

    def remembered_view(self) -> dict[str, Any]:
        """Where this user of this vault was at the last lock (``{}`` if nowhere)."""
        key = self._view_key()
        return dict(self._view_states.get(key, {})) if key is not None else {}

    # Idle lock -----------------------------------------------------------------------------

    @property
    def idle_seconds(self) -> float:
        return self._idle_seconds

    def set_idle_seconds(self, seconds: float) -> None:
        self._idle_seconds = max(float(seconds), 1.0)

    def touch(self) -> None:
        self._last_activity = self._clock()

    def check_idle(self) -> None:
        if self._vault is not None and self._clock() - self._last_activity >= self._idle_seconds:
            log.info("idle for %d s: locking", int(self._idle_seconds))
            self.lock("idle")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self._last_activity = self._clock()
        return False

    # Clipboard -----------------------------------------------------------------------------

    def copy_protected(self, text: str) -> None:
        """Copy protected data; it is cleared again after 30 s, or at lock."""
        QGuiApplication.clipboard().setText(text)
        self._copied = text
        self._clipboard_timer.start(self._clipboard_clear_ms)

    def clear_clipboard(self) -> None:
        if self._copied is None:
            return
        with contextlib.suppress(RuntimeError):
            clipboard = QGuiApplication.clipboard()
            # Only clear what we put there: the user may since have copied something else.
            if clipboard.text() == self._copied:
                clipboard.clear()
        self._copied = None
        self._clipboard_timer.stop()
