"""The acquisition form: how the files being added came to us (every field optional).

In a batch, each file has its own kind (a photo, a chat export, a contract…); the common kind
fills the files left without one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from intake.models import Acquisition, Person
from ui.form_drafts import DraftForm
from ui.widgets import button_box, plain_label


class AcquisitionDialog(DraftForm, QDialog):
    def __init__(
        self,
        files: int | Sequence[str],
        people: list[Person],
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        names = [] if isinstance(files, int) else [str(n) for n in files]
        file_count = files if isinstance(files, int) else len(names)
        self.setWindowTitle(self.tr("How were these files obtained?"))
        self.setMinimumWidth(560)
        self.when_known = QCheckBox(self.tr("Date and time known"), self)
        self.when_known.setChecked(True)
        self.when_edit = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setAccessibleName(self.tr("Acquired at"))
        self.when_known.toggled.connect(self.when_edit.setEnabled)
        self.by_edit = QLineEdit(actor, self)
        self.by_edit.setAccessibleName(self.tr("Acquired by"))
        self.from_edit = QLineEdit(self)
        self.from_edit.setAccessibleName(self.tr("Acquired from"))
        self.from_person = QComboBox(self)
        self.from_person.setAccessibleName(self.tr("Acquired from person"))
        self.from_person.addItem(self.tr("nobody selected"), None)
        for person in people:
            self.from_person.addItem(person.pseudonym, person.person_id)
        self.location_edit = QLineEdit(self)
        self.location_edit.setAccessibleName(self.tr("Location"))
        self.method_edit = QLineEdit(self)
        self.method_edit.setAccessibleName(self.tr("Method"))
        self.method_edit.setPlaceholderText(self.tr("e.g. handed over on USB, screenshot"))
        self.tool_edit = QLineEdit(self)
        self.tool_edit.setAccessibleName(self.tr("Tool"))
        self.tool_version_edit = QLineEdit(self)
        self.tool_version_edit.setAccessibleName(self.tr("Tool version"))
        self.url_edit = QLineEdit(self)
        self.url_edit.setAccessibleName(self.tr("Source URL"))
        self.kind_edit = QLineEdit(self)
        self.kind_edit.setAccessibleName(self.tr("Kind of evidence"))
        self.kind_edit.setPlaceholderText(self.tr("e.g. photo, chat export, contract"))
        # One kind per file when there are several: a batch is rarely all of one kind.
        self.file_kind_edits: list[QLineEdit] = []
        self.file_kinds = QWidget(self)
        file_form = QFormLayout(self.file_kinds)
        file_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name in names if len(names) > 1 else []:
            edit = QLineEdit(self.file_kinds)
            edit.setAccessibleName(self.tr("Kind of %1").replace("%1", name))
            edit.setPlaceholderText(self.tr("as above"))
            self.file_kind_edits.append(edit)
            file_form.addRow(plain_label(name, self.file_kinds, wrap=False), edit)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.when_known)
        form.addRow(self.tr("&When:"), self.when_edit)
        form.addRow(self.tr("&By:"), self.by_edit)
        form.addRow(self.tr("&From (person or body):"), self.from_edit)
        form.addRow(self.tr("From &person in case:"), self.from_person)
        form.addRow(self.tr("&Where:"), self.location_edit)
        form.addRow(self.tr("&Method:"), self.method_edit)
        form.addRow(self.tr("&Tool:"), self.tool_edit)
        form.addRow(self.tr("Tool &version:"), self.tool_version_edit)
        form.addRow(self.tr("Source &URL:"), self.url_edit)
        form.addRow(
            self.tr("&Kind (all files):") if self.file_kind_edits else self.tr("&Kind:"),
            self.kind_edit,
        )
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add to the vault"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr("%n file(s) will be encrypted into the vault unchanged.", "", file_count),
                self,
            )
        )
        layout.addLayout(form)
        if self.file_kind_edits:
            layout.addWidget(plain_label(self.tr("Kind of each file:"), self))
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.file_kinds)
            scroll.setMaximumHeight(200)
            layout.addWidget(scroll)
        else:
            self.file_kinds.hide()
        layout.addWidget(buttons)

    def acquisition(self) -> Acquisition:
        person = self.from_person.currentData()
        acquired_at = (
            self.when_edit.dateTime().toPython().astimezone(UTC)  # type: ignore[attr-defined]
            if self.when_known.isChecked()
            else None
        )
        return Acquisition(
            acquired_at=acquired_at,
            acquired_by=self.by_edit.text().strip(),
            acquired_from=self.from_edit.text().strip(),
            acquired_from_person_id=person if person else None,
            location=self.location_edit.text().strip(),
            method=self.method_edit.text().strip(),
            tool=self.tool_edit.text().strip(),
            tool_version=self.tool_version_edit.text().strip(),
            source_url=self.url_edit.text().strip(),
        )

    @property
    def kind(self) -> str:
        return self.kind_edit.text().strip()

    @property
    def kinds(self) -> list[str]:
        """The kind of each file, in the order given (the common kind where none was typed)."""
        common = self.kind
        if not self.file_kind_edits:
            return []
        return [e.text().strip() or common for e in self.file_kind_edits]
