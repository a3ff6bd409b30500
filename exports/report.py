"""The chain-of-custody report (report.pdf), drawn with reportlab's platypus.

DejaVu fonts from resources/fonts are embedded (subset) so Romanian (ă â î ș ț) and Cyrillic
print. Every piece of user text goes through :func:`esc`: Paragraph markup is XML-like, and a
statement containing ``<`` or ``&`` must print as written, never be read as markup.

Every word the report itself says is in the language chosen at export
(:attr:`ExportRequest.language`, DESIGN §9), from the one gettext catalogue with context
``Report``. What is evidence stays as recorded: hashes, ids, file paths, and the timestamps of
custody events, statements and the ledger, which print as ISO 8601 UTC so they compare directly
with case.json and the audit ledger.
"""

from __future__ import annotations

import base64
import io
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal
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
    AuditExcerptEntry,
    BundleEvidence,
    BundlePerson,
    BundleStatement,
    ExportRequest,
    Profile,
    RecipientKind,
)
from exports.redaction import RedactedCase
from intake.models import (
    ConsentFinding,
    ConsentMethod,
    ConsentReason,
    CustodyEventType,
    PersonRole,
    StatementKind,
)
from resources import resource_path
from resources.i18n import NC_, Catalogue, catalogue

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
# Wide enough for most Romanian and Ukrainian labels on one or two lines.
KEY_WIDTH = 46 * mm
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The one marker that exports.redaction puts where a protected value stood; quoted, not translated,
# because the recipient finds it verbatim in the statement files.
_REDACTED_MARKER = "[redacted]"

_RECIPIENT_WORDS: dict[str, str] = {
    RecipientKind.NGO_INTERNAL: NC_("Report", "the organisation itself (internal use)"),
    RecipientKind.POLICE: NC_("Report", "police"),
    RecipientKind.PROSECUTOR: NC_("Report", "prosecutor's office"),
    RecipientKind.COURT: NC_("Report", "court"),
    RecipientKind.PARTNER_NGO: NC_("Report", "partner organisation"),
    RecipientKind.ANONYMISED_RESEARCH: NC_("Report", "anonymised research"),
}
_ROLE_WORDS: dict[str, str] = {
    PersonRole.SURVIVOR: NC_("Report", "survivor"),
    PersonRole.WITNESS: NC_("Report", "witness"),
    PersonRole.SUSPECT: NC_("Report", "suspect"),
    PersonRole.OTHER: NC_("Report", "other person"),
}
_EVENT_WORDS: dict[str, str] = {
    CustodyEventType.COLLECTED: NC_("Report", "collected"),
    CustodyEventType.INGESTED: NC_("Report", "stored in the vault"),
    CustodyEventType.VIEWED: NC_("Report", "viewed"),
    CustodyEventType.EXPORTED: NC_("Report", "exported"),
    CustodyEventType.TRANSFERRED: NC_("Report", "transferred"),
    CustodyEventType.RECEIVED: NC_("Report", "received"),
    CustodyEventType.VERIFIED: NC_("Report", "verified"),
    CustodyEventType.RETURNED: NC_("Report", "returned"),
    CustodyEventType.DESTROYED: NC_("Report", "destroyed"),
}
_CONSENT_METHOD_WORDS: dict[str, str] = {
    ConsentMethod.WRITTEN: NC_("Report", "in writing"),
    ConsentMethod.VERBAL_WITNESSED: NC_("Report", "orally, before a witness"),
}
# The English labels exports.from_intake gives protected identity, safety flags and acquisition
# details. case.json keeps them in English (machine-readable); the report prints them translated.
# A label not listed here (e.g. typed by a user) prints as given.
_FIELD_LABELS = frozenset(
    {
        NC_("Report", "Legal name"),
        NC_("Report", "Birth date"),
        NC_("Report", "Nationality"),
        NC_("Report", "Contact"),
        NC_("Report", "Safe contact method"),
        NC_("Report", "Guardian"),
        NC_("Report", "Guardian contact"),
        NC_("Report", "Guardian relation"),
        NC_("Report", "Safe to contact"),
        NC_("Report", "Minor"),
        NC_("Report", "Acquired"),
        NC_("Report", "Acquired by"),
        NC_("Report", "Acquired from"),
        NC_("Report", "Where"),
        NC_("Report", "Method"),
        NC_("Report", "Tool"),
        NC_("Report", "Source URL"),
        NC_("Report", "URL asked"),
        NC_("Report", "Final URL"),
        NC_("Report", "Redirects"),
        NC_("Report", "Captured"),
        NC_("Report", "HTTP status"),
        NC_("Report", "Server address"),
        NC_("Report", "TLS certificate SHA-256"),
        NC_("Report", "TLS"),
        NC_("Report", "Renderer"),
        NC_("Report", "No rendering"),
        NC_("Report", "Rendering of"),
        NC_("Report", "Archive pages"),
        NC_("Report", "Platform"),
        # Preserved metadata of an original (exports.from_intake.preserved_metadata).
        NC_("Report", "Date taken"),
        NC_("Report", "Camera"),
        NC_("Report", "GPS coordinates"),
        NC_("Report", "Owner"),
    }
)
# Room a numbered section needs below its heading to start on the current page.
_SECTION_ROOM = 90 * mm
# Ledger actions of a statement being typed: autosaves, summarised so the ledger pages read.
_AUTOSAVE_ACTIONS = frozenset({"statement.revised", "statement.draft_saved"})
# What the pseudonymised profile removed, by exports.matcher.ValueKind value.
_REDACTED_KIND_WORDS: dict[str, str] = {
    "name": NC_("Report", "names"),
    "phone": NC_("Report", "phone numbers"),
    "date": NC_("Report", "dates of birth"),
    "document": NC_("Report", "document, vehicle and account numbers"),
    "handle": NC_("Report", "e-mail addresses, handles and links"),
    "place": NC_("Report", "places"),
    "other": NC_("Report", "other contact details"),
}
# Why an item stays behind, by exports.derivatives.WithheldReason value.
_WITHHELD_WORDS: dict[str, str] = {
    "identifies_person": NC_("Report", "identifies a person by its content"),
    "not_redactable": NC_("Report", "no redacted copy can be made of this kind of file"),
    "too_large": NC_("Report", "too large to redact"),
    "unreadable": NC_("Report", "could not be read to make a redacted copy"),
    "names_person": NC_("Report", "its text names a protected person and cannot be redacted"),
}
_FLAG_VALUES = frozenset({NC_("Report", "yes"), NC_("Report", "no")})
_DOCUMENT_LABEL = re.compile(
    r"Document (\d+) \((.*)\)(?: (number|issuer|expires|held by))?", re.DOTALL
)
# exports.from_intake names each field of a document "Document N (kind) <field>".
_DOCUMENT_FIELDS = {
    None: NC_("Report", "Document {number} ({kind})"),
    "number": NC_("Report", "Document {number} ({kind}): number"),
    "issuer": NC_("Report", "Document {number} ({kind}): issued by"),
    "expires": NC_("Report", "Document {number} ({kind}): expires"),
    "held by": NC_("Report", "Document {number} ({kind}): held by"),
}


def marked(t: Catalogue, words: str) -> str:
    """The translation of words marked with ``NC_("Report", …)`` above.

    Looked up, not passed to ``pgettext``: the extractor reads every ``pgettext`` call and needs
    a literal message there, and these are chosen at run time from the marked tables.
    """
    return t.lookup("Report", words) or words


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


def _moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def when(value: str) -> str:
    """ISO 8601 → '2026-03-02 14:05 UTC', the same in every language (it is evidence).

    Anything unparsable is printed as given.
    """
    if not value:
        return ""
    moment = _moment(value)
    if moment is None:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def long_when(value: str, language: str) -> str:
    """ISO 8601 → the date in words of ``language`` and the UTC time: '4 martie 2026, 10:00 UTC'."""
    moment = _moment(value) if value else None
    if moment is None or moment.tzinfo is None:
        return when(value)
    moment = moment.astimezone(UTC)
    return f"{format_date(moment.date(), 'long', locale=language)}, {moment:%H:%M} UTC"


def size_text(size: int, t: Catalogue) -> str:
    """'10.240 de octeți (10,0 KiB)': grouped and pluralised in the catalogue's language."""
    units = ["KiB", "MiB", "GiB", "TiB"]
    value = float(size)
    unit = -1
    while value >= 1024 and unit < len(units) - 1:
        value /= 1024
        unit += 1
    exact = t.npgettext("Report", "{n} byte", "{n} bytes", size).format(
        n=format_decimal(size, locale=t.language)
    )
    if unit < 0:
        return exact
    rounded = format_decimal(value, format="#,##0.0", locale=t.language)
    return f"{exact} ({rounded} {units[unit]})"


def language_words(code: str, t: Catalogue) -> str:
    """A language code ('uk') as its name in the report's language ('ucraineană')."""
    if not code:
        return ""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(t.language)
    except (ValueError, TypeError, UnknownLocaleError):
        return code  # free text such as "Romanian and Russian" prints as typed
    return name or code


def _clock(value: str) -> str:
    """ISO 8601 → 'HH:MM' in UTC, like every ledger time in the report."""
    moment = _moment(value)
    if moment is None:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return f"{moment:%H:%M}"


def _autosave_runs(entries: Sequence[AuditExcerptEntry]) -> list[list[AuditExcerptEntry]]:
    """The ledger excerpt in runs: consecutive autosaves of one statement together, the rest
    one entry per run."""
    runs: list[list[AuditExcerptEntry]] = []
    for entry in entries:
        previous = runs[-1][-1] if runs else None
        if (
            previous is not None
            and entry.action in _AUTOSAVE_ACTIONS
            and previous.action in _AUTOSAVE_ACTIONS
            and entry.subject == previous.subject
        ):
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


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
    #: What the bundle has for trusted time, in the report's language (DESIGN §6.3).
    trusted_time: str = ""


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


def self_signed_note(t: Catalogue) -> str:
    return t.pgettext(
        "Report",
        "The PDF signature on this report uses the vault's own self-signed certificate. A PDF "
        "reader will show it as intact, identity not trusted: this means the report has not been "
        "changed since it was signed, but the reader cannot confirm who holds the certificate "
        "until the organisation's certificate is configured. Compare the certificate fingerprint "
        "printed on the cover with the one communicated to you separately.",
    )


def org_cert_note(t: Catalogue) -> str:
    return t.pgettext(
        "Report",
        "The PDF signature on this report uses the organisation's certificate. Whether a PDF "
        "reader trusts it depends on the reader's trust settings; its integrity does not.",
    )


def profile_words(profile: Profile, t: Catalogue) -> str:
    """The profile as the cover and the scope describe it."""
    if profile is Profile.PSEUDONYMISED:
        return t.pgettext("Report", "pseudonymised (no protected identity)")
    return t.pgettext("Report", "court (full identity)")


def profile_name(profile: Profile, t: Catalogue) -> str:
    """The profile in one word, for the page header."""
    if profile is Profile.PSEUDONYMISED:
        return t.pgettext("Report", "pseudonymised")
    return t.pgettext("Report", "court")


def recipient_words(kind: RecipientKind, t: Catalogue) -> str:
    words = _RECIPIENT_WORDS.get(kind)
    return kind.value if words is None else marked(t, words)


def signature_reason(request: ExportRequest) -> str:
    """The PDF signature's reason, which PDF readers show in their signature panel."""
    t = catalogue(request.language)
    return t.pgettext("Report", "Release of case {reference} to {recipient}").format(
        reference=request.case.reference, recipient=recipient_words(request.scope.recipient.kind, t)
    )


class _Report:
    def __init__(self, redacted: RedactedCase, request: ExportRequest, facts: ReportFacts) -> None:
        self.case = redacted.case
        self.redacted = redacted
        self.request = request
        self.facts = facts
        self.t = catalogue(request.language)
        self.s = _Styles()

    # Helpers -----------------------------------------------------------------------------------

    def p(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of *markup*; user text must already be escaped."""
        return Paragraph(text, style or self.s.body)

    def kv(self, pairs: Sequence[tuple[str, str]], key_width: float = KEY_WIDTH) -> Table:
        """Key/value table; values are user text (escaped here); ``pairs`` skip empty values."""
        rows = [
            [self.p(esc(k), self.s.cell_bold), self.p(esc(v), self.s.cell)] for k, v in pairs if v
        ]
        return _grid(rows or [["", ""]], [key_width, FRAME_WIDTH - key_width])

    def kv_mono(self, key: str, value: str, key_width: float = KEY_WIDTH) -> Table:
        return _grid(
            [[self.p(esc(key), self.s.cell_bold), self.p(esc(value), self.s.mono)]],
            [key_width, FRAME_WIDTH - key_width],
        )

    def header_row(self, headings: Iterable[str]) -> list[Any]:
        return [self.p(f"<b>{esc(h)}</b>", self.s.cell) for h in headings]

    def role(self, role: str) -> str:
        words = _ROLE_WORDS.get(role)
        return role if words is None else marked(self.t, words)

    def field_label(self, label: str) -> str:
        """A label written by exports.from_intake, in the report's language; others as given."""
        if label in _FIELD_LABELS:
            return marked(self.t, label)
        document = _DOCUMENT_LABEL.fullmatch(label)
        if document is not None:
            template = _DOCUMENT_FIELDS[document.group(3)]
            return self.t.pgettext("Report", template).format(
                number=document.group(1), kind=document.group(2)
            )
        return label

    def flag_value(self, value: str) -> str:
        return marked(self.t, value) if value in _FLAG_VALUES else value

    def person_label(self, person_id: str) -> str:
        person = self.case.person(person_id)
        if person is None:
            return person_id
        return f"{person.pseudonym} ({self.role(person.role)}, {person.person_id})"

    # Sections ----------------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        t = self.t
        r = self.request
        c = self.case
        recipient = r.scope.recipient
        kind_words = recipient_words(recipient.kind, t)
        checkpoint = r.checkpoint
        story: list[Flowable] = [
            Spacer(1, 18 * mm),
            self.p(esc(t.pgettext("Report", "Chain-of-custody report")), self.s.title),
            self.p(f"{esc(c.reference)} — {esc(c.title)}", self.s.subtitle),
            self.kv(
                [
                    (t.pgettext("Report", "Case reference"), c.reference),
                    (t.pgettext("Report", "Case title"), c.title),
                    (t.pgettext("Report", "Jurisdiction"), c.jurisdiction),
                    (
                        t.pgettext("Report", "Recipient"),
                        f"{recipient.name} ({kind_words})" if recipient.name else kind_words,
                    ),
                    (t.pgettext("Report", "Purpose"), r.scope.purpose),
                    (t.pgettext("Report", "Authority reference"), r.scope.authority_reference),
                    (t.pgettext("Report", "Redaction profile"), profile_words(r.scope.profile, t)),
                    (
                        t.pgettext("Report", "Released by"),
                        ", ".join(x for x in (r.author.name, r.author.role) if x),
                    ),
                    (t.pgettext("Report", "Organisation"), r.organisation or r.author.organisation),
                    (t.pgettext("Report", "Date"), long_when(r.created_at, t.language)),
                    (t.pgettext("Report", "Bundle id"), r.bundle_id),
                ]
            ),
            Spacer(1, 5 * mm),
            self.p(f"<b>{esc(t.pgettext('Report', 'Keys and ledger'))}</b>", self.s.h2),
            self.kv_mono(
                t.pgettext("Report", "Vault signing key (Ed25519), SHA-256"),
                self.facts.ed25519_fingerprint,
            ),
            self.kv_mono(
                t.pgettext("Report", "PDF certificate, SHA-256"),
                self.facts.pdf_certificate_sha256,
            ),
            self.kv(
                [
                    (
                        t.pgettext("Report", "PDF certificate subject"),
                        self.facts.pdf_certificate_subject,
                    )
                ]
            ),
        ]
        if checkpoint is not None:
            story.append(
                self.kv(
                    [
                        (
                            t.pgettext("Report", "Audit checkpoint"),
                            t.pgettext("Report", "entry {number} at {time}").format(
                                number=checkpoint.seq, time=when(checkpoint.at)
                            ),
                        ),
                        (t.pgettext("Report", "Vault id"), checkpoint.vault_id),
                    ]
                )
            )
            story.append(
                self.kv_mono(t.pgettext("Report", "Checkpoint entry hash"), checkpoint.entry_hash)
            )
        if self.facts.trusted_time:  # the vault's clock is never presented as trusted time
            story.append(self.kv([(t.pgettext("Report", "Trusted time"), self.facts.trusted_time)]))
        if r.scope.profile is Profile.PSEUDONYMISED:
            story += self.redaction_box()
        note = self_signed_note(t) if self.facts.pdf_self_signed else org_cert_note(t)
        story += [
            Spacer(1, 5 * mm),
            self.p(esc(note), self.s.small),
            Spacer(1, 3 * mm),
            self.p(
                esc(
                    t.pgettext(
                        "Report",
                        "This report is part of a BagIt bundle. The file VERIFY.txt in the bundle "
                        "explains how to check every file and signature with sha256sum and "
                        "openssl alone, or run {command} on the bundle.",
                    )
                ).format(command="<i>custodia verify</i>"),
                self.s.small,
            ),
            PageBreak(),
        ]
        return story

    def redaction_box(self) -> list[Flowable]:
        """What the pseudonymised profile removed and why, on the cover (DESIGN §8)."""
        t = self.t
        counts = self.redacted.redactions
        removed = ", ".join(
            f"{marked(t, words)} ({counts[kind]})"
            for kind, words in _REDACTED_KIND_WORDS.items()
            if counts.get(kind)
        ) or t.pgettext("Report", "nothing was found to remove")
        lines = [
            t.pgettext(
                "Report",
                "This bundle is pseudonymised. The people in this case can be in danger if they "
                "are identified, so it names no protected person, place or number: legal names "
                "(with or without diacritics, in Latin or Cyrillic letters, each part alone), "
                "phone numbers, birth dates, document numbers, e-mail addresses, handles, the "
                "places of interviews and the identifying details recorded for the case are "
                "replaced by {marker} wherever they were written.",
            ).format(marker=_REDACTED_MARKER),
            t.pgettext("Report", "Removed: {what}.").format(what=removed),
            t.pgettext(
                "Report",
                "Evidence files are redacted copies: pictures without their metadata (EXIF, GPS, "
                "camera), PDF files without document information, text files redacted like the "
                "statements. Each copy has its own SHA-256. The hashes of the originals and of "
                "unredacted texts are not published: a guessed name, hashed, confirms nothing. "
                "The originals and their hashes remain in the sender's vault.",
            ),
        ]
        withheld = len(self.redacted.withheld)
        statements = len(self.withheld_statements())
        # Only the parts there are: "1 file and 0 statements" reads like a fault.
        left_out = []
        if withheld:
            left_out.append(
                t.npgettext("Report", "{n} file", "{n} files", withheld).format(n=withheld)
            )
        if statements:
            left_out.append(
                t.npgettext("Report", "{n} statement", "{n} statements", statements).format(
                    n=statements
                )
            )
        if len(left_out) == 2:
            lines.append(
                t.pgettext("Report", "Left out: {files} and {statements}; see section 1.").format(
                    files=left_out[0], statements=left_out[1]
                )
            )
        elif left_out:
            lines.append(
                t.pgettext("Report", "Left out: {what}; see section 1.").format(what=left_out[0])
            )
        title = t.pgettext("Report", "What was redacted, and why")
        return [
            Spacer(1, 4 * mm),
            self.p(f"<b>{esc(title)}</b>", self.s.h2),
            *(self.p(esc(line), self.s.small) for line in lines),
        ]

    def withheld_statements(self) -> list[tuple[str, ConsentFinding]]:
        decision = self.redacted.consent
        if decision is None:
            return []
        return [(sid, f) for f in decision.withheld for sid in f.statement_ids]

    def consent_gap(self, finding: ConsentFinding) -> str:
        t = self.t
        if finding.code is ConsentReason.WITHDRAWN:
            return t.pgettext("Report", "their consent was withdrawn")
        if finding.code is ConsentReason.KIND_NOT_COVERED:
            return t.pgettext("Report", "their consent does not cover {recipient}").format(
                recipient=recipient_words(finding.recipient, t)
            )
        return t.pgettext("Report", "no consent of theirs is recorded")

    def withheld_statement_table(self) -> list[Flowable]:
        t = self.t
        rows = self.withheld_statements()
        if not rows:
            return []
        heading = t.npgettext(
            "Report",
            "{n} statement left out for want of consent",
            "{n} statements left out for want of consent",
            len(rows),
        ).format(n=len(rows))
        table: list[list[Any]] = [
            self.header_row(
                (
                    t.pgettext("Report", "Statement"),
                    t.pgettext("Report", "Person"),
                    t.pgettext("Report", "Reason"),
                )
            )
        ]
        for statement_id, finding in rows:
            role = self.role(finding.role) if finding.role is not None else ""
            table.append(
                [
                    self.p(esc(statement_id), self.s.cell),
                    self.p(esc(f"{finding.pseudonym} ({role})"), self.s.cell),
                    self.p(esc(self.consent_gap(finding)), self.s.cell),
                ]
            )
        return [
            self.p(esc(heading), self.s.h2),
            _grid(table, [30 * mm, 60 * mm, FRAME_WIDTH - 90 * mm], header=True),
        ]

    def court_order_note(self) -> list[Flowable]:
        decision = self.redacted.consent
        order = self.request.scope.court_order
        if decision is None or not order or not decision.overridden:
            return []
        return [
            self.p(
                esc(
                    self.t.pgettext(
                        "Report",
                        "Consent that does not cover this recipient was overridden by court "
                        "order {reference}.",
                    ).format(reference=order)
                ),
                self.s.small,
            )
        ]

    def scope(self) -> list[Flowable]:
        t = self.t
        r = self.request
        statements = len(self.case.statements)
        evidence = len(self.case.evidence)
        story: list[Flowable] = [
            self.p(esc("1. " + t.pgettext("Report", "Scope of this export")), self.s.h1)
        ]
        story.append(
            self.p(
                esc(
                    t.pgettext(
                        "Report",
                        "This bundle contains {statements} and {evidence} from case {reference}. "
                        "Recipient: {recipient}. Redaction profile: {profile}.",
                    ).format(
                        statements=t.npgettext(
                            "Report", "{n} statement", "{n} statements", statements
                        ).format(n=statements),
                        evidence=t.npgettext(
                            "Report", "{n} evidence file", "{n} evidence files", evidence
                        ).format(n=evidence),
                        reference=self.case.reference,
                        recipient=recipient_words(r.scope.recipient.kind, t),
                        profile=profile_words(r.scope.profile, t),
                    )
                )
            )
        )
        if r.scope.profile is Profile.PSEUDONYMISED:
            story.append(
                self.p(
                    esc(
                        t.pgettext(
                            "Report",
                            "Protected identity (legal names, birth dates, nationality, "
                            "documents, contact details) is not included. People appear under "
                            "their pseudonyms; where a protected value occurred in a text it is "
                            "replaced by {marker}. Original file names are replaced by evidence "
                            "numbers.",
                        ).format(marker=_REDACTED_MARKER)
                    ),
                    self.s.small,
                )
            )
        if self.redacted.withheld:
            withheld = len(self.redacted.withheld)
            story.append(
                self.p(
                    esc(
                        t.npgettext(
                            "Report",
                            "{n} file withheld under this profile",
                            "{n} files withheld under this profile",
                            withheld,
                        ).format(n=withheld)
                    ),
                    self.s.h2,
                )
            )
            # A partner bundle publishes no hash of a withheld original: it would confirm a guess.
            hashes = any(item.sha256 for item in self.redacted.withheld)
            headings = [t.pgettext("Report", "No."), t.pgettext("Report", "Reason")]
            if hashes:
                headings.append(t.pgettext("Report", "SHA-256 of the withheld original"))
            rows = [self.header_row(headings)]
            for item in self.redacted.withheld:
                code = self.redacted.withheld_reasons.get(item.number, "identifies_person")
                row = [
                    self.p(esc(item.number), self.s.cell),
                    self.p(esc(marked(t, _WITHHELD_WORDS.get(code, code))), self.s.cell),
                ]
                if hashes:
                    row.append(self.p(esc(item.sha256), self.s.mono_cell))
                rows.append(row)
            widths = [20 * mm, 50 * mm, FRAME_WIDTH - 70 * mm] if hashes else [20 * mm, 0]
            if not hashes:
                widths[1] = FRAME_WIDTH - 20 * mm
            story.append(_grid(rows, widths, header=True))
        story += self.withheld_statement_table()
        story += self.court_order_note()
        story.append(self.p(esc(t.pgettext("Report", "People")), self.s.h2))
        for person in self.case.people:
            story.append(self.person_block(person))
            story.append(Spacer(1, 2 * mm))
        story += self.indicators()
        return story

    def indicators(self) -> list[Flowable]:
        """The case's ticked trafficking indicators, family by family, in catalogue order."""
        t = self.t
        if not self.case.indicators:
            return []
        rows: list[list[Any]] = [
            self.header_row(
                (
                    t.pgettext("Report", "Family"),
                    t.pgettext("Report", "Indicator"),
                    t.pgettext("Report", "Notes"),
                )
            )
        ]
        for item in self.case.indicators:
            family = item.family.label(t.language) if item.family is not None else ""
            rows.append(
                [
                    self.p(esc(family), self.s.cell),
                    self.p(esc(item.indicator.label(t.language)), self.s.cell),
                    self.p(esc(item.note), self.s.cell),
                ]
            )
        return [
            self.p(esc(t.pgettext("Report", "Trafficking indicators")), self.s.h2),
            _grid(rows, [45 * mm, 70 * mm, FRAME_WIDTH - 115 * mm], header=True),
        ]

    def consent_words(self, person: BundlePerson) -> str:
        t = self.t
        consent = person.consent
        if consent is None:
            if person.consent_required:
                return ""
            return t.pgettext("Report", "none recorded; not required for this role")
        parts = [
            t.pgettext("Report", "version {version}, given {date}").format(
                version=consent.version, date=long_when(consent.given_at, t.language)
            )
        ]
        if consent.method:
            method = _CONSENT_METHOD_WORDS.get(consent.method)
            parts.append(consent.method if method is None else marked(t, method))
        if consent.language:
            parts.append(
                t.pgettext("Report", "language: {language}").format(
                    language=language_words(consent.language, t)
                )
            )
        if consent.interpreter:
            parts.append(
                t.pgettext("Report", "interpreter: {name}").format(name=consent.interpreter)
            )
        if consent.witness:
            parts.append(t.pgettext("Report", "witness: {name}").format(name=consent.witness))
        allowed = ", ".join(sorted(recipient_words(k, t) for k in consent.allowed))
        return t.pgettext("Report", "{details}; allows: {recipients}").format(
            details=", ".join(parts), recipients=allowed
        )

    def person_block(self, person: BundlePerson) -> Flowable:
        t = self.t
        pairs: list[tuple[str, str]] = [
            (t.pgettext("Report", "Person"), f"{person.pseudonym} ({person.person_id})"),
            (t.pgettext("Report", "Role"), self.role(person.role)),
        ]
        pairs += [(self.field_label(k), v) for k, v in person.protected.items()]
        pairs += [(self.field_label(k), self.flag_value(v)) for k, v in person.flags.items()]
        pairs.append((t.pgettext("Report", "Consent"), self.consent_words(person)))
        return KeepTogether([self.kv(pairs)])

    def statements(self) -> list[Flowable]:
        if not self.case.statements:
            return []
        heading = "2. " + self.t.pgettext("Report", "Statements")
        # A new page only when little of this one is left: a forced break after a section's
        # last few lines left pages almost empty.
        story: list[Flowable] = [CondPageBreak(_SECTION_ROOM), self.p(esc(heading), self.s.h1)]
        for number, statement in enumerate(self.case.statements, start=1):
            story += self.statement_block(number, statement)
        return story

    def statement_block(self, number: int, st: BundleStatement) -> list[Flowable]:
        t = self.t
        verbatim = st.kind.lower() == StatementKind.VERBATIM.value
        kind = t.pgettext("Report", "VERBATIM") if verbatim else t.pgettext("Report", "SUMMARY")
        title = t.pgettext("Report", "Statement {id}").format(id=st.statement_id)
        # The title is the person's words for what the statement is about; it leads the heading.
        named = f"2.{number} {title} — {kind}" + (f" — {st.title}" if st.title.strip() else "")
        heading = self.p(esc(named), self.s.h2)
        finalised = when(st.finalised_at)
        if st.finalised_by:
            finalised = t.pgettext("Report", "{time} by {user}").format(
                time=finalised, user=st.finalised_by
            )
        pairs: list[tuple[str, str]] = [
            (
                t.pgettext("Report", "Record"),
                t.pgettext("Report", "verbatim record of the person's words")
                if verbatim
                else t.pgettext(
                    "Report", "summary written by the interviewer, not the person's own words"
                ),
            ),
            (t.pgettext("Report", "Person"), self.person_label(st.person_id)),
            (t.pgettext("Report", "Language"), language_words(st.language, t)),
            (t.pgettext("Report", "Finalised"), finalised),
            (t.pgettext("Report", "Read back"), st.read_back),
            (
                t.pgettext("Report", "File in bundle"),
                self.facts.statement_paths.get(st.statement_id, ""),
            ),
        ]
        iv = st.interview
        if iv is not None:
            pairs += [
                (t.pgettext("Report", "Interview"), f"{iv.interview_id}, {when(iv.started_at)}"),
                (t.pgettext("Report", "Where"), iv.location),
                (t.pgettext("Report", "Interviewer"), iv.interviewer),
                (t.pgettext("Report", "Interpreter"), iv.interpreter),
                (t.pgettext("Report", "Interview language"), language_words(iv.language, t)),
                (t.pgettext("Report", "Present"), ", ".join(iv.present)),
                (t.pgettext("Report", "Breaks"), iv.breaks),
                (t.pgettext("Report", "How recorded"), iv.recording),
            ]
        pseudonymised = self.request.scope.profile is Profile.PSEUDONYMISED
        story: list[Flowable] = [
            CondPageBreak(60 * mm),
            KeepTogether([heading, self.kv(pairs)]),
            self.kv_mono(
                t.pgettext("Report", "SHA-256 of this copy")
                if pseudonymised
                else t.pgettext("Report", "SHA-256 of the finalised text"),
                st.text_sha256,
            ),
        ]
        if pseudonymised and st.statement_id in self.redacted.redacted_statements:
            story.append(
                self.p(
                    esc(
                        t.pgettext(
                            "Report",
                            "Protected identity was removed from this text for this recipient. "
                            "The hash above is that of this redacted copy; the hash of the "
                            "finalised original is not published.",
                        )
                    ),
                    self.s.small,
                )
            )
        elif st.statement_id in self.redacted.redacted_statements:
            story.append(
                self.p(
                    esc(
                        t.pgettext(
                            "Report",
                            "Protected identity was removed from this text for this recipient; "
                            "the hash above is that of the finalised original, not of this copy.",
                        )
                    ),
                    self.s.small,
                )
            )
        story.append(Spacer(1, 2 * mm))
        for block in re.split(r"\n\s*\n", st.text.strip()) or [""]:
            story.append(self.p(esc(block), self.s.statement))
        for addendum in st.addenda:
            title = t.pgettext("Report", "Addendum {id}").format(id=addendum.addendum_id)
            story.append(
                self.p(
                    f"<b>{esc(title)}</b>, {esc(when(addendum.at))}, {esc(addendum.author)}",
                    self.s.small,
                )
            )
            story.append(
                self.kv_mono(
                    t.pgettext("Report", "SHA-256 of this copy of the addendum")
                    if pseudonymised
                    else t.pgettext("Report", "SHA-256 of the addendum"),
                    addendum.text_sha256,
                )
            )
            story.append(self.p(esc(addendum.text), self.s.statement))
        return story

    def evidence(self) -> list[Flowable]:
        if not self.case.evidence:
            return []
        t = self.t
        heading = "3. " + t.pgettext("Report", "Evidence inventory")
        story: list[Flowable] = [CondPageBreak(_SECTION_ROOM), self.p(esc(heading), self.s.h1)]
        header = self.header_row(
            (
                t.pgettext("Report", "No."),
                t.pgettext("Report", "File in bundle"),
                t.pgettext("Report", "Size"),
                "SHA-256",
            )
        )
        rows: list[list[Any]] = [header]
        for item in self.case.evidence:
            rows.append(
                [
                    self.p(esc(item.number), self.s.cell),
                    self.p(esc(self.facts.evidence_paths.get(item.number, "")), self.s.cell),
                    self.p(esc(size_text(item.size, t)), self.s.cell),
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
        t = self.t
        pairs: list[tuple[str, str]] = [
            (t.pgettext("Report", "Kind"), item.kind),
            (t.pgettext("Report", "Original file name"), item.original_filename),
            (t.pgettext("Report", "Type"), item.media_type),
            (t.pgettext("Report", "Size"), size_text(item.size, t)),
            (
                t.pgettext("Report", "File in bundle"),
                self.facts.evidence_paths.get(item.number, ""),
            ),
            *[(self.field_label(k), v) for k, v in item.acquisition.items()],
            *[(self.field_label(k), v) for k, v in item.metadata.items()],
            (t.pgettext("Report", "Notes"), item.notes),
        ]
        if item.number in self.redacted.derived:
            pairs.insert(
                0,
                (
                    t.pgettext("Report", "Copy"),
                    t.pgettext(
                        "Report",
                        "redacted copy made for this recipient (metadata removed, text "
                        "redacted); the SHA-256 is that of the copy",
                    ),
                ),
            )
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
            self.p(f"<b>{esc(t.pgettext('Report', 'Custody log'))}</b>", self.s.small),
        ]
        story.append(self.custody_table(item))
        if item.relevant_messages:
            story.append(self.relevant_messages(item))
        return story

    def relevant_messages(self, item: BundleEvidence) -> Flowable:
        """The chat messages marked relevant, with their ids and times, under their item."""
        t = self.t
        title = t.pgettext("Report", "Messages marked relevant")
        header = (
            t.pgettext("Report", "Message"),
            t.pgettext("Report", "Time"),
            t.pgettext("Report", "Sender"),
            t.pgettext("Report", "Text"),
        )
        rows: list[list[Any]] = [self.header_row(header)]
        assumed = t.pgettext("Report", "time zone assumed: the export gave none")
        for message in item.relevant_messages:
            moment = message.sent_at.replace("T", " ")
            if message.zone_assumed:
                moment += f" ({assumed})"
            text = esc(message.text).replace("\n", "<br/>")
            if message.note:
                note = t.pgettext("Report", "Note: {note}").format(note=message.note)
                text += f"<br/><i>{esc(note)}</i>"
            rows.append(
                [
                    self.p(esc(message.label), self.s.cell),
                    self.p(esc(moment), self.s.cell),
                    self.p(esc(message.sender), self.s.cell),
                    self.p(text, self.s.cell),
                ]
            )
        widths = [34 * mm, 32 * mm, 30 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        return KeepTogether(
            [
                Spacer(1, 2 * mm),
                self.p(f"<b>{esc(title)}</b>", self.s.small),
                _grid(rows, widths, header=True),
            ]
        )

    def custody_table(self, item: BundleEvidence) -> Table:
        t = self.t
        header = (
            t.pgettext("Report", "When"),
            t.pgettext("Report", "Event"),
            t.pgettext("Report", "By"),
            t.pgettext("Report", "From → to"),
            t.pgettext("Report", "Purpose, authority"),
            t.pgettext("Report", "Method"),
            t.pgettext("Report", "Hash"),
        )
        rows: list[list[Any]] = [self.header_row(header)]
        for event in item.custody:
            if not event.hash_observed:
                observed = self.p("—", self.s.cell)
            elif event.hash_observed.lower() == item.sha256.lower():
                observed = self.p(esc(t.pgettext("Report", "matches")), self.s.cell)
            else:
                differs = t.pgettext("Report", "DIFFERS: {hash}").format(hash=event.hash_observed)
                observed = self.p(esc(differs), self.s.mono_cell)
            parties = " → ".join(x for x in (event.from_party, event.to_party) if x)
            purpose = "; ".join(x for x in (event.purpose, event.authority_reference) if x)
            event_words = _EVENT_WORDS.get(event.kind)
            rows.append(
                [
                    self.p(esc(when(event.at)), self.s.cell),
                    self.p(
                        esc(event.kind if event_words is None else marked(t, event_words)),
                        self.s.cell,
                    ),
                    self.p(esc(event.actor), self.s.cell),
                    self.p(esc(parties), self.s.cell),
                    self.p(esc(purpose), self.s.cell),
                    self.p(esc(event.method), self.s.cell),
                    observed,
                ]
            )
        if len(rows) == 1:
            none = t.pgettext("Report", "no events recorded")
            rows.append([self.p(esc(none), self.s.cell)] + [""] * 6)
        # The event column fits the longest event word of every catalogue ("Eveniment", "Подія").
        widths = [24 * mm, 24 * mm, 25 * mm, 29 * mm, 27 * mm, 24 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        return _grid(rows, widths, header=True)

    def checkpoint(self) -> list[Flowable]:
        t = self.t
        heading = "4. " + t.pgettext("Report", "Audit checkpoint")
        story: list[Flowable] = [CondPageBreak(_SECTION_ROOM), self.p(esc(heading), self.s.h1)]
        cp = self.request.checkpoint
        if cp is None:
            story.append(
                self.p(
                    esc(t.pgettext("Report", "No ledger checkpoint was supplied with this export."))
                )
            )
        else:
            story += [
                self.p(
                    esc(
                        t.pgettext(
                            "Report",
                            "Every change in the vault appends an entry to a hash-chained audit "
                            "ledger. At this export the vault signed a checkpoint of that ledger "
                            "with its Ed25519 key; the same checkpoint is in data/case.json and "
                            "can be checked against signature/signer.pem.",
                        )
                    ),
                    self.s.small,
                ),
                Spacer(1, 2 * mm),
                self.kv(
                    [
                        (t.pgettext("Report", "Vault id"), cp.vault_id),
                        (t.pgettext("Report", "Ledger entry"), str(cp.seq)),
                        (t.pgettext("Report", "At"), when(cp.at)),
                    ]
                ),
                self.kv_mono(t.pgettext("Report", "Entry hash"), cp.entry_hash),
                self.kv_mono(
                    t.pgettext("Report", "Signature (Ed25519, base64)"),
                    base64.b64encode(cp.signature).decode(),
                ),
            ]
        excerpt = self.case.audit_excerpt
        if excerpt:
            story.append(
                self.p(
                    esc(t.pgettext("Report", "Ledger entries about the exported items")), self.s.h2
                )
            )
            rows: list[list[Any]] = [
                self.header_row(
                    (
                        t.pgettext("Report", "Entry"),
                        t.pgettext("Report", "At"),
                        t.pgettext("Report", "By"),
                        t.pgettext("Report", "Action"),
                        t.pgettext("Report", "Entry hash (first 16)"),
                    )
                )
            ]
            for run in _autosave_runs(excerpt):
                first, last = run[0], run[-1]
                if len(run) == 1:
                    # Ledger action codes ("evidence.ingested") are evidence: as recorded.
                    action = esc(first.action)
                    seq = str(first.seq)
                else:
                    # A statement typed for an hour autosaves hundreds of times; one line says
                    # so, and the entry range and last hash still lead to every entry.
                    action = esc(
                        t.npgettext(
                            "Report",
                            "{n} autosaved revision between {start} and {end}",
                            "{n} autosaved revisions between {start} and {end}",
                            len(run),
                        ).format(n=len(run), start=_clock(first.at), end=_clock(last.at))
                    )
                    action += f"<br/>{esc(first.subject)}"
                    seq = f"{first.seq}–{last.seq}"
                actors = ", ".join(dict.fromkeys(e.actor for e in run))
                rows.append(
                    [
                        self.p(seq, self.s.cell),
                        self.p(esc(when(first.at)), self.s.cell),
                        self.p(esc(actors), self.s.cell),
                        self.p(action, self.s.cell),
                        self.p(esc(last.entry_hash[:16]), self.s.mono_cell),
                    ]
                )
            story.append(
                _grid(
                    rows, [16 * mm, 32 * mm, 34 * mm, 60 * mm, FRAME_WIDTH - 142 * mm], header=True
                )
            )
        return story

    def methods(self) -> list[Flowable]:
        t = self.t
        story: list[Flowable] = [
            CondPageBreak(90 * mm),
            self.p(esc("5. " + t.pgettext("Report", "Methods and tool versions")), self.s.h1),
        ]
        note = self_signed_note(t) if self.facts.pdf_self_signed else org_cert_note(t)
        paragraphs = [
            t.pgettext(
                "Report",
                "Evidence files were stored encrypted (AES-256-GCM) from the moment they were "
                "added; their SHA-256 was computed from the original bytes at that moment. For "
                "this bundle each original was decrypted, written out byte for byte and hashed "
                "again while being written; the export stops if a single byte differs from the "
                "recorded hash.",
            ),
            t.pgettext(
                "Report",
                "The bundle is a BagIt bag (RFC 8493): manifest-sha256.txt lists the SHA-256 of "
                "every file under data/, tagmanifest-sha256.txt lists those of the other files, "
                "and signature/tagmanifest.sig is an Ed25519 signature over "
                "tagmanifest-sha256.txt by the vault key in signature/signer.pem. One signature "
                "therefore covers every file.",
            ),
            t.pgettext(
                "Report",
                "This report carries a PAdES signature (ETSI.CAdES.detached, SHA-256) made with "
                "an X.509 certificate.",
            )
            + " "
            + note,
            t.pgettext(
                "Report",
                "Times are UTC. Statements are reproduced from their finalised text; corrections "
                "are shown as addenda and never change the finalised text.",
            ),
        ]
        if self.request.scope.profile is Profile.PSEUDONYMISED:
            paragraphs[0] = t.pgettext(
                "Report",
                "Evidence files were stored encrypted (AES-256-GCM) from the moment they were "
                "added. For this pseudonymised bundle each original was decrypted in memory and "
                "a redacted copy made of it: pictures decoded and their pixels encoded again "
                "without any metadata, PDF files rewritten without document information, XMP, "
                "annotations or attachments, text files redacted like the statements. Each copy "
                "was hashed as written; files of which no safe copy can be made are left out.",
            )
        story += [self.p(esc(text), self.s.small) for text in paragraphs]
        story.append(Spacer(1, 3 * mm))
        rows = [
            [self.p(esc(self.field_label(name)), self.s.cell), self.p(esc(version), self.s.cell)]
            for name, version in self.facts.tool_versions
        ]
        story.append(_grid(rows, [60 * mm, FRAME_WIDTH - 60 * mm]))
        return story

    def signatures(self) -> list[Flowable]:
        t = self.t
        author = self.request.author
        line = "_" * 38

        def box(title: str, name: str, organisation: str) -> Table:
            rows = [
                [self.p(f"<b>{esc(title)}</b>", self.s.body), ""],
                [
                    self.p(esc(t.pgettext("Report", "Name")), self.s.cell),
                    self.p(esc(name) or line, self.s.cell),
                ],
                [
                    self.p(esc(t.pgettext("Report", "Organisation")), self.s.cell),
                    self.p(esc(organisation) or line, self.s.cell),
                ],
                [
                    self.p(esc(t.pgettext("Report", "Date and time")), self.s.cell),
                    self.p(line, self.s.cell),
                ],
                [
                    self.p(esc(t.pgettext("Report", "Signature")), self.s.cell),
                    Spacer(1, 14 * mm),
                ],
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
        organisation = self.request.organisation or author.organisation
        return [
            CondPageBreak(120 * mm),
            self.p(esc("6. " + t.pgettext("Report", "Release and receipt")), self.s.h1),
            self.p(
                esc(
                    t.pgettext(
                        "Report",
                        "Released: the bundle identified on the cover was handed over as "
                        "described. Received: the recipient confirms receipt of the bundle with "
                        "the Ed25519 key fingerprint printed on the cover.",
                    )
                ),
                self.s.small,
            ),
            Spacer(1, 4 * mm),
            KeepTogether(box(t.pgettext("Report", "Released by"), author.name, organisation)),
            Spacer(1, 6 * mm),
            KeepTogether(box(t.pgettext("Report", "Received by"), "", recipient.name)),
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


@dataclass(frozen=True)
class _Furniture:
    """The words printed on every page, already in the report's language."""

    case: str
    title: str
    page: str  # a template with {page} and {total}


def _canvas_class(furniture: _Furniture) -> type[Canvas]:
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
            self.drawString(MARGIN, PAGE_HEIGHT - 11 * mm, furniture.case)
            self.drawRightString(PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 11 * mm, furniture.title)
            self.setStrokeColor(colors.HexColor("#9aa3ad"))
            self.setLineWidth(0.4)
            self.line(MARGIN, PAGE_HEIGHT - 12.5 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12.5 * mm)
            self.line(MARGIN, 12.5 * mm, PAGE_WIDTH - MARGIN, 12.5 * mm)
            self.drawString(MARGIN, 9 * mm, furniture.case)
            self.drawRightString(
                PAGE_WIDTH - MARGIN, 9 * mm, furniture.page.format(page=page, total=total)
            )
            self.restoreState()

    return NumberedCanvas


def render_report(redacted: RedactedCase, request: ExportRequest, facts: ReportFacts) -> bytes:
    """The unsigned report as PDF bytes, in ``request.language``."""
    register_fonts()
    t = catalogue(request.language)
    buffer = io.BytesIO()
    reference = _CONTROL.sub("", request.case.reference)
    title = t.pgettext("Report", "Chain-of-custody report")
    case_words = t.pgettext("Report", "Case {reference}").format(reference=reference)
    furniture = _Furniture(
        case=case_words,
        title=f"{title} · {profile_name(request.scope.profile, t)}",
        page=t.pgettext("Report", "page {page} of {total}"),
    )
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{title} {reference}",
        author=_CONTROL.sub("", request.author.name),
        subject=case_words,
        creator="Custodia",
        lang=t.language,
        invariant=0,
    )
    try:
        doc.build(_Report(redacted, request, facts).story(), canvasmaker=_canvas_class(furniture))
    except Exception as exc:
        log.warning("report rendering failed: %s", type(exc).__name__)
        raise ReportError(type(exc).__name__) from exc
    return buffer.getvalue()
