"""Asking for a reason (revealing an identity, legal hold, withdrawal); it goes to the audit."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from ui.widgets import button_box, plain_label


class ReasonDialog(QDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.prompt = plain_label(prompt, self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setAccessibleName(self.tr("Reason"))
        self.reason_edit.setMaxLength(500)
        self.prompt.setBuddy(self.reason_edit)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.reason_edit.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.buttons)

    @property
    def reason(self) -> str:
        return self.reason_edit.text().strip()


def ask_reason(parent: QWidget, title: str, prompt: str) -> str | None:
    dialog = ReasonDialog(title, prompt, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason
