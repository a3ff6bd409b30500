"""User preferences (language, idle timeout, last vault): a small INI file, never vault data."""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from resources.i18n import SOURCE_LANGUAGE, available_languages

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 5
DEFAULT_BACKUP_REMINDER_DAYS = 7
MAX_BACKUP_REMINDER_DAYS = 365


def default_vault_path() -> Path:
    return Path(platformdirs.user_data_dir("custodia", appauthor=False)) / "vault"


def default_settings_file() -> Path:
    return Path(platformdirs.user_config_dir("custodia", appauthor=False)) / "settings.ini"


class Settings:
    """Typed access to the preferences file; tests pass a temporary path."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_settings_file()
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    @property
    def language(self) -> str:
        value = str(self._qs.value("ui/language", SOURCE_LANGUAGE))
        return value if value in available_languages() else SOURCE_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue(
            "ui/language", value if value in available_languages() else SOURCE_LANGUAGE
        )
        self._qs.sync()

    @property
    def idle_minutes(self) -> int:
        try:
            value = int(str(self._qs.value("security/idle_minutes", DEFAULT_IDLE_MINUTES)))
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return min(max(value, 1), 120)

    @idle_minutes.setter
    def idle_minutes(self, value: int) -> None:
        self._qs.setValue("security/idle_minutes", min(max(int(value), 1), 120))
        self._qs.sync()

    @property
    def last_vault(self) -> Path | None:
        value = self._qs.value("vault/last_path", "")
        return Path(str(value)) if value else None

    @last_vault.setter
    def last_vault(self, value: Path) -> None:
        self._qs.setValue("vault/last_path", str(value))
        self._qs.sync()

    @property
    def last_user(self) -> str:
        return str(self._qs.value("vault/last_user", ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self._qs.setValue("vault/last_user", value)
        self._qs.sync()

    @property
    def backup_reminder_days(self) -> int:
        """Remind the user to back up once the last backup is older than this many days."""
        raw = self._qs.value("backup/reminder_days", DEFAULT_BACKUP_REMINDER_DAYS)
        try:
            value = int(str(raw))
        except ValueError:
            return DEFAULT_BACKUP_REMINDER_DAYS
        return min(max(value, 1), MAX_BACKUP_REMINDER_DAYS)

    @backup_reminder_days.setter
    def backup_reminder_days(self, value: int) -> None:
        self._qs.setValue("backup/reminder_days", min(max(int(value), 1), MAX_BACKUP_REMINDER_DAYS))
        self._qs.sync()

    @property
    def last_backup_folder(self) -> Path | None:
        """Where the user last backed up to (a folder name, never vault data)."""
        value = self._qs.value("backup/last_folder", "")
        return Path(str(value)) if value else None

    @last_backup_folder.setter
    def last_backup_folder(self, value: Path) -> None:
        self._qs.setValue("backup/last_folder", str(value))
        self._qs.sync()
