"""Trusted time (DESIGN §6.3): RFC 3161 timestamp tokens, asked for and checked. No vault here.

A token is the timestamp authority's signed statement that a SHA-256 digest existed at its
``genTime``. Custodia asks for one over ``tagmanifest-sha256.txt`` (``signature/tagmanifest.tsr``,
checkable with ``openssl ts -verify``), one inside the report's PAdES signature, and one per audit
checkpoint. The vault's own clock is never presented as trusted time: only a token is.

Requests go over HTTP with :mod:`urllib` through pyHanko's :class:`TimeStamper` (which builds the
request with a nonce and checks the reply's status, nonce and imprint), so the same client serves
the tag manifest, the checkpoints and pyHanko's PDF signer, with one timeout and one size limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from asn1crypto import cms, tsp  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko.sign.validation.generic_cms import validate_tst_signed_data
from pyhanko_certvalidator import ValidationContext

from exports.errors import TimestampLostError
from resources.i18n import Catalogue

log = logging.getLogger(__name__)

TOKEN_PATH = "signature/tagmanifest.tsr"  # noqa: S105 - a file name, not a secret
TIMEOUT = 10.0  # seconds per request: an unreachable TSA must not hold an export for long
MAX_REPLY = 1 << 20  # a real reply is a few KiB; anything larger is refused unread
TOKEN_LIMIT = 1 << 20
QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
_DIGESTS = {"sha256", "sha384", "sha512"}


class TimeStatus(StrEnum):
    """What a bundle says about its trusted time (case.json ``trusted_time.status``)."""

    STAMPED = "stamped"  # a token over the tag manifest is in the bundle
    QUEUED = "queued"  # a TSA is configured but did not answer: the request waits in the vault
    NOT_CONFIGURED = "not_configured"  # no TSA configured: the bundle has no trusted time


@dataclass(frozen=True)
class TimePlan:
    """Trusted time for one export, decided before the report is written (the report, VERIFY.txt
    and case.json all say what the bundle has, and the token is asked for after them)."""

    url: str = ""  # the configured TSA; "" when none is
    reachable: bool = False  # it answered just before this export: ask it for the tokens

    @property
    def status(self) -> TimeStatus:
        if not self.url:
            return TimeStatus.NOT_CONFIGURED
        return TimeStatus.STAMPED if self.reachable else TimeStatus.QUEUED


def valid_url(url: str) -> bool:
    parts = urllib.parse.urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.hostname)


class UrlTimeStamper(TimeStamper):
    """pyHanko's RFC 3161 client, posting with :mod:`urllib` (a hard size limit, no session)."""

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        super().__init__(include_nonce=True)  # type: ignore[no-untyped-call]
        self.url = url
        self.timeout = timeout
        self.reply = b""

    def _post(self, body: bytes) -> Any:
        # valid_url admitted only http(s) when the URL was stored.
        request = urllib.request.Request(  # noqa: S310
            self.url, data=body, method="POST", headers={"Content-Type": QUERY_TYPE}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                if response.headers.get_content_type() != REPLY_TYPE:
                    raise TimestampRequestError("not a timestamp reply")
                data = response.read(MAX_REPLY + 1)
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused, bad URL
            raise TimestampRequestError(type(exc).__name__) from exc
        if len(data) > MAX_REPLY:
            raise TimestampRequestError("reply too large")
        self.reply = data  # kept verbatim: the bundle carries the TSA's own reply (.tsr)
        return tsp.TimeStampResp.load(data)

    async def async_request_tsa_response(self, req: Any) -> Any:
        return await asyncio.to_thread(self._post, req.dump())


def request_token(url: str, digest: bytes, *, timeout: float = TIMEOUT) -> bytes:
    """The TSA's DER reply (a granted TimeStampResp, as ``openssl ts -verify -in`` reads it) over
    the SHA-256 ``digest``; TimestampLostError when there is none."""
    stamper = UrlTimeStamper(url, timeout)
    try:
        # pyHanko checks the status, the nonce and that the token is for this digest.
        asyncio.run(stamper.async_timestamp(digest, "sha256"))
        info = token_info(stamper.reply)
    except Exception as exc:
        log.info("timestamp authority did not answer (%s)", type(exc).__name__)
        raise TimestampLostError(type(exc).__name__) from exc
    if info.imprint != digest:
        raise TimestampLostError("token for another digest")
    return stamper.reply


def pdf_timestamper(url: str, *, timeout: float = TIMEOUT) -> TimeStamper:
    """The timestamper pyHanko's PdfSigner adds as the PAdES signature timestamp."""
    return UrlTimeStamper(url, timeout)


# Reading and checking tokens -------------------------------------------------------------------


@dataclass(frozen=True)
class TokenInfo:
    gen_time: str  # ISO 8601 UTC, as the TSA stated it
    tsa: str  # the TSA's name: the signing certificate's subject (else TSTInfo's tsa field)
    imprint_algorithm: str
    imprint: bytes
    serial: str


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _signed_data(token: bytes) -> Any:
    """The token's SignedData, from a TSA reply (TimeStampResp) or a bare token (ContentInfo)."""
    try:
        reply = tsp.TimeStampResp.load(token, strict=True)
        status = reply["status"]["status"].native
        info = reply["time_stamp_token"]
    except (ValueError, TypeError, KeyError):
        info = cms.ContentInfo.load(token, strict=True)
    else:
        if status not in ("granted", "granted_with_mods"):
            raise ValueError("not granted")
    if info["content_type"].native != "signed_data":
        raise ValueError("not signed data")
    return info["content"]


def _subject(cert: Any) -> str:
    # The same form as the PDF signer's subject elsewhere in Custodia ("CN=…,O=…").
    return x509.load_der_x509_certificate(cert.dump()).subject.rfc4514_string()


def _signer_subject(signed: Any) -> str:
    sid = signed["signer_infos"][0]["sid"]
    for choice in signed["certificates"] or ():
        cert = choice.chosen
        if not isinstance(cert, asn1_x509.Certificate):
            continue
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if (
                cert.issuer == wanted["issuer"]
                and cert.serial_number == wanted["serial_number"].native
            ):
                return _subject(cert)
        elif cert.key_identifier == sid.chosen.native:
            return _subject(cert)
    return ""


def token_info(token: bytes) -> TokenInfo:
    """What a token states (not yet checked). Raises ValueError for anything malformed."""
    if len(token) > TOKEN_LIMIT:
        raise ValueError("token too large")
    try:
        signed = _signed_data(token)
        content = signed["encap_content_info"]["content"].parsed
        if not isinstance(content, tsp.TSTInfo):
            raise ValueError("not a timestamp token")
        imprint = content["message_imprint"]
        tsa = _signer_subject(signed)
        if not tsa and content["tsa"].native is not None:
            tsa = str(content["tsa"].chosen.human_friendly)
        return TokenInfo(
            gen_time=_iso(content["gen_time"].native),
            tsa=tsa,
            imprint_algorithm=str(imprint["hash_algorithm"]["algorithm"].native),
            imprint=bytes(imprint["hashed_message"].native),
            serial=str(content["serial_number"].native),
        )
    except ValueError:
        raise
    except Exception as exc:
        raise ValueError(type(exc).__name__) from exc


class TokenProblem(StrEnum):
    NONE = ""
    MALFORMED = "malformed"
    MISMATCH = "mismatch"  # the token is for other data than the tag manifest
    SIGNATURE = "signature"  # the token's signature does not verify with its certificate
    UNTRUSTED = "untrusted"  # roots were given and the TSA's chain does not reach one


@dataclass(frozen=True)
class TokenCheck:
    problem: TokenProblem
    gen_time: str = ""
    tsa: str = ""
    #: None when no TSA roots were given: whether the TSA is trusted is the recipient's call.
    trusted: bool | None = None

    @property
    def ok(self) -> bool:
        return self.problem is TokenProblem.NONE


@contextlib.contextmanager
def quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs an untrusted chain as a warning with a traceback; a self-signed certificate
    or a TSA the recipient did not choose is expected here."""
    loggers = [logging.getLogger(n) for n in ("pyhanko", "pyhanko_certvalidator")]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for lg, level in zip(loggers, levels, strict=True):
            lg.setLevel(level)


def check_token(token: bytes, data: bytes, trust_roots: Sequence[bytes] = ()) -> TokenCheck:
    """Check that ``token`` is over ``data`` and signed by the certificate it carries.

    With ``trust_roots`` (DER certificates the recipient chose), the TSA's chain must also reach
    one of them. Never raises for a hostile token: a problem code says what is wrong.
    """
    try:
        info = token_info(token)
    except ValueError:
        return TokenCheck(TokenProblem.MALFORMED)
    if info.imprint_algorithm not in _DIGESTS:
        return TokenCheck(TokenProblem.MALFORMED, info.gen_time, info.tsa)
    if hashlib.new(info.imprint_algorithm, data).digest() != info.imprint:
        return TokenCheck(TokenProblem.MISMATCH, info.gen_time, info.tsa)
    try:
        roots = [asn1_x509.Certificate.load(r) for r in trust_roots]
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        with quiet_pyhanko():
            status = asyncio.run(
                validate_tst_signed_data(
                    _signed_data(token),
                    context,
                    lambda algorithm: hashlib.new(algorithm, data).digest(),
                )
            )
    except Exception as exc:  # noqa: BLE001 - hostile tokens raise anything; we give a verdict
        log.info("timestamp token could not be validated: %s", type(exc).__name__)
        return TokenCheck(TokenProblem.SIGNATURE, info.gen_time, info.tsa)
    if not (status.get("intact") and status.get("valid")):
        return TokenCheck(TokenProblem.SIGNATURE, info.gen_time, info.tsa)
    if not trust_roots:
        return TokenCheck(TokenProblem.NONE, info.gen_time, info.tsa)
    trusted = status.get("trust_problem_indic") is None and status.get("validation_path")
    if not trusted:
        return TokenCheck(TokenProblem.UNTRUSTED, info.gen_time, info.tsa, trusted=False)
    return TokenCheck(TokenProblem.NONE, info.gen_time, info.tsa, trusted=True)


# Words ---------------------------------------------------------------------------------------
# Each sentence says what the bundle has; none presents the vault's clock as trusted time.

OPENSSL_TS_VERIFY = (
    f"openssl ts -verify -data tagmanifest-sha256.txt -in {TOKEN_PATH} -CAfile tsa-ca.pem"
)
OPENSSL_TS_TIME = f"openssl ts -reply -in {TOKEN_PATH} -text | grep -i 'time stamp'"


def report_sentence(plan: TimePlan, t: Catalogue) -> str:
    """The report's "Trusted time" line."""
    if plan.status is TimeStatus.STAMPED:
        return t.pgettext(
            "Report",
            "The PDF signature carries an RFC 3161 timestamp from the timestamp authority at "
            "{url}, and signature/tagmanifest.tsr in the bundle holds its token over the tag "
            "manifest. Only these timestamps are trusted time; the dates in this report are the "
            "sending computer's clock.",
        ).format(url=plan.url)
    if plan.status is TimeStatus.QUEUED:
        return t.pgettext(
            "Report",
            "None. This bundle has no trusted time: the timestamp authority at {url} did not "
            "answer when it was exported, and the request waits in the sender's vault. The "
            "dates in this report are the sending computer's clock, which anyone with access "
            "to that computer could have set.",
        ).format(url=plan.url)
    return t.pgettext(
        "Report",
        "None. This bundle has no trusted time: no timestamp authority is configured. The dates "
        "in this report are the sending computer's clock, which anyone with access to that "
        "computer could have set.",
    )


def case_json(plan: TimePlan) -> dict[str, Any]:
    """case.json's ``trusted_time`` field (machine-readable, with its English sentence)."""
    words = {
        TimeStatus.STAMPED: "RFC 3161 timestamp token over tagmanifest-sha256.txt in "
        f"{TOKEN_PATH}; the PDF signature carries a signature timestamp.",
        TimeStatus.QUEUED: "No trusted time: the timestamp authority did not answer at export; "
        "the request is queued in the sender's vault. created_at is the sending computer's "
        "clock.",
        TimeStatus.NOT_CONFIGURED: "No trusted time: no timestamp authority is configured. "
        "created_at is the sending computer's clock.",
    }
    return {
        "status": plan.status.value,
        "tsa_url": plan.url or None,
        "token": TOKEN_PATH if plan.status is TimeStatus.STAMPED else None,
        "statement": words[plan.status],
    }


def verify_paragraphs(plan: TimePlan, t: Catalogue) -> tuple[str, tuple[str, ...], str]:
    """VERIFY.txt's trusted-time step: its text, its commands, and a closing note."""
    if plan.status is TimeStatus.STAMPED:
        return (
            t.pgettext(
                "VERIFY.txt",
                "When the bundle was sealed (trusted time): {token} is an RFC 3161 timestamp "
                "from the timestamp authority at {url} over tagmanifest-sha256.txt. Get the "
                "authority's CA certificate from the authority itself (not from this bundle), "
                'save it as tsa-ca.pem, then run (must print "{expected}"):',
            ).format(token=TOKEN_PATH, url=plan.url, expected="Verification: OK"),
            (OPENSSL_TS_VERIFY, OPENSSL_TS_TIME),
            t.pgettext(
                "VERIFY.txt",
                "The second command prints the time the authority vouches for: the tag "
                "manifest, and so every file it protects, existed then. Whether you trust "
                "that authority is your decision.",
            ),
        )
    if plan.status is TimeStatus.QUEUED:
        text = t.pgettext(
            "VERIFY.txt",
            "Trusted time: NONE. This bundle has no timestamp token: the timestamp authority at "
            "{url} did not answer when it was exported (the request waits in the sender's "
            'vault). The "Created" time above is the sending computer\'s clock, not trusted '
            "time.",
        ).format(url=plan.url)
    else:
        text = t.pgettext(
            "VERIFY.txt",
            "Trusted time: NONE. This bundle has no timestamp token: the sender has no "
            'timestamp authority configured. The "Created" time above is the sending '
            "computer's clock, not trusted time.",
        )
    return text, (), ""


__all__ = [
    "TOKEN_PATH",
    "TimePlan",
    "TimeStatus",
    "TokenCheck",
    "TokenInfo",
    "TokenProblem",
    "UrlTimeStamper",
    "case_json",
    "check_token",
    "pdf_timestamper",
    "quiet_pyhanko",
    "report_sentence",
    "request_token",
    "token_info",
    "valid_url",
    "verify_paragraphs",
]
