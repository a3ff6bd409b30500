"""A small, clearly fictional case in the neutral export model (no vault, no intake)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exports import signing
from exports.model import (
    Author,
    BundleAddendum,
    BundleCase,
    BundleCheckpoint,
    BundleCustodyEvent,
    BundleEvidence,
    BundleInterview,
    BundlePerson,
    BundleStatement,
    Consent,
    ExportRequest,
    ExportScope,
    Profile,
    Recipient,
    RecipientKind,
    SigningKeys,
    bytes_opener,
)
from intake.models import CaseStatus, CustodyEventType, PersonRole, StatementKind
from vault.header import Checkpoint

UKRAINIAN = "Мене привезли до Констанци вночі, і вони забрали мій паспорт."
ROMANIAN = "Am lucrat în seră la Constanța, fără să fiu plătită și fără acte."
LEGAL_NAME = "Oksana Ivanenko-Testova"
BIRTH_DATE = "1999-04-17"
PASSPORT = "FX-123987"
PHONE = "+380501112233"
PROTECTED_VALUES = (LEGAL_NAME, BIRTH_DATE, PASSPORT, PHONE, "Ivanenko-Testova")

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40 + b"fictional photo"
CHAT = "Export of a chat: <b>not markup</b> & 'quotes' — Привіт, ce faci?\n".encode() * 50
PASSPORT_SCAN = b"%PDF-1.4 fictional passport scan " + PASSPORT.encode()

_SIGNING_KEY = Ed25519PrivateKey.generate()
_PDF_IDENTITY = signing.make_self_signed("Custodia test vault", "Fictional NGO")


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def custody(number: str, digest: str) -> tuple[BundleCustodyEvent, ...]:
    return (
        BundleCustodyEvent(
            f"{number}-c1",
            CustodyEventType.COLLECTED,
            "2026-03-01T09:00:00Z",
            "ana.lawyer",
            from_party=f"survivor S-1 ({LEGAL_NAME})",
            to_party="ana.lawyer",
            purpose="case file",
            method="handed over on USB stick",
        ),
        BundleCustodyEvent(
            f"{number}-c2",
            CustodyEventType.INGESTED,
            "2026-03-01T09:05:00Z",
            "ana.lawyer",
            method="Custodia ingest",
            hash_observed=digest,
        ),
        BundleCustodyEvent(
            f"{number}-c3",
            CustodyEventType.VIEWED,
            "2026-03-02T10:00:00Z",
            "ion.investigator",
            purpose="review",
        ),
    )


def sample_case(*, consent: frozenset[RecipientKind] | None = None) -> BundleCase:
    allowed = (
        consent
        if consent is not None
        else frozenset(
            {
                RecipientKind.NGO_INTERNAL,
                RecipientKind.PROSECUTOR,
                RecipientKind.COURT,
                RecipientKind.PARTNER_NGO,
            }
        )
    )
    survivor = BundlePerson(
        "P-1",
        PersonRole.SURVIVOR,
        "Mira",
        protected={
            "Legal name": LEGAL_NAME,
            "Birth date": BIRTH_DATE,
            "Passport": PASSPORT,
            "Phone": PHONE,
        },
        names=(LEGAL_NAME,),
        consent=Consent(
            2, allowed, given_at="2026-02-28T12:00:00Z", method="written", language="uk"
        ),
    )
    suspect = BundlePerson(
        "P-2",
        PersonRole.SUSPECT,
        "Suspect A",
        consent_required=False,
        protected={"Legal name": "Vasile Fictivescu"},
        names=("Vasile Fictivescu",),
    )
    interview = BundleInterview(
        "I-1",
        "2026-02-28T13:00:00Z",
        location="NGO office, Constanța",
        interviewer="ana.lawyer",
        interpreter="Olha (interpreter)",
        language="uk",
        present=("Mira", "ana.lawyer", "Olha (interpreter)"),
        breaks="14:10–14:25",
        recording="typed notes, read back",
    )
    text1 = f"{UKRAINIAN}\n\nМене звати {LEGAL_NAME}. Мій телефон {PHONE}.\n\n{ROMANIAN}"
    text2 = f"{ROMANIAN}\nShe was moved by Vasile Fictivescu. <script>&amp;</script>"
    statements = (
        BundleStatement(
            "S-0001",
            "P-1",
            StatementKind.VERBATIM,
            "uk",
            text1,
            sha(text1.encode()),
            "2026-02-28T15:00:00Z",
            finalised_by="ana.lawyer",
            interview=interview,
            read_back="read back in Ukrainian by the interpreter",
            addenda=(
                BundleAddendum(
                    "A-1",
                    "2026-03-03T08:00:00Z",
                    "ana.lawyer",
                    "Correction: the date was 12 January.",
                    sha(b"Correction: the date was 12 January."),
                ),
            ),
        ),
        BundleStatement(
            "S-0002",
            "P-1",
            StatementKind.SUMMARY,
            "ro",
            text2,
            sha(text2.encode()),
            "2026-02-28T16:00:00Z",
            finalised_by="ana.lawyer",
            interview=interview,
        ),
    )
    evidence = (
        BundleEvidence(
            "ev1",
            "E-0001",
            "photo",
            f"IMG_2041 {LEGAL_NAME}.jpg",
            "image/jpeg",
            len(PHOTO),
            sha(PHOTO),
            bytes_opener(PHOTO),
            acquisition={
                "Acquired": "2026-03-01 09:00 UTC",
                "By": "ana.lawyer",
                "From": LEGAL_NAME,
                "Method": "copied from her phone",
            },
            notes=f"Photo of the greenhouse; {LEGAL_NAME} is not in it.",
            person_ids=("P-1",),
            custody=custody("E-0001", sha(PHOTO)),
        ),
        BundleEvidence(
            "ev2",
            "E-0002",
            "chat",
            "../../etc/chat export (1).txt",
            "text/plain",
            len(CHAT),
            sha(CHAT),
            bytes_opener(CHAT),
            acquisition={"Source URL": "https://example.invalid/" + "x" * 120},
            custody=custody("E-0002", sha(CHAT)),
        ),
        BundleEvidence(
            "ev3",
            "E-0003",
            "identity document",
            "passport.pdf",
            "application/pdf",
            len(PASSPORT_SCAN),
            sha(PASSPORT_SCAN),
            bytes_opener(PASSPORT_SCAN),
            person_ids=("P-1", "P-2"),
            identifies_person=True,
            custody=custody("E-0003", sha(PASSPORT_SCAN)),
        ),
    )
    return BundleCase(
        "RO-2026-0042",
        "Greenhouse labour, Constanța (fictional)",
        jurisdiction="Romania",
        status=CaseStatus.OPEN,
        people=(survivor, suspect),
        statements=statements,
        evidence=evidence,
    )


def checkpoint() -> BundleCheckpoint:
    cp = Checkpoint("0" * 32, 17, "ab" * 32, "2026-03-04T10:00:00.000000Z")
    return BundleCheckpoint(
        cp.vault_id, cp.seq, cp.entry_hash, cp.at, _SIGNING_KEY.sign(cp.signed_bytes())
    )


def request(
    case: BundleCase | None = None,
    *,
    profile: Profile = Profile.COURT,
    recipient: RecipientKind = RecipientKind.PROSECUTOR,
) -> ExportRequest:
    return ExportRequest(
        case=case or sample_case(),
        scope=ExportScope(
            Recipient(recipient, "Parchetul Constanța (fictional)"),
            profile,
            purpose="criminal proceedings",
            authority_reference="dosar 123/P/2026",
        ),
        author=Author("Ana Lawyer", "lawyer", "Fictional NGO"),
        organisation="Fictional NGO",
        keys=SigningKeys(_SIGNING_KEY, _PDF_IDENTITY),
        checkpoint=checkpoint(),
    )


def public_fingerprint() -> str:
    return signing.ed25519_fingerprint(_SIGNING_KEY.public_key())


def all_bag_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())
