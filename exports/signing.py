"""Signatures of a bundle: PAdES on report.pdf (X.509) and Ed25519 over the tag manifest.

PDF readers understand X.509 certificates with ECDSA or RSA keys, not bare Ed25519 keys, so
the report is signed with a certificate (the vault's own self-signed ECDSA P-256 one, or the
organisation's PKCS#12), while the vault's Ed25519 key signs ``tagmanifest-sha256.txt`` so that
``openssl`` alone can check the whole bag.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import (
    IncrementalPdfFileWriter,
)
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import (
    SimpleCertificateStore,
)

from exports.errors import CertificateError, SigningError
from exports.model import PdfSigningIdentity
from exports.timestamp import quiet_pyhanko

log = logging.getLogger(__name__)

SIGNATURE_FIELD = "CustodiaRelease"
CERT_VALIDITY_DAYS = 3650


# Ed25519 ---------------------------------------------------------------------------------------


def public_key_pem(key: ed25519.Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def ed25519_fingerprint(key: ed25519.Ed25519PublicKey) -> str:
    """SHA-256 of the DER public key, as ``openssl pkey -pubin -outform DER | sha256sum`` prints."""
    der = key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def sign_tagmanifest(key: ed25519.Ed25519PrivateKey, tagmanifest: bytes) -> bytes:
    """A raw 64-byte Ed25519 signature, the form ``openssl pkeyutl -verify -rawin`` expects."""
    return key.sign(tagmanifest)


def load_signer_pem(pem: bytes) -> ed25519.Ed25519PublicKey | None:
    """The Ed25519 public key in ``signer.pem``, or ``None`` if it is anything else."""
    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError):
        return None
    return key if isinstance(key, ed25519.Ed25519PublicKey) else None


def ed25519_valid(key: ed25519.Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


# X.509 for the PDF -----------------------------------------------------------------------------


def make_self_signed(common_name: str, organisation: str = "") -> PdfSigningIdentity:
    """A fresh ECDSA P-256 self-signed certificate for signing reports."""
    key = ec.generate_private_key(ec.SECP256R1())
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64] or "Custodia")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]))
    name = x509.Name(attributes)
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=CERT_VALIDITY_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return PdfSigningIdentity(
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        private_key_der=key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        self_signed=True,
    )


def load_pkcs12_identity(data: bytes, password: str | None) -> PdfSigningIdentity:
    """The organisation's certificate and key (ECDSA or RSA) from a PKCS#12 file."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            data, password.encode() if password else None
        )
    except ValueError as exc:
        raise CertificateError("PKCS#12 could not be opened (wrong password or damaged)") from exc
    if key is None or certificate is None:
        raise CertificateError("PKCS#12 holds no key and certificate")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise CertificateError("only ECDSA and RSA keys are supported for PDF signatures")
    return PdfSigningIdentity(
        certificate_der=certificate.public_bytes(serialization.Encoding.DER),
        private_key_der=key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        chain_der=tuple(c.public_bytes(serialization.Encoding.DER) for c in chain),
        self_signed=certificate.issuer == certificate.subject,
    )


def certificate_sha256(certificate_der: bytes) -> str:
    return hashlib.sha256(certificate_der).hexdigest()


def certificate_subject(certificate_der: bytes) -> str:
    return x509.load_der_x509_certificate(certificate_der).subject.rfc4514_string()


def sign_pdf(
    pdf: bytes,
    identity: PdfSigningIdentity,
    *,
    reason: str,
    location: str,
    name: str,
    binding: bytes | None = None,
    timestamper: TimeStamper | None = None,
) -> bytes:
    """Add an invisible PAdES (ETSI.CAdES.detached) signature as an incremental update.

    ``binding`` (DESIGN §6.2) is embedded as ``custodia-binding.json`` in the same revision,
    so the signature covers it.
    """
    from exports.binding import embed_binding

    try:
        registry = SimpleCertificateStore()  # type: ignore[no-untyped-call]
        registry.register_multiple([asn1_x509.Certificate.load(c) for c in identity.chain_der])
        signer = signers.SimpleSigner(
            signing_cert=asn1_x509.Certificate.load(identity.certificate_der),
            signing_key=asn1_keys.PrivateKeyInfo.load(identity.private_key_der),
            cert_registry=registry,
        )
        meta = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=reason[:200],
            location=location[:200],
            name=name[:200] or None,
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        if binding is not None:
            embed_binding(writer, binding)
        # A timestamper adds the PAdES signature timestamp (trusted time, DESIGN §6.3).
        output = signers.PdfSigner(meta, signer=signer, timestamper=timestamper).sign_pdf(writer)
        return bytes(output.getvalue())
    except Exception as exc:
        raise SigningError(type(exc).__name__) from exc


@dataclass(frozen=True)
class PdfSignatureCheck:
    signatures: int
    intact: bool
    valid: bool
    covers_whole_file: bool
    self_signed: bool
    certificate_sha256: str
    subject: str
    problem: str = ""
    #: The signer's chain validated to one of the trust roots the recipient configured.
    trusted: bool = False
    #: The signature's /ByteRange: the signed revision is the file up to its end.
    byte_range: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return (
            self.signatures == 1
            and self.intact
            and self.valid
            and self.covers_whole_file
            and not self.problem
        )


def load_trust_root(data: bytes) -> bytes:
    """A trust root's DER from a PEM or DER file; raises :class:`CertificateError`."""
    try:
        if b"-----BEGIN" in data:
            certificate = x509.load_pem_x509_certificate(data)
        else:
            certificate = x509.load_der_x509_certificate(data)
    except ValueError as exc:
        raise CertificateError("not an X.509 certificate") from exc
    return certificate.public_bytes(serialization.Encoding.DER)


#: Extended key usages that allow signing documents. A certificate with an EKU extension
#: holding none of them (a TLS server or client certificate from the same CA) may not sign a
#: report, whatever its chain: RFC 5280 §4.2.1.12. Without the extension, any use is allowed.
_DOCUMENT_SIGNING_EKUS = frozenset(
    {
        "1.3.6.1.5.5.7.3.36",  # id-kp-documentSigning (RFC 9336)
        "1.3.6.1.5.5.7.3.4",  # id-kp-emailProtection (personal signing certificates)
        "1.2.840.113583.1.1.5",  # Adobe Authentic Documents Trust
        "1.3.6.1.4.1.311.10.3.12",  # Microsoft document signing
        "2.5.29.37.0",  # anyExtendedKeyUsage
    }
)


def may_sign_documents(certificate: x509.Certificate) -> bool:
    """Whether the certificate's extended key usage, if it has one, allows signing documents."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        return True
    except ValueError:  # a malformed extension: not a certificate to trust
        return False
    return any(oid.dotted_string in _DOCUMENT_SIGNING_EKUS for oid in usage)


def check_pdf_signature(pdf: bytes, trust_roots: Sequence[bytes] = ()) -> PdfSignatureCheck:
    """Integrity of the report's signature, and whether its chain reaches a given trust root.

    Integrity never depends on trust. Trust is only ever the recipient's own ``trust_roots``
    (DER): a certificate carried by the PDF proves nothing about who made it. No network.
    """
    empty = PdfSignatureCheck(0, False, False, False, False, "", "")
    try:
        roots = [asn1_x509.Certificate.load(der) for der in trust_roots]
        with quiet_pyhanko():
            reader = PdfFileReader(io.BytesIO(pdf), strict=False)
            embedded = list(reader.embedded_signatures)
            if not embedded:
                return PdfSignatureCheck(0, False, False, False, False, "", "", "no signature")
            signature = embedded[-1]
            context = ValidationContext(trust_roots=roots, allow_fetching=False)
            status = validate_pdf_signature(signature, signer_validation_context=context)
            certificate_der = bytes(signature.signer_cert.dump())
            byte_range = tuple(int(v) for v in signature.sig_object["/ByteRange"])
    except Exception as exc:  # noqa: BLE001 - hostile PDFs raise anything; we give a verdict
        log.info("PDF signature could not be read: %s", type(exc).__name__)
        return PdfSignatureCheck(
            empty.signatures, False, False, False, False, "", "", "unreadable PDF or signature"
        )
    coverage = getattr(status.coverage, "name", "")
    certificate = x509.load_der_x509_certificate(certificate_der)
    return PdfSignatureCheck(
        signatures=len(embedded),
        intact=bool(status.intact),
        valid=bool(status.valid),
        covers_whole_file=coverage == "ENTIRE_FILE",
        self_signed=certificate.issuer == certificate.subject,
        certificate_sha256=certificate_sha256(certificate_der),
        subject=certificate.subject.rfc4514_string(),
        # pyHanko checks the key usage; the extended key usage is checked here, because its
        # setting in pyHanko would also refuse certificates without the extension.
        trusted=bool(roots) and bool(status.trusted) and may_sign_documents(certificate),
        byte_range=byte_range,
    )
