"""The words of a verification, from the verifier's codes: one table for every interface.

The command line (``custodia verify``) and the app's verify window both say what
:func:`exports.verify.verify_bundle` found through this module, in the current language of
``resources.i18n`` (the app switches it together with Qt's). Qt-free: the command line never
loads Qt. Parameters are facts from the bundle (paths, line numbers, fingerprints) or, for
"reason", a library's English words; callers escape them for their medium.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from exports.verify import Check, CheckCode, FactCode, Verdict, VerdictCode
from resources.i18n import NC_, npgettext, pgettext

log = logging.getLogger(__name__)

CONTEXT = "VerifyWindow"  # the words were the window's first; their translations are kept

# What each check means; a variant (code, parameter, value) wins over the plain code. %1 and
# %2 stand for the parameters named in _PARAMS.
_CHECKS: dict[CheckCode, str] = {
    CheckCode.FILE_OK: NC_("VerifyWindow", "SHA-256 matches the manifest"),
    CheckCode.FILE_HASH_MISMATCH: NC_(
        "VerifyWindow", "SHA-256 differs from the manifest: the file was changed"
    ),
    CheckCode.FILE_MISSING: NC_("VerifyWindow", "is missing"),
    CheckCode.FILE_UNEXPECTED: NC_(
        "VerifyWindow", "is not listed in any manifest: the file was added"
    ),
    CheckCode.FILE_UNPROTECTED: NC_("VerifyWindow", "is not covered by the tag manifest"),
    CheckCode.FILE_UNREADABLE: NC_("VerifyWindow", "cannot be read"),
    CheckCode.FILE_UNSAFE: NC_("VerifyWindow", "refused as unsafe: %1"),
    CheckCode.FILE_LINK: NC_("VerifyWindow", "is a symbolic link (not followed)"),
    CheckCode.FILE_SPECIAL: NC_("VerifyWindow", "is not a regular file"),
    CheckCode.BAGIT_OK: NC_("VerifyWindow", "BagIt declaration present"),
    CheckCode.BAGIT_MALFORMED: NC_("VerifyWindow", "is not a BagIt declaration"),
    CheckCode.BAG_INFO_OK: NC_("VerifyWindow", "the payload size and file count match"),
    CheckCode.BAG_INFO_OXUM: NC_("VerifyWindow", "the payload size or file count does not match"),
    CheckCode.MANIFEST_MALFORMED: NC_("VerifyWindow", "line %1 is malformed"),
    CheckCode.MANIFEST_UNSAFE_PATH: NC_("VerifyWindow", "line %1 names an unsafe path"),
    CheckCode.MANIFEST_DUPLICATE: NC_("VerifyWindow", "line %1 lists %2 twice"),
    CheckCode.MANIFEST_OUTSIDE: NC_("VerifyWindow", "lists %1, which it may not"),
    CheckCode.SIGNATURE_OK: NC_(
        "VerifyWindow", "the Ed25519 signature over the tag manifest is valid"
    ),
    CheckCode.SIGNATURE_INVALID: NC_(
        "VerifyWindow",
        "the Ed25519 signature does not match the tag manifest "
        "(manifest altered or signature replaced)",
    ),
    CheckCode.SIGNATURE_BAD_KEY: NC_("VerifyWindow", "is not an Ed25519 public key"),
    CheckCode.CASE_JSON_KEY_OK: NC_("VerifyWindow", "records the same signer key"),
    CheckCode.CASE_JSON_KEY_MISMATCH: NC_("VerifyWindow", "records a different signer key"),
    CheckCode.CASE_JSON_MALFORMED: NC_("VerifyWindow", "is malformed"),
    CheckCode.CASE_JSON_BUNDLE_MISMATCH: NC_(
        "VerifyWindow", "names a different bundle than the signed report"
    ),
    CheckCode.CHECKPOINT_OK: NC_("VerifyWindow", "the signed audit checkpoint is valid"),
    CheckCode.CHECKPOINT_INVALID: NC_(
        "VerifyWindow", "the audit checkpoint's signature does not verify"
    ),
    CheckCode.CHECKPOINT_MISSING: NC_("VerifyWindow", "no audit checkpoint is recorded"),
    CheckCode.CHECKPOINT_MALFORMED: NC_("VerifyWindow", "the audit checkpoint is malformed"),
    CheckCode.CHECKPOINT_NO_KEY: NC_(
        "VerifyWindow", "the audit checkpoint cannot be checked without the signer key"
    ),
    CheckCode.PDF_SELF_SIGNED: NC_(
        "VerifyWindow",
        "the PDF signature is intact and covers the whole file "
        "(self-signed certificate: intact, identity not trusted)",
    ),
    CheckCode.PDF_UNTRUSTED: NC_(
        "VerifyWindow",
        "the PDF signature is intact and covers the whole file (certificate from an "
        "authority you have not chosen to trust: intact, identity not trusted)",
    ),
    CheckCode.PDF_ORGANISATION: NC_(
        "VerifyWindow",
        "the PDF signature is intact and covers the whole file (organisation certificate, "
        "validated to your trust root)",
    ),
    CheckCode.PDF_SIGNATURE_INVALID: NC_(
        "VerifyWindow", "the PDF signature is broken: the document changed after signing"
    ),
    CheckCode.PDF_CERTIFICATE_OK: NC_(
        "VerifyWindow", "the certificate matches the one recorded in case.json"
    ),
    CheckCode.PDF_CERTIFICATE_MISMATCH: NC_(
        "VerifyWindow", "the certificate differs from the one recorded in case.json"
    ),
    CheckCode.EVIDENCE_RECORD_MISMATCH: NC_(
        "VerifyWindow", "the manifest hash differs from the hash recorded at intake"
    ),
    CheckCode.BINDING_OK: NC_(
        "VerifyWindow", "the signed report names this bag's key and its %1 other files"
    ),
    CheckCode.BINDING_MISSING: NC_(
        "VerifyWindow", "the signed report carries no readable list of the bag's files"
    ),
    CheckCode.BINDING_KEY_MISMATCH: NC_(
        "VerifyWindow",
        "the signed report names another signer key: the bag was signed again by someone else",
    ),
    CheckCode.BINDING_BUNDLE_MISMATCH: NC_(
        "VerifyWindow", "the signed report was made for another bundle"
    ),
    CheckCode.BINDING_FILE_MISMATCH: NC_(
        "VerifyWindow", "differs from the file the signed report names: the file was replaced"
    ),
    CheckCode.BINDING_FILE_UNBOUND: NC_(
        "VerifyWindow", "is not named by the signed report: the file was added"
    ),
    CheckCode.BINDING_FILE_ABSENT: NC_(
        "VerifyWindow", "is named by the signed report but is not in the bag"
    ),
    CheckCode.SENDER_KEY_MISMATCH: NC_(
        "VerifyWindow", "the bundle is not signed by the key you expect (%1)"
    ),
    CheckCode.SENDER_CONFIRMED: NC_("VerifyWindow", "from %1"),
    CheckCode.SENDER_UNCONFIRMED: NC_("VerifyWindow", "the sender is not confirmed"),
    CheckCode.MORE_PROBLEMS: NC_("VerifyWindow", "and %1 more problems of the same kind"),
    CheckCode.TIMESTAMP_OK: NC_(
        "VerifyWindow",
        "timestamp by %1 at %2 matches the tag manifest (the authority was not checked "
        "against one you trust)",
    ),
    CheckCode.TIMESTAMP_TRUSTED: NC_(
        "VerifyWindow",
        "timestamp by %1 at %2 matches the tag manifest; the TSA is one you trust",
    ),
    CheckCode.TIMESTAMP_UNTRUSTED: NC_(
        "VerifyWindow", "the timestamp by %1 is not from an authority you trust"
    ),
    CheckCode.TIMESTAMP_MISMATCH: NC_(
        "VerifyWindow",
        "the timestamp is for other data than this tag manifest: changed after stamping",
    ),
    CheckCode.TIMESTAMP_INVALID: NC_(
        "VerifyWindow", "the timestamp token's signature does not verify"
    ),
    CheckCode.TIMESTAMP_MALFORMED: NC_(
        "VerifyWindow", "is not a readable RFC 3161 timestamp token"
    ),
    CheckCode.UNREADABLE: NC_("VerifyWindow", "cannot be read: %1"),
    CheckCode.NOT_A_BUNDLE: NC_("VerifyWindow", "is not a BagIt bundle"),
    CheckCode.UNSAFE_ARCHIVE: NC_("VerifyWindow", "refused as unsafe: %1"),
}
_VARIANTS: dict[tuple[CheckCode, str, str], str] = {
    (CheckCode.FILE_MISSING, "listed", "yes"): NC_("VerifyWindow", "is listed but missing"),
    (CheckCode.FILE_UNEXPECTED, "where", "outside_bag"): NC_(
        "VerifyWindow", "is outside the bundle folder"
    ),
    (CheckCode.BAG_INFO_OXUM, "problem", "absent"): NC_(
        "VerifyWindow", "the payload size and file count are not recorded"
    ),
    (CheckCode.MANIFEST_MALFORMED, "problem", "encoding"): NC_("VerifyWindow", "is not UTF-8 text"),
    (CheckCode.MANIFEST_OUTSIDE, "problem", "not_data"): NC_(
        "VerifyWindow", "lists %1, which is not under data/"
    ),
    (CheckCode.CASE_JSON_MALFORMED, "problem", "object"): NC_(
        "VerifyWindow", "is not a JSON object"
    ),
    (CheckCode.CASE_JSON_MALFORMED, "problem", "evidence"): NC_(
        "VerifyWindow", "has a malformed evidence entry"
    ),
    (CheckCode.CASE_JSON_MALFORMED, "problem", "too_complex"): NC_(
        "VerifyWindow", "is far too complex to be a case description (refused unread)"
    ),
    (CheckCode.PDF_SIGNATURE_INVALID, "problem", "multiple"): NC_(
        "VerifyWindow", "the PDF has more than one signature"
    ),
    (CheckCode.PDF_SIGNATURE_INVALID, "problem", "partial"): NC_(
        "VerifyWindow", "the PDF signature does not cover the whole file"
    ),
    (CheckCode.PDF_SIGNATURE_INVALID, "problem", "other"): NC_(
        "VerifyWindow", "the PDF signature is not valid: %1"
    ),
    (CheckCode.SENDER_CONFIRMED, "by", "key"): NC_(
        "VerifyWindow", "from the sender whose fingerprint you gave"
    ),
    (CheckCode.SENDER_CONFIRMED, "by", "known"): NC_("VerifyWindow", "from %1, a known sender"),
    (CheckCode.SENDER_CONFIRMED, "by", "trust_root"): NC_(
        "VerifyWindow", "from %1, whose certificate your trust root issued"
    ),
}
# Which parameter stands for %1 and %2 in a code's words.
_PARAMS: dict[CheckCode, tuple[str, ...]] = {
    CheckCode.FILE_UNSAFE: ("reason",),
    CheckCode.MANIFEST_MALFORMED: ("line",),
    CheckCode.MANIFEST_UNSAFE_PATH: ("line",),
    CheckCode.MANIFEST_DUPLICATE: ("line", "path"),
    CheckCode.MANIFEST_OUTSIDE: ("path",),
    CheckCode.PDF_SIGNATURE_INVALID: ("reason",),
    CheckCode.BINDING_OK: ("count",),
    CheckCode.SENDER_KEY_MISMATCH: ("expected",),
    CheckCode.SENDER_CONFIRMED: ("name",),
    CheckCode.MORE_PROBLEMS: ("count",),
    CheckCode.TIMESTAMP_OK: ("tsa", "time"),
    CheckCode.TIMESTAMP_TRUSTED: ("tsa", "time"),
    CheckCode.TIMESTAMP_UNTRUSTED: ("tsa",),
    CheckCode.UNREADABLE: ("reason",),
    CheckCode.UNSAFE_ARCHIVE: ("reason",),
}

_FACTS: dict[FactCode, str] = {
    FactCode.CASE: NC_("VerifyWindow", "Case"),
    FactCode.SIGNER_KEY: NC_("VerifyWindow", "Signer key (Ed25519) SHA-256"),
    FactCode.CHECKPOINT: NC_("VerifyWindow", "Audit checkpoint"),
    FactCode.PDF_SIGNER: NC_("VerifyWindow", "PDF signer"),
    FactCode.PDF_CERTIFICATE: NC_("VerifyWindow", "PDF certificate SHA-256"),
    FactCode.BUNDLE_ID: NC_("VerifyWindow", "Bundle id"),
    FactCode.CREATED: NC_("VerifyWindow", "Created"),
    FactCode.PROFILE: NC_("VerifyWindow", "Profile"),
    FactCode.TRUSTED_TIME: NC_("VerifyWindow", "Trusted time (RFC 3161)"),
    FactCode.CLAIMED_TIME: NC_(
        "VerifyWindow", "Time claimed by a timestamp (its TSA is not checked: use --tsa-root)"
    ),
}

#: The three outcomes an interface colours (and unreadable, shown like not intact).
TONE = {
    VerdictCode.INTACT: "ok",
    VerdictCode.UNCONFIRMED: "unconfirmed",
    VerdictCode.NOT_INTACT: "bad",
    VerdictCode.UNREADABLE: "bad",
}


def check_words(check: Check) -> str:
    """What one check found, in the current language (without its subject)."""
    template = _CHECKS.get(check.code)
    params: Mapping[str, str] = check.params
    for (variant, key, value), text in _VARIANTS.items():
        if variant is check.code and params.get(key) == value:
            template = text
            break
    if template is None:
        return check.detail  # a code this table does not know yet: the verifier's English
    words = pgettext(CONTEXT, template)
    for number, key in enumerate(_PARAMS.get(check.code, ()), start=1):
        words = words.replace(f"%{number}", params.get(key, ""))
    return words


def fact_label(code: FactCode) -> str:
    label = _FACTS.get(code)
    return pgettext(CONTEXT, label) if label else str(code)


def fact_value(code: FactCode, value: str) -> str:
    """A fact's value as said to a person: the verifier's "none" in the reader's language."""
    if code is FactCode.TRUSTED_TIME and value == "none":
        return pgettext(CONTEXT, "none: the times in this bundle are the sending computer's clock")
    return value


def headline(verdict: Verdict) -> str:
    """The verdict in one sentence: the three outcomes, or "not a readable bundle"."""
    code = verdict.code
    if code is VerdictCode.UNREADABLE:
        return pgettext(CONTEXT, "NOT A READABLE BUNDLE: nothing could be checked.")
    if code is VerdictCode.NOT_INTACT:
        count = len(verdict.problems)
        return npgettext(
            CONTEXT,
            "NOT INTACT: {count} problem found.",
            "NOT INTACT: {count} problems found.",
            count,
        ).format(count=count)
    count = len(verdict.checks)
    if code is VerdictCode.UNCONFIRMED:
        return npgettext(
            CONTEXT,
            "INTACT, SENDER NOT CONFIRMED: {count} check passed.",
            "INTACT, SENDER NOT CONFIRMED: {count} checks passed.",
            count,
        ).format(count=count)
    sender = check_words(verdict.sender) if verdict.sender is not None else ""
    return npgettext(
        CONTEXT,
        "INTACT, {sender}: {count} check passed.",
        "INTACT, {sender}: {count} checks passed.",
        count,
    ).format(sender=sender, count=count)


def advice(verdict: Verdict) -> str:
    """What the reader should do next, for each outcome."""
    code = verdict.code
    if code is VerdictCode.INTACT:
        return pgettext(
            CONTEXT, "The bundle is unchanged since its sender signed it, and you know the sender."
        )
    if code is VerdictCode.UNCONFIRMED:
        return pgettext(
            CONTEXT,
            "Nothing was changed since it was signed, but nothing you know says who signed it: "
            "a forger can make a bundle that is intact too. Call the sender on a number you "
            "already know (not one from this bundle) and have them read out both fingerprints "
            "below. Only if both agree, add them as a known sender.",
        )
    if code is VerdictCode.NOT_INTACT:
        return pgettext(CONTEXT, "Do not rely on this bundle; ask the sender for a new copy.")
    return pgettext(CONTEXT, "Check that you chose the bundle folder or ZIP file itself.")


def unconfirmed_fingerprints(verdict: Verdict) -> list[tuple[str, str]]:
    """(label, fingerprint) pairs to read out with the sender; empty unless unconfirmed."""
    if verdict.code is not VerdictCode.UNCONFIRMED or verdict.sender is None:
        return []
    key, certificate = verdict.sender_fingerprints
    pairs = [(FactCode.SIGNER_KEY, key), (FactCode.PDF_CERTIFICATE, certificate)]
    return [(fact_label(code), value) for code, value in pairs if value]


__all__ = [
    "TONE",
    "advice",
    "check_words",
    "fact_label",
    "headline",
    "unconfirmed_fingerprints",
]
