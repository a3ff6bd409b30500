"""Viewers of evidence originals, each reading decrypted bytes from memory, never from a file.

:func:`viewer_kind` says which viewer an item gets from its type, name and size.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from intake.models import Evidence

MAX_IMAGE_BYTES = 64 * 1024 * 1024
MAX_TEXT_BYTES = 8 * 1024 * 1024
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/csv")
TEXT_SUFFIXES = (".txt", ".csv", ".json", ".log", ".md", ".xml", ".html", ".htm", ".eml", ".vcf")


def viewer_kind(item: Evidence) -> str | None:
    """ "pdf", "image", "audio", "video", "chat", "text" or None (no viewer for this file)."""
    media = item.media_type.lower()
    name = item.original_filename.lower()
    if media == "application/pdf" or name.endswith(".pdf"):
        return "pdf"
    if media.startswith("image/"):
        return "image" if item.size <= MAX_IMAGE_BYTES else None
    if media.startswith("audio/"):
        return "audio"
    if media.startswith("video/"):
        return "video"
    if media.startswith(TEXT_TYPES) or name.endswith(TEXT_SUFFIXES):
        # A chat export is read as text until the chat viewer of issue 6 exists.
        return "chat" if "chat" in item.kind.lower() else "text"
    return None
