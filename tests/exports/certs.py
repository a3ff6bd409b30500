"""X.509 for the sender-trust tests: an organisation's CA, and the report-signing certificates
it issues (or a forger's CA of the same name issues)."""

from __future__ import annotations

import datetime
from dataclasses import replace

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from exports.model import ExportRequest, PdfSigningIdentity, SigningKeys


def name(organisation: str, common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def organisation_ca(organisation: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = name(organisation, f"{organisation} Root CA")
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def issued_identity(
    ca_key: ec.EllipticCurvePrivateKey,
    ca: x509.Certificate,
    subject: x509.Name,
    *,
    usage: list[x509.ObjectIdentifier] | None = None,
    days: int = 365,
) -> PdfSigningIdentity:
    """A signing certificate from ``ca`` (with this extended key usage, if given)."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
    )
    if usage is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(usage), critical=False)
    certificate = builder.sign(ca_key, hashes.SHA256())
    der = serialization.Encoding.DER
    return PdfSigningIdentity(
        certificate_der=certificate.public_bytes(der),
        private_key_der=key.private_bytes(
            der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ),
        chain_der=(ca.public_bytes(der),),
        self_signed=False,
    )


def reports_signed_by(request: ExportRequest, identity: PdfSigningIdentity) -> ExportRequest:
    """``request`` with its reports signed by ``identity`` (the same vault key)."""
    return replace(request, keys=SigningKeys(request.keys.ed25519, identity))
