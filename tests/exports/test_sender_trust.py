"""Who sent a bundle (DESIGN §6.1) and the signed report that binds the bag (§6.2).

Each forgery is made here as the issue describes it: an evidence file changed, a new Ed25519
key in signature/signer.pem, case.json, bag-info.txt and both manifests fixed, the tag manifest
signed again with openssl; with a new report (fresh self-signed certificate, same name) or with
the genuine signed report left in place.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import NameOID
from reportlab.pdfgen import canvas

from exports import signing
from exports.binding import BoundFile, binding_json
from exports.builder import build_bundle
from exports.model import ExportResult, PdfSigningIdentity
from exports.senders import FileSenderBook, VaultSenderBook, make_sender
from exports.verify import CheckCode, Trust, VerdictCode, verify_bundle
from tests.exports import certs, sample
from ui import cli
from vault.header import Checkpoint

EVIDENCE = "data/evidence/E-0002_etc_chat_export_1_.txt"


@pytest.fixture(autouse=True)
def _own_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line reads known senders from the user's config folder: never the real one.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_manifest(bag: Path, names: list[str], manifest: str) -> None:
    lines = [f"{_sha((bag / n).read_bytes())}  {n}\n" for n in sorted(names)]
    (bag / manifest).write_text("".join(lines), "utf-8")


def _same_name_certificate(bag: Path) -> PdfSigningIdentity:
    """A fresh self-signed certificate with the genuine report's subject name."""
    original = signing.check_pdf_signature((bag / "data/report.pdf").read_bytes())
    name = x509.Name.from_rfc4514_string(original.subject)
    common = name.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    organisation = name.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    return signing.make_self_signed(str(common), str(organisation))


def _forged_report(bag: Path, key_fpr: str, bundle_id: str, identity: PdfSigningIdentity) -> None:
    """A new report, bound to the forged bag."""
    files = [
        BoundFile(
            f"data/{p.relative_to(bag / 'data').as_posix()}", p.stat().st_size, _sha(p.read_bytes())
        )
        for p in sorted((bag / "data").rglob("*"))
        if p.is_file() and p.name != "report.pdf"
    ]
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Chain-of-custody report")
    page.save()
    signed = signing.sign_pdf(
        buffer.getvalue(),
        identity,
        reason="release",
        location="",
        name="Ana Lawyer",
        binding=binding_json(bundle_id, key_fpr, files),
    )
    (bag / "data/report.pdf").write_bytes(signed)


def forge(genuine: Path, dest: Path, *, keep_report: bool) -> str:
    """The forger's work on a copy of ``genuine``; returns the forged key's fingerprint."""
    shutil.copytree(genuine, dest)
    (dest / EVIDENCE).write_bytes(b"Debt ledger: 9,000 EUR owed (changed)\n")
    key = Ed25519PrivateKey.generate()
    fpr = signing.ed25519_fingerprint(key.public_key())
    case_path = dest / "data/case.json"
    case = json.loads(case_path.read_text("utf-8"))
    for item in case["evidence"]:
        if item["file"] == EVIDENCE:
            item["sha256"] = _sha((dest / EVIDENCE).read_bytes())
            item["size"] = (dest / EVIDENCE).stat().st_size
    case["signatures"]["ed25519_fingerprint"] = fpr
    point = case["checkpoint"]
    signed = Checkpoint(point["vault_id"], point["seq"], point["hash"], point["at"], b"")
    point["signature"] = base64.b64encode(key.sign(signed.signed_bytes())).decode()
    identity = None if keep_report else _same_name_certificate(dest)
    if identity is not None:
        case["signatures"]["pdf_certificate_sha256"] = signing.certificate_sha256(
            identity.certificate_der
        )
    case_path.write_text(json.dumps(case, ensure_ascii=False, indent=2), "utf-8")
    if identity is not None:
        _forged_report(dest, fpr, case["bundle_id"], identity)
    (dest / "signature/signer.pem").write_bytes(signing.public_key_pem(key.public_key()))
    payload = [p.relative_to(dest).as_posix() for p in (dest / "data").rglob("*") if p.is_file()]
    _write_manifest(dest, payload, "manifest-sha256.txt")
    size = sum((dest / p).stat().st_size for p in payload)
    info = dest / "bag-info.txt"
    lines = [
        f"Payload-Oxum: {size}.{len(payload)}"
        if line.startswith("Payload-Oxum:")
        else f"Custodia-Signer-Fingerprint: {fpr}"
        if line.startswith("Custodia-Signer-Fingerprint:")
        else line
        for line in info.read_text("utf-8").splitlines()
    ]
    info.write_text("\n".join(lines) + "\n", "utf-8")
    verify_txt = dest / "VERIFY.txt"
    verify_txt.write_text(verify_txt.read_text("utf-8") + f"\nFingerprint: {fpr}\n", "utf-8")
    tags = [
        "bagit.txt",
        "bag-info.txt",
        "manifest-sha256.txt",
        "VERIFY.txt",
        "signature/signer.pem",
    ]
    _write_manifest(dest, tags, "tagmanifest-sha256.txt")
    pem = dest.parent / f"{dest.name}-forger.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    # Re-signed with openssl, as the forger did.
    subprocess.run(
        [
            "openssl", "pkeyutl", "-sign", "-inkey", str(pem), "-rawin",
            "-in", str(dest / "tagmanifest-sha256.txt"),
            "-out", str(dest / "signature/tagmanifest.sig"),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return fpr


def _cli(*args: str) -> int:
    with open(os.devnull, "w") as sink:
        from contextlib import redirect_stdout

        with redirect_stdout(sink):
            return cli.run(list(args))


@pytest.fixture
def genuine(court_bundle: tuple[Path, ExportResult]) -> tuple[Path, ExportResult]:
    return court_bundle


def test_forged_bundle_with_new_report_is_unconfirmed_and_refused_by_the_pin(
    genuine: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    path, result = genuine
    forged = tmp_path / "forged"
    forger = forge(path, forged, keep_report=False)
    verdict = verify_bundle(forged)
    # Every check passes: the bundle is consistent with itself. It only cannot say who sent it.
    assert verdict.ok, verdict.lines()
    assert verdict.code is VerdictCode.UNCONFIRMED
    assert verdict.exit_code == 3
    assert verdict.sender is not None
    assert verdict.sender.params["key"] == forger
    assert not any(c.code is CheckCode.PDF_ORGANISATION for c in verdict.checks)
    assert _cli("verify", str(forged)) == 3
    assert _cli("verify", str(forged), "--expect-key", result.ed25519_fingerprint) == 1
    pinned = verify_bundle(forged, trust=Trust(expect_keys=(result.ed25519_fingerprint,)))
    assert [c.code for c in pinned.problems] == [CheckCode.SENDER_KEY_MISMATCH]
    # A known sender (the genuine one) does not vouch for it either.
    known = make_sender("Fictional NGO", result.ed25519_fingerprint, result.pdf_certificate_sha256)
    assert verify_bundle(forged, trust=Trust(known_senders=(known,))).exit_code == 3


def test_forgery_keeping_the_genuine_report_fails_the_binding_whatever_the_pin(
    genuine: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    path, result = genuine
    forged = tmp_path / "forged"
    forger = forge(path, forged, keep_report=True)
    for pins in ((), (result.ed25519_fingerprint,), (forger,)):
        verdict = verify_bundle(forged, trust=Trust(expect_keys=pins))
        assert verdict.exit_code == 1, pins
        codes = {c.code for c in verdict.problems}
        assert CheckCode.BINDING_KEY_MISMATCH in codes
        changed = {c.subject for c in verdict.problems if c.code is CheckCode.BINDING_FILE_MISMATCH}
        assert changed == {EVIDENCE, "data/case.json"}  # the ledger, and its record fixed to match
    args = ["--expect-key", forger]
    assert _cli("verify", str(forged), *args) == 1
    assert _cli("verify", str(forged)) == 1


def test_genuine_bundle_with_pin_or_known_sender(
    genuine: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    path, result = genuine
    assert _cli("verify", str(path)) == 3
    assert _cli("verify", str(path), "--expect-key", result.ed25519_fingerprint.upper()) == 0
    # The report's certificate, read out by the sender, identifies them too.
    assert _cli("verify", str(path), "--expect-key", result.pdf_certificate_sha256) == 0
    assert _cli("verify", str(path), "--expect-key", "ab" * 32) == 1
    fpr = result.ed25519_fingerprint
    assert (
        _cli("senders", "add", "Fictional NGO", fpr, "--cert-sha256", result.pdf_certificate_sha256)
        == 0
    )
    book = FileSenderBook()
    assert [s.name for s in book.entries()] == ["Fictional NGO"]
    assert os.stat(book.path).st_mode & 0o777 == 0o600
    verdict = verify_bundle(path, trust=Trust(known_senders=tuple(book.entries())))
    assert verdict.exit_code == 0
    assert verdict.sender is not None
    assert verdict.sender.params == {"by": "known", "name": "Fictional NGO"}
    assert _cli("verify", str(path)) == 0
    assert _cli("senders", "remove", "Fictional NGO") == 0
    assert _cli("senders", "remove", "Fictional NGO") == 1
    assert _cli("verify", str(path)) == 3
    assert _cli("senders", "add", "x", "not-a-fingerprint") == 2


def test_known_senders_in_a_vault_are_audited(tmp_path: Path) -> None:
    from tests.ui.conftest import CHEAP_KDF, PASSPHRASE
    from vault import Vault

    vault, _ = Vault.create(tmp_path / "v", "ana", PASSPHRASE, kdf=CHEAP_KDF)
    try:
        book = VaultSenderBook(vault)
        book.add(make_sender("Parchet", "AB" * 32))
        assert book.entries()[0].ed25519_fingerprint == "ab" * 32
        assert vault.audit_entries(action_prefix="sender.added", limit=1)
        assert book.remove("Parchet")
        assert not book.entries()
        assert vault.audit_entries(action_prefix="sender.removed", limit=1)
    finally:
        vault.lock()


# Organisation certificates ------------------------------------------------------------------


def test_a_home_made_ca_is_not_an_organisation_certificate_a_trust_root_is(
    tmp_path: Path,
) -> None:
    ca_key, ca = certs.organisation_ca("Ministerul Justiției")
    signer = certs.name("Ministerul Justiției", "Custodia signer")
    request = certs.reports_signed_by(sample.request(), certs.issued_identity(ca_key, ca, signer))
    build_bundle(request, tmp_path / "b")
    plain = verify_bundle(tmp_path / "b")
    codes = {c.code for c in plain.checks}
    assert CheckCode.PDF_UNTRUSTED in codes
    assert CheckCode.PDF_ORGANISATION not in codes
    assert plain.exit_code == 3
    # Another home-made CA with the very same name is not the recipient's trust root.
    _other_key, impostor = certs.organisation_ca("Ministerul Justiției")
    root_der = impostor.public_bytes(serialization.Encoding.DER)
    assert verify_bundle(tmp_path / "b", trust=Trust(trust_roots=(root_der,))).exit_code == 3
    # The recipient's configured trust root: an organisation certificate, and the sender.
    (tmp_path / "root.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    trusted = verify_bundle(
        tmp_path / "b",
        trust=Trust(trust_roots=(ca.public_bytes(serialization.Encoding.DER),)),
    )
    assert CheckCode.PDF_ORGANISATION in {c.code for c in trusted.checks}
    assert trusted.exit_code == 0
    assert trusted.sender is not None
    assert trusted.sender.params["by"] == "trust_root"
    assert "Ministerul" in trusted.sender.params["name"]
    assert _cli("verify", str(tmp_path / "b"), "--trust-root", str(tmp_path / "root.pem")) == 0
    (tmp_path / "junk.pem").write_bytes(b"junk")
    assert _cli("verify", str(tmp_path / "b"), "--trust-root", str(tmp_path / "junk.pem")) == 2


def test_an_update_appended_after_the_signature_cannot_swap_the_binding(
    bundle_copy: Path,
) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    from exports.binding import embed_binding

    report = bundle_copy / "data/report.pdf"
    writer = IncrementalPdfFileWriter(io.BytesIO(report.read_bytes()))
    embed_binding(writer, binding_json("other", "00" * 32, []))
    out = io.BytesIO()
    writer.write(out)
    report.write_bytes(out.getvalue())
    verdict = verify_bundle(bundle_copy)
    assert verdict.exit_code == 1
    assert CheckCode.PDF_SIGNATURE_INVALID in {c.code for c in verdict.problems}
