"""Chat exports as evidence: the original kept byte-identical, its media as child items with
their own hashes, and the conversation parsed into the encrypted database, searchable, with the
entities found in its messages linked to the case.

The export is ingested through the ordinary evidence path first (its own transaction: the file
is safe in the vault whatever the parser thinks of it). It is then parsed from the decrypted
blob in memory, never from a copy on disk, and the media, conversation, messages, index entries
and entities are written in one more transaction with their audit entries: a chat is either
wholly there or not at all.
"""

from __future__ import annotations

import io
import json
import logging
import mimetypes
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from intake._base import (
    Columns,
    Row,
    Service,
    case_row,
    dumps,
    index_put,
    insert_row,
    new_id,
    scalar,
    translated_db_errors,
)
from intake.chats import found as finder
from intake.chats.archive import ChatZip, ChunkReader, Member, resolve_media, safe_relative
from intake.chats.detect import detect, detect_bytes
from intake.chats.errors import ChatExportError, ChatExportTooLargeError, MessageNotFoundError
from intake.chats.model import (
    MAX_TEXT_EXPORT,
    MAX_ZIP_EXPORT,
    ChatFormat,
    MediaRef,
    MediaStatus,
    ParsedExport,
    Platform,
)
from intake.chats.records import Attachment, ChatIngest, Conversation, Message, Participant
from intake.chats.schema import ensure_schema
from intake.chats.telegram import parse_telegram
from intake.chats.whatsapp import parse_whatsapp
from intake.custody import insert_event
from intake.entities import jurisdiction_region, phone_regions
from intake.errors import CaseNotFoundError
from intake.evidence import (
    EvidenceService,
    _index_evidence,
    acquisition_json,
    insert_evidence,
    sniff_media_type,
)
from intake.models import Acquisition, CustodyEventType, Evidence, evidence_label
from resources.i18n import NC_
from vault import Transaction
from vault.blobs import BlobInfo
from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
CHAT_KIND = "chat export"
MESSAGE_KIND = "message"
#: Time zones of the programme's countries, for exports that do not say theirs.
ZONES = {
    "RO": "Europe/Bucharest",
    "UA": "Europe/Kyiv",
    "MD": "Europe/Chisinau",
    "PL": "Europe/Warsaw",
    "HU": "Europe/Budapest",
    "BG": "Europe/Sofia",
}
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"OggS", "audio/ogg"),
)

CONVERSATION = Columns(
    "conversation_id",
    "evidence_id",
    "case_id",
    "number",
    "platform",
    "format",
    "title",
    "chat_type",
    "time_zone",
    "time_zone_source",
    "message_count",
    "details",
)
MESSAGE = Columns(
    "m.message_id",
    "m.conversation_id",
    "m.evidence_id",
    "m.seq",
    "m.source_id",
    "m.label",
    "coalesce(p.name, '') AS sender",
    "m.sent_at",
    "m.zone_assumed",
    "m.local_time",
    "m.edited_local",
    "m.kind",
    "m.text",
    "m.reply_to",
    "m.forwarded_from",
    "m.relevant",
    "m.relevant_note",
)
MESSAGE_FROM = "FROM messages m LEFT JOIN participants p ON p.participant_id = m.participant_id"
ATTACHMENT = Columns(
    "a.message_id",
    "a.position",
    "a.name",
    "a.kind",
    "a.media_type",
    "a.status",
    "a.child_id",
    "coalesce(e.number, 0) AS child_number",
)


def machine_zone() -> str | None:
    """The IANA name of this computer's time zone, where the system says it."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = os.path.realpath("/etc/localtime")
        except OSError:
            target = ""
        if "zoneinfo/" in target:
            name = target.split("zoneinfo/", 1)[1]
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def sniff_bytes(head: bytes, name: str) -> str:
    for magic, media_type in _MAGIC:
        if head.startswith(magic):
            return media_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    guessed, _ = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"


@dataclass
class _Child:
    """A media file of the export, staged as a blob, waiting for its row."""

    member: str  # its path inside the export, as the export names it
    info: BlobInfo
    media_type: str
    evidence_id: str = field(default_factory=new_id)
    number: int = 0


def _message_from_row(row: Row, attachments: Sequence[Attachment] = ()) -> Message:
    return Message(
        message_id=row["message_id"],
        conversation_id=row["conversation_id"],
        evidence_id=row["evidence_id"],
        seq=int(row["seq"]),
        source_id=row["source_id"],
        label=row["label"],
        sender=row["sender"],
        sent_at=datetime.fromisoformat(row["sent_at"]),
        zone_assumed=bool(row["zone_assumed"]),
        local_time=row["local_time"],
        edited_local=row["edited_local"],
        kind=row["kind"],
        text=row["text"],
        reply_to=row["reply_to"],
        forwarded_from=row["forwarded_from"],
        relevant=bool(row["relevant"]),
        relevant_note=row["relevant_note"],
        attachments=tuple(attachments),
    )


def _conversation_from_row(row: Row) -> Conversation:
    return Conversation(
        conversation_id=row["conversation_id"],
        evidence_id=row["evidence_id"],
        case_id=row["case_id"],
        number=int(row["number"]),
        platform=row["platform"],
        format=row["format"],
        title=row["title"],
        chat_type=row["chat_type"],
        time_zone=row["time_zone"],
        time_zone_source=row["time_zone_source"],
        message_count=int(row["message_count"]),
        details=json.loads(row["details"]),
    )


class ChatService(Service):
    """Chat exports of a vault: ingest and parse, read conversations, mark messages."""

    _schema_ready = False

    def _ready(self) -> None:
        if not self._schema_ready:
            ensure_schema(self._vault)
            self._schema_ready = True

    # Adding -----------------------------------------------------------------------------------

    @staticmethod
    def recognise(path: Path | str) -> ChatFormat | None:
        """The chat format of ``path``, or ``None`` for any other file."""
        return detect(Path(path))

    def ingest(
        self,
        case_id: str,
        path: Path | str,
        *,
        kind: str = "",
        acquisition: Acquisition | None = None,
        time_zone: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> ChatIngest:
        """Ingest a chat export as evidence, then parse it (see the module's description).

        A chat that cannot be read leaves the item in the vault as an ordinary file; the
        result then carries the :class:`ChatExportError` saying why.
        """
        self._ready()
        path = Path(path)
        item = EvidenceService(self._vault).ingest(
            case_id,
            path,
            kind=kind or CHAT_KIND,
            acquisition=acquisition,
            progress=progress,
            cancel=cancel,
        )
        try:
            return self.parse_item(
                item.evidence_id, media_root=path.parent, time_zone=time_zone, cancel=cancel
            )
        except ChatExportError as exc:
            log.warning(
                "evidence %s kept; its chat could not be read (%s)", item.evidence_id, exc.code
            )
            return ChatIngest(item=item, error=exc)

    def ingest_file(
        self,
        case_id: str,
        path: Path | str,
        *,
        kind: str = "",
        acquisition: Acquisition | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> Evidence:
        """One file: a chat export is ingested and parsed, anything else ingested as it is."""
        if detect(Path(path)) is None:
            return EvidenceService(self._vault).ingest(
                case_id, path, kind=kind, acquisition=acquisition, progress=progress, cancel=cancel
            )
        return self.ingest(
            case_id, path, kind=kind, acquisition=acquisition, progress=progress, cancel=cancel
        ).item

    def ingest_many(
        self,
        case_id: str,
        paths: Sequence[Path | str],
        *,
        kind: str = "",
        acquisition: Acquisition | None = None,
        time_zone: str | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        on_item: Callable[[int, Evidence], None] | None = None,
        on_chat: Callable[[ChatIngest], None] | None = None,
    ) -> list[Evidence]:
        """Like :meth:`EvidenceService.ingest_many`, with chat exports recognised and parsed."""
        files = [Path(p) for p in paths]
        evidence = EvidenceService(self._vault)
        chats = {i for i, f in enumerate(files) if detect(f) is not None}
        if not chats:
            return evidence.ingest_many(
                case_id,
                files,
                kind=kind,
                acquisition=acquisition,
                progress=progress,
                cancel=cancel,
                on_item=on_item,
            )
        results: list[Evidence] = []
        for index, file in enumerate(files):
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            if index in chats:
                outcome = self.ingest(
                    case_id,
                    file,
                    kind=kind,
                    acquisition=acquisition,
                    time_zone=time_zone,
                    progress=progress,
                    cancel=cancel,
                )
                item = outcome.item
                if on_chat is not None:
                    on_chat(outcome)
            else:
                item = evidence.ingest(
                    case_id,
                    file,
                    kind=kind,
                    acquisition=acquisition,
                    progress=progress,
                    cancel=cancel,
                )
            results.append(item)
            if on_item is not None:
                on_item(index, item)
        return results

    def parse_item(
        self,
        evidence_id: str,
        *,
        media_root: Path | None = None,
        time_zone: str | None = None,
        cancel: threading.Event | None = None,
    ) -> ChatIngest:
        """Parse the chat export stored as ``evidence_id`` (decrypted in memory).

        ``media_root`` is the folder the export was in, where a Telegram export's media and a
        WhatsApp text's attachments are found (a WhatsApp ZIP carries its own). Parsing an item
        twice adds nothing.
        """
        self._ready()
        evidence = EvidenceService(self._vault)
        item = evidence.get(evidence_id)
        existing = self.conversations(evidence_id)
        if existing:
            return ChatIngest(
                item=item, conversations=tuple(existing), children=self.children(evidence_id)
            )
        limit = (
            MAX_ZIP_EXPORT if item.original_filename.lower().endswith(".zip") else MAX_TEXT_EXPORT
        )
        if item.size > limit:
            raise ChatExportTooLargeError(f"{item.size} bytes, limit {limit}")
        data = self._read(evidence, item, limit)
        chat_format = detect_bytes(item.original_filename, data[: 64 * 1024])
        if chat_format is None:
            raise ChatExportError("not a Telegram or WhatsApp export")
        archive: ChatZip | None = None
        if chat_format is ChatFormat.TELEGRAM_JSON:
            parsed = parse_telegram(data)
        elif chat_format is ChatFormat.WHATSAPP_TEXT:
            parsed = parse_whatsapp(
                _decode(data),
                file_name=item.original_filename,
                media_names=_folder_names(media_root),
            )
        else:
            archive = ChatZip(data)
            text_member = archive.chat_text_member()
            parsed = parse_whatsapp(
                _decode(archive.read(text_member)),
                file_name=text_member.name
                if text_member.name != "_chat.txt"
                else item.original_filename,
                media_names=frozenset(archive.media_names()),
                chat_format=ChatFormat.WHATSAPP_ZIP,
            )
        del data
        if cancel is not None and cancel.is_set():
            raise OperationCancelledError()
        case = case_row_for(self._vault, item.case_id)
        zone, zone_source = self._zone(time_zone, case["jurisdiction"])
        children, statuses = self._stage_media(parsed, archive, media_root, cancel)
        try:
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            with self._vault.transaction() as tx, translated_db_errors():
                case_row(tx, item.case_id)
                if scalar(
                    tx, "count(*)", "FROM conversations WHERE evidence_id = ?", (evidence_id,)
                ):
                    raise ChatExportError("already parsed")
                self._register_children(tx, item, children)
                entity_count = self._store(
                    tx, item, parsed, children, statuses, zone, zone_source, case["jurisdiction"]
                )
        except BaseException:
            for child in children.values():
                self._vault.discard_unregistered_blob(child.info.blob_id)
            raise
        log.info(
            "chat export %s parsed: %d conversation(s), %d message(s), %d media",
            evidence_id,
            len(parsed.conversations),
            parsed.message_count,
            len(children),
        )
        return ChatIngest(
            item=item,
            conversations=tuple(self.conversations(evidence_id)),
            children=self.children(evidence_id),
            entities=entity_count,
        )

    # Parsing helpers ------------------------------------------------------------------------

    def _read(self, evidence: EvidenceService, item: Evidence, limit: int) -> bytes:
        buffer = bytearray()
        # Reading to parse is not a person viewing the item: no "viewed" event.
        with evidence.open_original(item.evidence_id, record_view=False) as chunks:
            for chunk in chunks:
                buffer += chunk
                if len(buffer) > limit:
                    raise ChatExportTooLargeError(f"more than {limit} bytes")
        return bytes(buffer)

    @staticmethod
    def _zone(chosen: str | None, jurisdiction: str) -> tuple[str, str]:
        """The zone to read local times in, and where it came from."""
        if chosen:
            try:
                ZoneInfo(chosen)
            except (ZoneInfoNotFoundError, ValueError) as exc:
                raise ChatExportError("unknown time zone") from exc
            return chosen, "chosen"
        region = jurisdiction_region(jurisdiction)
        if region in ZONES:
            return ZONES[region], "case"
        machine = machine_zone()
        if machine:
            return machine, "computer"
        return "UTC", "computer"

    def _stage_media(
        self,
        parsed: ParsedExport,
        archive: ChatZip | None,
        root: Path | None,
        cancel: threading.Event | None,
    ) -> tuple[dict[str, _Child], dict[str, MediaStatus]]:
        """Encrypt every media file the export names and brings into staged blobs.

        A path that leads outside the export refuses the whole chat (the export has been
        tampered with); a file that is simply absent is recorded as missing.
        """
        members = archive.media_names() if archive is not None else {}
        children: dict[str, _Child] = {}
        statuses: dict[str, MediaStatus] = {}
        try:
            for conversation in parsed.conversations:
                for message in conversation.messages:
                    for media in message.media:
                        if not media.included or not media.path:
                            continue
                        if media.path in statuses:
                            continue
                        if cancel is not None and cancel.is_set():
                            raise OperationCancelledError()
                        child = self._stage_one(parsed, media, archive, members, root)
                        if child is None:
                            statuses[media.path] = MediaStatus.MISSING
                        else:
                            statuses[media.path] = MediaStatus.ATTACHED
                            children[media.path] = child
        except BaseException:
            for child in children.values():
                self._vault.discard_unregistered_blob(child.info.blob_id)
            raise
        return children, statuses

    def _stage_one(
        self,
        parsed: ParsedExport,
        media: MediaRef,
        archive: ChatZip | None,
        members: dict[str, Member],
        root: Path | None,
    ) -> _Child | None:
        if parsed.platform is Platform.WHATSAPP:
            # WhatsApp names attachments by file name only, never by a path.
            relative = safe_relative(media.path)
            if len(relative.parts) != 1:
                raise ChatExportError("an attachment name holds a folder")
        if archive is not None:
            member = members.get(media.path)
            if member is None:
                return None
            info = self._vault.blobs.ingest_stream(
                cast(BinaryIO, io.BufferedReader(ChunkReader(archive.chunks(member)))),
                total=member.size,
            )
            head = b""
            with self._vault.blobs.open_plaintext(info.blob_id) as chunks:
                for chunk in chunks:
                    head = chunk[:16]
                    break
            return _Child(media.path, info, sniff_bytes(head, media.path))
        if root is None:
            return None
        found = resolve_media(root, media.path)
        if found is None:
            return None
        info = self._vault.ingest_file(found)
        return _Child(media.path, info, media.mime_type or sniff_media_type(found))

    def _register_children(
        self, tx: Transaction, parent: Evidence, children: dict[str, _Child]
    ) -> None:
        """Evidence rows for the media, each numbered, hashed, audited and linked to ``parent``."""
        for child in children.values():
            child.number = insert_evidence(
                tx,
                case_id=parent.case_id,
                evidence_id=child.evidence_id,
                blob=child.info,
                kind="chat media",
                original_filename=PurePosixPath(child.member).name,
                media_type=child.media_type,
                # Obtained with the export it came in.
                acquisition=acquisition_json(
                    replace(parent.acquisition, method=f"in the chat export {parent.label}")
                ),
                acquired_from_person_id=parent.acquisition.acquired_from_person_id,
                original_metadata={"chat_export": {"parent": parent.label, "member": child.member}},
                notes="",
                actor=self._vault.actor,
                audit_extra={"parent_id": parent.evidence_id},
            )
            insert_row(
                tx,
                "evidence_parents",
                {
                    "evidence_id": child.evidence_id,
                    "parent_id": parent.evidence_id,
                    "member": child.member,
                },
            )
            insert_event(
                tx,
                self._vault.actor,
                child.evidence_id,
                CustodyEventType.INGESTED,
                to_party=self._vault.actor,
                # Stored in English; the app shows it translated (context "Custody").
                method=NC_("Custody", "taken from a chat export and encrypted into the vault"),
                hash_observed=child.info.sha256,
                notes=f"{parent.label}: {child.member}",
            )
            _index_evidence(tx, child.evidence_id)

    def _store(
        self,
        tx: Transaction,
        item: Evidence,
        parsed: ParsedExport,
        children: dict[str, _Child],
        statuses: dict[str, MediaStatus],
        zone: str,
        zone_source: str,
        jurisdiction: str,
    ) -> int:
        """Conversations, participants, messages, attachments, index entries and entities."""
        tzinfo = ZoneInfo(zone)
        regions = phone_regions(jurisdiction)
        platform = str(parsed.platform)
        handle_platform = "telegram" if parsed.platform is Platform.TELEGRAM else None
        linker = _EntityLinker(tx, self._vault.actor, item)
        several = len(parsed.conversations) > 1
        for number, conversation in enumerate(parsed.conversations, start=1):
            conversation_id = new_id()
            exported_zone = any(m.moment is not None for m in conversation.messages)
            details = {**parsed.notes, **conversation.details}
            insert_row(
                tx,
                "conversations",
                {
                    "conversation_id": conversation_id,
                    "evidence_id": item.evidence_id,
                    "case_id": item.case_id,
                    "number": number,
                    "platform": platform,
                    "format": str(parsed.format),
                    "title": conversation.title,
                    "chat_type": conversation.chat_type,
                    "source_id": conversation.source_id,
                    "time_zone": "" if exported_zone else zone,
                    "time_zone_source": "export" if exported_zone else zone_source,
                    "details": dumps(details),
                    "message_count": len(conversation.messages),
                    "parsed_at": tx.at,
                    "parsed_by": self._vault.actor,
                },
            )
            participants: dict[tuple[str, str], str] = {}
            counts: dict[str, int] = {}
            prefix = f"{item.label} chat {number}" if several else item.label
            message_rows: list[tuple[Any, ...]] = []
            attachment_rows: list[tuple[Any, ...]] = []
            entity_rows: list[tuple[str, str]] = []
            for message in conversation.messages:
                participant_id: str | None = None
                if message.sender or message.sender_id:
                    key = (message.sender, message.sender_id)
                    participant_id = participants.get(key)
                    if participant_id is None:
                        participant_id = new_id()
                        participants[key] = participant_id
                        insert_row(
                            tx,
                            "participants",
                            {
                                "participant_id": participant_id,
                                "conversation_id": conversation_id,
                                "name": message.sender,
                                "platform_id": message.sender_id,
                            },
                        )
                    counts[participant_id] = counts.get(participant_id, 0) + 1
                if message.moment is not None:
                    sent = message.moment
                    assumed = False
                else:
                    sent = message.local.replace(tzinfo=tzinfo)
                    assumed = True
                message_id = new_id()
                label = f"{prefix} message {message.source_id}"
                message_rows.append(
                    (
                        message_id,
                        conversation_id,
                        item.evidence_id,
                        item.case_id,
                        message.seq,
                        message.source_id,
                        label,
                        participant_id,
                        sent.isoformat(),
                        sent.astimezone(UTC).isoformat(),
                        message.local.isoformat(sep=" "),
                        int(assumed),
                        message.edited.isoformat(sep=" ") if message.edited else "",
                        message.kind,
                        message.text,
                        message.reply_to,
                        message.forwarded_from,
                    )
                )
                names: list[str] = []
                for position, media in enumerate(message.media, start=1):
                    status = (
                        statuses.get(media.path, MediaStatus.MISSING)
                        if media.included and media.path
                        else MediaStatus.NOT_INCLUDED
                    )
                    child = children.get(media.path) if status is MediaStatus.ATTACHED else None
                    name = PurePosixPath(media.path).name if media.path else ""
                    names.append(name)
                    attachment_rows.append(
                        (
                            message_id,
                            position,
                            name,
                            media.kind,
                            child.media_type if child else media.mime_type,
                            str(status),
                            child.evidence_id if child else None,
                        )
                    )
                body = "\n".join(p for p in (message.text, message.forwarded_from, *names) if p)
                index_put(
                    tx,
                    MESSAGE_KIND,
                    message_id,
                    item.case_id,
                    f"{label} · {message.sender}",
                    body,
                    # Dropping the item (an erasure) drops its messages from the index.
                    parent_id=item.evidence_id,
                )
                found = finder.find_all(
                    message.text,
                    regions=regions,
                    platform=handle_platform,
                    marked_pairs=message.marked,
                )
                if parsed.platform is Platform.WHATSAPP and message.sender:
                    # A sender not in the phone's contacts is shown by number.
                    found += finder.phones(message.sender, regions)
                for entity_id in linker.link_all(found):
                    entity_rows.append((message_id, entity_id))
            tx.executemany(
                "INSERT INTO messages (message_id, conversation_id, evidence_id, case_id, seq,"
                " source_id, label, participant_id, sent_at, sent_utc, local_time, zone_assumed,"
                " edited_local, kind, text, reply_to, forwarded_from)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message_rows,
            )
            tx.executemany(
                "INSERT INTO message_attachments (message_id, position, name, kind, media_type,"
                " status, child_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                attachment_rows,
            )
            tx.executemany(
                "INSERT OR IGNORE INTO message_entities (message_id, entity_id) VALUES (?, ?)",
                entity_rows,
            )
            tx.executemany(
                "UPDATE participants SET message_count = ? WHERE participant_id = ?",
                [(count, pid) for pid, count in counts.items()],
            )
            tx.audit(
                "chat.parsed",
                conversation_id,
                {
                    "evidence_id": item.evidence_id,
                    "case_id": item.case_id,
                    "number": number,
                    "platform": platform,
                    "messages": len(conversation.messages),
                    "participants": len(participants),
                    "attachments": len(attachment_rows),
                    "entities": len({e for _, e in entity_rows}),
                },
            )
        return linker.count

    # Reading --------------------------------------------------------------------------------

    def conversations(self, evidence_id: str) -> list[Conversation]:
        self._ready()
        rows = CONVERSATION.fetch_all(
            self._vault, "FROM conversations WHERE evidence_id = ? ORDER BY number", (evidence_id,)
        )
        return [_conversation_from_row(r) for r in rows]

    def is_chat(self, evidence_id: str) -> bool:
        self._ready()
        return bool(
            scalar(
                self._vault, "count(*)", "FROM conversations WHERE evidence_id = ?", (evidence_id,)
            )
        )

    def participants(self, conversation_id: str) -> list[Participant]:
        self._ready()
        rows = Columns("participant_id", "name", "platform_id", "message_count").fetch_all(
            self._vault,
            "FROM participants WHERE conversation_id = ? ORDER BY message_count DESC, name",
            (conversation_id,),
        )
        return [
            Participant(r["participant_id"], r["name"], r["platform_id"], int(r["message_count"]))
            for r in rows
        ]

    def messages(self, conversation_id: str, *, offset: int = 0, limit: int = 500) -> list[Message]:
        """One page of a conversation's messages in the export's order, with attachments."""
        self._ready()
        rows = MESSAGE.fetch_all(
            self._vault,
            f"{MESSAGE_FROM} WHERE m.conversation_id = ? ORDER BY m.seq LIMIT ? OFFSET ?",
            (conversation_id, limit, offset),
        )
        return self._with_attachments(rows)

    def relevant(self, evidence_id: str) -> list[Message]:
        """The messages of an item marked relevant, in the export's order."""
        self._ready()
        rows = MESSAGE.fetch_all(
            self._vault,
            f"{MESSAGE_FROM} JOIN conversations c ON c.conversation_id = m.conversation_id"
            " WHERE m.evidence_id = ? AND m.relevant = 1 ORDER BY c.number, m.seq",
            (evidence_id,),
        )
        return self._with_attachments(rows)

    def message(self, message_id: str) -> Message:
        self._ready()
        row = MESSAGE.fetch_one(
            self._vault, f"{MESSAGE_FROM} WHERE m.message_id = ?", (message_id,)
        )
        if row is None:
            raise MessageNotFoundError(message_id)
        return self._with_attachments([row])[0]

    def find_message(self, conversation_id: str, source_id: str) -> Message | None:
        """The message with the export's id ``source_id`` (what a reply points to)."""
        self._ready()
        row = MESSAGE.fetch_one(
            self._vault,
            f"{MESSAGE_FROM} WHERE m.conversation_id = ? AND m.source_id = ? LIMIT 1",
            (conversation_id, source_id),
        )
        return None if row is None else self._with_attachments([row])[0]

    def position(self, message_id: str) -> tuple[str, int]:
        """(conversation id, 0-based position) of a message, to scroll a view to it."""
        self._ready()
        row = Columns("conversation_id", "seq").fetch_one(
            self._vault, "FROM messages WHERE message_id = ?", (message_id,)
        )
        if row is None:
            raise MessageNotFoundError(message_id)
        return row["conversation_id"], int(row["seq"]) - 1

    def _with_attachments(self, rows: list[Row]) -> list[Message]:
        if not rows:
            return []
        ids = [r["message_id"] for r in rows]
        by_message: dict[str, list[Attachment]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for a in ATTACHMENT.fetch_all(
                self._vault,
                "FROM message_attachments a LEFT JOIN evidence e ON e.evidence_id = a.child_id"
                f" WHERE a.message_id IN ({marks}) ORDER BY a.message_id, a.position",
                chunk,
            ):
                number = int(a["child_number"])
                by_message.setdefault(a["message_id"], []).append(
                    Attachment(
                        position=int(a["position"]),
                        name=a["name"],
                        kind=a["kind"],
                        media_type=a["media_type"],
                        status=a["status"],
                        child_id=a["child_id"],
                        child_label=evidence_label(number) if number else "",
                    )
                )
        return [_message_from_row(r, by_message.get(r["message_id"], ())) for r in rows]

    def children(self, evidence_id: str) -> tuple[Evidence, ...]:
        """The media items that came in the export ``evidence_id``, by number."""
        self._ready()
        evidence = EvidenceService(self._vault)
        rows = Columns("p.evidence_id").fetch_all(
            self._vault,
            "FROM evidence_parents p JOIN evidence e ON e.evidence_id = p.evidence_id"
            " WHERE p.parent_id = ? ORDER BY e.number",
            (evidence_id,),
        )
        return tuple(evidence.get(r["evidence_id"]) for r in rows)

    def parent_of(self, evidence_id: str) -> str | None:
        self._ready()
        found = scalar(
            self._vault, "parent_id", "FROM evidence_parents WHERE evidence_id = ?", (evidence_id,)
        )
        return None if found is None else str(found)

    def messages_with_entity(self, entity_id: str) -> list[Message]:
        """Every message an entity was found in, across the vault."""
        self._ready()
        rows = MESSAGE.fetch_all(
            self._vault,
            f"{MESSAGE_FROM} JOIN message_entities x ON x.message_id = m.message_id"
            " WHERE x.entity_id = ? ORDER BY m.sent_utc",
            (entity_id,),
        )
        return self._with_attachments(rows)

    # Marking --------------------------------------------------------------------------------

    def mark_relevant(self, message_id: str, relevant: bool = True, note: str = "") -> Message:
        """Mark (or unmark) a message as relevant to the case, with an optional note; audited."""
        self._ready()
        with self._vault.transaction() as tx, translated_db_errors():
            row = Columns("evidence_id", "case_id", "label").fetch_one(
                tx, "FROM messages WHERE message_id = ?", (message_id,)
            )
            if row is None:
                raise MessageNotFoundError(message_id)
            case_row(tx, row["case_id"])
            tx.execute(
                "UPDATE messages SET relevant = ?, relevant_note = ?, marked_at = ?, marked_by = ?"
                " WHERE message_id = ?",
                (
                    int(relevant),
                    note.strip() if relevant else "",
                    tx.at,
                    self._vault.actor,
                    message_id,
                ),
            )
            tx.audit(
                "chat.message_marked" if relevant else "chat.message_unmarked",
                message_id,
                {"evidence_id": row["evidence_id"], "label": row["label"]},
            )
        return self.message(message_id)


def case_row_for(db: Any, case_id: str) -> Row:
    row = Columns("case_id", "jurisdiction").fetch_one(
        db, "FROM cases WHERE case_id = ?", (case_id,)
    )
    if row is None:
        raise CaseNotFoundError(case_id)
    return row


def _decode(data: bytes) -> str:
    """Export text: UTF-8 (with or without a BOM), else UTF-16 as some Windows tools write it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ChatExportError("the text is not UTF-16") from exc
    return data.decode("utf-8-sig", errors="replace")


def _folder_names(root: Path | None) -> frozenset[str]:
    if root is None:
        return frozenset()
    try:
        with os.scandir(root) as entries:
            return frozenset(e.name for _, e in zip(range(100_000), entries, strict=False))
    except OSError:
        return frozenset()


class _EntityLinker:
    """Entities found in a chat, linked to its case and item within the chat's transaction.

    Each distinct value is looked up once; each entity gets one link to the item (with the
    note "chat message"), and message_entities says which messages it was found in.
    """

    def __init__(self, tx: Transaction, actor: str, item: Evidence) -> None:
        self._tx = tx
        self._actor = actor
        self._item = item
        self._ids: dict[tuple[str, str], str] = {}
        self.count = 0

    def link_all(self, found: list[finder.Found]) -> list[str]:
        return [self._link(kind, value, display) for kind, value, display in found]

    def _link(self, kind: Any, value: str, display: str) -> str:
        key = (str(kind), value)
        known = self._ids.get(key)
        if known is not None:
            return known
        tx = self._tx
        entity_id = scalar(tx, "entity_id", "FROM entities WHERE kind = ? AND value = ?", key)
        if entity_id is None:
            entity_id = new_id()
            tx.execute(
                "INSERT INTO entities (entity_id, kind, value, display, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (entity_id, key[0], value, display, tx.at),
            )
            index_put(tx, "entity", entity_id, None, display, f"{value} {key[0]}")
            tx.audit("entity.created", entity_id, {"kind": key[0]})
        entity_id = str(entity_id)
        existing = scalar(
            tx,
            "link_id",
            "FROM entity_links WHERE entity_id = ? AND case_id = ? AND person_id IS NULL"
            " AND evidence_id = ? AND statement_id IS NULL",
            (entity_id, self._item.case_id, self._item.evidence_id),
        )
        if existing is None:
            link_id = new_id()
            insert_row(
                tx,
                "entity_links",
                {
                    "link_id": link_id,
                    "entity_id": entity_id,
                    "case_id": self._item.case_id,
                    "evidence_id": self._item.evidence_id,
                    "note": "chat message",
                    "created_at": tx.at,
                    "created_by": self._actor,
                },
            )
            tx.audit(
                "entity.linked", link_id, {"entity_id": entity_id, "case_id": self._item.case_id}
            )
        self._ids[key] = entity_id
        self.count += 1
        return entity_id
