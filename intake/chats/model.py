"""What a chat export says, parsed and not yet stored: conversations, senders, messages, media.

Times are kept as the export wrote them (``local``, naive) and, where the export says which
moment that was (Telegram's ``date_unixtime``), as an aware datetime; otherwise the service
places the local time in a time zone and records that the zone was assumed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

KiB = 1 << 10
MiB = 1 << 20
GiB = 1 << 30

#: Bounds on what a hostile export can make Custodia hold in memory or write.
MAX_TEXT_EXPORT = 256 * MiB  # result.json or _chat.txt, read into memory to parse
MAX_ZIP_EXPORT = 1 * GiB  # a WhatsApp ZIP with media, decrypted into memory to read
MAX_MESSAGES = 2_000_000
MAX_CONVERSATIONS = 10_000
MAX_MEDIA = 50_000
MAX_MESSAGE_CHARS = 256 * KiB  # longer texts are cut (Telegram allows 4,096; WhatsApp 65,536)
MAX_NAME_CHARS = 256


class Platform(StrEnum):
    TELEGRAM = "telegram"
    WHATSAPP = "whatsapp"


class ChatFormat(StrEnum):
    TELEGRAM_JSON = "telegram_json"
    WHATSAPP_TEXT = "whatsapp_txt"
    WHATSAPP_ZIP = "whatsapp_zip"


class MediaStatus(StrEnum):
    ATTACHED = "attached"  # found in the export and stored as a child item
    NOT_INCLUDED = "not_included"  # the export says it left the file out
    MISSING = "missing"  # named by the export but not found in it


@dataclass(frozen=True)
class MediaRef:
    """A file a message refers to: a relative path inside the export (or a ZIP member name)."""

    path: str
    kind: str = ""  # photo, file, voice_message, video_file, sticker...
    mime_type: str = ""
    included: bool = True


@dataclass
class ParsedMessage:
    seq: int  # 1-based position in the conversation
    source_id: str  # Telegram's message id; WhatsApp has none, so its position
    local: datetime  # as written in the export, naive
    moment: datetime | None  # aware, when the export says which moment it was
    sender: str
    sender_id: str = ""
    text: str = ""
    kind: str = "message"  # message or service
    reply_to: str = ""
    forwarded_from: str = ""
    edited: datetime | None = None
    media: list[MediaRef] = field(default_factory=list)
    #: (kind, value) pairs the export itself marks (Telegram's text_entities).
    marked: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ParsedConversation:
    title: str
    chat_type: str = ""
    source_id: str = ""
    messages: list[ParsedMessage] = field(default_factory=list)
    details: dict[str, str] = field(default_factory=dict)


@dataclass
class ParsedExport:
    platform: Platform
    format: ChatFormat
    conversations: list[ParsedConversation]
    #: How the export's dates were read (e.g. "day first"), recorded with the conversation.
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def message_count(self) -> int:
        return sum(len(c.messages) for c in self.conversations)
