"""Why a chat export could not be read. Messages name positions and limits, never content."""

from __future__ import annotations

from intake.errors import IntakeError


class ChatExportError(IntakeError):
    code = "intake.chat_unreadable"
    message = "The chat export could not be read."


class ChatExportTooLargeError(ChatExportError):
    code = "intake.chat_too_large"
    message = "The chat export is larger than Custodia reads."


class UnsafeChatMediaError(ChatExportError):
    code = "intake.chat_unsafe_media"
    message = "The chat export refers to a file outside its own folder."


class MessageNotFoundError(IntakeError):
    code = "intake.message_not_found"
    message = "No such chat message in this vault."
