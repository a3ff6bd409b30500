"""Settings: the interface language and the idle time before the vault locks itself."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from resources.i18n import catalogue
from ui.i18n import available_languages, language_name
from ui.settings import MAX_BACKUP_REMINDER_DAYS, Settings
from ui.widgets import button_box


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language_combo = QComboBox(self)
        self.language_combo.setAccessibleName(self.tr("Language"))
        for code in available_languages():
            name = language_name(code)
            if catalogue(code).awaiting_review:
                # Said in words, so nobody mistakes a first translation for a checked one.
                name = self.tr("%1 (translation awaiting review)").replace("%1", name)
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(available_languages().index(settings.language))
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setValue(settings.idle_minutes)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setAccessibleName(self.tr("Lock after minutes without activity"))
        self.backup_spin = QSpinBox(self)
        self.backup_spin.setRange(1, MAX_BACKUP_REMINDER_DAYS)
        self.backup_spin.setValue(settings.backup_reminder_days)
        self.backup_spin.setSuffix(self.tr(" days"))
        self.backup_spin.setAccessibleName(
            self.tr("Remind me to back up when the last backup is older than this many days")
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("Lock after &inactivity:"), self.idle_spin)
        form.addRow(self.tr("&Backup reminder after:"), self.backup_spin)
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def language(self) -> str:
        return str(self.language_combo.currentData())

    @property
    def idle_minutes(self) -> int:
        return self.idle_spin.value()

    def accept(self) -> None:
        self._settings.language = self.language
        self._settings.idle_minutes = self.idle_minutes
        self._settings.backup_reminder_days = self.backup_spin.value()
        super().accept()
