"""Trusted time (DESIGN §6.3): the vault's timestamp authority, set or turned off by an
administrator; everyone else sees it read-only.

The setting lives in the vault and every change is a signed ``tsa.configured``/``tsa.removed``
ledger entry, written by the core through the operations layer.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports import timestamp, tsa_store
from ui.errors import user_message
from ui.job_panel import set_verdict
from ui.operations import operations
from ui.widgets import button_box, plain_label
from ui.workers import Job, ProgressFn
from vault import Vault, roles

log = logging.getLogger(__name__)


class TrustedTimeDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.job: Job | None = None
        self.manages = vault.may(roles.TIMESTAMP_AUTHORITY)
        self._current = tsa_store.tsa_url(vault)
        self.setWindowTitle(self.tr("Trusted time"))
        self.setMinimumWidth(560)
        intro = plain_label(
            self.tr(
                "With a timestamp authority (RFC 3161), every bundle and audit checkpoint gets a "
                "token that proves when it existed. This computer's clock is never presented as "
                "trusted time. Without network, requests wait in the vault and are sent later."
            ),
            self,
        )
        self.url_edit = QLineEdit(self._current, self)
        self.url_edit.setAccessibleName(self.tr("Address of the timestamp authority"))
        self.url_edit.setPlaceholderText(self.tr("https://… (off when empty)"))
        self.url_edit.setMaxLength(2000)
        self.url_edit.setReadOnly(not self.manages)
        self.url_edit.textChanged.connect(self._changed)
        self.queue_label = plain_label("", self)
        self.queue_label.setAccessibleName(self.tr("Timestamp requests waiting"))
        self.notice = plain_label(
            self.tr("Only an administrator sets the timestamp authority."), self
        )
        self.notice.setObjectName("statusText")
        self.notice.setVisible(not self.manages)
        self.message = plain_label("", self)
        self.message.setObjectName("statusText")  # coloured by its verdict
        self.message.setAccessibleName(self.tr("Message"))
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
            if self.manages
            else QDialogButtonBox.StandardButton.Close,
            self,
        )
        self.save_button: QPushButton | None = self.buttons.button(
            QDialogButtonBox.StandardButton.Save
        )
        self.buttons.accepted.connect(lambda: self.save())
        self.buttons.rejected.connect(self.reject)
        self.off_button: QPushButton | None = None
        if self.manages:
            self.off_button = self.buttons.addButton(
                self.tr("&Turn off"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.off_button.setAccessibleName(self.tr("Turn trusted time off"))
            self.off_button.clicked.connect(lambda: self.save(""))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Timestamp authority:"), self.url_edit)
        form.addRow(self.tr("Waiting:"), self.queue_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_queue()
        self._changed()

    @property
    def url(self) -> str:
        return self.url_edit.text().strip()

    def _show_queue(self) -> None:
        count = len(tsa_store.pending(self._vault)) if self._current else 0
        self.queue_label.setText(
            self.tr("%n timestamp request(s) waiting", "", count)
            if count
            else self.tr("Nothing waiting.")
        )

    def _problem(self) -> str | None:
        if self.url and not timestamp.valid_url(self.url):
            return self.tr("Enter an address that starts with https:// or http://.")
        return None

    def _changed(self) -> None:
        """The field was edited: say what is wrong with it, or nothing."""
        if self.job is None:
            problem = self._problem()
            set_verdict(self.message, problem or "", "bad" if problem else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        problem = self._problem()
        idle = self.job is None
        if self.save_button is not None:
            self.save_button.setEnabled(idle and problem is None and self.url != self._current)
        if self.off_button is not None:
            self.off_button.setEnabled(idle and bool(self._current))

    def save(self, url: str | None = None) -> Job | None:
        """Store ``url`` (the field's, when not given; "" turns trusted time off)."""
        url = self.url if url is None else url
        if not self.manages or self.job is not None or url == self._current:
            return None
        if url and not timestamp.valid_url(url):
            return None
        vault = self._vault

        def work(_p: ProgressFn, _c: threading.Event) -> bool:
            return tsa_store.set_tsa_url(vault, url)

        job = operations().run(work, name="set-tsa", reads_vault=True, parent=self)
        self.job = job
        self._update_buttons()
        job.success(lambda _r: self._saved(url))
        job.failure(lambda exc: set_verdict(self.message, user_message(exc), "bad"))
        job.on_finished(self._finished)
        return job

    def _saved(self, url: str) -> None:
        self._current = url
        self.url_edit.setText(url)
        log.info("timestamp authority %s", "set" if url else "turned off")
        set_verdict(
            self.message,
            self.tr("Trusted time is on.") if url else self.tr("Trusted time is off."),
            "ok",
        )

    def _finished(self) -> None:
        self.job = None
        if self._vault.is_open:
            self._show_queue()
        self._update_buttons()
