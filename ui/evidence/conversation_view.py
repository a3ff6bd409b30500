"""A chat export's conversation: who wrote what and when (with the time zone), replies,
forwarded-from and attachments, and the messages the user marked as relevant.

Every text from the export is shown as plain text (a table cell, a plain-text box): nothing in a
message is ever interpreted as markup. Messages are read from the vault a page at a time, so a
conversation of 100,000 messages opens at once.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from intake.chats import ChatService, Conversation, Message
from intake.chats.service import CHAT_KIND
from intake.models import Evidence
from ui.error_sentences import user_message
from ui.widgets import data_label, plain_label
from vault.errors import CustodiaError

log = logging.getLogger(__name__)

PAGE = 500
Index = QModelIndex | QPersistentModelIndex
_RELEVANT = QColor("#fff3c4")


def moment_text(moment: datetime) -> str:
    """``2026-03-12 14:07:33 UTC+02:00``: the time as the export's zone had it, and the zone."""
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment:%Y-%m-%d %H:%M:%S} {zone}".strip()


class MessageModel(QAbstractTableModel):
    """One conversation's messages, fetched from the vault a page at a time."""

    COLUMNS = 5  # relevant, id, time, sender, message

    def __init__(self, chats: ChatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chats = chats
        self._conversation: Conversation | None = None
        self._rows: list[Message] = []

    def load(self, conversation: Conversation | None) -> None:
        self.beginResetModel()
        self._conversation = conversation
        self._rows = []
        self.endResetModel()
        if conversation is not None:
            self.fetchMore(QModelIndex())

    def message(self, row: int) -> Message | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def replace(self, message: Message) -> None:
        for row, known in enumerate(self._rows):
            if known.message_id == message.message_id:
                self._rows[row] = message
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))
                return

    def ensure_row(self, row: int) -> None:
        while row >= len(self._rows) and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.COLUMNS

    def canFetchMore(self, parent: Index) -> bool:
        conversation = self._conversation
        return (
            not parent.isValid()
            and conversation is not None
            and len(self._rows) < conversation.message_count
        )

    def fetchMore(self, parent: Index) -> None:
        if self._conversation is None or parent.isValid():
            return
        page = self._chats.messages(
            self._conversation.conversation_id, offset=len(self._rows), limit=PAGE
        )
        if not page:
            # Fewer rows than the count said: stop asking.
            self._conversation = None
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Relevant"),
            self.tr("No."),
            self.tr("Time"),
            self.tr("Sender"),
            self.tr("Message"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        message = self.message(index.row())
        if message is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole and message.relevant:
            return QBrush(_RELEVANT)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return self.tr("relevant") if message.relevant else self.tr("not marked")
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and message.zone_assumed:
            return self.tr("The export gave no time zone; this one is assumed.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return "★" if message.relevant else ""
        if column == 1:
            return message.source_id
        if column == 2:
            return moment_text(message.sent_at) + (" *" if message.zone_assumed else "")
        if column == 3:
            return message.sender
        return self.summary(message)

    def summary(self, message: Message) -> str:
        """The message on one line: what it replies to, where it was forwarded from, the
        attachments, then its first line of text."""
        parts: list[str] = []
        if message.reply_to:
            parts.append(self.tr("↩ reply to %1").replace("%1", message.reply_to))
        if message.forwarded_from:
            parts.append(self.tr("forwarded from %1").replace("%1", message.forwarded_from))
        for attachment in message.attachments:
            # Words, not a paper-clip emoji: the fonts Custodia ships have no emoji.
            parts.append(
                self.tr("attachment %1").replace(
                    "%1", attachment.child_label or attachment.name or attachment.kind
                )
            )
        first = message.text.split("\n", 1)[0]
        if len(first) > 300:
            first = first[:300] + "…"
        if message.kind == "service":
            first = f"({first})"
        parts.append(first)
        return " · ".join(p for p in parts if p)


class ConversationView(QWidget):
    """The conversations of one chat export item, and marking messages as relevant."""

    def __init__(self, chats: ChatService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chats = chats
        self._item: Evidence | None = None
        self._conversations: list[Conversation] = []
        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Conversation"))
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.info = plain_label("", self)
        self.info.setAccessibleName(self.tr("About this conversation"))
        self.people = plain_label("", self)
        self.people.setAccessibleName(self.tr("Participants"))
        self.model = MessageModel(chats, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Messages"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MessageModel.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Selected message"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why it matters (optional)"))
        self.note.setAccessibleName(self.tr("Note on the relevant message"))
        self.mark_button = QPushButton(self.tr("Mark as &relevant"), self)
        self.mark_button.setAccessibleName(self.tr("Mark the selected message as relevant"))
        self.mark_button.clicked.connect(self.toggle_relevant)
        marking = QHBoxLayout()
        marking.addWidget(self.note, 1)
        marking.addWidget(self.mark_button)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addLayout(marking)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chooser)
        layout.addWidget(self.info)
        layout.addWidget(self.people)
        layout.addWidget(splitter, 1)
        self.status = data_label("", self)
        self.status.setAccessibleName(self.tr("Marking status"))
        layout.addWidget(self.status)
        self.show_item(None)

    # Showing --------------------------------------------------------------------------------

    def show_item(self, item: Evidence | None) -> bool:
        """Show ``item``'s conversations; ``False`` when it is not a parsed chat export."""
        if (
            item is not None
            and self._item is not None
            and item.evidence_id == self._item.evidence_id
            and self._conversations
        ):
            return True
        self._item = item
        self._conversations = [] if item is None else self._chats.conversations(item.evidence_id)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for conversation in self._conversations:
            self.chooser.addItem(
                f"{conversation.number}. {conversation.title or conversation.chat_type or '—'}"
            )
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(self._conversations) > 1)
        self._chosen(0)
        if item is not None and not self._conversations and item.kind == CHAT_KIND:
            # Added as a chat export, but its chat could not be read: say so where it would be.
            self.info.setText(
                self.tr("The chat in this export could not be read; the file is kept unchanged.")
            )
            return True
        return bool(self._conversations)

    def conversation(self) -> Conversation | None:
        index = self.chooser.currentIndex()
        if 0 <= index < len(self._conversations):
            return self._conversations[index]
        return self._conversations[0] if self._conversations else None

    def _chosen(self, _index: int) -> None:
        conversation = self.conversation()
        self.model.load(conversation)
        self.detail.clear()
        self.status.clear()
        if conversation is None:
            self.info.clear()
            self.people.clear()
            self._update_buttons()
            return
        self.info.setText(self._about(conversation))
        people = self._chats.participants(conversation.conversation_id)
        self.people.setText(
            self.tr("Participants: %1").replace(
                "%1", ", ".join(f"{p.name or p.platform_id} ({p.message_count})" for p in people)
            )
        )
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
        self._update_buttons()

    def _about(self, conversation: Conversation) -> str:
        platform = {"telegram": "Telegram", "whatsapp": "WhatsApp"}.get(
            conversation.platform, conversation.platform
        )
        count = self.tr("%n message(s)", "", conversation.message_count)
        if conversation.time_zone_source == "export":
            zone = self.tr("times as the export recorded them, with their UTC offset")
        else:
            source = {
                "case": self.tr("from the case's jurisdiction"),
                "chosen": self.tr("chosen when it was added"),
                "computer": self.tr("this computer's"),
            }.get(conversation.time_zone_source, conversation.time_zone_source)
            zone = (
                self.tr("* the export gave no time zone: times read in %1 (%2)")
                .replace("%1", conversation.time_zone)
                .replace("%2", source)
            )
        return " · ".join(p for p in (platform, conversation.chat_type, count, zone) if p)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        message = self.model.message(current.row())
        self._show_message(message)

    def selected(self) -> Message | None:
        return self.model.message(self.table.currentIndex().row())

    def _show_message(self, message: Message | None) -> None:
        self._update_buttons()
        if message is None:
            self.detail.clear()
            return
        lines = [
            f"{message.label} · {moment_text(message.sent_at)} · {message.sender}",
        ]
        if message.zone_assumed:
            lines.append(
                self.tr("As written in the export: %1 (no time zone)").replace(
                    "%1", message.local_time
                )
            )
        if message.edited_local:
            lines.append(self.tr("Edited: %1").replace("%1", message.edited_local))
        if message.reply_to and self._item is not None:
            replied = self._chats.find_message(message.conversation_id, message.reply_to)
            quoted = "" if replied is None else f" ({replied.sender}: {replied.text[:120]})"
            lines.append(self.tr("Reply to message %1").replace("%1", message.reply_to) + quoted)
        if message.forwarded_from:
            lines.append(self.tr("Forwarded from %1").replace("%1", message.forwarded_from))
        for attachment in message.attachments:
            status = {
                "attached": self.tr("kept as %1").replace("%1", attachment.child_label),
                "not_included": self.tr("not included in the export"),
                "missing": self.tr("named, but not found in the export"),
            }.get(attachment.status, attachment.status)
            name = attachment.name or attachment.kind
            lines.append(self.tr("Attachment: %1 (%2)").replace("%1", name).replace("%2", status))
        if message.relevant:
            note = f": {message.relevant_note}" if message.relevant_note else ""
            lines.append(self.tr("Marked as relevant") + note)
        lines.append("")
        lines.append(message.text)
        self.detail.setPlainText("\n".join(lines))
        self.note.setText(message.relevant_note)

    def _update_buttons(self) -> None:
        message = self.selected()
        self.mark_button.setEnabled(message is not None)
        self.note.setEnabled(message is not None and not (message and message.relevant))
        if message is not None and message.relevant:
            self.mark_button.setText(self.tr("Not &relevant"))
            self.mark_button.setAccessibleName(self.tr("Remove the relevant mark"))
        else:
            self.mark_button.setText(self.tr("Mark as &relevant"))
            self.mark_button.setAccessibleName(self.tr("Mark the selected message as relevant"))

    # Marking --------------------------------------------------------------------------------

    def select_message(self, message_id: str) -> bool:
        """Scroll to and select one message (e.g. a search hit)."""
        conversation_id, row = self._chats.position(message_id)
        for index, conversation in enumerate(self._conversations):
            if conversation.conversation_id == conversation_id:
                self.chooser.setCurrentIndex(index)
                self.model.ensure_row(row)
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        return False

    def toggle_relevant(self) -> Message | None:
        """Mark the selected message relevant (with the note), or remove the mark; audited."""
        message = self.selected()
        if message is None:
            return None
        try:
            changed = self._chats.mark_relevant(
                message.message_id, not message.relevant, self.note.text()
            )
        except CustodiaError as exc:  # a viewer's role, a closed case: said in words
            self.status.setText(user_message(exc))
            return None
        self.model.replace(changed)
        self._show_message(changed)
        self.status.setText(
            (
                self.tr("%1 marked as relevant.")
                if changed.relevant
                else self.tr("%1 is no longer marked as relevant.")
            ).replace("%1", changed.label)
        )
        return changed
