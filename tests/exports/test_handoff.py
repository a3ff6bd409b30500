"""Encrypted hand-off between vaults and import that keeps the chain (issue 15, DESIGN §7)."""

from __future__ import annotations

import hashlib
import io
import json
import secrets
import shlex
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from exports.address_book import (
    AddressBook,
    AddressBookError,
    make_entry,
    receiving_identity,
    receiving_key,
)
from exports.encryption import DecryptionError, decrypt_bundle
from exports.from_intake import ExportOptions
from exports.handoff import export_sealed, export_to, transfer
from exports.importer import ImportRefusedError, SenderNotConfirmedError, import_bundle
from exports.model import RecipientKind
from exports.senders import VaultSenderBook, make_sender
from exports.verify import Trust, verify_bundle
from intake import open_intake
from intake.demo import build_demo
from intake.models import CustodyEventType
from tests.conftest import TEST_PASSPHRASE, TEST_USER
from tests.reliability.crash_harness import new_temp_files
from tests.reliability.helpers import files_under, find_markers
from ui import cli
from vault import KdfParams, Vault
from vault.errors import MalformedFingerprintError

AGE = shutil.which("age")


@pytest.fixture
def two_vaults(tmp_path: Path, cheap_kdf: KdfParams):
    a, _ = Vault.create(tmp_path / "A", TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    b, _ = Vault.create(tmp_path / "B", "bob", TEST_PASSPHRASE, kdf=cheap_kdf)
    intake = open_intake(a)
    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    AddressBook(a).put(
        make_entry("Bob's vault", "ngo_internal", age_recipient=receiving_key(b), notes="team")
    )
    yield a, b, reference
    for v in (a, b):
        if v.is_open:
            v.lock()


def _send(a: Vault, reference: str, dest: Path):
    return export_to(a, "Bob's vault", ExportOptions(reference, RecipientKind.COURT), dest)


def _originals(v: Vault, case_reference: str) -> dict[str, bytes]:
    intake = open_intake(v)
    case = intake.cases.by_reference(case_reference)
    found = {}
    for item in intake.evidence.list_for_case(case.case_id):
        with intake.evidence.open_original(item.evidence_id) as chunks:
            found[item.original_filename] = b"".join(chunks)
    return found


def test_address_book_validates_and_shares_the_known_senders(new_vault: Vault) -> None:
    book = AddressBook(new_vault)
    with pytest.raises(AddressBookError):
        make_entry("X", "ngo_internal", age_recipient="age1notakey")
    with pytest.raises(AddressBookError):
        make_entry("X", "friend")
    # Confirming a sender (DESIGN §6.1) adds the address-book entry; no kind is guessed.
    VaultSenderBook(new_vault).add(make_sender("Partner NGO", "ab" * 32))
    entry = book.get("Partner NGO")
    assert entry.ed25519_fingerprint == "ab" * 32
    assert entry.kind is None
    book.put(make_entry("Partner NGO", "partner_ngo", ed25519_fingerprint="ab" * 32))
    assert book.get("Partner NGO").kind is RecipientKind.PARTNER_NGO
    assert [s.name for s in VaultSenderBook(new_vault).entries()] == ["Partner NGO"]
    assert book.remove("Partner NGO")
    assert not VaultSenderBook(new_vault).entries()
    actions = [e.action for e in new_vault.audit_entries()]
    assert "addressbook.entry_saved" in actions
    assert "addressbook.entry_removed" in actions


def test_receiving_key_is_stable_and_its_private_half_stays_inside(new_vault: Vault) -> None:
    key = receiving_key(new_vault)
    assert key.startswith("age1")
    assert receiving_key(new_vault) == key
    assert str(receiving_identity(new_vault).to_public()) == key


@pytest.mark.skipif(AGE is None, reason="Debian's age tool is not installed")
def test_round_trip_a_to_b_keeps_bytes_and_the_whole_chain(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    sent = _send(a, reference, tmp_path / "to-bob")
    assert sent.encrypted
    assert [p.name for p in sent.paths] == ["to-bob.zip.age"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["to-bob.zip.age"]

    # The standard age tool opens it with B's identity, and VERIFY.txt's commands pass.
    assert AGE is not None
    identity = tmp_path / "bob.key"
    identity.write_text(str(receiving_identity(b)) + "\n")
    plain = tmp_path / "plain.zip"
    subprocess.run(
        [AGE, "-d", "-i", str(identity), "-o", str(plain), str(sent.paths[0])], check=True
    )
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(plain) as zf:
        zf.extractall(unpacked)
    bag = unpacked / "to-bob"
    commands = [
        line.strip()[2:]
        for line in (bag / "VERIFY.txt").read_text().splitlines()
        if line.strip().startswith("$ ")
    ]
    wanted = [c for c in commands if c.startswith(("sha256sum -c", "openssl pkeyutl"))]
    assert len(wanted) == 3
    for command in wanted:
        done = subprocess.run(shlex.split(command), cwd=bag, capture_output=True, text=True)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    assert verify_bundle(plain, trust=Trust(expect_keys=(a.fingerprint,))).confirmed

    # B imports it once the sender is confirmed; bytes and hashes are A's.
    AddressBook(b).put(make_entry("Ana", "ngo_internal", ed25519_fingerprint=a.fingerprint))
    outcome = import_bundle(b, sent.paths[0])
    assert not outcome.already
    assert outcome.evidence == 3
    mine, theirs = _originals(a, reference), _originals(b, outcome.reference)
    assert mine == theirs
    intake_a, intake_b = open_intake(a), open_intake(b)
    case_b = intake_b.cases.by_reference(outcome.reference)
    case_a = intake_a.cases.by_reference(reference)
    by_name_a = {e.original_filename: e for e in intake_a.evidence.list_for_case(case_a.case_id)}
    for item in intake_b.evidence.list_for_case(case_b.case_id):
        original = by_name_a[item.original_filename]
        assert (
            item.sha256
            == original.sha256
            == hashlib.sha256(theirs[item.original_filename]).hexdigest()
        )
        # A's events, then "received"; the copied events keep A's times and actors.
        events_b = intake_b.custody.events(item.evidence_id)
        # Reading the originals above added "viewed" events on both sides: compare up to receipt.
        events_b = events_b[: [e.event_type for e in events_b].index(CustodyEventType.RECEIVED) + 1]
        history_a = intake_a.custody.events(original.evidence_id)
        kinds_a = [e.event_type for e in history_a]
        events_a = history_a[: kinds_a.index(CustodyEventType.EXPORTED)]  # what the bundle held
        assert [e.event_type for e in events_b[:-1]] == [e.event_type for e in events_a]
        assert [(e.at, e.actor) for e in events_b[:-1]] == [
            (e.at.replace(microsecond=0), e.actor)
            for e in events_a  # the bundle keeps seconds
        ]
        assert all("before receipt" in e.notes for e in events_b[:-1])
        last = events_b[-1]
        assert last.event_type is CustodyEventType.RECEIVED
        assert last.from_party == "Ana"
        assert last.to_party == "bob"
        assert sent.result.bundle_id in last.notes
        assert a.fingerprint in last.method
        assert last.hash_observed == item.sha256
    statements_b = intake_b.statements.list_for_case(case_b.case_id)
    assert statements_b
    assert all(s.finalised_at is not None for s in statements_b)
    hashes_a = {
        s.final_sha256 for s in intake_a.statements.list_for_case(case_a.case_id) if s.final_sha256
    }
    assert {s.final_sha256 for s in statements_b} <= hashes_a

    # B exports to a prosecutor: the report and case.json carry the whole chain.
    AddressBook(b).put(make_entry("Prosecutor", "prosecutor"))
    out = tmp_path / "prosecutor"
    later = export_to(
        b, "Prosecutor", ExportOptions(outcome.reference, RecipientKind.COURT), out, plaintext=True
    )
    assert not later.encrypted
    document = json.loads((out / "data" / "case.json").read_text())
    for item in document["evidence"]:
        kinds = [e["kind"] for e in item["custody"]]
        assert kinds[0] == "collected"
        assert "ingested" in kinds
        assert "received" in kinds
        received = item["custody"][kinds.index("received")]
        assert received["from"] == "Ana"
        assert received["to"] == "bob"
        assert all(e["hash_observed"] in ("", item["sha256"]) for e in item["custody"])
    from tests.exports.conftest import pdf_text

    text = pdf_text(out / "data" / "report.pdf")
    assert "received" in text.lower()
    assert "Ana" in text


def test_import_twice_adds_nothing(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    sent = _send(a, reference, tmp_path / "x")
    first = import_bundle(b, sent.paths[0], expect_keys=[a.fingerprint])
    entries = len(b.audit_entries())
    blobs = b.read("SELECT count(*) FROM vault_blobs")[0][0]
    again = import_bundle(b, sent.paths[0], expect_keys=[a.fingerprint])
    assert again.already
    assert again.case_id == first.case_id
    assert len(b.audit_entries()) == entries
    assert b.read("SELECT count(*) FROM vault_blobs")[0][0] == blobs
    assert not list((b.blobs.tmp_dir).iterdir())


def test_unconfirmed_sender_is_refused_until_confirmed(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    sent = _send(a, reference, tmp_path / "x")
    with pytest.raises(SenderNotConfirmedError):
        import_bundle(b, sent.paths[0])
    assert not b.read("SELECT 1 FROM sqlite_master WHERE name = 'cases'") or not b.read(
        "SELECT 1 FROM cases"
    )
    VaultSenderBook(b).add(make_sender("Ana", a.fingerprint))  # confirmed by phone
    assert import_bundle(b, sent.paths[0]).evidence == 3


def test_tampered_bundle_is_refused(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    plain = tmp_path / "plain.zip"
    export_to(
        a, "Bob's vault", ExportOptions(reference, RecipientKind.COURT), plain, plaintext=True
    )
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if "/data/evidence/" in info.filename and data:
                data = bytes([data[0] ^ 1]) + data[1:]
            dst.writestr(info, data)
    with pytest.raises(ImportRefusedError):
        import_bundle(b, tampered, expect_keys=[a.fingerprint])
    assert not b.read("SELECT 1 FROM cases")
    assert not b.read("SELECT 1 FROM vault_blobs")
    # A flipped bit in the encrypted file fails age's authentication.
    sent = _send(a, reference, tmp_path / "sealed")
    raw = bytearray(sent.paths[0].read_bytes())
    raw[-100] ^= 1
    broken = tmp_path / "broken.zip.age"
    broken.write_bytes(bytes(raw))
    with pytest.raises(DecryptionError):
        import_bundle(b, broken, expect_keys=[a.fingerprint])


def test_wrong_identity_cannot_open_it(two_vaults, tmp_path: Path, cheap_kdf: KdfParams) -> None:
    a, _b, reference = two_vaults
    sent = _send(a, reference, tmp_path / "x")
    with pytest.raises(DecryptionError):
        decrypt_bundle(sent.paths[0], identities=[receiving_identity(a)])


def test_cli_verify_opens_a_sealed_bundle_with_one_unlock_of_the_vault(
    two_vaults, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--vault gives both the known senders and the receiving key: one passphrase, not two."""
    a, b, reference = two_vaults
    sent = _send(a, reference, tmp_path / "to-bob")
    b.lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(TEST_PASSPHRASE + "\n"))
    args = ["verify", str(sent.paths[0]), "--vault", str(b.path), "--passphrase-stdin"]
    assert cli.run(args) == 3  # opened and intact; the sender is not confirmed yet


def test_passphrase_and_key_make_two_files(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    sent = export_sealed(
        a,
        ExportOptions(reference, RecipientKind.NGO_INTERNAL),
        tmp_path / "both",
        age_recipients=[receiving_key(b)],
        passphrase="long shared passphrase for this one",
    )
    assert [p.name for p in sent.paths] == ["both.zip.age", "both.passphrase.zip.age"]
    by_key = decrypt_bundle(sent.paths[0], identities=[receiving_identity(b)]).getvalue()
    by_word = decrypt_bundle(sent.paths[1], passphrase="long shared passphrase for this one")
    assert by_key == by_word.getvalue()
    assert verify_bundle(sent.paths[1], archive=by_word).ok


def test_transfer_records_transferred_and_received(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    AddressBook(b).put(make_entry("Ana", "ngo_internal", ed25519_fingerprint=a.fingerprint))
    sent = transfer(a, "Bob's vault", reference, tmp_path / "item", evidence_numbers=["E-0002"])
    assert sent.result.evidence_numbers == ("E-0002",)
    intake_a = open_intake(a)
    item_a = intake_a.evidence.by_label(intake_a.cases.by_reference(reference).case_id, "E-0002")
    assert (
        intake_a.custody.events(item_a.evidence_id)[-1].event_type is CustodyEventType.TRANSFERRED
    )
    outcome = import_bundle(b, sent.paths[0])
    intake_b = open_intake(b)
    (item_b,) = intake_b.evidence.list_for_case(outcome.case_id)
    assert item_b.sha256 == item_a.sha256
    assert intake_b.custody.events(item_b.evidence_id)[-1].event_type is CustodyEventType.RECEIVED


def test_marker_stays_inside_the_vault_and_the_age_file(
    tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    since = time.time() - 1
    marker = "Mrk" + secrets.token_hex(12)
    a, _ = Vault.create(tmp_path / "A", TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    b, _ = Vault.create(tmp_path / "B", "bob", TEST_PASSPHRASE, kdf=cheap_kdf)
    intake = open_intake(a)
    case_id = build_demo(intake)
    reference = intake.cases.get(case_id).reference
    sources = tmp_path / "sources"
    sources.mkdir()
    evidence = sources / f"chat-{marker}.txt"
    evidence.write_text(f"{marker}\n" * 500, encoding="utf-8")
    intake.evidence.ingest(case_id, evidence, notes=f"from {marker}")
    evidence.unlink()
    shutil.rmtree(sources)
    AddressBook(a).put(make_entry(f"Court {marker}", "court", age_recipient=receiving_key(b)))
    out = tmp_path / "out"
    out.mkdir()
    sent = export_to(
        a, f"Court {marker}", ExportOptions(reference, RecipientKind.COURT), out / "bundle"
    )
    # The bundle is there, and holds the marker once decrypted (in memory).
    plain = decrypt_bundle(sent.paths[0], identities=[receiving_identity(b)]).getvalue()
    assert marker.encode() in plain
    a.lock()
    b.lock()
    outside = [p for p in files_under(tmp_path) if not p.is_relative_to(tmp_path / "A")]
    outside = [p for p in outside if not p.is_relative_to(tmp_path / "B")]
    assert sent.paths[0] in outside
    assert not find_markers(outside, [marker])
    assert not find_markers(new_temp_files(since), [marker])
    assert not find_markers(files_under(tmp_path / "A"), [marker])


def _counts(v: Vault, case_id: str) -> tuple[int, int, int]:
    intake = open_intake(v)
    return (
        len(intake.people.list_for_case(case_id)),
        len(intake.statements.list_for_case(case_id)),
        len(intake.evidence.list_for_case(case_id)),
    )


def test_item_transfer_into_a_received_case_adds_only_the_item(two_vaults, tmp_path: Path) -> None:
    """The documented steps: the whole case first, then one item into the same case."""
    a, b, reference = two_vaults
    AddressBook(b).put(make_entry("Ana", "ngo_internal", ed25519_fingerprint=a.fingerprint))
    first = import_bundle(b, _send(a, reference, tmp_path / "case").paths[0])
    people, statements, evidence = _counts(b, first.case_id)
    assert people
    assert statements
    sent = transfer(a, "Bob's vault", reference, tmp_path / "item", evidence_numbers=["E-0002"])
    outcome = import_bundle(b, sent.paths[0], case_reference=first.reference)
    assert outcome.case_id == first.case_id
    assert (outcome.evidence, outcome.statements, outcome.people) == (1, 0, 0)
    assert _counts(b, first.case_id) == (people, statements, evidence + 1)
    (imported,) = b.audit_entries(subject=outcome.bundle_id)
    assert imported.action == "bundle.imported"
    assert imported.details["people_already_held"] >= 1


def test_same_people_and_statements_from_the_same_sender_are_linked_not_added(
    two_vaults, tmp_path: Path
) -> None:
    a, b, reference = two_vaults
    AddressBook(b).put(make_entry("Ana", "ngo_internal", ed25519_fingerprint=a.fingerprint))
    first = import_bundle(b, _send(a, reference, tmp_path / "case").paths[0])
    people, statements, evidence = _counts(b, first.case_id)
    # A second bundle (a new bundle id) with the same statements and nothing else.
    again = export_to(
        a,
        "Bob's vault",
        ExportOptions(reference, RecipientKind.COURT, evidence_numbers=frozenset()),
        tmp_path / "statements",
    )
    outcome = import_bundle(b, again.paths[0], case_reference=first.reference)
    assert not outcome.already
    assert (outcome.evidence, outcome.statements, outcome.people) == (0, 0, 0)
    assert _counts(b, first.case_id) == (people, statements, evidence)
    # Never matched on names: in another case, a person added there by hand under a received
    # pseudonym stays apart, and the received people and statements are all added.
    intake_b = open_intake(b)
    other_case = intake_b.cases.create("OTHER-1", "other")
    received = intake_b.people.list_for_case(first.case_id)[0]
    intake_b.people.add(other_case.case_id, received.role, received.pseudonym)
    third = export_to(
        a,
        "Bob's vault",
        ExportOptions(reference, RecipientKind.COURT, evidence_numbers=frozenset()),
        tmp_path / "third",
    )
    other = import_bundle(b, third.paths[0], case_reference="OTHER-1")
    assert other.case_id == other_case.case_id
    assert (other.statements, other.people) == (statements, people)
    assert _counts(b, other.case_id) == (people + 1, statements, 0)


def test_an_item_transfer_carries_only_the_item_and_its_person(two_vaults, tmp_path: Path) -> None:
    a, b, reference = two_vaults
    AddressBook(b).put(make_entry("Ana", "ngo_internal", ed25519_fingerprint=a.fingerprint))
    sent = transfer(a, "Bob's vault", reference, tmp_path / "item", evidence_numbers=["E-0002"])
    outcome = import_bundle(b, sent.paths[0])
    assert (outcome.evidence, outcome.statements) == (1, 0)
    intake_a = open_intake(a)
    item = intake_a.evidence.by_label(intake_a.cases.by_reference(reference).case_id, "E-0002")
    assert outcome.people == (1 if item.acquisition.acquired_from_person_id else 0)


def test_import_refuses_a_shortened_pin_before_anything(
    two_vaults, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, reference = two_vaults
    sent = _send(a, reference, tmp_path / "x")
    with pytest.raises(MalformedFingerprintError):
        import_bundle(b, sent.paths[0], expect_keys=[a.fingerprint[:16]])
    assert not b.read("SELECT 1 FROM cases")
    # The command line says so in one sentence, exit 2, before asking for a passphrase.
    b.lock()
    capsys.readouterr()
    args = ["import", str(b.path), str(sent.paths[0]), "--expect-key", a.fingerprint[:16]]
    assert cli.main(args) == 2
    shown = capsys.readouterr()
    assert shown.err.count("\n") == 1
    assert "give the full 64-hex-digit SHA-256 fingerprint" in shown.err
    # Read out in groups of four and in capitals, the whole fingerprint is accepted.
    b2 = Vault.unlock(b.path, "bob", TEST_PASSPHRASE)
    try:
        grouped = " ".join(a.fingerprint[i : i + 4] for i in range(0, 64, 4)).upper()
        assert import_bundle(b2, sent.paths[0], expect_keys=[grouped]).evidence == 3
    finally:
        b2.lock()
