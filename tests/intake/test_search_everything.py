"""Search finds every text a person typed and the text inside evidence (DESIGN §9, issue 16).

Each of the searches the issue reports as finding nothing finds its target on a real temporary
vault; extraction happens in memory (no marker on disk or in temp); a viewer never finds a
protected identity; phone numbers are found in any writing (Hypothesis).
"""

from __future__ import annotations

import io
import json
import secrets
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intake import Intake, open_intake
from intake._base import index_drop
from intake.extract import e164_digits, extract, phone_terms
from intake.models import (
    Acquisition,
    ConsentMethod,
    CustodyEventType,
    EntityKind,
    PersonRole,
    PresentPerson,
    ProtectedIdentity,
    RecipientCategory,
    SearchKind,
    StatementKind,
)
from intake.search import parse_query
from tests.intake.conftest import CHEAP_KDF, PASSPHRASE, raw_change
from tests.reliability.crash_harness import new_temp_files
from tests.reliability.helpers import files_under, find_markers
from vault import Vault

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def pdf_bytes(pages: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for text in pages:
        pdf.drawString(72, 720, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def docx_bytes(text: str) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}"><w:body>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def odt_bytes(text: str) -> bytes:
    ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    tns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="{ns}"'
        f' xmlns:text="{tns}"><office:body><office:text><text:p>{text}</text:p>'
        "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", xml)
    return out.getvalue()


def telegram_json(text: str) -> bytes:
    export = {
        "name": "Recruiter",
        "type": "personal_chat",
        "messages": [
            {"id": 1, "date": "2026-02-01T10:00:00", "from": "Recruiter", "text": "Salut"},
            {
                "id": 2,
                "date": "2026-02-01T10:01:00",
                "from": "Recruiter",
                "text": ["Job at the ", {"type": "bold", "text": text}, " farm"],
            },
        ],
    }
    return json.dumps(export, ensure_ascii=False).encode()


@pytest.fixture
def populated(intake: Intake, tmp_path: Path) -> dict[str, str]:
    """A case holding each text the issue's searches missed."""
    case = intake.cases.create("RO-2026-0101", "Farm recruitment", jurisdiction="RO")
    ana = intake.people.add(case.case_id, PersonRole.SURVIVOR, "Ana")
    interview = intake.interviews.create(
        case.case_id,
        started_at=NOW,
        person_id=ana.person_id,
        interviewer="Ioana Pop",
        interpreter="Olesea Rusnac",
        location="Iași office",
        present=(PresentPerson("Dr Marin Vlad", "psychologist"),),
    )
    intake.consent.record(
        case.case_id,
        person_id=ana.person_id,
        scope=[RecipientCategory.POLICE],
        given_at=NOW,
        language="uk",
        method=ConsentMethod.WRITTEN,
        interpreter="Olesea Rusnac",
        notes="read back in Ukrainian",
    )
    statement = intake.statements.create(
        case.case_id,
        kind=StatementKind.VERBATIM,
        language="ro",
        person_id=ana.person_id,
        interview_id=interview.interview_id,
        title="First account",
        text="He called me from +40 721 000 111 and promised work.",
    )
    intake.statements.finalise(statement.statement_id)
    addendum = intake.statements.add_addendum(
        statement.statement_id, "The driver was Vasile Cojocaru.", "recalled later"
    )
    sources = tmp_path / "sources"
    sources.mkdir()
    files = {
        "result.json": telegram_json("zmeuriș"),
        "contract.pdf": pdf_bytes(["Employment contract", "Employer Agrofarm Brăila SRL"]),
        "letter.docx": docx_bytes("Signed by Gheorghe Vrânceanu"),
        "note.odt": odt_bytes("Hostel on Strada Fabricii"),
        "sms.txt": "Оплата в кінці місяця. Здравствуйте".encode("cp1251"),
    }
    ids: dict[str, str] = {
        "case": case.case_id,
        "person": ana.person_id,
        "statement": statement.statement_id,
        "addendum": addendum.addendum_id,
        "interview": interview.interview_id,
    }
    for name, data in files.items():
        (sources / name).write_bytes(data)
        item = intake.evidence.ingest(
            case.case_id,
            sources / name,
            acquisition=Acquisition(acquired_from="Maria Lupu") if name == "sms.txt" else None,
        )
        ids[name] = item.evidence_id
    intake.custody.record(
        ids["contract.pdf"],
        CustodyEventType.TRANSFERRED,
        to_party="IGPR Brăila",
        purpose="forensic copy",
    )
    intake.entities.add(case.case_id, EntityKind.PHONE, "+40 721 000 111", note="recruiter's")
    return ids


def kinds(intake: Intake, query: str) -> set[SearchKind]:
    return {hit.kind for hit in intake.search.search(query)}


def test_a_name_only_in_an_addendum(intake: Intake, populated: dict[str, str]) -> None:
    [hit] = intake.search.search("Cojocaru")
    assert hit.kind is SearchKind.ADDENDUM
    assert hit.ref_id == populated["addendum"]
    assert hit.parent_id == populated["statement"]  # where to open it
    assert hit.part == 1
    assert hit.context == "First account"
    assert hit.case_reference == "RO-2026-0101"
    assert "[Cojocaru]" in hit.snippet


def test_the_interpreter_from_the_interview_and_the_consent(
    intake: Intake, populated: dict[str, str]
) -> None:
    hits = intake.search.search("Olesea Rusnac")
    assert {h.kind for h in hits} == {SearchKind.INTERVIEW, SearchKind.CONSENT}
    assert {h.context for h in hits} == {"Ana"}  # the pseudonym, never an id
    assert kinds(intake, "psychologist") == {SearchKind.INTERVIEW}  # who was present
    assert SearchKind.INTERVIEW in kinds(intake, "Iasi")  # the place, folded


def test_a_word_inside_evidence_files(intake: Intake, populated: dict[str, str]) -> None:
    [chat] = intake.search.search("zmeuris")  # a chat export, without diacritics
    assert chat.kind is SearchKind.EVIDENCE_TEXT
    assert chat.parent_id == populated["result.json"]
    assert chat.context == "E-0001 result.json"
    [pdf] = intake.search.search("Agrofarm")
    assert (pdf.parent_id, pdf.part) == (populated["contract.pdf"], 2)  # page 2
    assert intake.search.search("Vrânceanu")[0].parent_id == populated["letter.docx"]
    assert intake.search.search("Fabricii")[0].parent_id == populated["note.odt"]
    # Windows-1251 text is read as Cyrillic, not as mojibake.
    assert intake.search.search("здравствуйте")[0].parent_id == populated["sms.txt"]


def test_descriptions_custody_and_entity_notes(intake: Intake, populated: dict[str, str]) -> None:
    assert intake.search.search("Maria Lupu")[0].ref_id == populated["sms.txt"]  # acquisition
    [custody] = intake.search.search("forensic")
    assert custody.kind is SearchKind.CUSTODY
    assert custody.context == "E-0002 contract.pdf"
    assert kinds(intake, "recruiter's") >= {SearchKind.ENTITY_NOTE}


@pytest.mark.parametrize(
    "typed", ["0721000111", "+40721000111", "0040 721 000 111", "0721 000 111", "0721-000-111"]
)
def test_a_phone_number_in_any_writing(
    intake: Intake, populated: dict[str, str], typed: str
) -> None:
    hits = intake.search.search(typed)
    found = {h.kind for h in hits}
    assert {SearchKind.STATEMENT, SearchKind.ENTITY} <= found, typed
    [statement] = [h for h in hits if h.kind is SearchKind.STATEMENT]
    # The snippet shows the number as written in the statement, not its E.164 digits.
    assert "[+40 721 000 111]" in statement.snippet


def test_a_viewer_cannot_find_a_protected_legal_name(vault_path: Path) -> None:
    admin, _ = Vault.create(vault_path, "ana", PASSPHRASE, kdf=CHEAP_KDF)
    intake = open_intake(admin)
    case = intake.cases.create("RO-2026-0102", "Identity case")
    person = intake.people.add(
        case.case_id,
        PersonRole.WITNESS,
        "Witness B",
        identity=ProtectedIdentity(legal_name="Oksana Testenko", contact="+380 67 123 4567"),
    )
    admin.add_user("vera", "vera only reads", role="viewer", kdf=CHEAP_KDF)
    admin.add_user("ion", "ion does case work", role="caseworker", kdf=CHEAP_KDF)
    admin.lock()

    vera = Vault.unlock(vault_path, "vera", "vera only reads")
    try:
        viewer = open_intake(vera)
        assert viewer.search.search("Testenko") == []
        assert viewer.search.search("+380671234567") == []  # nor by the protected phone
        assert viewer.search.search("Witness")  # the pseudonym is not protected
    finally:
        vera.lock()

    ion = Vault.unlock(vault_path, "ion", "ion does case work")
    try:
        worker = open_intake(ion)
        [hit] = worker.search.search("Testenko")
        assert hit.kind is SearchKind.IDENTITY
        assert hit.ref_id == person.person_id
        assert hit.context == "Witness B"
        assert hit.snippet == "[Testenko]"  # only what was typed: not the other fields
        [entry] = ion.audit_entries(action_prefix="search.identity_matched")
        assert entry.details == {"people": [person.person_id]}
        assert "Testenko" not in json.dumps(entry.details)
        assert worker.search.search("067 123 4567")[0].kind is SearchKind.IDENTITY
    finally:
        ion.lock()


def test_extraction_happens_in_memory(
    intake: Intake, case_id: str, vault_path: Path, tmp_path: Path
) -> None:
    since = time.time() - 1
    marker = "Mrk" + secrets.token_hex(10)
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.pdf").write_bytes(pdf_bytes([f"page one {marker}"]))
    (sources / "b.docx").write_bytes(docx_bytes(f"docx {marker}"))
    (sources / "c.json").write_bytes(telegram_json(marker))
    (sources / "d.txt").write_text(f"text {marker}\n" * 50)
    for name in ("a.pdf", "b.docx", "c.json", "d.txt"):
        intake.evidence.ingest(case_id, sources / name)
    assert len(intake.search.search(marker)) == 4
    intake.vault.read("PRAGMA wal_checkpoint(TRUNCATE)")
    assert not find_markers(files_under(vault_path), [marker])
    assert not find_markers(new_temp_files(since), [marker])


def test_items_ingested_before_are_extracted_later(
    intake: Intake, case_id: str, tmp_path: Path
) -> None:
    source = tmp_path / "old.txt"
    source.write_text("an older item about Sulina")
    item = intake.evidence.ingest(case_id, source)
    # As a vault from before issue 16 has it: no text extracted.
    raw_change(intake.vault, "DELETE FROM evidence_text")
    with intake.vault.transaction() as tx:
        for (ref,) in tx.execute("SELECT ref_id FROM search_docs WHERE kind = 'evidence_text'"):
            index_drop(tx, "evidence_text", ref)
        tx.audit("test.forget", "index")
    assert intake.search.search("Sulina") == []
    assert intake.search.pending() == [item.evidence_id]
    assert intake.search.extract_pending() == {"ok": 1}
    assert intake.search.search("Sulina")[0].parent_id == item.evidence_id
    assert intake.search.pending() == []
    [entry] = intake.vault.audit_entries(action_prefix="search.text_extracted", limit=1)
    assert entry.subject == item.evidence_id


def test_a_hostile_file_is_recorded_not_raised(
    intake: Intake, case_id: str, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + secrets.token_bytes(4000))
    item = intake.evidence.ingest(case_id, broken)  # the ingest itself succeeds
    outcome = intake.vault.read(
        "SELECT outcome FROM evidence_text WHERE evidence_id = ?", (item.evidence_id,)
    )
    assert [tuple(r) for r in outcome] in ([("failed",)], [("empty",)])


def test_erasure_leaves_no_typed_text_in_search(intake: Intake, populated: dict[str, str]) -> None:
    intake.erasure.erase_person(populated["person"], "request of the person")
    for word in ("Cojocaru", "Olesea", "psychologist", "promised"):
        assert intake.search.search(word) == [], word


def test_reindex_rebuilds_every_document(intake: Intake, populated: dict[str, str]) -> None:
    before = {h.ref_id for h in intake.search.search("Rusnac")}
    raw_change(
        intake.vault,
        "DELETE FROM search_index WHERE rowid IN"
        " (SELECT doc_id FROM search_docs WHERE kind IN ('consent', 'interview'))",
    )
    assert intake.search.search("Rusnac") == []
    assert intake.search.reindex() > 0
    assert {h.ref_id for h in intake.search.search("Rusnac")} == before


# Phone numbers in any writing (no vault) ---------------------------------------------------------

_GROUPINGS = st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=5)
_SEPARATORS = st.sampled_from([" ", "-", ".", "", " ", "/"])


def _written(digits: str, groups: list[int], separator: str) -> str:
    parts: list[str] = []
    position = 0
    for size in groups:
        if position >= len(digits):
            break
        parts.append(digits[position : position + size])
        position += size
    if position < len(digits):
        parts.append(digits[position:])
    return separator.join(parts)


@settings(max_examples=300, deadline=None)
@given(
    subscriber=st.from_regex(r"7[2-9][0-9]{7}", fullmatch=True),
    prefix=st.sampled_from(["0", "+40", "0040", "+40 ", "0040 ", "(0)", "+40 (0)"]),
    groups=_GROUPINGS,
    separator=_SEPARATORS,
)
def test_every_writing_of_a_romanian_mobile_normalises_to_one_form(
    subscriber: str, prefix: str, groups: list[int], separator: str
) -> None:
    typed = prefix + _written(subscriber, groups, separator)
    expected = "40" + subscriber
    assert e164_digits(typed) == expected, typed
    assert expected in phone_terms(f"Call {typed}, after 18:00.")
    parsed = parse_query(typed)
    assert parsed is not None
    assert expected in parsed.phones, typed
    assert f'"{expected}"' in parsed.expression


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_phone_terms_never_raise_on_any_text(text: str) -> None:
    for digits in phone_terms(text):
        assert digits.isdigit()


def test_unknown_binary_has_no_extractor() -> None:
    assert extract(b"\x00\x01", "photo.jpg", "image/jpeg").pages == ()
