"""Build one bundle from an :class:`~exports.model.ExportRequest`: the whole export pipeline.

scope and consent check → redaction → report.pdf (rendered, PAdES-signed) → case.json and
statements → BagIt bag with every original re-hashed while written → Ed25519 over the tag
manifest → atomic move into place. No vault and no intake here: see ``exports.from_intake``.
"""

from __future__ import annotations

import base64
import concurrent.futures
import hashlib
import json
import logging
import platform
import re
import secrets
import textwrap
import threading
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from exports import signing, timestamp
from exports.bag import SIGNER_PEM, PayloadFile, write_bag
from exports.binding import BINDING_NAME, BoundFile, binding_json
from exports.errors import SigningError, TimestampLostError
from exports.model import (
    BundleCase,
    BundleCustodyEvent,
    BundleEvidence,
    BundlePerson,
    BundleStatement,
    ExportRequest,
    ExportResult,
    Progress,
)
from exports.redaction import DeriveFn, RedactedCase, apply_profile
from exports.report import ReportFacts, render_report, signature_reason
from resources.i18n import catalogue

log = logging.getLogger(__name__)

BUNDLE_FORMAT = "custodia-bundle/1"
SHA256SUM_PAYLOAD = "sha256sum -c manifest-sha256.txt"
SHA256SUM_TAGS = "sha256sum -c tagmanifest-sha256.txt"
OPENSSL_VERIFY = (
    "openssl pkeyutl -verify -pubin -inkey signature/signer.pem -rawin"
    " -in tagmanifest-sha256.txt -sigfile signature/tagmanifest.sig"
)
PDFSIG = "pdfsig data/report.pdf"
# The binding is saved outside the bag: a file added to the folder would make step 6 fail.
PDFDETACH = f"pdfdetach -savefile {BINDING_NAME} -o /tmp/{BINDING_NAME} data/report.pdf"
BINDING_FIELDS = f"grep -E 'ed25519_fingerprint|manifest_without_report_sha256' /tmp/{BINDING_NAME}"
MANIFEST_WITHOUT_REPORT = "grep -v '  data/report.pdf$' manifest-sha256.txt | sha256sum"
MAX_NAME = 80
MAX_NAME_BYTES = 255  # one path component, on every file system a bundle is written to
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name that is safe in a bag, a ZIP and on Windows: no separators, no dot files."""
    name = unicodedata.normalize("NFC", name).strip()
    name = _UNSAFE.sub("_", name).strip("._") or fallback
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10 and stem:
            name = stem[: MAX_NAME - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME]
    return name


def bag_file_name(prefix: str, name: str, limit: int = MAX_NAME_BYTES) -> str:
    """``prefix + name`` within ``limit`` UTF-8 bytes, cut on a character boundary.

    File systems limit a name to 255 bytes, not characters: 63 four-byte letters behind
    "E-0001_" made a name no folder could hold and no ``unzip`` could unpack. The prefix (the
    evidence number) and a short extension are kept; the stem gives way.
    """
    whole = prefix + name
    if len(whole.encode("utf-8")) <= limit:
        return whole
    stem, dot, ext = name.rpartition(".")
    tail = f".{ext}" if dot and stem and 0 < len(ext.encode("utf-8")) <= 16 else ""
    if not tail:
        stem = name
    budget = limit - len(prefix.encode("utf-8")) - len(tail.encode("utf-8"))
    cut = stem.encode("utf-8")[: max(budget, 0)].decode("utf-8", errors="ignore")
    return prefix + (cut.rstrip("._") or "file")[: max(budget, 0)] + tail


def tool_versions(extra: dict[str, str] | None = None) -> list[tuple[str, str]]:
    versions: list[tuple[str, str]] = []
    for dist in ("custodia", "bagit", "reportlab", "pyHanko", "cryptography"):
        try:
            versions.append((dist, metadata.version(dist)))
        except metadata.PackageNotFoundError:
            versions.append((dist, "unknown"))
    versions.append(("Python", platform.python_version()))
    versions.append(("Platform", platform.platform(terse=True)))
    versions += sorted((extra or {}).items())
    return versions


def _custody_json(event: BundleCustodyEvent) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "kind": event.kind,
        "at": event.at,
        "actor": event.actor,
        "from": event.from_party,
        "to": event.to_party,
        "purpose": event.purpose,
        "authority_reference": event.authority_reference,
        "method": event.method,
        "hash_observed": event.hash_observed,
    }


def _person_json(person: BundlePerson) -> dict[str, Any]:
    consent = person.consent
    return {
        "person_id": person.person_id,
        "role": person.role,
        "pseudonym": person.pseudonym,
        "protected": dict(person.protected),
        "flags": dict(person.flags),
        "consent": None
        if consent is None
        else {
            "version": consent.version,
            "given_at": consent.given_at,
            "method": consent.method,
            "language": consent.language,
            "allowed": sorted(k.value for k in consent.allowed),
        },
    }


def _statement_json(st: BundleStatement, path: str, redacted: bool) -> dict[str, Any]:
    iv = st.interview
    return {
        "statement_id": st.statement_id,
        "person_id": st.person_id,
        "kind": st.kind,
        "language": st.language,
        "finalised_at": st.finalised_at,
        "finalised_by": st.finalised_by,
        "read_back": st.read_back,
        "text_sha256": st.text_sha256,
        "file": path,
        "redacted_copy": redacted,
        "interview": None
        if iv is None
        else {
            "interview_id": iv.interview_id,
            "started_at": iv.started_at,
            "location": iv.location,
            "interviewer": iv.interviewer,
            "interpreter": iv.interpreter,
            "language": iv.language,
            "present": list(iv.present),
            "breaks": iv.breaks,
            "recording": iv.recording,
        },
        "addenda": [
            {
                "addendum_id": a.addendum_id,
                "at": a.at,
                "author": a.author,
                "text_sha256": a.text_sha256,
            }
            for a in st.addenda
        ],
    }


def _evidence_json(item: BundleEvidence, path: str) -> dict[str, Any]:
    return {
        "number": item.number,
        "evidence_id": item.evidence_id,
        "kind": item.kind,
        "file": path,
        "original_filename": item.original_filename,
        "media_type": item.media_type,
        "size": item.size,
        "sha256": item.sha256,
        "acquisition": dict(item.acquisition),
        "notes": item.notes,
        "custody": [_custody_json(e) for e in item.custody],
    }


def verify_text(
    request: ExportRequest,
    fingerprint: str,
    pdf_cert_sha256: str,
    trusted_time: timestamp.TimePlan | None = None,
) -> str:
    """VERIFY.txt: what a recipient runs with nothing but sha256sum, openssl and poppler.

    The expected fingerprint comes from the sender by another channel (DESIGN §6.1): nothing
    here prints a value to compare against, because whoever forges a bundle rewrites this file
    too. ``fingerprint`` and ``pdf_cert_sha256`` are therefore not written.

    In the export's language (DESIGN §9). Shell commands, file names and what the tools print
    ("OK", "Signature Verified Successfully") stay as the tools know them: they are placeholders,
    so a translation cannot change them. Sentences are wrapped here, not in the catalogue, so a
    translator never has to count columns.
    """
    t = catalogue(request.language)

    def para(text: str, indent: str = "") -> str:
        return textwrap.fill(
            text, 90, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
        )

    def step(number: int, text: str) -> str:
        return textwrap.fill(
            text,
            90,
            initial_indent=f"{number}. ",
            subsequent_indent="   ",
            break_on_hyphens=False,
        )

    title = t.pgettext("VERIFY.txt", "HOW TO CHECK THIS BUNDLE WITHOUT CUSTODIA")
    fields = [
        (t.pgettext("VERIFY.txt", "Case:"), request.case.reference),
        (t.pgettext("VERIFY.txt", "Bundle id:"), request.bundle_id),
        (t.pgettext("VERIFY.txt", "Created:"), request.created_at),
    ]
    width = max(len(label) for label, _ in fields) + 1
    must_end_ok = t.pgettext("VERIFY.txt", 'each line must end in "{ok}"').format(ok="OK")
    sections = [
        f"{title}\n{'=' * len(title)}",
        "\n".join(f"{label:<{width}}{value}" for label, value in fields),
        para(
            t.pgettext(
                "VERIFY.txt",
                "This folder is a BagIt bag (RFC 8493). Open a terminal in the folder that "
                "contains this file (unzip the bundle first if you received a ZIP) and run the "
                'commands after each "$".',
            )
        ),
        step(
            1,
            t.pgettext("VERIFY.txt", "Every file under data/ is intact ({check}):").format(
                check=must_end_ok
            ),
        ),
        f"   $ {SHA256SUM_PAYLOAD}",
        step(
            2,
            t.pgettext(
                "VERIFY.txt", "The manifest and the other tag files are intact ({check}):"
            ).format(check=must_end_ok),
        ),
        f"   $ {SHA256SUM_TAGS}",
        step(
            3,
            t.pgettext(
                "VERIFY.txt",
                "The tag manifest was signed by the vault key in signature/signer.pem "
                '(must print "{expected}"):',
            ).format(expected="Signature Verified Successfully"),
        ),
        f"   $ {OPENSSL_VERIFY}",
        step(
            4,
            t.pgettext(
                "VERIFY.txt",
                "Who signed it. This prints the fingerprint of the key in signature/signer.pem:",
            ),
        ),
        "   $ openssl pkey -pubin -in signature/signer.pem -outform DER | sha256sum",
        para(
            t.pgettext(
                "VERIFY.txt",
                "Compare it with the fingerprint the sender gives you by another channel: call "
                "them on a number you already know (not one from this bundle) or meet them, and "
                "have them read their fingerprint out. A fingerprint printed anywhere in this "
                "bundle (in this file, the report or case.json) proves nothing: whoever changed "
                "the bundle could change it too. If the two differ, do not rely on this bundle.",
            ),
            "   ",
        ),
        step(
            5,
            t.pgettext(
                "VERIFY.txt",
                "The signed report belongs to this bag. The PDF signature must be valid and "
                'cover the whole report (must print "{valid}" and "{whole}"):',
            ).format(valid="Signature is Valid.", whole="Total document signed"),
        ),
        f"   $ {PDFSIG}",
        para(
            t.pgettext(
                "VERIFY.txt",
                "The report carries {name}, signed with it: the bag's key and every other file. "
                "Save it, then compare:",
            ).format(name=BINDING_NAME),
            "   ",
        ),
        f"   $ {PDFDETACH}",
        f"   $ {BINDING_FIELDS}",
        f"   $ {MANIFEST_WITHOUT_REPORT}",
        para(
            t.pgettext(
                "VERIFY.txt",
                "{fingerprint} must be the fingerprint of step 4, and {digest} the SHA-256 the "
                "last command prints. If either differs, the bag was changed or signed again by "
                "another key after the report was signed.",
            ).format(fingerprint="ed25519_fingerprint", digest="manifest_without_report_sha256"),
            "   ",
        ),
        step(
            6,
            t.pgettext(
                "VERIFY.txt",
                "Nothing was added: every file under data/ must be listed in "
                "manifest-sha256.txt (the two lists must be identical):",
            ),
        ),
        "   $ find data -type f | sort\n   $ cut -c67- manifest-sha256.txt | sort",
        para(
            t.pgettext(
                "VERIFY.txt",
                "Together, steps 1-3 prove that no file listed in the manifests changed since "
                "the key in signature/signer.pem signed them; step 4 proves whose key that is, "
                "but only against a fingerprint from the sender; step 5 proves that the signed "
                "report was made for this very bag; step 6 shows that nothing was slipped in.",
            )
        ),
        para(
            t.pgettext(
                "VERIFY.txt",
                "A PDF reader shows a self-signed certificate, or one from an authority you do "
                'not trust, as "intact, identity not trusted": the report is unchanged since '
                "signing, but the certificate alone does not say who signed it. Its SHA-256 "
                "identifies the sender only if the sender gave it to you by another channel.",
            )
        ),
        t.pgettext("VERIFY.txt", "Custodia users can run:")
        + "  custodia verify "
        + t.pgettext("VERIFY.txt", "<this folder or ZIP>")
        + " --expect-key "
        + t.pgettext("VERIFY.txt", "<the fingerprint the sender gave you>"),
    ]
    # Trusted time (DESIGN §6.3) as the last step, numbered after whatever steps precede it.
    text, commands, note = timestamp.verify_paragraphs(trusted_time or timestamp.TimePlan(), t)
    number = 1 + sum(1 for s in sections if re.match(r"\d+\. ", s))
    sections[-1:-1] = [
        step(number, text) if commands else para(text),
        *(f"   $ {command}" for command in commands),
        *([para(note, "   ")] if note else []),
    ]
    return "\n\n".join(sections) + "\n"


def _paths(redacted: RedactedCase) -> tuple[dict[str, str], dict[str, str]]:
    evidence: dict[str, str] = {}
    for item in redacted.case.evidence:
        evidence[item.number] = "evidence/" + (
            bag_file_name(f"{safe_name(item.number)}_", safe_name(item.original_filename))
            if item.original_filename != item.number
            and not item.original_filename.startswith(item.number + ".")
            else bag_file_name("", safe_name(item.original_filename))
        )
    statements: dict[str, str] = {}
    used: set[str] = set()
    for st in redacted.case.statements:
        base = safe_name(st.statement_id, "statement")
        name = base
        counter = 2
        while name in used:
            name = f"{base}-{counter}"
            counter += 1
        used.add(name)
        statements[st.statement_id] = f"statements/{name}.txt"
    return evidence, statements


def build_bundle(
    request: ExportRequest,
    dest: Path | str,
    *,
    as_zip: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    trusted_time: timestamp.TimePlan | None = None,
    zip_stream: Any = None,
    derive_fn: DeriveFn | None = None,
) -> ExportResult:
    """Check scope and consent, then write the signed bundle at ``dest`` (all or nothing).

    With a reachable TSA in ``trusted_time`` the report's signature gets a timestamp and the bag
    ``signature/tagmanifest.tsr``; if the TSA stops answering midway this raises
    TimestampLostError (nothing is left at ``dest``) and the caller builds again without.
    """
    plan = trusted_time or timestamp.TimePlan()
    redacted = apply_profile(request.case, request.scope, derive_fn=derive_fn)
    case: BundleCase = redacted.case
    if not request.bundle_id or not request.created_at:
        request = replace(
            request,
            bundle_id=request.bundle_id or secrets.token_hex(16),
            created_at=request.created_at
            or datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        )
    public_key = request.keys.ed25519.public_key()
    fingerprint = signing.ed25519_fingerprint(public_key)
    pdf_identity = request.keys.pdf
    cert_sha256 = signing.certificate_sha256(pdf_identity.certificate_der)
    cert_subject = signing.certificate_subject(pdf_identity.certificate_der)
    evidence_paths, statement_paths = _paths(redacted)
    versions = tool_versions(dict(request.tool_versions))
    facts = ReportFacts(
        ed25519_fingerprint=fingerprint,
        pdf_certificate_sha256=cert_sha256,
        pdf_certificate_subject=cert_subject,
        pdf_self_signed=pdf_identity.self_signed,
        tool_versions=versions,
        evidence_paths={k: f"data/{v}" for k, v in evidence_paths.items()},
        statement_paths={k: f"data/{v}" for k, v in statement_paths.items()},
        trusted_time=timestamp.report_sentence(plan, catalogue(request.language)),
    )
    payload: list[PayloadFile] = []
    for st in case.statements:
        path = statement_paths[st.statement_id]
        payload.append(PayloadFile(path, content=st.text.encode("utf-8")))
        for number, addendum in enumerate(st.addenda, start=1):
            payload.append(
                PayloadFile(
                    path.removesuffix(".txt") + f".addendum-{number}.txt",
                    content=addendum.text.encode("utf-8"),
                )
            )
    for item in case.evidence:
        payload.append(PayloadFile(evidence_paths[item.number], evidence=item))
    checkpoint = request.checkpoint
    document: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "bundle_id": request.bundle_id,
        "created_at": request.created_at,
        "profile": request.scope.profile.value,
        "recipient": {
            "kind": request.scope.recipient.kind.value,
            "name": request.scope.recipient.name,
        },
        "purpose": request.scope.purpose,
        "authority_reference": request.scope.authority_reference,
        "author": {
            "name": request.author.name,
            "role": request.author.role,
            "organisation": request.author.organisation,
        },
        "organisation": request.organisation,
        "case": {
            "reference": case.reference,
            "title": case.title,
            "jurisdiction": case.jurisdiction,
            "status": case.status,
            "opened_at": case.opened_at,
            "legal_hold": case.legal_hold,
        },
        "people": [_person_json(p) for p in case.people],
        "statements": [
            _statement_json(
                st,
                f"data/{statement_paths[st.statement_id]}",
                st.statement_id in redacted.redacted_statements,
            )
            for st in case.statements
        ],
        "evidence": [
            _evidence_json(item, f"data/{evidence_paths[item.number]}") for item in case.evidence
        ],
        "withheld": [
            {
                "number": w.number,
                # A partner bundle publishes no original's hash (DESIGN §8): "" there.
                **({"size": w.size, "sha256": w.sha256} if w.sha256 else {}),
                "reason": redacted.withheld_reasons.get(w.number, "identifies_person"),
            }
            for w in redacted.withheld
        ],
        "withheld_statements": [
            {"statement_id": statement_id, "person_id": f.person_id, "reason": f.code.value}
            for f in (redacted.consent.withheld if redacted.consent else ())
            for statement_id in f.statement_ids
        ],
        "court_order": request.scope.court_order,
        "checkpoint": None
        if checkpoint is None
        else {
            "vault_id": checkpoint.vault_id,
            "seq": checkpoint.seq,
            "hash": checkpoint.entry_hash,
            "at": checkpoint.at,
            "signature": base64.b64encode(checkpoint.signature).decode(),
        },
        "signatures": {
            "ed25519_fingerprint": fingerprint,
            "pdf_certificate_sha256": cert_sha256,
            "pdf_certificate_subject": cert_subject,
            "pdf_certificate_self_signed": pdf_identity.self_signed,
        },
        "audit_excerpt": [
            {
                "seq": e.seq,
                "at": e.at,
                "actor": e.actor,
                "action": e.action,
                "subject": e.subject,
                "hash": e.entry_hash,
                "prev_hash": e.prev_hash,
            }
            for e in case.audit_excerpt
        ],
        "tool_versions": dict(versions),
        "trusted_time": timestamp.case_json(plan),
    }
    payload.append(
        PayloadFile(
            "case.json",
            content=json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode(),
        )
    )
    # The report is signed last of the payload: its binding (DESIGN §6.2) names every other
    # payload file. Originals are not written yet: their size and SHA-256 are those recorded
    # at intake, which the bag writer re-checks while writing (a mismatch aborts the export).
    binding = binding_json(
        request.bundle_id,
        fingerprint,
        [
            BoundFile(
                f"data/{f.path}",
                f.size,
                f.evidence.sha256.lower()
                if f.evidence is not None
                else hashlib.sha256(f.content or b"").hexdigest(),
            )
            for f in payload
        ],
    )
    stamped = plan.status is timestamp.TimeStatus.STAMPED

    def signed_report() -> bytes:
        report = render_report(redacted, request, facts)
        try:
            return signing.sign_pdf(
                report,
                pdf_identity,
                reason=signature_reason(request),
                location=request.organisation or request.author.organisation,
                name=request.author.name,
                binding=binding,
                timestamper=timestamp.pdf_timestamper(plan.url) if stamped else None,
            )
        except SigningError as exc:
            if stamped:  # the report already says it has trusted time: the caller builds again
                raise TimestampLostError("pdf") from exc
            raise

    tokens: list[bytes] = []

    def stamp(tagmanifest: bytes) -> bytes | None:
        if not stamped:
            return None
        tokens.append(timestamp.request_token(plan.url, hashlib.sha256(tagmanifest).digest()))
        return tokens[-1]

    organisation = request.organisation or request.author.organisation
    bag_info = {
        "Source-Organization": organisation,
        "Contact-Name": request.author.name,
        "External-Identifier": request.bundle_id,
        "External-Description": f"Custodia chain-of-custody bundle, case {case.reference}",
        "Bagging-Date": request.created_at[:10],
        "Bag-Software-Agent": f"Custodia {dict(versions).get('custodia', '')}",
        "Custodia-Case-Reference": case.reference,
        "Custodia-Profile": request.scope.profile.value,
        "Custodia-Signer-Fingerprint": fingerprint,
    }
    # The report is rendered and signed (and timestamped: a round trip to the TSA) in a thread
    # while the originals are copied, as it needs only their recorded hashes: about 0.3 s of
    # CPU that no longer adds to a 1 GiB export's 1-1.5 s.
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="export-report") as pool:
        report = pool.submit(signed_report)
        payload.insert(0, PayloadFile("report.pdf", produce=report.result))
        result = write_bag(
            Path(dest),
            payload,
            bag_info=bag_info,
            tag_files={
                "VERIFY.txt": verify_text(request, fingerprint, cert_sha256, plan).encode("utf-8"),
                SIGNER_PEM: signing.public_key_pem(public_key),
            },
            sign=lambda data: signing.sign_tagmanifest(request.keys.ed25519, data),
            stamp=stamp,
            as_zip=as_zip,
            progress=progress,
            cancel=cancel,
            zip_stream=zip_stream,  # an encrypted bundle (exports.encryption)
        )
    log.info("bundle %s exported (%d files)", request.bundle_id, result.files)
    return ExportResult(
        path=str(result.path),
        bundle_id=request.bundle_id,
        tagmanifest_sha256=result.tagmanifest_sha256,
        ed25519_fingerprint=fingerprint,
        pdf_certificate_sha256=cert_sha256,
        files=result.files,
        payload_bytes=result.payload_bytes,
        evidence_numbers=tuple(e.number for e in case.evidence),
        withheld_numbers=tuple(w.number for w in redacted.withheld),
        statement_ids=tuple(s.statement_id for s in case.statements),
        timestamp_token=tokens[-1] if tokens else None,
    )
