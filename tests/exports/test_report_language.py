"""report.pdf and VERIFY.txt in the language chosen at export (issue 12, DESIGN §9).

The Romanian and Ukrainian texts come from resources/translations/pending/report.json once it is
merged into the catalogues (``python -m scripts.i18n update && … merge … && … compile``).
"""

from __future__ import annotations

import re
import shlex
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from exports.builder import build_bundle, verify_text
from exports.model import (
    BundleCase,
    BundleEvidence,
    ExportRequest,
    Profile,
    RecipientKind,
    bytes_opener,
)
from exports.report import signature_reason
from resources.i18n import catalogue
from tests.exports import sample
from tests.exports.conftest import pdf_text

# What the English report says where a reader looks first; none of it may survive a translation.
ENGLISH = (
    "Chain-of-custody report",
    "Case reference",
    "Keys and ledger",
    "Scope of this export",
    "This bundle contains",
    "People",
    "Statements",
    "VERBATIM",
    "SUMMARY",
    "Evidence inventory",
    "Custody log",
    "Audit checkpoint",
    "Methods and tool versions",
    "Release and receipt",
    "Released by",
    "Received by",
    "Date and time",
    "identity not trusted",
    "page 1 of",
    "bytes",
    "(s)",
)
HEADINGS = {
    "ro": (
        "Raport privind lanțul de custodie",
        "Numărul de referință al cazului",
        "1. Conținutul acestui export",
        "Acest pachet conține 2 declarații și 3 fișiere de probă din cazul RO-2026-0042.",
        "Destinatar: Parchet.",
        "2. Declarații",
        "2.1 Declarația S-0001 — CONSEMNARE INTEGRALĂ",
        "2.2 Declarația S-0002 — REZUMAT",
        "3. Inventarul probelor",
        "Registrul lanțului de custodie",
        "4. Punct de control al registrului de audit",
        "5. Metode și versiunile instrumentelor",
        "6. Predare și primire",
        "Predat de",
        "Primit de",
        "Cazul RO-2026-0042",
        # Numbers and dates for the language; custody and ledger times stay ISO UTC.
        "10.259 de octeți (10,0 KiB)",
        "28 februarie 2026, 12:00 UTC",
        "2026-03-01 09:00 UTC",
        "limba: ucraineană",
    ),
    "uk": (
        "Звіт про ланцюг зберігання доказів",
        "Номер справи",
        "1. Обсяг цього експорту",
        "Цей пакет містить 2 заяви і 3 файли доказів зі справи RO-2026-0042.",
        "Одержувач: прокуратура.",
        "2. Заяви",
        "2.1 Заява S-0001 — ДОСЛІВНИЙ ЗАПИС",
        "2.2 Заява S-0002 — СТИСЛИЙ ВИКЛАД",
        "3. Опис доказів",
        "Журнал ланцюга зберігання",
        "4. Контрольна точка журналу аудиту",
        "5. Методи та версії інструментів",
        "6. Передача та прийняття",
        "Передав",
        "Прийняв",
        "Справа RO-2026-0042",
        "10 259 байтів (10,0 KiB)",
        "28 лютого 2026 р., 12:00 UTC",
        "2026-03-01 09:00 UTC",
        "мова: українська",
    ),
}
PAGE_WORDS = {"ro": r"pagina (\d+) din (\d+)", "uk": r"сторінка (\d+) з (\d+)"}
VERIFY_TITLE = {
    "ro": "CUM SE VERIFICĂ ACEST PACHET FĂRĂ CUSTODIA",
    "uk": "ЯК ПЕРЕВІРИТИ ЦЕЙ ПАКЕТ БЕЗ CUSTODIA",
}
CEDILLA = "şţŞŢ"  # Romanian is written with comma-below ș ț (U+0219, U+021B)


def _request(
    language: str,
    case: BundleCase | None = None,
    *,
    profile: Profile = Profile.COURT,
    recipient: RecipientKind = RecipientKind.PROSECUTOR,
) -> ExportRequest:
    return replace(sample.request(case, profile=profile, recipient=recipient), language=language)


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("languages")
    made = {}
    for language in ("ro", "uk"):
        build_bundle(_request(language), root / language)
        made[language] = root / language
    return made


def _dollar_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("$ ")]


@pytest.mark.parametrize("language", ["ro", "uk"])
def test_report_speaks_the_chosen_language(bundles: dict[str, Path], language: str) -> None:
    text = pdf_text(bundles[language] / "data/report.pdf")
    for words in HEADINGS[language]:
        assert words in text, words
    for words in ENGLISH:
        assert words not in text, words
    # What was recorded is printed as recorded, whatever the language.
    for sentence in (sample.UKRAINIAN, sample.ROMANIAN):
        assert " ".join(sentence.split()) in text
    for item in sample.sample_case().evidence:
        assert item.sha256 in text
    pages = [(int(page), int(total)) for page, total in re.findall(PAGE_WORDS[language], text)]
    total = pages[0][1]
    assert [page for page, _ in pages] == list(range(1, total + 1))
    assert all(of == total for _, of in pages)
    if language == "ro":
        assert not set(CEDILLA) & set(text)


@pytest.mark.parametrize("language", ["ro", "uk"])
def test_verify_txt_speaks_the_chosen_language(bundles: dict[str, Path], language: str) -> None:
    path = bundles[language]
    raw = (path / "VERIFY.txt").read_bytes()
    text = raw.decode("utf-8")  # plain UTF-8, no BOM
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert text.startswith(VERIFY_TITLE[language] + "\n")
    assert "HOW TO CHECK" not in text
    assert "Every file under data/" not in text
    if language == "ro":
        assert "Toate fișierele din data/ sunt intacte" in text
        assert not set(CEDILLA) & set(text)
    # The tools' own words stay as the tools print them.
    assert '"OK"' in text or "„OK”" in text or "«OK»" in text
    assert "Signature Verified Successfully" in text
    # The same shell commands as the English file, and they still work from this folder.
    english = verify_text(
        replace(_request("en"), bundle_id="x", created_at="y"), "f" * 64, "c" * 64
    )
    commands = _dollar_lines(text)
    assert commands == _dollar_lines(english)
    for line in commands:
        command = line[2:]
        if "|" in command:
            continue
        done = subprocess.run(shlex.split(command), cwd=path, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)


# n → the forms a reader expects (Romanian "20 de …" from 20 up; Ukrainian one/few/many).
PLURALS = {
    "ro": {
        ("{n} statement", "{n} statements"): {
            1: "1 declarație",
            2: "2 declarații",
            5: "5 declarații",
            21: "21 de declarații",
        },
        ("{n} evidence file", "{n} evidence files"): {
            1: "1 fișier de probă",
            2: "2 fișiere de probă",
            5: "5 fișiere de probă",
            21: "21 de fișiere de probă",
        },
        ("{n} byte", "{n} bytes"): {1: "1 octet", 2: "2 octeți", 5: "5 octeți", 21: "21 de octeți"},
    },
    "uk": {
        ("{n} statement", "{n} statements"): {
            1: "1 заяву",
            2: "2 заяви",
            5: "5 заяв",
            21: "21 заяву",
        },
        ("{n} evidence file", "{n} evidence files"): {
            1: "1 файл доказів",
            2: "2 файли доказів",
            5: "5 файлів доказів",
            21: "21 файл доказів",
        },
        ("{n} byte", "{n} bytes"): {1: "1 байт", 2: "2 байти", 5: "5 байтів", 21: "21 байт"},
    },
    "en": {
        ("{n} statement", "{n} statements"): {
            1: "1 statement",
            2: "2 statements",
            5: "5 statements",
            21: "21 statements",
        },
        ("{n} evidence file", "{n} evidence files"): {
            1: "1 evidence file",
            2: "2 evidence files",
            5: "5 evidence files",
            21: "21 evidence files",
        },
    },
}


@pytest.mark.parametrize("language", sorted(PLURALS))
def test_plural_forms(language: str) -> None:
    t = catalogue(language)
    for (one, many), expected in PLURALS[language].items():
        for n, words in expected.items():
            assert t.npgettext("Report", one, many, n).format(n=n) == words


def _case_with(statements: int, evidence: int) -> BundleCase:
    base = sample.sample_case()
    items = tuple(
        BundleEvidence(
            f"ev{i}",
            f"E-{i:04d}",
            "document",
            f"note-{i}.txt",
            "text/plain",
            len(data),
            sample.sha(data),
            bytes_opener(data),
        )
        for i in range(1, evidence + 1)
        for data in [f"fictional note {i}\n".encode()]
    )
    return replace(base, statements=base.statements[:statements], evidence=items)


@pytest.mark.parametrize(
    ("language", "statements", "evidence", "sentence"),
    [
        ("ro", 1, 21, "Acest pachet conține 1 declarație și 21 de fișiere de probă"),
        ("ro", 2, 5, "Acest pachet conține 2 declarații și 5 fișiere de probă"),
        ("uk", 1, 21, "Цей пакет містить 1 заяву і 21 файл доказів"),
        ("uk", 2, 5, "Цей пакет містить 2 заяви і 5 файлів доказів"),
        ("en", 1, 21, "This bundle contains 1 statement and 21 evidence files"),
    ],
)
def test_counts_in_the_report_are_real_plurals(
    tmp_path: Path, language: str, statements: int, evidence: int, sentence: str
) -> None:
    build_bundle(_request(language, _case_with(statements, evidence)), tmp_path / "b")
    text = pdf_text(tmp_path / "b/data/report.pdf")
    assert sentence in text
    assert "(s)" not in text


def test_pseudonymised_report_in_romanian(tmp_path: Path) -> None:
    request = _request("ro", profile=Profile.PSEUDONYMISED, recipient=RecipientKind.PARTNER_NGO)
    build_bundle(request, tmp_path / "b")
    text = pdf_text(tmp_path / "b/data/report.pdf")
    assert "Raport privind lanțul de custodie · pseudonimizat" in text
    # The sample photo is no decodable picture: no redacted copy, so it stays behind too.
    assert "2 fișiere neincluse conform acestui profil" in text
    assert "conținutul său identifică o persoană" in text
    assert "[redacted]" in text  # the marker the statement files carry, quoted as it is
    assert "withheld" not in text.lower()


def test_unknown_language_falls_back_to_english(tmp_path: Path) -> None:
    build_bundle(_request("xx"), tmp_path / "b")
    text = pdf_text(tmp_path / "b/data/report.pdf")
    assert "Chain-of-custody report" in text
    assert "This bundle contains 2 statements and 3 evidence files" in text
    assert "HOW TO CHECK THIS BUNDLE WITHOUT CUSTODIA" in (tmp_path / "b/VERIFY.txt").read_text(
        "utf-8"
    )


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "Release of case RO-2026-0042 to prosecutor's office"),
        ("ro", "Predarea cazului RO-2026-0042 către: Parchet"),
        ("uk", "Передача справи RO-2026-0042; одержувач: прокуратура"),
    ],
)
def test_signature_reason_in_the_chosen_language(language: str, reason: str) -> None:
    assert signature_reason(_request(language)) == reason
