"""Holes found by the adversarial review of issue 13 (who sent a bundle, trusted time).

Each test makes the attack the review made: a bundle from a known sender's copied PDF
certificate on another vault, a TLS certificate from the recipient's trust root signing the
report, and a home-made TSA's token added to a bundle that says it has no trusted time.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from exports import signing, timestamp
from exports.builder import build_bundle
from exports.model import BundleCheckpoint, SigningKeys
from exports.senders import make_sender
from exports.verify import TIMESTAMP_TOKEN, CheckCode, FactCode, Trust, verify_bundle
from tests.exports import certs, sample
from tests.exports.tsa_local import LocalTsa
from vault.header import Checkpoint


def _signed_by(key: Ed25519PrivateKey) -> BundleCheckpoint:
    point = Checkpoint("0" * 32, 17, "ab" * 32, "2026-03-04T10:00:00.000000Z")
    return BundleCheckpoint(
        point.vault_id, point.seq, point.entry_hash, point.at, key.sign(point.signed_bytes())
    )


def test_a_known_sender_is_confirmed_only_by_both_of_their_fingerprints(tmp_path: Path) -> None:
    """The recipient confirmed a key and a certificate together. A bundle from another vault
    that signs its reports with the same (copied) certificate is not theirs, and a bundle
    with the sender's key but a certificate nobody confirmed is not confirmed either."""
    shared = signing.make_self_signed("Fictional NGO")
    request = sample.request()
    genuine = certs.reports_signed_by(request, shared)
    result = build_bundle(genuine, tmp_path / "genuine")
    known = make_sender("Fictional NGO", result.ed25519_fingerprint, result.pdf_certificate_sha256)
    trust = Trust(known_senders=(known,))
    assert verify_bundle(tmp_path / "genuine", trust=trust).exit_code == 0

    other_vault = Ed25519PrivateKey.generate()
    copied = replace(
        genuine, keys=SigningKeys(other_vault, shared), checkpoint=_signed_by(other_vault)
    )
    build_bundle(copied, tmp_path / "copied-certificate")
    verdict = verify_bundle(tmp_path / "copied-certificate", trust=trust)
    assert verdict.ok, verdict.lines()
    assert verdict.exit_code == 3
    assert verdict.sender is not None
    assert verdict.sender.code is CheckCode.SENDER_UNCONFIRMED

    new_certificate = certs.reports_signed_by(genuine, signing.make_self_signed("Fictional NGO"))
    build_bundle(new_certificate, tmp_path / "new-certificate")
    assert verify_bundle(tmp_path / "new-certificate", trust=trust).exit_code == 3
    # A sender recorded with the key alone is confirmed by the key, as before.
    key_only = Trust(known_senders=(make_sender("Fictional NGO", result.ed25519_fingerprint),))
    assert verify_bundle(tmp_path / "new-certificate", trust=key_only).exit_code == 0


def test_a_tls_certificate_from_a_trust_root_is_not_an_organisation_certificate(
    tmp_path: Path,
) -> None:
    """A CA the recipient trusts for signing may issue web-server certificates too; such a
    certificate (extended key usage serverAuth only) may not sign documents (RFC 5280)."""
    ca_key, ca = certs.organisation_ca("Ministerul Justiției")
    web = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "www.example.org")])
    root = Trust(trust_roots=(ca.public_bytes(serialization.Encoding.DER),))
    for name, usage, organisation in (
        ("tls", [ExtendedKeyUsageOID.SERVER_AUTH], False),
        ("email", [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.EMAIL_PROTECTION], True),
    ):
        leaf = certs.issued_identity(ca_key, ca, web, usage=usage, days=30)
        request = certs.reports_signed_by(sample.request(), leaf)
        build_bundle(request, tmp_path / name)
        verdict = verify_bundle(tmp_path / name, trust=root)
        codes = {c.code for c in verdict.checks}
        assert (CheckCode.PDF_ORGANISATION in codes) is organisation, name
        assert verdict.exit_code == (0 if organisation else 3), name


def test_a_token_added_to_a_bundle_without_trusted_time_is_refused(
    bundle_copy: Path, tmp_path: Path
) -> None:
    """The bundle's signed case.json says it has no trusted time; a token from a TSA anyone
    can run, dated years before, must not give it some."""
    tsa = LocalTsa(tmp_path)
    try:
        digest = hashlib.sha256((bundle_copy / "tagmanifest-sha256.txt").read_bytes()).digest()
        (bundle_copy / TIMESTAMP_TOKEN).write_bytes(timestamp.request_token(tsa.url, digest))
    finally:
        tsa.stop()
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    assert [(c.subject, c.code) for c in verdict.problems] == [
        (TIMESTAMP_TOKEN, CheckCode.FILE_UNEXPECTED)
    ]
    assert verdict.fact_codes[FactCode.TRUSTED_TIME] == "none"
    # The unchanged bundle, without the token, is intact again.
    (bundle_copy / TIMESTAMP_TOKEN).unlink()
    assert verify_bundle(bundle_copy).ok
