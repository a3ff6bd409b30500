"""The export wizard's review page: every text a partner bundle would carry, before it leaves.

Each text is shown as it will leave, with the redactions marked and the tokens that still look
like they could identify someone (capitalised words, numbers, dates, handles) highlighted, with
a tooltip saying why. Pictures are listed for the user to look at: text in pixels is not read.
The user ticks one box to confirm; the wizard passes the review's digest to the exporter, which
refuses if the texts changed since and records the confirmation in the audit log.
"""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QTextBrowser, QVBoxLayout, QWidget

from exports.matcher import Span
from exports.review import Review, ReviewText, TextKind
from ui.widgets import plain_label

log = logging.getLogger(__name__)

REDACTION_STYLE = "background-color:#1f2933;color:#ffffff;"
SUSPICIOUS_STYLE = "background-color:#ffe08a;color:#1f2933;border-bottom:2px solid #b7791f;"


def _kind_words(kind: TextKind) -> str:
    translate = QCoreApplication.translate
    words = {
        TextKind.TITLE: translate("ReviewPage", "Case title"),
        TextKind.PERSON: translate("ReviewPage", "Person"),
        TextKind.STATEMENT: translate("ReviewPage", "Statement"),
        TextKind.ADDENDUM: translate("ReviewPage", "Addendum"),
        TextKind.INTERVIEW: translate("ReviewPage", "Interview"),
        TextKind.EVIDENCE_TEXT: translate("ReviewPage", "Evidence text"),
        TextKind.EVIDENCE_DETAILS: translate("ReviewPage", "Evidence details"),
    }
    return words[kind]


def _why(span: Span) -> str:
    translate = QCoreApplication.translate
    words = {
        "capitalised": translate("ReviewPage", "Capitalised word: a name or a place?"),
        "number": translate("ReviewPage", "A number: a phone, a document, an address?"),
        "date": translate("ReviewPage", "A date: a birth date?"),
        "handle": translate("ReviewPage", "A handle, e-mail address or link"),
    }
    return words.get(str(span.kind), "")


def text_html(text: ReviewText) -> str:
    """One text as HTML: redactions dark, suspicious tokens yellow with a tooltip."""
    marks = sorted(
        [(s, REDACTION_STYLE, "") for s in text.redactions]
        + [(s, SUSPICIOUS_STYLE, _why(s)) for s in text.suspicious],
        key=lambda m: m[0].start,
    )
    out: list[str] = []
    last = 0
    for span, style, title in marks:
        if span.start < last:
            continue
        out.append(html.escape(text.text[last : span.start]))
        tip = f' title="{html.escape(title)}"' if title else ""
        out.append(
            f'<span style="{style}"{tip}>{html.escape(text.text[span.start : span.end])}</span>'
        )
        last = span.end
    out.append(html.escape(text.text[last:]))
    return "".join(out).replace("\n", "<br/>")


class ReviewPage(QWidget):
    """Shows a :class:`Review`; ``confirmed`` is whether the user ticked the confirmation."""

    confirmation_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.summary = plain_label("", self)
        self.summary.setObjectName("statusText")
        self.summary.setAccessibleName(self.tr("What the review found"))
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Texts as they will leave, with redactions"))
        self.browser.setOpenLinks(False)
        self.confirm_box = QCheckBox(
            self.tr(
                "I have read every text and looked at every picture: nothing in them "
                "identifies a protected person."
            ),
            self,
        )
        self.confirm_box.setAccessibleName(self.tr("Confirm the review"))
        self.confirm_box.toggled.connect(self.confirmation_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.confirm_box)

    @property
    def confirmed(self) -> bool:
        return self.review is not None and self.confirm_box.isChecked()

    def show_review(self, review: Review) -> None:
        self.review = review
        self.confirm_box.setChecked(False)
        self.summary.setText(
            self.tr(
                "Read each text as the partner will receive it. Dark: removed. Yellow: "
                "still looks like a name, number, date or handle; point at it to see why."
            )
            + "\n"
            + self.tr("%n redaction(s)", "", review.redaction_count)
            + " · "
            + self.tr("%n token(s) to check", "", review.suspicious_count)
        )
        parts = [
            f'<p style="color:#1f2933;"><span style="{REDACTION_STYLE}">&nbsp;[redacted]&nbsp;'
            f"</span> {html.escape(self.tr('removed'))} &nbsp; "
            f'<span style="{SUSPICIOUS_STYLE}">&nbsp;Abc 123&nbsp;</span> '
            f"{html.escape(self.tr('to check'))}</p>"
        ]
        for text in review.texts:
            heading = f"{_kind_words(text.kind)} {text.ref}"
            parts.append(f"<h4>{html.escape(heading)}</h4><p>{text_html(text)}</p>")
        for number in review.pictures:
            parts.append(
                "<p><b>"
                + html.escape(number)
                + "</b>: "
                + html.escape(
                    self.tr(
                        "a picture, sent without its metadata. Look at it yourself: text or "
                        "faces in it are not checked."
                    )
                )
                + "</p>"
            )
        for number in sorted(review.withheld_evidence):
            parts.append(
                f"<p><b>{html.escape(number)}</b>: "
                + html.escape(self.tr("left out: no safe redacted copy can be made."))
                + "</p>"
            )
        for statement_id in review.withheld_statements:
            parts.append(
                f"<p><b>{html.escape(statement_id)}</b>: "
                + html.escape(self.tr("left out: the person's consent does not cover this."))
                + "</p>"
            )
        self.browser.setHtml("".join(parts))
        log.debug("review %s shown", review.short_digest)
