"""Check a value across the vault: where a phone number, handle, e-mail, company or web address
has appeared, without adding anything. The check runs through the operations layer and is
audited by the core (:class:`intake.screening.ScreeningService`)."""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake.screening import ScreeningResult, ScreeningService
from ui.cli_capture import kind_words, where_words
from ui.job_panel import JobPanel
from ui.operations import operations
from ui.widgets import plain_label
from ui.workers import Job, ProgressFn
from vault import Vault

log = logging.getLogger(__name__)


class ScreeningDialog(QDialog):
    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault = vault
        self.screening: ScreeningResult | None = None
        self.intro = plain_label("", self)
        self.value_edit = QLineEdit(self)
        self.value_edit.returnPressed.connect(self.check)
        self.check_button = QPushButton(self)
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check)
        self.panel = JobPanel(
            self, progress_name=self.tr("Checking"), cancellable=False, counts=False
        )
        self.panel.idle.connect(lambda: self.check_button.setEnabled(True))
        self.readings = plain_label("", self)
        self.table = QTableWidget(0, 4, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        row = QHBoxLayout()
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.check_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.panel)
        layout.addWidget(self.readings)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.screening is not None:
                self._show(self.screening)
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check a value across the vault"))
        self.intro.setText(
            self.tr(
                "Type a phone number, handle, e-mail, company (name or registry number) or web"
                " address. Custodia lists every case, entity, statement and chat message where it"
                " appears, however it was written. Nothing is added to the vault; the check"
                " itself is recorded in the audit log."
            )
        )
        self.value_edit.setAccessibleName(self.tr("Value to check"))
        self.value_edit.setPlaceholderText(self.tr("e.g. 0721 234 567, @name, RO18547290"))
        self.check_button.setText(self.tr("C&heck"))
        self.table.setAccessibleName(self.tr("Where the value appears"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Where"), self.tr("Record"), self.tr("Text")]
        )

    def check(self) -> Job | None:
        value = self.value_edit.text()
        if not value.strip() or self.panel.busy:
            return None
        vault = self._vault

        def work(_progress: ProgressFn, _cancel: threading.Event) -> ScreeningResult:
            return ScreeningService(vault).screen(value)

        self.check_button.setEnabled(False)
        job = operations().run(work, name="screening", reads_vault=True, parent=self)
        self.panel.follow(job, step=self.tr("Looking through the vault…"))
        job.success(lambda result: self._show(result))
        return job

    def _show(self, result: object) -> None:
        assert isinstance(result, ScreeningResult)
        self.screening = result
        lines = [
            self.tr("Read as %1: %2")
            .replace("%1", kind_words(reading.kind))
            .replace("%2", reading.display)
            for reading in result.readings
        ]
        if result.found:
            cases = result.case_references
            lines.append(self.tr("Found in %n case(s):", "", len(cases)) + " " + ", ".join(cases))
            verdict = "bad"  # found: worth the caseworker's attention
        else:
            lines.append(self.tr("Not found anywhere in this vault."))
            verdict = "ok"
        self.readings.setText("\n".join(lines))
        self.panel.set_verdict("", "")
        self.readings.setProperty("verdict", verdict)
        self.readings.style().unpolish(self.readings)
        self.readings.style().polish(self.readings)
        rows: list[tuple[str, str, str, str]] = []
        for _reading, link in result.links:
            target = (
                self.tr("person")
                if link.person_id
                else self.tr("evidence item")
                if link.evidence_id
                else self.tr("statement")
                if link.statement_id
                else self.tr("case")
            )
            rows.append(
                (
                    link.case_reference,
                    self.tr("entity"),
                    f"{link.entity.display} ({target})",
                    link.note,
                )
            )
        for hit in result.texts:
            rows.append((hit.case_reference or "", where_words(hit.kind), hit.title, hit.snippet))
        if result.messages:
            rows.append(
                (
                    "",
                    where_words("message"),
                    self.tr("%n chat message(s) name it", "", len(result.messages)),
                    "",
                )
            )
        self.table.setRowCount(len(rows))
        for index, values in enumerate(rows):
            for column, text in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(text))
