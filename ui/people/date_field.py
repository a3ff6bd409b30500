"""A date typed the way the user writes dates, or picked on a calendar; empty means "not known".

"12.03.1994" in Romanian or Ukrainian, "3/12/1994" in English, and "1994-03-12" everywhere are
read with Babel in the interface language. The calendar opens at the date typed, or, for an
empty field, at a sensible year (for a birth date, thirty years ago) instead of January 1900.
"""

from __future__ import annotations

import logging
from datetime import date

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, parse_date
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ui.i18n import current_language

log = logging.getLogger(__name__)

EARLIEST = date(1900, 1, 1)


def _locale() -> Locale:
    try:
        return Locale.parse(current_language() or "en")
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def date_pattern(locale: Locale) -> str:
    """The locale's short date pattern with a four-digit year (a birth year needs all four)."""
    pattern = str(locale.date_formats["short"].pattern)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy") if "yy" in pattern else pattern.replace("y", "yyyy")
    return pattern


def parse_typed_date(text: str, locale: Locale | None = None) -> date | None:
    """The date in ``text`` (the locale's format or ISO); ``None`` when empty.

    Raises ``ValueError`` when the text is not a date.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    locale = locale or _locale()
    try:
        parsed = parse_date(text, locale=locale)
    except (ValueError, IndexError) as exc:
        raise ValueError("not a date") from exc
    today = date.today()
    if parsed.year < 100:
        parsed = parsed.replace(year=today.year // 100 * 100 + parsed.year)
    if parsed > today and parsed.year - 100 >= EARLIEST.year:
        # "3/12/94" read as 2094: a two-digit year is in the last hundred years, not the future.
        parsed = parsed.replace(year=parsed.year - 100)
    if parsed < EARLIEST or parsed > today:
        raise ValueError("date out of range")
    return parsed


class DateField(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, years_back: int = 30) -> None:
        super().__init__(parent)
        self._years_back = years_back
        self._locale = _locale()
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            self.tr("e.g. %1 · empty if not known").replace(
                "%1", format_date(date(1994, 3, 12), date_pattern(self._locale), self._locale)
            )
        )
        self.edit.textChanged.connect(self._check)
        self.edit.editingFinished.connect(self._tidy)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setMaximumDate(QDate.currentDate())
        self.calendar.setMinimumDate(QDate(EARLIEST))
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.menu = QMenu(self)
        holder = QWidgetAction(self.menu)
        holder.setDefaultWidget(self.calendar)
        self.menu.addAction(holder)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.button = QToolButton(self)
        # An arrow, not a calendar emoji: the app's fonts have no such glyph on every system.
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setAccessibleName(self.tr("Pick the date on a calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    @property
    def valid(self) -> bool:
        try:
            parse_typed_date(self.edit.text(), self._locale)
        except ValueError:
            return False
        return True

    def value(self) -> date | None:
        """The date, ``None`` when empty; raises ``ValueError`` when the text is not a date."""
        return parse_typed_date(self.edit.text(), self._locale)

    def set_value(self, value: date | None) -> None:
        self.edit.setText(
            "" if value is None else format_date(value, date_pattern(self._locale), self._locale)
        )

    def _check(self) -> None:
        self.edit.setProperty("invalid", not self.valid)
        self.edit.setToolTip(
            "" if self.valid else self.tr("Not a date. Type it as shown, or pick it.")
        )
        self.changed.emit()

    def _tidy(self) -> None:
        """Show a date typed in any accepted form the way the locale writes it."""
        try:
            value = self.value()
        except ValueError:
            return
        if value is not None:
            self.set_value(value)

    def _prepare_calendar(self) -> None:
        try:
            value = self.value()
        except ValueError:
            value = None
        if value is None:
            today = date.today()
            shown = QDate(today.year - self._years_back, today.month, 1)
            self.calendar.setCurrentPage(shown.year(), shown.month())
            return
        self.calendar.setSelectedDate(QDate(value))
        self.calendar.setCurrentPage(value.year, value.month)

    def _picked(self, day: QDate) -> None:
        self.set_value(day.toPython())  # type: ignore[arg-type]
        self.menu.hide()
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
