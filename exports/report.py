"""The chain-of-custody report (report.pdf), drawn with reportlab's platypus.

DejaVu fonts from resources/fonts are embedded (subset) so Romanian (ă â î ș ț) and Cyrillic
print. Every piece of user text goes through :func:`esc`: Paragraph markup is XML-like, and a
statement containing ``<`` or ``&`` must print as written, never be read as markup.
"""

from __future__ import annotations

import base64
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from exports.errors import ReportError
from exports.model import (
    BundleEvidence,
    BundlePerson,
    BundleStatement,
    ExportRequest,
    Profile,
)
from exports.redaction import RedactedCase
from resources import resource_path

log = logging.getLogger(__name__)

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_MONO = "DejaVuSansMono"
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_MONO: "DejaVuSansMono.ttf",
}
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

SELF_SIGNED_NOTE = (
    "The PDF signature on this report uses the vault's own self-signed certificate. A PDF "
    "reader will show it as intact, identity not trusted: this means the report has not been "
    "changed since it was signed, but the reader cannot confirm who holds the certificate "
    "until the organisation's certificate is configured. Compare the certificate fingerprint "
    "printed on the cover with the one communicated to you separately."
)
ORG_CERT_NOTE = (
    "The PDF signature on this report uses the organisation's certificate. Whether a PDF "
    "reader trusts it depends on the reader's trust settings; its integrity does not."
)


def register_fonts() -> None:
    """Register the embedded fonts once per process (reportlab keeps a global registry)."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FONT_FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def esc(text: object) -> str:
    """User text → Paragraph markup: XML-escaped, control characters dropped, newlines kept."""
    cleaned = _CONTROL.sub("", str(text))
    return escape(cleaned).replace("\r\n", "\n").replace("\n", "<br/>")


def when(value: str) -> str:
    """ISO 8601 → '2026-03-02 14:05 UTC'; anything unparsable is printed as given."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def size_text(size: int) -> str:
    units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    value = float(size)
    unit = 0
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    grouped = f"{size:,}".replace(",", " ")
    return f"{grouped} bytes" if unit == 0 else f"{grouped} bytes ({value:.1f} {units[unit]})"


@dataclass(frozen=True)
class ReportFacts:
    """What the report states about the signatures (known before it is signed)."""

    ed25519_fingerprint: str
    pdf_certificate_sha256: str
    pdf_certificate_subject: str
    pdf_self_signed: bool
    tool_versions: Sequence[tuple[str, str]]
    evidence_paths: dict[str, str]
    statement_paths: dict[str, str]


class _Styles:
    def __init__(self) -> None:
        base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
        self.body = base
        self.small = ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, spaceAfter=4)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
        self.cell_bold = ParagraphStyle("cellb", parent=self.cell, fontName=FONT_BOLD)
        self.mono = ParagraphStyle(
            "mono", parent=base, fontName=FONT_MONO, fontSize=7.6, leading=10
        )
        self.mono_cell = ParagraphStyle("monoc", parent=self.mono, fontSize=6.8, leading=8.5)
        self.title = ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=22, leading=28, spaceAfter=6
        )
        self.subtitle = ParagraphStyle("sub", parent=base, fontSize=13, leading=18, spaceAfter=14)
        self.h1 = ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=4,
            spaceAfter=8,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=10,
            spaceAfter=5,
        )
        self.statement = ParagraphStyle(
            "stmt",
            parent=base,
            fontSize=10,
            leading=14.5,
            leftIndent=8,
            borderPadding=0,
            spaceBefore=2,
            spaceAfter=6,
        )
        self.center = ParagraphStyle("center", parent=base, alignment=TA_CENTER)


def _grid(rows: list[list[Any]], widths: Sequence[float], *, header: bool = False) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa3ad")),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eaee")))
    table.setStyle(TableStyle(commands))
    return table


class _Report:
    def __init__(self, redacted: RedactedCase, request: ExportRequest, facts: ReportFacts) -> None:
        self.case = redacted.case
        self.redacted = redacted
        self.request = request
        self.facts = facts
        self.s = _Styles()

    # Helpers -----------------------------------------------------------------------------------

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of *markup*; user text must already be escaped."""
        return Paragraph(text, style or self.s.body)

    def kv(self, pairs: Sequence[tuple[str, str]], key_width: float = 42 * mm) -> Table:
        """Key/value table; values are user text (escaped here); ``pairs`` skip empty values."""
        rows = [
            [self.p(esc(k), self.s.cell_bold), self.p(esc(v), self.s.cell)] for k, v in pairs if v
        ]
        return _grid(rows or [["", ""]], [key_width, FRAME_WIDTH - key_width])

    def kv_mono(self, key: str, value: str, key_width: float = 42 * mm) -> Table:
        return _grid(
            [[self.p(esc(key), self.s.cell_bold), self.p(esc(value), self.s.mono)]],
            [key_width, FRAME_WIDTH - key_width],
        )

    def person_label(self, person_id: str) -> str:
        person = self.case.person(person_id)
        if person is None:
            return person_id
        return f"{person.pseudonym} ({person.role}, {person.person_id})"

    # Sections ----------------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        r = self.request
        c = self.case
        recipient = r.scope.recipient
        checkpoint = r.checkpoint
        story: list[Flowable] = [
            Spacer(1, 18 * mm),
            self.p("Chain-of-custody report", self.s.title),
            self.p(f"{esc(c.reference)} — {esc(c.title)}", self.s.subtitle),
            self.kv(
                [
                    ("Case reference", c.reference),
                    ("Case title", c.title),
                    ("Jurisdiction", c.jurisdiction),
                    (
                        "Recipient",
                        f"{recipient.name} ({recipient.kind.value})"
                        if recipient.name
                        else recipient.kind.value,
                    ),
                    ("Purpose", r.scope.purpose),
                    ("Authority reference", r.scope.authority_reference),
                    ("Redaction profile", _profile_words(r.scope.profile)),
                    ("Released by", ", ".join(x for x in (r.author.name, r.author.role) if x)),
                    ("Organisation", r.organisation or r.author.organisation),
                    ("Date", when(r.created_at)),
                    ("Bundle id", r.bundle_id),
                ]
            ),
            Spacer(1, 5 * mm),
            self.p("<b>Keys and ledger</b>", self.s.h2),
            self.kv_mono("Vault signing key (Ed25519), SHA-256", self.facts.ed25519_fingerprint),
            self.kv_mono("PDF certificate, SHA-256", self.facts.pdf_certificate_sha256),
            self.kv([("PDF certificate subject", self.facts.pdf_certificate_subject)]),
        ]
        if checkpoint is not None:
            story.append(
                self.kv(
                    [
                        ("Audit checkpoint", f"entry {checkpoint.seq} at {when(checkpoint.at)}"),
                        ("Vault id", checkpoint.vault_id),
                    ]
                )
            )
            story.append(self.kv_mono("Checkpoint entry hash", checkpoint.entry_hash))
        story += [
            Spacer(1, 5 * mm),
            self.p(SELF_SIGNED_NOTE if self.facts.pdf_self_signed else ORG_CERT_NOTE, self.s.small),
            Spacer(1, 3 * mm),
            self.p(
                "This report is part of a BagIt bundle. The file VERIFY.txt in the bundle explains "
                "how to check every file and signature with sha256sum and openssl alone, or run "
                "<i>custodia verify</i> on the bundle.",
                self.s.small,
            ),
            PageBreak(),
        ]
        return story

    def scope(self) -> list[Flowable]:
        r = self.request
        story: list[Flowable] = [self.p("1. Scope of this export", self.s.h1)]
        story.append(
            self.p(
                f"This bundle contains {len(self.case.statements)} statement(s) and "
                f"{len(self.case.evidence)} evidence file(s) of case {esc(self.case.reference)}, "
                f"released to {esc(r.scope.recipient.kind.value)} under the "
                f"{esc(_profile_words(r.scope.profile))} profile."
            )
        )
        if r.scope.profile is Profile.PSEUDONYMISED:
            story.append(
                self.p(
                    "Protected identity (legal names, birth dates, nationality, documents, "
                    "contact details) is not included. People appear under their pseudonyms; "
                    "where a protected value occurred in a text it is replaced by "
                    f"{esc('[redacted]')}. Original file names are replaced by evidence numbers.",
                    self.s.small,
                )
            )
        if self.redacted.withheld:
            story.append(self.p("Withheld under this profile", self.s.h2))
            rows = [
                [
                    self.p("<b>No.</b>", self.s.cell),
                    self.p("<b>Reason</b>", self.s.cell),
                    self.p("<b>SHA-256 of the withheld original</b>", self.s.cell),
                ]
            ]
            for item in self.redacted.withheld:
                rows.append(
                    [
                        self.p(esc(item.number), self.s.cell),
                        self.p("identifies a person by its content", self.s.cell),
                        self.p(esc(item.sha256), self.s.mono_cell),
                    ]
                )
            story.append(_grid(rows, [20 * mm, 50 * mm, FRAME_WIDTH - 70 * mm], header=True))
        story.append(self.p("People", self.s.h2))
        for person in self.case.people:
            story.append(self.person_block(person))
            story.append(Spacer(1, 2 * mm))
        return story

    def person_block(self, person: BundlePerson) -> Flowable:
        pairs: list[tuple[str, str]] = [
            ("Person", f"{person.pseudonym} ({person.person_id})"),
            ("Role", person.role),
        ]
        pairs += list(person.protected.items())
        pairs += list(person.flags.items())
        consent = person.consent
        if consent is not None:
            allowed = ", ".join(sorted(k.value for k in consent.allowed))
            pairs.append(
                (
                    "Consent",
                    f"version {consent.version}, given {when(consent.given_at)}"
                    + (f", {consent.method}" if consent.method else "")
                    + (f", in {consent.language}" if consent.language else "")
                    + f"; allows: {allowed}",
                )
            )
        elif not person.consent_required:
            pairs.append(("Consent", "none recorded; not required for this role"))
        return KeepTogether([self.kv(pairs)])

    def statements(self) -> list[Flowable]:
        if not self.case.statements:
            return []
        story: list[Flowable] = [PageBreak(), self.p("2. Statements", self.s.h1)]
        for number, statement in enumerate(self.case.statements, start=1):
            story += self.statement_block(number, statement)
        return story

    def statement_block(self, number: int, st: BundleStatement) -> list[Flowable]:
        kind = "VERBATIM" if st.kind.lower() == "verbatim" else "SUMMARY"
        heading = self.p(f"2.{number} Statement {esc(st.statement_id)} — {kind}", self.s.h2)
        pairs: list[tuple[str, str]] = [
            (
                "Record",
                "verbatim record of the person's words"
                if kind == "VERBATIM"
                else "summary written by the interviewer, not the person's own words",
            ),
            ("Person", self.person_label(st.person_id)),
            ("Language", st.language),
            (
                "Finalised",
                f"{when(st.finalised_at)}" + (f" by {st.finalised_by}" if st.finalised_by else ""),
            ),
            ("Read back", st.read_back),
            ("File in bundle", self.facts.statement_paths.get(st.statement_id, "")),
        ]
        iv = st.interview
        if iv is not None:
            pairs += [
                ("Interview", f"{iv.interview_id}, {when(iv.started_at)}"),
                ("Where", iv.location),
                ("Interviewer", iv.interviewer),
                ("Interpreter", iv.interpreter),
                ("Interview language", iv.language),
                ("Present", ", ".join(iv.present)),
                ("Breaks", iv.breaks),
                ("How recorded", iv.recording),
            ]
        story: list[Flowable] = [
            CondPageBreak(60 * mm),
            KeepTogether([heading, self.kv(pairs)]),
            self.kv_mono("SHA-256 of the finalised text", st.text_sha256),
        ]
        if st.statement_id in self.redacted.redacted_statements:
            story.append(
                self.p(
                    "Protected identity was removed from this text for this recipient; the hash "
                    "above is that of the finalised original, not of this copy.",
                    self.s.small,
                )
            )
        story.append(Spacer(1, 2 * mm))
        for block in re.split(r"\n\s*\n", st.text.strip()) or [""]:
            story.append(self.p(esc(block), self.s.statement))
        for addendum in st.addenda:
            story.append(
                self.p(
                    f"<b>Addendum {esc(addendum.addendum_id)}</b>, {esc(when(addendum.at))}, "
                    f"{esc(addendum.author)}",
                    self.s.small,
                )
            )
            story.append(self.kv_mono("SHA-256 of the addendum", addendum.text_sha256))
            story.append(self.p(esc(addendum.text), self.s.statement))
        return story

    def evidence(self) -> list[Flowable]:
        if not self.case.evidence:
            return []
        story: list[Flowable] = [PageBreak(), self.p("3. Evidence inventory", self.s.h1)]
        header = [
            self.p("<b>No.</b>", self.s.cell),
            self.p("<b>File in bundle</b>", self.s.cell),
            self.p("<b>Size</b>", self.s.cell),
            self.p("<b>SHA-256</b>", self.s.cell),
        ]
        rows: list[list[Any]] = [header]
        for item in self.case.evidence:
            rows.append(
                [
                    self.p(esc(item.number), self.s.cell),
                    self.p(esc(self.facts.evidence_paths.get(item.number, "")), self.s.cell),
                    self.p(esc(size_text(item.size)), self.s.cell),
                    # Split in two halves so the full hash fits the column; the per-item
                    # section below prints it unbroken on one line for copying.
                    self.p(
                        esc(item.sha256[:32]) + "<br/>" + esc(item.sha256[32:]), self.s.mono_cell
                    ),
                ]
            )
        story.append(_grid(rows, [18 * mm, 72 * mm, 34 * mm, FRAME_WIDTH - 124 * mm], header=True))
        for item in self.case.evidence:
            story += self.evidence_block(item)
        return story

    def evidence_block(self, item: BundleEvidence) -> list[Flowable]:
        acquisition = [(k, v) for k, v in item.acquisition.items()]
        pairs: list[tuple[str, str]] = [
            ("Kind", item.kind),
            ("Original file name", item.original_filename),
            ("Type", item.media_type),
            ("Size", size_text(item.size)),
            ("File in bundle", self.facts.evidence_paths.get(item.number, "")),
            *acquisition,
            ("Notes", item.notes),
        ]
        story: list[Flowable] = [
            CondPageBreak(70 * mm),
            KeepTogether(
                [
                    self.p(f"{esc(item.number)} — {esc(item.original_filename)}", self.s.h2),
                    self.kv_mono("SHA-256", item.sha256),
                    self.kv(pairs),
                ]
            ),
            Spacer(1, 2 * mm),
            CondPageBreak(30 * mm),  # never leave the "Custody log" label alone at a page foot
            self.p("<b>Custody log</b>", self.s.small),
        ]
        story.append(self.custody_table(item))
        return story

    def custody_table(self, item: BundleEvidence) -> Table:
        header = ["When", "Event", "By", "From → to", "Purpose, authority", "Method", "Hash"]
        rows: list[list[Any]] = [[self.p(f"<b>{h}</b>", self.s.cell) for h in header]]
        for event in item.custody:
            if not event.hash_observed:
                observed = self.p("—", self.s.cell)
            elif event.hash_observed.lower() == item.sha256.lower():
                observed = self.p("matches", self.s.cell)
            else:
                observed = self.p("DIFFERS " + esc(event.hash_observed), self.s.mono_cell)
            parties = " → ".join(x for x in (event.from_party, event.to_party) if x)
            purpose = "; ".join(x for x in (event.purpose, event.authority_reference) if x)
            rows.append(
                [
                    self.p(esc(when(event.at)), self.s.cell),
                    self.p(esc(event.kind), self.s.cell),
                    self.p(esc(event.actor), self.s.cell),
                    self.p(esc(parties), self.s.cell),
                    self.p(esc(purpose), self.s.cell),
                    self.p(esc(event.method), self.s.cell),
                    observed,
                ]
            )
        if len(rows) == 1:
            rows.append([self.p("no events recorded", self.s.cell)] + [""] * 6)
        widths = [26 * mm, 18 * mm, 27 * mm, 30 * mm, 28 * mm, 24 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        return _grid(rows, widths, header=True)

    def checkpoint(self) -> list[Flowable]:
        story: list[Flowable] = [PageBreak(), self.p("4. Audit checkpoint", self.s.h1)]
        cp = self.request.checkpoint
        if cp is None:
            story.append(self.p("No ledger checkpoint was supplied with this export."))
        else:
            story += [
                self.p(
                    "Every change in the vault appends an entry to a hash-chained audit ledger. "
                    "At this export the vault signed a checkpoint of that ledger with its "
                    "Ed25519 key; the same checkpoint is in data/case.json and can be checked "
                    "against signature/signer.pem.",
                    self.s.small,
                ),
                Spacer(1, 2 * mm),
                self.kv(
                    [
                        ("Vault id", cp.vault_id),
                        ("Ledger entry", str(cp.seq)),
                        ("At", when(cp.at)),
                    ]
                ),
                self.kv_mono("Entry hash", cp.entry_hash),
                self.kv_mono(
                    "Signature (Ed25519, base64)", base64.b64encode(cp.signature).decode()
                ),
            ]
        excerpt = self.case.audit_excerpt
        if excerpt:
            story.append(self.p("Ledger entries about the exported items", self.s.h2))
            rows: list[list[Any]] = [
                [
                    self.p(f"<b>{h}</b>", self.s.cell)
                    for h in ("Entry", "At", "By", "Action", "Entry hash (first 16)")
                ]
            ]
            for e in excerpt:
                rows.append(
                    [
                        self.p(str(e.seq), self.s.cell),
                        self.p(esc(when(e.at)), self.s.cell),
                        self.p(esc(e.actor), self.s.cell),
                        self.p(esc(e.action), self.s.cell),
                        self.p(esc(e.entry_hash[:16]), self.s.mono_cell),
                    ]
                )
            story.append(
                _grid(
                    rows, [16 * mm, 32 * mm, 34 * mm, 60 * mm, FRAME_WIDTH - 142 * mm], header=True
                )
            )
        return story

    def methods(self) -> list[Flowable]:
        story: list[Flowable] = [
            CondPageBreak(90 * mm),
            self.p("5. Methods and tool versions", self.s.h1),
        ]
        paragraphs = [
            "Evidence files were stored encrypted (AES-256-GCM) from the moment they were "
            "added; their SHA-256 was computed from the original bytes at that moment. For this "
            "bundle each original was decrypted, written out byte for byte and hashed again "
            "while being written; the export stops if a single byte differs from the recorded "
            "hash.",
            "The bundle is a BagIt bag (RFC 8493): manifest-sha256.txt lists the SHA-256 of every "
            "file under data/, tagmanifest-sha256.txt lists those of the other files, and "
            "signature/tagmanifest.sig is an Ed25519 signature over tagmanifest-sha256.txt by "
            "the vault key in signature/signer.pem. One signature therefore covers every file.",
            "This report carries a PAdES signature (ETSI.CAdES.detached, SHA-256) made with an "
            "X.509 certificate. "
            + (SELF_SIGNED_NOTE if self.facts.pdf_self_signed else ORG_CERT_NOTE),
            "Times are UTC. Statements are reproduced from their finalised text; corrections "
            "are shown as addenda and never change the finalised text.",
        ]
        story += [self.p(esc(t), self.s.small) for t in paragraphs]
        story.append(Spacer(1, 3 * mm))
        rows = [
            [self.p(esc(name), self.s.cell), self.p(esc(version), self.s.cell)]
            for name, version in self.facts.tool_versions
        ]
        story.append(_grid(rows, [60 * mm, FRAME_WIDTH - 60 * mm]))
        return story

    def signatures(self) -> list[Flowable]:
        author = self.request.author
        line = "_" * 38

        def box(title: str, name: str, organisation: str) -> Table:
            rows = [
                [self.p(f"<b>{title}</b>", self.s.body), ""],
                [self.p("Name", self.s.cell), self.p(esc(name) or line, self.s.cell)],
                [
                    self.p("Organisation", self.s.cell),
                    self.p(esc(organisation) or line, self.s.cell),
                ],
                [self.p("Date and time", self.s.cell), self.p(line, self.s.cell)],
                [self.p("Signature", self.s.cell), Spacer(1, 14 * mm)],
            ]
            table = Table(rows, colWidths=[40 * mm, FRAME_WIDTH - 40 * mm], hAlign="LEFT")
            table.setStyle(
                TableStyle(
                    [
                        ("SPAN", (0, 0), (-1, 0)),
                        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                    ]
                )
            )
            return table

        recipient = self.request.scope.recipient
        return [
            CondPageBreak(120 * mm),
            self.p("6. Release and receipt", self.s.h1),
            self.p(
                "Released: the bundle identified on the cover was handed over as described. "
                "Received: the recipient confirms receipt of the bundle with the Ed25519 key "
                "fingerprint printed on the cover.",
                self.s.small,
            ),
            Spacer(1, 4 * mm),
            KeepTogether(
                box("Released by", author.name, self.request.organisation or author.organisation)
            ),
            Spacer(1, 6 * mm),
            KeepTogether(box("Received by", "", recipient.name)),
        ]

    def story(self) -> list[Flowable]:
        return (
            self.cover()
            + self.scope()
            + self.statements()
            + self.evidence()
            + self.checkpoint()
            + self.methods()
            + self.signatures()
        )


def _profile_words(profile: Profile) -> str:
    return {
        Profile.COURT: "court (full identity)",
        Profile.PSEUDONYMISED: "pseudonymised (no protected identity)",
    }[profile]


def _canvas_class(reference: str, profile: Profile) -> type[Canvas]:
    """A canvas that defers page output so each page can print "page X of Y"."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", FONT)  # else Helvetica is referenced, unembedded
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#4a5560"))
            self.drawString(MARGIN, PAGE_HEIGHT - 11 * mm, f"Case {reference}")
            self.drawRightString(
                PAGE_WIDTH - MARGIN,
                PAGE_HEIGHT - 11 * mm,
                f"Chain-of-custody report · {profile.value}",
            )
            self.setStrokeColor(colors.HexColor("#9aa3ad"))
            self.setLineWidth(0.4)
            self.line(MARGIN, PAGE_HEIGHT - 12.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12.5 * mm)
            self.line(MARGIN, 12.5 * mm, PAGE_WIDTH - MARGIN, 12.5 * mm)
            self.drawString(MARGIN, 9 * mm, f"Case {reference}")
            self.drawRightString(PAGE_WIDTH - MARGIN, 9 * mm, f"page {page} of {total}")
            self.restoreState()

    return NumberedCanvas


def render_report(redacted: RedactedCase, request: ExportRequest, facts: ReportFacts) -> bytes:
    """The unsigned report as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    reference = _CONTROL.sub("", request.case.reference)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"Chain-of-custody report {reference}",
        author=_CONTROL.sub("", request.author.name),
        subject=f"Case {reference}",
        creator="Custodia",
        invariant=0,
    )
    try:
        doc.build(
            _Report(redacted, request, facts).story(),
            canvasmaker=_canvas_class(reference, request.scope.profile),
        )
    except Exception as exc:
        log.warning("report rendering failed: %s", type(exc).__name__)
        raise ReportError(type(exc).__name__) from exc
    return buffer.getvalue()
