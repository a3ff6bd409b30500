"""A clearly fictional training case, for demonstrations and for learning the workflow.

Every name, number, account and event here is invented. The title says so, and so does every
person's pseudonym, so that nothing from a training vault can be mistaken for a real case.
"""

from __future__ import annotations

import logging
import struct
import tempfile
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

from intake.errors import DuplicateReferenceError
from intake.models import (
    Acquisition,
    ConsentMethod,
    IdentityDocument,
    PersonRole,
    PresentPerson,
    ProtectedIdentity,
    RecipientCategory,
    StatementKind,
)
from intake.service import Intake, open_intake
from vault import Vault

log = logging.getLogger(__name__)

DEMO_TITLE = "TRAINING — FICTIONAL: recruitment for farm work near Constanța"
DEMO_REFERENCE = "TRAIN-2026-0001"

UKRAINIAN_STATEMENT = (
    "Це навчальний, вигаданий текст. Мене звуть Олена (псевдонім). У лютому я побачила в "
    "Telegram оголошення про роботу на фермі біля Констанци з оплатою 900 євро на місяць. "
    "Чоловік на ім'я «Василь» зустрів нас на автовокзалі й забрав паспорти, сказав, що для "
    "реєстрації. Ми працювали по чотирнадцять годин без вихідних. Нам казали, що ми винні "
    "за дорогу та житло, і борг щотижня зростав. Виходити самим не дозволяли. Я з Києва."
)
UKRAINIAN_ADDENDUM = "Уточнення: оголошення я побачила не в лютому, а на початку березня."
ROMANIAN_STATEMENT = (
    "Text de instruire, fictiv. Martorul (pseudonim „Vecinul M.”) declară că a văzut în "
    "mai multe dimineți un microbuz alb care ducea femei de la o casă din Năvodari la o fermă "
    "de lângă Constanța. Șoferul își spunea „Vasile”. Martorul a observat că femeile nu "
    "ieșeau niciodată singure din curte și că geamurile casei erau acoperite."
)
CHAT_EXPORT = """\
[TRAINING — FICTIONAL CHAT EXPORT]
2026-02-03 18:02 Vasile: Робота на фермі, 900 євро, житло безкоштовне. Пиши сюди.
2026-02-03 18:05 Olena: А документи потрібні?
2026-02-03 18:06 Vasile: Тільки паспорт, я все оформлю. Автобус у п'ятницю.
2026-02-10 07:40 Vasile: Pașapoartele rămân la mine până plătiți drumul.
"""
LEDGER_CSV = """\
date,description,amount_eur,note
2026-02-14,"transport Odesa–Constanța (""debt"")",250,TRAINING — FICTIONAL
2026-02-21,"cazare / житло",120,TRAINING — FICTIONAL
2026-02-28,"amendă / штраф",80,TRAINING — FICTIONAL
"""


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _exif_tiff(tags: list[tuple[int, str]]) -> bytes:
    """A minimal big-endian TIFF/EXIF block holding ASCII tags (sorted by tag number)."""
    entries = sorted(tags)
    data_offset = 8 + 2 + 12 * len(entries) + 4
    ifd = struct.pack(">H", len(entries))
    blob = b""
    for tag, text in entries:
        value = text.encode("ascii") + b"\x00"
        if len(value) <= 4:
            ifd += struct.pack(">HHI", tag, 2, len(value)) + value.ljust(4, b"\x00")
        else:
            ifd += struct.pack(">HHII", tag, 2, len(value), data_offset + len(blob))
            blob += value
    return b"MM\x00\x2a" + struct.pack(">I", 8) + ifd + struct.pack(">I", 0) + blob


def demo_png() -> bytes:
    """A tiny 2×2 PNG carrying an eXIf chunk (camera make, software, date), pure Python."""
    header = _chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
    exif = _chunk(
        b"eXIf",
        _exif_tiff(
            [
                (0x010F, "Custodia Training Camera"),
                (0x0131, "TRAINING - FICTIONAL"),
                (0x0132, "2026:02:10 07:45:00"),
            ]
        ),
    )
    rows = b"".join(b"\x00" + b"\xc8\x1e\x1e" * 2 for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + header
        + exif
        + _chunk(b"IDAT", zlib.compress(rows))
        + _chunk(b"IEND", b"")
    )


def build_demo(target: Vault | Intake) -> str:
    """Fill the vault with the fictional training case; returns its case id."""
    intake = open_intake(target)
    reference = DEMO_REFERENCE
    for attempt in range(2, 100):
        try:
            case = intake.cases.create(
                reference,
                DEMO_TITLE,
                jurisdiction="RO (training)",
                description=(
                    "Fictional case for training. Survivors from Ukraine (Київ, Одеса) "
                    "recruited through a Telegram advert for farm work near Constanța; "
                    "passports retained; debt for transport and housing. "
                    "Nothing here refers to real people."
                ),
            )
            break
        except DuplicateReferenceError:
            reference = f"{DEMO_REFERENCE}-{attempt}"
    case_id = case.case_id
    start = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)

    survivor = intake.people.add(
        case_id,
        PersonRole.SURVIVOR,
        "Olena (training pseudonym)",
        notes="Fictional survivor; prefers interviews in Ukrainian.",
        identity=ProtectedIdentity(
            legal_name="Олена Вигадана (FICTIONAL)",
            nationality="UA",
            documents=(
                IdentityDocument("passport", "FX0000000", "UA", held_by="recruiter (fictional)"),
            ),
            contact="+380 67 000 0000",
            safe_to_contact=True,
            safe_contact_method="Signal, weekday mornings, via the NGO phone only",
        ),
    )
    witness = intake.people.add(case_id, PersonRole.WITNESS, "Vecinul M. (training pseudonym)")
    suspect = intake.people.add(case_id, PersonRole.SUSPECT, "'Vasile' (fictional recruiter)")

    intake.consent.record(
        case_id,
        person_id=survivor.person_id,
        scope=[
            RecipientCategory.NGO_INTERNAL,
            RecipientCategory.PROSECUTOR,
            RecipientCategory.COURT,
        ],
        given_at=start - timedelta(minutes=20),
        language="uk",
        interpreter="Interpreter T. (fictional)",
        method=ConsentMethod.WRITTEN,
        notes="Consent form read aloud in Ukrainian before the interview.",
    )
    # The witness's statement leaves with the survivor's (DESIGN §8): their consent is recorded
    # too, verbally and witnessed, for the same recipients.
    intake.consent.record(
        case_id,
        person_id=witness.person_id,
        scope=[
            RecipientCategory.NGO_INTERNAL,
            RecipientCategory.PROSECUTOR,
            RecipientCategory.COURT,
        ],
        given_at=start - timedelta(minutes=10),
        language="ro",
        method=ConsentMethod.VERBAL_WITNESSED,
        witness="Lawyer A. (fictional)",
        notes="Consent given by telephone before the neighbour's statement was taken.",
    )

    interview = intake.interviews.create(
        case_id,
        person_id=survivor.person_id,
        started_at=start,
        ended_at=start + timedelta(hours=2),
        location="NGO office, Bucharest (training)",
        interviewer="Lawyer A. (fictional)",
        interpreter="Interpreter T. (fictional)",
        language="uk",
        present=[PresentPerson("Psychologist P. (fictional)", "psychologist")],
        recording_method="typed verbatim notes, read back",
    )
    intake.interviews.add_break(
        interview.interview_id,
        start + timedelta(minutes=50),
        start + timedelta(minutes=65),
        "requested by the interviewee",
    )

    uk = intake.statements.create(
        case_id,
        kind=StatementKind.VERBATIM,
        language="uk",
        person_id=survivor.person_id,
        interview_id=interview.interview_id,
        title="Заява Олени (навчальна)",
        text=UKRAINIAN_STATEMENT,
    )
    intake.statements.record_readback(uk.statement_id, "read back in Ukrainian by the interpreter")
    intake.statements.finalise(uk.statement_id)
    intake.statements.add_addendum(uk.statement_id, UKRAINIAN_ADDENDUM, "date corrected")
    ro = intake.statements.create(
        case_id,
        kind=StatementKind.SUMMARY,
        language="ro",
        person_id=witness.person_id,
        title="Declarația martorului (instruire)",
        text=ROMANIAN_STATEMENT,
    )
    intake.statements.record_readback(ro.statement_id, "citită martorului în limba română")
    intake.statements.finalise(ro.statement_id)
    # One statement stays a draft, so that trainees see the autosave and finalise steps too.
    intake.statements.create(
        case_id,
        kind=StatementKind.SUMMARY,
        language="ro",
        person_id=witness.person_id,
        title="Note de lucru (ciornă, instruire)",
        text="Martorul va reveni cu detalii despre microbuzul alb și traseul spre Năvodari.",
    )

    with tempfile.TemporaryDirectory(prefix="custodia-demo-") as folder:
        root = Path(folder)
        files = {
            "telegram_chat_export.txt": CHAT_EXPORT.encode("utf-8"),
            "minibus_photo.png": demo_png(),
            "debt_ledger.csv": LEDGER_CSV.encode("utf-8"),
        }
        for name, data in files.items():
            (root / name).write_bytes(data)
        acquisition = Acquisition(
            acquired_at=start + timedelta(hours=2, minutes=10),
            acquired_by="Lawyer A. (fictional)",
            acquired_from="survivor's phone (fictional)",
            acquired_from_person_id=survivor.person_id,
            location="NGO office, Bucharest (training)",
            method="exported from the phone in the survivor's presence",
            tool="Telegram Desktop",
            tool_version="5.0 (fictional)",
        )
        items = intake.evidence.ingest_many(
            case_id, [root / name for name in files], acquisition=acquisition
        )
    notes = (
        "Chat with the recruiter; advert and passport retention (fictional).",
        "Photo of the white minibus (fictional).",
        "Ledger of 'debts' kept by the survivor (fictional).",
    )
    for item, note in zip(items, notes, strict=True):
        intake.evidence.update_description(item.evidence_id, notes=note)
    intake.evidence.reverify(items[0].evidence_id)

    intake.entities.add(case_id, "phone", "+40 721 000 111", person_id=suspect.person_id)
    intake.entities.add(case_id, "phone", "+380 67 000 0000", person_id=survivor.person_id)
    intake.entities.add(
        case_id, "social", "https://t.me/fictional_farm_jobs", person_id=suspect.person_id
    )
    intake.entities.add(case_id, "email", "jobs.fictional@example.com")
    intake.entities.add(case_id, "vehicle", "CT 00 XYZ", note="white minibus (fictional)")
    intake.entities.add(case_id, "bank_account", "RO00 TEST 0000 0000 0000 0000")

    for indicator_id, note in (
        ("dr.job_differs", "advert promised farm work with pay"),
        ("rd.passport_held", "passports taken 'for registration'"),
        ("db.recruitment_debt", "transport and housing charged as debt"),
        ("db.debt_grows", "debt grew every week"),
        ("rm.escorted", "never allowed out alone"),
        ("ec.excessive_hours", "fourteen-hour days, no days off"),
    ):
        intake.indicators.set(case_id, indicator_id, note)
    log.info("training case %s built", case_id)
    return case_id
