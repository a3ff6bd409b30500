"""Records of stored chats, as the services return them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intake.models import Evidence


@dataclass(frozen=True)
class Conversation:
    conversation_id: str
    evidence_id: str
    case_id: str
    number: int
    platform: str
    format: str
    title: str
    chat_type: str
    time_zone: str
    time_zone_source: str  # "export", "case", "chosen" or "computer"
    message_count: int
    details: dict[str, str]


@dataclass(frozen=True)
class Participant:
    participant_id: str
    name: str
    platform_id: str
    message_count: int


@dataclass(frozen=True)
class Attachment:
    position: int
    name: str
    kind: str
    media_type: str
    status: str  # attached, not_included or missing
    child_id: str | None
    child_label: str  # "E-0005" when attached


@dataclass(frozen=True)
class Message:
    message_id: str
    conversation_id: str
    evidence_id: str
    seq: int
    source_id: str
    label: str  # "E-0004 message 123"
    sender: str
    sent_at: datetime  # aware, in the zone of the export (or the assumed one)
    zone_assumed: bool
    local_time: str  # as the export wrote it
    edited_local: str
    kind: str  # message or service
    text: str
    reply_to: str  # the source id of the message replied to
    forwarded_from: str
    relevant: bool
    relevant_note: str
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class ChatIngest:
    """What adding one chat export did: the item, its conversations and media, or why the
    chat could not be read (the item is kept all the same)."""

    item: Evidence
    conversations: tuple[Conversation, ...] = ()
    children: tuple[Evidence, ...] = ()
    entities: int = 0
    error: Exception | None = None

    @property
    def message_count(self) -> int:
        return sum(c.message_count for c in self.conversations)
