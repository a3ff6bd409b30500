"""What report.pdf tells a prosecutor (issue 16): statement titles, consent in words, the
case's trafficking indicators, each item's preserved metadata, autosaves summarised in the
ledger pages, and no page left mostly blank."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from exports.builder import build_bundle
from exports.from_intake import preserved_metadata
from exports.model import (
    AuditExcerptEntry,
    BundleCase,
    BundleIndicator,
    Consent,
    Profile,
    RecipientKind,
)
from intake.indicators import default_catalogue
from tests.exports import sample
from tests.exports.conftest import pdf_text

TITLE = "Arrival in Constanța and the passports"
INTERPRETER = "Olha Perekladach"
WITNESS = "Elena Martor"
INDICATORS = {
    "rd.passport_held": "passports taken 'for registration'",
    "ec.excessive_hours": "",
}
# As exifread printed the tags at ingest (intake.evidence.read_exif).
EXIF = {
    "EXIF DateTimeOriginal": "2026:03:01 10:15:00",
    "Image Make": "Canon",
    "Image Model": "Canon EOS 80D",
    "GPS GPSLatitude": "[44, 10, 642/25]",
    "GPS GPSLatitudeRef": "N",
    "GPS GPSLongitude": "[28, 38, 447/25]",
    "GPS GPSLongitudeRef": "E",
    "Image Artist": "Greenhouse Owner SRL",
}


def _ledger() -> tuple[AuditExcerptEntry, ...]:
    entries = [("case.opened", "C-1", "09:58"), ("statement.created", "S-0001", "10:01")]
    entries += [("statement.draft_saved", "S-0001", f"10:{m:02d}") for m in range(2, 14)]
    entries += [
        ("statement.revised", "S-0001", "10:14"),
        ("statement.finalised", "S-0001", "15:00"),
    ]
    entries += [("statement.draft_saved", "S-0002", "15:30")]
    return tuple(
        AuditExcerptEntry(
            seq, f"2026-02-28T{clock}:00Z", "ana.lawyer", action, subject, f"{seq:064x}", ""
        )
        for seq, (action, subject, clock) in enumerate(entries, start=1)
    )


def rich_case() -> BundleCase:
    case = sample.sample_case()
    catalogue = default_catalogue()
    families = {f.family_id: f for f in catalogue.families}
    indicators = []
    for indicator_id, note in INDICATORS.items():
        indicator = catalogue.indicator(indicator_id)
        assert indicator is not None
        indicators.append(BundleIndicator(indicator, families.get(indicator.family_id), note))
    survivor, *others = case.people
    assert survivor.consent is not None
    consent: Consent = replace(
        survivor.consent, method="verbal_witnessed", interpreter=INTERPRETER, witness=WITNESS
    )
    first, *statements = case.statements
    photo, *evidence = case.evidence
    return replace(
        case,
        people=(replace(survivor, consent=consent), *others),
        statements=(replace(first, title=TITLE), *statements),
        evidence=(replace(photo, metadata=preserved_metadata({"exif": EXIF})), *evidence),
        indicators=tuple(indicators),
        audit_excerpt=_ledger(),
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("contents")
    made = {}
    for name, language, profile, recipient in (
        ("en", "en", Profile.COURT, RecipientKind.PROSECUTOR),
        ("ro", "ro", Profile.COURT, RecipientKind.PROSECUTOR),
        ("partner", "en", Profile.PSEUDONYMISED, RecipientKind.PARTNER_NGO),
    ):
        request = replace(
            sample.request(rich_case(), profile=profile, recipient=recipient), language=language
        )
        build_bundle(request, root / name)
        made[name] = root / name / "data/report.pdf"
    return made


def test_statements_carry_their_titles(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["en"])
    assert f"2.1 Statement S-0001 — VERBATIM — {TITLE}" in text
    assert "2.2 Statement S-0002 — SUMMARY" in text  # untitled: no dangling dash


def test_consent_names_interpreter_witness_and_method_in_words(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["en"])
    assert "orally, before a witness" in text
    assert f"interpreter: {INTERPRETER}" in text
    assert f"witness: {WITNESS}" in text
    assert "verbal_witnessed" not in text


@pytest.mark.parametrize("name", ["en", "ro"])
def test_ticked_indicators_appear_in_the_reports_language(
    reports: dict[str, Path], name: str
) -> None:
    text = pdf_text(reports[name])
    catalogue = default_catalogue()
    families = {f.family_id: f for f in catalogue.families}
    for indicator_id, note in INDICATORS.items():
        indicator = catalogue.indicator(indicator_id)
        assert indicator is not None
        assert " ".join(indicator.label(name).split()) in text
        assert " ".join(families[indicator.family_id].label(name).split()) in text
        if note:
            assert note in text
    unticked = catalogue.indicator("db.debt_grows")
    assert unticked is not None
    assert unticked.label(name) not in text


def test_evidence_shows_its_preserved_metadata(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["en"])
    assert "Date taken 2026:03:01 10:15:00" in text
    assert "Camera Canon EOS 80D" in text
    assert "GPS coordinates 44.173800, 28.638300" in text
    assert "Owner Greenhouse Owner SRL" in text


def test_partner_report_shows_no_position_camera_or_owner(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["partner"])
    for words in (
        "Date taken",
        "Camera",
        "GPS coordinates",
        "44.1738",
        "Canon",
        "Greenhouse Owner",
    ):
        assert words not in text, words


def test_ledger_summarises_autosaves(reports: dict[str, Path]) -> None:
    text = pdf_text(reports["en"])
    # 12 rolling drafts and one revision of S-0001 in a row: one line.
    assert "13 autosaved revisions between 10:02 and 10:14" in text
    assert "statement.draft_saved" in text  # the lone autosave of S-0002 is listed as recorded
    assert text.count("statement.draft_saved") == 1
    assert "statement.finalised" in text
    assert "case.opened" in text


@pytest.mark.parametrize("name", ["en", "ro", "partner"])
def test_no_page_is_mostly_blank(reports: dict[str, Path], name: str) -> None:
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(reports[name]), "-"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    pages = out.split("\f")
    if not pages[-1].strip():
        pages = pages[:-1]
    # Four lines of every page are its header and footer (case, title, case, page X of Y).
    counts = [sum(1 for line in page.splitlines() if line.strip()) - 4 for page in pages]
    # The last page is the release and receipt, as long as it needs to be.
    for number, count in enumerate(counts[:-1], start=1):
        assert count >= 8, (number, counts)
