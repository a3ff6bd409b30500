"""Chat exports (Telegram Desktop JSON, WhatsApp text and ZIP) as evidence with parsed
conversations. See :mod:`intake.chats.service`."""

from intake.chats.errors import ChatExportError, ChatExportTooLargeError, UnsafeChatMediaError
from intake.chats.model import ChatFormat
from intake.chats.records import Attachment, ChatIngest, Conversation, Message, Participant
from intake.chats.service import ChatService

__all__ = [
    "Attachment",
    "ChatExportError",
    "ChatExportTooLargeError",
    "ChatFormat",
    "ChatIngest",
    "ChatService",
    "Conversation",
    "Message",
    "Participant",
    "UnsafeChatMediaError",
]
