"""What an open form has typed, so that locking the vault never loses it.

Every editing dialog inherits :class:`DraftForm` (a :class:`DraftSource`). The opener tells it
what it edits (:meth:`DraftForm.track_draft`: a kind, the case, the record); at lock the session
asks each visible form for :meth:`~DraftSource.draft_state` and keeps the non-empty ones as
drafts inside the vault (``intake.drafts``). After unlocking, the workspace reopens the same form
for the same record and hands the state back to :meth:`~DraftSource.restore_draft`.

The state is read generically from the form's input widgets, in the order the form created
them, so a new field in a dialog is kept without code here. Passwords are never kept.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol, cast, runtime_checkable

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

log = logging.getLogger(__name__)

# Kinds of forms whose drafts are kept; the workspace knows how to reopen each.
CASE_NEW = "case.new"
CASE_EDIT = "case.edit"
PERSON_ADD = "person.add"
PERSON_EDIT = "person.edit"
PERSON_IDENTITY = "person.identity"
CONSENT_RECORD = "consent.record"
CONSENT_WITHDRAW = "consent.withdraw"
INTERVIEW_NEW = "interview.new"
INTERVIEW_EDIT = "interview.edit"
INTERVIEW_BREAK = "interview.break"
STATEMENT_NEW = "statement.new"
STATEMENT_ADDENDUM = "statement.addendum"
EVIDENCE_ACQUISITION = "evidence.acquisition"
EVIDENCE_CUSTODY = "evidence.custody"
EVIDENCE_DESCRIPTION = "evidence.description"
ENTITY_ADD = "entity.add"

#: Extra context a form keeps beside its fields (e.g. the files an acquisition is about).
CONTEXT_KEY = "__context"


@runtime_checkable
class DraftSource(Protocol):
    """A form whose typed text is saved at lock and offered back after unlocking."""

    draft_kind: str
    draft_case_id: str | None
    draft_subject_id: str | None
    draft_id: str | None

    def draft_state(self) -> dict[str, Any]:
        """What was typed, or ``{}`` when nothing changed since the form opened."""
        ...

    def restore_draft(self, state: dict[str, Any]) -> None: ...


class DraftForm:
    """Mixin for dialogs (put it before QDialog): a :class:`DraftSource` read from the widgets."""

    draft_kind: str = ""
    draft_case_id: str | None = None
    draft_subject_id: str | None = None
    draft_id: str | None = None  # the vault row this form's draft lives in, once saved
    draft_context: dict[str, Any] | None = None
    _draft_initial: dict[str, Any] | None = None

    def track_draft(
        self,
        kind: str,
        *,
        case_id: str | None = None,
        subject_id: str | None = None,
        context: dict[str, Any] | None = None,
    ) -> None:
        """Say what the form edits; from now on, what differs from now is a draft."""
        self.draft_kind = kind
        self.draft_case_id = case_id
        self.draft_subject_id = subject_id
        self.draft_context = context
        self._draft_initial = form_state(cast(QWidget, self))

    def draft_state(self) -> dict[str, Any]:
        if not self.draft_kind:
            return {}
        state = form_state(cast(QWidget, self))
        if state == self._draft_initial and self.draft_id is None:
            return {}  # opened and left untouched: nothing to offer back
        if self.draft_context:
            state[CONTEXT_KEY] = self.draft_context
        return state

    def restore_draft(self, state: dict[str, Any]) -> None:
        restore_form_state(cast(QWidget, self), state)


def _inputs(form: QWidget) -> list[QWidget]:
    """The form's input widgets in creation order (stable for one kind of form)."""
    found: list[QWidget] = []
    for widget in form.findChildren(QWidget):
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a date edit or an editable combo box
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            continue  # passwords and passphrases are never kept
        if isinstance(
            widget,
            QLineEdit
            | QPlainTextEdit
            | QTextEdit
            | QComboBox
            | QAbstractButton
            | QGroupBox
            | QDateTimeEdit
            | QSpinBox
            | QListWidget,
        ):
            found.append(widget)
    return found


def _key(widget: QWidget, index: int) -> str:
    name = widget.objectName()
    return name if name and not name.startswith("qt_") else f"{type(widget).__name__}#{index}"


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        value: dict[str, Any] = {"index": widget.currentIndex()}
        if isinstance(data, str | int | bool):
            value["data"] = data
        if widget.isEditable():
            value["text"] = widget.currentText()
        return value
    if isinstance(widget, QGroupBox):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    if isinstance(widget, QDateTimeEdit):
        if type(widget).__name__ == "QDateEdit" or not widget.displayFormat().count("H"):
            return widget.date().toString(Qt.DateFormat.ISODate)
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QListWidget):
        checks = []
        for row in range(widget.count()):
            item = widget.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checks.append(item.checkState() == Qt.CheckState.Checked)
        return checks or None
    return None


def form_state(form: QWidget) -> dict[str, Any]:
    """Every input's value, by a key stable across two instances of the same form."""
    counts: dict[str, int] = {}
    state: dict[str, Any] = {}
    for widget in _inputs(form):
        kind = type(widget).__name__
        index = counts.get(kind, 0)
        counts[kind] = index + 1
        value = _value(widget)
        if value is not None:
            state[_key(widget, index)] = value
    return state


def restore_form_state(form: QWidget, state: dict[str, Any]) -> None:
    """Put ``state`` (from :func:`form_state` of the same kind of form) back into ``form``."""
    counts: dict[str, int] = {}
    for widget in _inputs(form):
        kind = type(widget).__name__
        index = counts.get(kind, 0)
        counts[kind] = index + 1
        key = _key(widget, index)
        if key in state:
            try:
                _set(widget, state[key])
            except (TypeError, ValueError, KeyError) as exc:
                # A form changed between versions: keep what fits, never fail the restore.
                log.info("draft field %s not restored: %s", key, type(exc).__name__)


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value["data"]) if "data" in value else -1
        widget.setCurrentIndex(index if index >= 0 else int(value["index"]))
        if widget.isEditable() and "text" in value:
            widget.setEditText(str(value["text"]))
    elif isinstance(widget, QGroupBox | QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QDateTimeEdit):
        moment = QDateTime.fromString(str(value), Qt.DateFormat.ISODate)
        if moment.isValid():
            widget.setDateTime(moment)
        else:
            day = QDate.fromString(str(value), Qt.DateFormat.ISODate)
            if day.isValid():
                widget.setDate(day)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QListWidget):
        checks = list(value)
        row_checks = iter(checks)
        for row in range(widget.count()):
            item = widget.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                checked = next(row_checks, None)
                if checked is not None:
                    item.setCheckState(
                        Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                    )


def open_draft_sources(widgets: list[QWidget]) -> list[DraftSource]:
    """The forms among ``widgets`` that have a draft kind: open dialogs, and forms inside a
    window that is open (a tab not in front still holds what was typed in it)."""
    found: list[DraftSource] = []
    for widget in widgets:
        if not isinstance(widget, DraftForm) or not widget.draft_kind:
            continue
        window = widget.window()
        if widget.isVisible() or (window is not widget and window.isVisible()):
            found.append(cast(DraftSource, widget))
    return found
