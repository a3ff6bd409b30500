"""Small helpers shared by views: plain-text labels and form rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QListWidget, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML: user data is only ever plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def data_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A plain-text label for user data that can be selected with mouse and keyboard."""
    label = plain_label(text, parent)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


def wrapping_list(widget: QListWidget) -> QListWidget:
    """Long entries wrap instead of scrolling sideways."""
    widget.setWordWrap(True)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    return widget


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def translate_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Name standard buttons in the interface language (Qt ships no Romanian catalogue)."""
    names = {
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate("Buttons", "OK"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("Buttons", "Cancel"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("Buttons", "Close"),
        QDialogButtonBox.StandardButton.Yes: QCoreApplication.translate("Buttons", "Yes"),
        QDialogButtonBox.StandardButton.No: QCoreApplication.translate("Buttons", "No"),
    }
    for which, text in names.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
            button.setAccessibleName(text.replace("&", ""))
    return box


def button_box(
    buttons: QDialogButtonBox.StandardButton, parent: QWidget | None = None
) -> QDialogButtonBox:
    return translate_buttons(QDialogButtonBox(buttons, parent))


def buddy_label(text: str, buddy: QWidget, parent: QWidget | None = None) -> QLabel:
    """A form label whose mnemonic (the letter after "&") focuses ``buddy``.

    QFormLayout sets a buddy only when the field is a widget; a row holding a layout needs this.
    """
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(buddy)
    return label
