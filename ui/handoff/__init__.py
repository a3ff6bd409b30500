"""Hand-off dialogs (DESIGN §7): address book, receiving key, import, transfer.

:func:`install_menu` adds them to the main window's Bundles menu; each needs an unlocked vault.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMenu, QWidget

if TYPE_CHECKING:
    from vault import Vault

from ui.unlocked import unlocked_session

log = logging.getLogger(__name__)


class _Window(Protocol):
    @property
    def session(self) -> object: ...


def tr(text: str) -> str:
    return QCoreApplication.translate("HandoffMenu", text)


def _vault_of(window: QWidget) -> Vault | None:
    session = unlocked_session(window)
    if session is None:
        return None
    vault = session.vault
    from vault import Vault  # on use: the menu is built before any vault is open

    assert isinstance(vault, Vault)
    return vault


def install_menu(window: QWidget, menu: QMenu) -> None:
    """The hand-off entries of the Bundles menu."""

    def opener(module: str, name: str) -> Callable[[], None]:
        def open_dialog() -> None:
            vault = _vault_of(window)
            if vault is not None:
                # Imported on use: the dialogs load the signing, PDF and age stack, which the
                # app's start must not pay for.
                factory: Callable[[Vault, QWidget], QDialog] = getattr(
                    importlib.import_module(module), name
                )
                dialog = factory(vault, window)
                dialog.show()

        return open_dialog

    menu.addSeparator()
    entries = (
        (tr("&Import a bundle…"), "ui.handoff.import_dialog", "ImportDialog"),
        (tr("&Transfer to a team member…"), "ui.handoff.transfer_dialog", "TransferDialog"),
        (tr("&Address book…"), "ui.handoff.address_book_dialog", "AddressBookDialog"),
        (tr("My &receiving key…"), "ui.handoff.receiving_key_dialog", "ReceivingKeyDialog"),
    )
    for text, module, name in entries:
        menu.addAction(text).triggered.connect(opener(module, name))
