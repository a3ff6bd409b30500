"""The leak corpus (issue 14): one survivor, every way people write her protected values.

Her legal name (with and without diacritics, in Cyrillic, inflected, each part alone), phone in
many formats, birth date in the formats of several languages, passport number with and without
spaces, handles and e-mail with and without @ or a link, and the place of her interview are
written into statements, addenda, interview fields, evidence text, file names, evidence notes,
acquisition details and picture and PDF metadata. A pseudonymised export must carry none of
them in any byte of any file (UTF-8, UTF-16, case- and diacritic-folded), in the report's
extracted text or in case.json; and no SHA-256 of any unredacted text or original may appear,
so that hashing a guessed name confirms nothing.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from exports.from_intake import ExportOptions, export_case
from exports.model import Profile, RecipientKind
from intake import models as im
from intake.service import Intake, open_intake
from tests.exports.conftest import pdf_text
from vault import KdfParams, Vault

try:  # the corpus also measures the code before issue 14, which had no review
    from exports.review import ReviewConfirmation
except ImportError:  # pragma: no cover
    ReviewConfirmation = None  # type: ignore[assignment,misc]

CHEAP = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"
LEGAL_NAME = "Mădălina Ionescu"
BIRTH = date(1998, 3, 14)
PASSPORT = "RO123456"
CONTACT = "+40 712 345 678, instagram @madalina_ionescu, madalina.ionescu98@gmail.com"
LOCATION = "Centrul Speranța, Str. Mihai Viteazu 12, Constanța"

NAMES = [
    "Mădălina Ionescu",
    "Madalina Ionescu",
    "MADALINA IONESCU",
    "Ionescu Mădălina",
    "Mădălina",
    "Madalina",
    "Ionescu",
    "Mădălinei",
    "Madalinei",
    "Мадаліна Іонеску",
    "Мадалина Ионеску",
    "Мадаліною",
    "Іонеску",
    "Madalyna Ionesku",
]
PHONES = [
    "+40 712 345 678",
    "0712 345 678",
    "+40712345678",
    "0040-712-345-678",
    "0712-345-678",
    "0712.345.678",
    "(0712) 345 678",
    "+40 (0) 712 345 678",
    "0040712345678",
    "712 345 678",
]
DATES = [
    "14.03.1998",
    "14 martie 1998",
    "1998-03-14",
    "14/03/1998",
    "14-03-1998",
    "14.3.1998",
    "14 березня 1998 р.",
    "14 марта 1998",
    "March 14, 1998",
    "14 March 1998",
    "14 mar. 1998",
    "14.03.98",
]
DOCUMENTS = ["RO123456", "RO 123456", "ro-123456", "RO 123 456"]
HANDLES = [
    "madalina.ionescu98",
    "@madalina_ionescu",
    "madalina_ionescu",
    "instagram.com/madalina_ionescu",
    "https://www.instagram.com/madalina_ionescu/",
    "madalina.ionescu98@gmail.com",
    "MADALINA.IONESCU98@GMAIL.COM",
]
PLACES = ["Centrul Speranța", "Centrul Speranta", "Str. Mihai Viteazu 12", "Mihai Viteazu nr. 12"]
VARIANTS = NAMES + PHONES + DATES + DOCUMENTS + HANDLES + PLACES


def _lines(values: list[str], template: str) -> str:
    return "\n".join(template.format(v=v) for v in values)


STATEMENT = (
    "Mă numesc Mădălina Ionescu, dar toată lumea îmi spune Madalina. "
    "Recrutorul o știa pe Mădălinei mama.\n\n"
    + _lines(NAMES, "Am fost prezentată ca {v}.")
    + "\n\n"
    + _lines(PHONES, "Mă suna la {v} noaptea.")
    + "\n\n"
    + _lines(DATES, "M-am născut pe {v}.")
)
ADDENDUM = (
    _lines(DOCUMENTS, "Pașaportul {v} a fost luat.")
    + "\n"
    + _lines(HANDLES, "Contul meu era {v}.")
    + "\n"
    + _lines(PLACES, "Interviul a avut loc la {v}.")
)
CHAT = (
    "[12.01.2026 21:04] Recruiter: Salut Mădălina Ionescu, sună-mă la 0712 345 678\n"
    "[12.01.2026 21:05] Madalina: ok, scrie-mi pe @madalina_ionescu\n"
    + _lines(VARIANTS, "[12.01.2026 21:06] Recruiter: confirm {v}")
)


def _jpeg() -> bytes:
    image = Image.new("RGB", (64, 48), (90, 140, 60))
    exif = Image.Exif()
    exif[0x013B] = LEGAL_NAME  # Artist
    exif[0x0110] = "Madalina's Samsung"  # Model
    exif[0x010F] = "Samsung"  # Make
    exif[0x010E] = "Mădălina Ionescu, 14.03.1998, +40712345678"  # ImageDescription
    exif[0x8298] = "madalina.ionescu98"  # Copyright
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (44.0, 10.0, 30.0), 3: "E", 4: (28.0, 38.0, 0.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment="Madalina Ionescu 0712 345 678")
    return out.getvalue()


def _pdf(text: str, author: str) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setAuthor(author)
    canvas.setTitle(f"Passport {PASSPORT} of {LEGAL_NAME}")
    canvas.setSubject("madalina.ionescu98@gmail.com")
    canvas.setKeywords("0712 345 678")
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def build_corpus(intake: Intake, folder: Path) -> str:
    """The case; returns its reference."""
    case = intake.cases.create("RO-2026-0099", "Recruitment via social media (training)")
    survivor = intake.people.add(
        case.case_id,
        im.PersonRole.SURVIVOR,
        "Ana-S",
        identity=im.ProtectedIdentity(
            legal_name=LEGAL_NAME,
            birth_date=BIRTH,
            nationality="RO",
            documents=(im.IdentityDocument("passport", PASSPORT, "SPCEP"),),
            contact=CONTACT,
        ),
    )
    when = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    intake.consent.record(
        case.case_id,
        person_id=survivor.person_id,
        scope=[im.RecipientCategory.PARTNER_NGO, im.RecipientCategory.COURT],
        given_at=when,
        language="ro",
        method="written",
    )
    interview = intake.interviews.create(
        case.case_id,
        person_id=survivor.person_id,
        started_at=when,
        location=LOCATION,
        interviewer="Lawyer A.",
        present=[im.PresentPerson("Mama Mădălinei Ionescu", "mother")],
        recording_method="notes; Madalina read them back",
    )
    statement = intake.statements.create(
        case.case_id,
        kind=im.StatementKind.VERBATIM,
        language="ro",
        person_id=survivor.person_id,
        interview_id=interview.interview_id,
        text=STATEMENT,
    )
    intake.statements.finalise(statement.statement_id)
    intake.statements.add_addendum(statement.statement_id, ADDENDUM, "details added")
    files = {
        "IMG_Madalina_Ionescu_14.03.1998.jpg": _jpeg(),
        "chat Mădălina 0712345678.txt": CHAT.encode("utf-8"),
        "contract_ro_123456.pdf": _pdf("Work contract, farm, 2026 (training).", LEGAL_NAME),
        "scan Madalina Ionescu.pdf": _pdf(f"Passport of {LEGAL_NAME}, born 14.03.1998", "x"),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    acquisition = im.Acquisition(
        acquired_at=when,
        acquired_by="Lawyer A.",
        acquired_from="Mădălina Ionescu (her phone, +40712345678)",
        acquired_from_person_id=survivor.person_id,
        location=LOCATION,
        method="copied from @madalina_ionescu's phone",
        source_url="https://www.instagram.com/madalina_ionescu/",
    )
    items = intake.evidence.ingest_many(
        case.case_id, [folder / n for n in files], acquisition=acquisition
    )
    for item in items:
        intake.evidence.update_description(
            item.evidence_id, notes="Given by Madalina (born 14 martie 1998), RO 123456."
        )
    intake.entities.add(case.case_id, "social", "https://t.me/madalina_ionescu")
    return case.reference


def export_corpus(intake: Intake, reference: str, dest: Path) -> None:
    options = ExportOptions(reference, RecipientKind.PARTNER_NGO, profile=Profile.PSEUDONYMISED)
    if ReviewConfirmation is not None:
        options = ExportOptions(
            reference,
            RecipientKind.PARTNER_NGO,
            profile=Profile.PSEUDONYMISED,
            review=ReviewConfirmation(via="cli"),
        )
    export_case(intake, options, dest, as_zip=True)


def folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _texts_of(data: bytes) -> Iterator[str]:
    yield data.decode("utf-8", "replace")
    yield data.decode("latin-1")
    for codec in ("utf-16-le", "utf-16-be"):
        yield data.decode(codec, "replace")
        yield data[1:].decode(codec, "replace")


def unredacted_hashes(intake: Intake, reference: str) -> set[str]:
    """SHA-256 of every original and every unredacted text: none may be in the bundle."""
    case = intake.cases.by_reference(reference)
    hashes = {i.sha256.lower() for i in intake.evidence.list_for_case(case.case_id)}
    for st in intake.statements.list_for_case(case.case_id):
        hashes.add(hashlib.sha256(st.text.encode()).hexdigest())
        for addendum in intake.statements.addenda(st.statement_id):
            hashes.add(addendum.sha256.lower())
            hashes.add(hashlib.sha256(addendum.text.encode()).hexdigest())
    hashes.add(hashlib.sha256(CHAT.encode()).hexdigest())
    return hashes


def find_leaks(root: Path, hashes: set[str]) -> list[tuple[str, str]]:
    """(file, variant or hash) for every protected variant or unredacted hash found."""
    leaks: set[tuple[str, str]] = set()
    wanted = [(v, folded(v)) for v in VARIANTS]
    for file in sorted(root.rglob("*")):
        if not file.is_file():
            continue
        data = file.read_bytes()
        name = str(file.relative_to(root))
        blobs = [name, *_texts_of(data)]
        if file.suffix == ".pdf":
            blobs.append(pdf_text(file))
        if file.name == "case.json":
            blobs.append(json.dumps(json.loads(data), ensure_ascii=False))
        for blob in blobs:
            flat = folded(blob)
            squeezed = re.sub(r"\s+", " ", flat)
            for variant, fold in wanted:
                if variant in blob or fold in flat or fold in squeezed:
                    leaks.add((name, variant))
            lower = blob.lower()
            leaks |= {(name, f"sha256:{h[:12]}") for h in hashes if h in lower}
    return sorted(leaks)


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[tuple[Intake, str]]:
    vault, _ = Vault.create(tmp_path / "vault", "ana", PASSPHRASE, kdf=CHEAP)
    intake = open_intake(vault)
    folder = tmp_path / "files"
    folder.mkdir()
    reference = build_corpus(intake, folder)
    try:
        yield intake, reference
    finally:
        if vault.is_open:
            vault.lock()


def test_corpus_has_at_least_forty_variants() -> None:
    assert len(set(VARIANTS)) >= 40


def test_no_variant_and_no_unredacted_hash_leaves(
    corpus: tuple[Intake, str], tmp_path: Path
) -> None:
    intake, reference = corpus
    export_corpus(intake, reference, tmp_path / "p.zip")
    with zipfile.ZipFile(tmp_path / "p.zip") as zf:
        zf.extractall(tmp_path / "x")
    root = tmp_path / "x"
    assert find_leaks(root, unredacted_hashes(intake, reference)) == []
    bundle = next(root.iterdir())
    case = json.loads((bundle / "data/case.json").read_text("utf-8"))
    # The picture and the clean PDF leave as redacted copies; the PDF naming her stays behind.
    files = {e["number"]: e for e in case["evidence"]}
    assert set(files) == {"E-0001", "E-0002", "E-0003"}
    withheld = {w["number"]: w for w in case["withheld"]}
    assert withheld == {"E-0004": {"number": "E-0004", "reason": "names_person"}}
    with Image.open(bundle / files["E-0001"]["file"]) as picture:
        assert not picture.getexif()
        assert not {"exif", "xmp", "comment", "icc_profile"} & set(picture.info)
        assert picture.size == (64, 48)
    for item in files.values():
        data = (bundle / item["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"]  # the copy's own hash
    # Guessing the name and hashing cannot confirm it.
    (statement,) = case["statements"]
    addendum_text = bundle / "data/statements" / f"{statement['statement_id']}.addendum-1.txt"
    published = addendum_text.read_text("utf-8")
    guessed = published.replace("[redacted]", LEGAL_NAME)
    digest = hashlib.sha256(guessed.encode()).hexdigest()
    everything = b"".join(f.read_bytes() for f in root.rglob("*") if f.is_file())
    assert digest.encode() not in everything
    assert statement["addenda"][0]["text_sha256"] == hashlib.sha256(published.encode()).hexdigest()
    report = pdf_text(bundle / "data/report.pdf")
    assert "What was redacted, and why" in report
    assert "names (" in report
    assert "phone numbers (" in report
