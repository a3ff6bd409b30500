"""The built-in guide, one translatable message per paragraph (context "Guide"), so that a
translator sees it paragraph by paragraph and a changed paragraph is retranslated alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.formatting import QT_TRANSLATE_NOOP

CONTEXT = "Guide"

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Guide", "Doing an intake"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Open the case, or make a new one with Ctrl+N. Add the person under a pseudonym:"
                " the legal name, documents and contacts go into the protected identity, which is"
                " shown only when someone asks for it, with a reason, and every time recorded.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Record consent before anything leaves the vault: who may receive what (police,"
                " prosecutor, court, partner NGO), in which language, with which interpreter and"
                " how it was given. Every export is checked against it.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Add the interview (when, where, who was present, the interpreter, the breaks),"
                " then the statement. Type freely: the text is kept every few seconds, and a"
                " revision is made when you pause, leave the editor or lock.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Read the statement back to the person and record the read-back, then finalise"
                " it. A finalised statement never changes; corrections are added as addenda.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Add evidence by dropping files on the Evidence tab and say how each was"
                " obtained. The original is encrypted and never changes. Viewing it, saving a"
                " working copy or opening it in another application is written into its chain"
                " of custody.",
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Guide", "Exporting"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Export bundle… on the case builds a signed bundle for one recipient. A court or"
                " a prosecutor receives everything; a partner organisation receives a"
                " pseudonymised copy. Consent decides what may go, and the wizard says why"
                " anything stays behind.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Hand the bundle over on an encrypted USB stick, or encrypted to the recipient's"
                " key from the Bundles menu. Never send an unencrypted bundle by e-mail.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Every export is recorded in the chain of custody of each item and in the audit"
                " log.",
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Guide", "What to tell a prosecutor"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "The bundle can be checked without Custodia's vault: with custodia verify, or"
                " with the standard tools that VERIFY.txt names (sha256sum, openssl, pdfsig).",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Read your key fingerprint to the prosecutor by phone or give it in person,"
                " never in the same e-mail or on the same stick as the bundle. The bundle is"
                " confirmed as yours only when that fingerprint matches.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "The report lists each statement with its interview, each item with its hash"
                ' and chain of custody, and who signed it. "Identity not trusted" means your'
                " organisation has not configured its certificate yet; the contents are still"
                " intact.",
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Guide", "When a laptop is lost"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "The vault is encrypted: without a passphrase or the recovery key it cannot be"
                " read, and it locks itself after a few minutes without activity.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "Tell your coordinator at once. The lost copy keeps the passphrases it had:"
                " changing a passphrase now does not change that copy. If a passphrase could be"
                " known (written down, shared, seen), treat the contents as exposed, follow your"
                " organisation's incident procedure and warn the people whose safety may be at"
                " risk.",
            ),
            QT_TRANSLATE_NOOP(
                "Guide",
                "On a new laptop, check the latest backup (Vault → Check a backup…), then"
                " restore it (Vault → Restore a backup…). Keep the recovery key on paper, never"
                " with the laptop.",
            ),
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Guide", "Practising"),
        (
            QT_TRANSLATE_NOOP(
                "Guide",
                "Help → Open the training vault opens a vault holding one clearly fictional case"
                " to practise on. Nothing in it refers to real people; never put a real case"
                " there.",
            ),
        ),
    ),
)


def translated_sections() -> list[tuple[str, list[str]]]:
    """The guide in the interface language."""
    translate = QCoreApplication.translate
    return [
        (translate(CONTEXT, title), [translate(CONTEXT, p) for p in paragraphs])
        for title, paragraphs in SECTIONS
    ]
