"""Regenerate the seed corpora (run once; the output is committed): ``python -m
tests.reliability.fuzz.make_corpus``. Seeds are small, and each is a real file of its format."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from tests.reliability.fuzz.targets import BAG_FILES, BLOB_ID, BLOB_KEY, CORPUS, TEMPLATE
from vault import KdfParams, Vault
from vault.blobs import encrypt_stream

CHEAP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PDF_STUB = b"%PDF-1.7\n% stub: the fuzz template does not carry the real report\n%%EOF\n"


def seed(target: str, name: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def headers(work: Path) -> None:
    v, _ = Vault.create(work / "v", "ana", "correct horse battery", kdf=CHEAP_KDF)
    v.add_user("ion", "another passphrase", kdf=CHEAP_KDF)
    v.lock()
    raw = (work / "v" / "vault.json").read_bytes()
    seed("header", "real.json", raw)
    document = json.loads(raw)
    document["checkpoint"] = None
    seed("header", "no-checkpoint.json", json.dumps(document).encode())
    seed("header", "empty-object.json", b"{}")
    seed("header", "truncated.json", raw[: len(raw) // 2])


def blobs() -> None:
    for size in (0, 1, 100, 4000):
        sink = io.BytesIO()
        encrypt_stream(io.BytesIO(os.urandom(size)), sink, BLOB_KEY, BLOB_ID)
        seed("blob", f"size-{size}.bin", sink.getvalue())
    seed("blob", "magic-only.bin", b"CSTBLOB1")


def bundle(work: Path) -> Path:
    from exports.from_intake import ExportOptions, export_case
    from exports.model import RecipientKind
    from intake import open_intake
    from intake.demo import build_demo

    v, _ = Vault.create(work / "b", "ana", "correct horse battery", kdf=CHEAP_KDF)
    intake = open_intake(v)
    reference = intake.cases.get(build_demo(intake)).reference
    out = work / "bundle"
    export_case(v, ExportOptions(reference, RecipientKind.COURT, recipient_name="Court"), out)
    v.lock()
    return out


def bag_seeds(out: Path) -> None:
    if TEMPLATE.exists():
        shutil.rmtree(TEMPLATE)
    shutil.copytree(out, TEMPLATE)
    # The stub keeps the template small and each execution fast; its manifest line is left
    # as it was, so the verifier reports a hash mismatch there and checks everything else.
    (TEMPLATE / "data" / "report.pdf").write_bytes(PDF_STUB)
    for index, rel in enumerate(BAG_FILES):
        seed("bag", rel.replace("/", "_"), bytes([index]) + (out / rel).read_bytes())
        seed("manifest", "manifest.txt", (out / "manifest-sha256.txt").read_bytes())
        seed("manifest", "tagmanifest.txt", (out / "tagmanifest-sha256.txt").read_bytes())
    seed(
        "manifest",
        "hostile.txt",
        b"%s  ../../etc/passwd\n%s  /abs\n%s  data/a%%0Ab\n" % (b"0" * 64, b"1" * 64, b"2" * 64),
    )
    case = (out / "data" / "case.json").read_bytes()
    seed("case_json", "real.json", case)
    document = json.loads(case)
    document["checkpoint"] = {"vault_id": 1, "seq": "x"}
    seed("case_json", "bad-checkpoint.json", json.dumps(document).encode())
    seed("case_json", "deep.json", b"[" * 200 + b"]" * 200)


def zips(out: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(TEMPLATE.rglob("*")):
            if path.is_file():
                archive.write(path, f"bundle/{path.relative_to(TEMPLATE)}")
    seed("zip", "bundle.zip", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("../escape.txt", b"x")
        archive.writestr("/abs.txt", b"y")
        archive.writestr("bomb.bin", b"\0" * 2_000_000)
        link = zipfile.ZipInfo("link")
        link.external_attr = 0o120777 << 16
        archive.writestr(link, "/etc/passwd")
    seed("zip", "hostile.zip", buffer.getvalue())
    seed("zip", "empty.zip", b"PK\x05\x06" + b"\0" * 18)
    digest = hashlib.sha256(buffer.getvalue()).hexdigest()
    assert digest  # keeps the seed deterministic enough to review


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        headers(work)
        blobs()
        out = bundle(work)
        bag_seeds(out)
        zips(out)


if __name__ == "__main__":
    main()
