"""Hand-off dialogs (DESIGN §7): address book, receiving key, import, transfer.

:func:`install_menu` adds them to the main window's Bundles menu; each needs an unlocked vault.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QWidget

from vault import Vault

log = logging.getLogger(__name__)


class _Window(Protocol):
    @property
    def session(self) -> object: ...


def tr(text: str) -> str:
    return QCoreApplication.translate("HandoffMenu", text)


def _vault_of(window: QWidget) -> Vault | None:
    session = getattr(window, "session", None)
    if session is None or not getattr(session, "is_unlocked", False):
        QMessageBox.information(window, tr("Vault locked"), tr("Unlock a vault first."))
        return None
    vault = session.vault
    assert isinstance(vault, Vault)
    return vault


def install_menu(window: QWidget, menu: QMenu) -> None:
    """The hand-off entries of the Bundles menu."""
    from ui.handoff.address_book_dialog import AddressBookDialog
    from ui.handoff.import_dialog import ImportDialog
    from ui.handoff.receiving_key_dialog import ReceivingKeyDialog
    from ui.handoff.transfer_dialog import TransferDialog

    def opener(factory: Callable[[Vault, QWidget], QDialog]) -> Callable[[], None]:
        def open_dialog() -> None:
            vault = _vault_of(window)
            if vault is not None:
                dialog = factory(vault, window)
                dialog.show()

        return open_dialog

    menu.addSeparator()
    menu.addAction(tr("&Import a bundle…")).triggered.connect(opener(ImportDialog))
    menu.addAction(tr("&Transfer to a team member…")).triggered.connect(opener(TransferDialog))
    menu.addAction(tr("&Address book…")).triggered.connect(opener(AddressBookDialog))
    menu.addAction(tr("My &receiving key…")).triggered.connect(opener(ReceivingKeyDialog))
