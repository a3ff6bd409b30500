"""vault.json, key slots, unlocking, users, keyring slots and schema migrations."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail, null

import vault.kdf
import vault.vault as vault_module
from tests.conftest import TEST_PASSPHRASE, TEST_USER, MemoryKeyring
from tests.vault.helpers import load_header_document, write_resealed_header
from vault import CustodiaError, KdfParams, Vault
from vault.db import Connection, Migration, sql_migration
from vault.errors import (
    DatabaseDamagedError,
    HeaderDamagedError,
    HeaderTamperedError,
    KdfParametersRefusedError,
    KeyringSecretMissingError,
    KeyringUnavailableError,
    MalformedRecoveryKeyError,
    MigrationError,
    UnknownUserError,
    UnsupportedFormatError,
    UserExistsError,
    VaultExistsError,
    VaultInUseError,
    VaultLockedError,
    VaultNotFoundError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from vault.kdf import derive_passphrase_key

NEW_PASSPHRASE = "a brand new passphrase"
SECOND_USER = "Ана Popescu-Ștefan"  # non-ASCII on purpose: the header keeps it unescaped
SECOND_PASSPHRASE = "second user's passphrase"


def _count_kdf_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = vault.kdf.derive_passphrase_key

    def counting(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
        calls.append(1)
        return real(passphrase, salt, params)

    monkeypatch.setattr(vault_module, "derive_passphrase_key", counting)
    return calls


def _add_note(v: Vault, text: str) -> None:
    with v.transaction() as tx:
        tx.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?)", (f"note:{text}", text))
        tx.audit("test.note", text, {})


def _notes(v: Vault) -> list[str]:
    rows = v.read("SELECT value FROM vault_meta WHERE key LIKE 'note:%' ORDER BY value")
    return [str(r[0]) for r in rows]


# Create, unlock, lock ------------------------------------------------------------------------


def test_create_unlock_lock_round_trip(new_vault: Vault) -> None:
    path, vault_id = new_vault.path, new_vault.vault_id
    assert new_vault.is_open
    assert new_vault.actor == TEST_USER
    _add_note(new_vault, "kept")
    new_vault.lock()
    assert not new_vault.is_open
    with pytest.raises(VaultLockedError):
        new_vault.read("SELECT 1")
    new_vault.lock()  # locking twice is harmless

    assert Vault.users(path) == [TEST_USER]
    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        assert v.vault_id == vault_id
        assert v.actor == TEST_USER
        assert _notes(v) == ["kept"]
        assert v.user_profiles() == [(TEST_USER, "lawyer", "")]
        actions = [e.action for e in v.audit_entries()]
        assert actions[0] == "vault.unlocked"
        assert "vault.locked" in actions
        assert v.check().ok
    finally:
        v.lock()


def test_create_refuses_existing_folder_and_weak_passphrase(
    new_vault: Vault, tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    with pytest.raises(VaultExistsError):
        Vault.create(new_vault.path, "bob", "another passphrase", kdf=cheap_kdf)
    with pytest.raises(WeakPassphraseError):
        Vault.create(tmp_path / "weak", "bob", "short", kdf=cheap_kdf)


def test_unlock_missing_vault(tmp_path: Path) -> None:
    with pytest.raises(VaultNotFoundError):
        Vault.unlock(tmp_path / "nothing", TEST_USER, TEST_PASSPHRASE)


def test_files_and_folders_are_private(new_vault: Vault) -> None:
    for path in [new_vault.path, *new_vault.path.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), path


def test_wrong_passphrase(new_vault: Vault) -> None:
    path = new_vault.path
    new_vault.lock()
    with pytest.raises(WrongPassphraseError) as info:
        Vault.unlock(path, TEST_USER, "not the passphrase")
    assert info.value.code == "vault.wrong_passphrase"
    assert "wrong passphrase" in str(info.value).lower()
    # A failed attempt leaves the vault free to open.
    Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()


def test_wrong_passphrase_takes_one_kdf(tmp_path: Path) -> None:
    # Costlier than the cheap test KDF so that the KDF, not Python overhead, dominates.
    params = KdfParams(memory_kib=32 * 1024, iterations=1, lanes=1)
    v, _ = Vault.create(tmp_path / "v", TEST_USER, TEST_PASSPHRASE, kdf=params)
    v.lock()
    slot = v.header.passphrase_slot(TEST_USER)
    assert slot is not None

    def best_of(action: Callable[[], object]) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            action()
            times.append(time.perf_counter() - start)
        return min(times)

    def wrong_unlock() -> None:
        with pytest.raises(WrongPassphraseError):
            Vault.unlock(tmp_path / "v", TEST_USER, "not the passphrase")

    kdf_time = best_of(lambda: derive_passphrase_key("x" * 12, slot.salt, params))
    wrong_time = best_of(wrong_unlock)
    assert wrong_time < 3 * kdf_time + 0.05, (wrong_time, kdf_time)
    assert wrong_time > 0.5 * kdf_time, (wrong_time, kdf_time)  # the KDF did run


def test_unknown_user(new_vault: Vault) -> None:
    new_vault.lock()
    with pytest.raises(UnknownUserError) as info:
        Vault.unlock(new_vault.path, "mallory", TEST_PASSPHRASE)
    assert info.value.code == "vault.unknown_user"


def test_second_unlock_of_an_open_vault_is_refused(new_vault: Vault) -> None:
    with pytest.raises(VaultInUseError) as info:
        Vault.unlock(new_vault.path, TEST_USER, TEST_PASSPHRASE)
    assert info.value.code == "vault.in_use"
    assert new_vault.is_open
    assert new_vault.check().ok


# Recovery key --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "transform",
    [
        lambda key: key,
        str.lower,
        lambda key: key.replace("-", " "),
        lambda key: "  " + key.lower().replace("-", "  ") + "\n",
    ],
    ids=["as-shown", "lowercase", "spaces", "lowercase-spaces-padding"],
)
def test_recovery_key_unlock(
    new_vault_and_recovery_key: tuple[Vault, str], transform: Callable[[str], str]
) -> None:
    v, recovery_key = new_vault_and_recovery_key
    _add_note(v, "before")
    v.lock()
    reopened = Vault.unlock_with_recovery_key(v.path, transform(recovery_key))
    try:
        assert reopened.actor == "recovery key"
        assert _notes(reopened) == ["before"]
        # A forgotten passphrase is reset with the recovery key.
        reopened.change_passphrase(TEST_USER, NEW_PASSPHRASE)
    finally:
        reopened.lock()
    Vault.unlock(v.path, TEST_USER, NEW_PASSPHRASE).lock()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ABCD",
        "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-456",
        "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-45!7",
    ],
)
def test_malformed_recovery_key(new_vault: Vault, text: str) -> None:
    new_vault.lock()
    with pytest.raises(MalformedRecoveryKeyError) as info:
        Vault.unlock_with_recovery_key(new_vault.path, text)
    assert info.value.code == "vault.malformed_recovery_key"


def test_wrong_recovery_key(new_vault: Vault) -> None:
    new_vault.lock()
    with pytest.raises(WrongRecoveryKeyError):
        Vault.unlock_with_recovery_key(new_vault.path, "AAAA-" * 7 + "AAAA")


# Passphrases and users -----------------------------------------------------------------------


def test_change_passphrase_rewrites_one_slot(new_vault: Vault, cheap_kdf: KdfParams) -> None:
    path = new_vault.path
    new_vault.add_user(SECOND_USER, SECOND_PASSPHRASE, kdf=cheap_kdf)
    _add_note(new_vault, "evidence")
    before = load_header_document(path)
    db_rows_before = new_vault.read("SELECT * FROM vault_meta ORDER BY key")

    new_vault.change_passphrase(TEST_USER, NEW_PASSPHRASE)
    after = load_header_document(path)
    assert [s["id"] for s in after["slots"]] == [s["id"] for s in before["slots"]]
    changed = [a for a, b in zip(after["slots"], before["slots"], strict=True) if a != b]
    assert len(changed) == 1
    assert changed[0]["user"] == TEST_USER
    new_vault.lock()

    with pytest.raises(WrongPassphraseError):
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    v = Vault.unlock(path, TEST_USER, NEW_PASSPHRASE)
    try:
        assert v.read("SELECT * FROM vault_meta ORDER BY key") == db_rows_before
        assert [e.action for e in v.audit_entries(action_prefix="vault.passphrase_changed")]
    finally:
        v.lock()
    Vault.unlock(path, SECOND_USER, SECOND_PASSPHRASE).lock()


def test_change_passphrase_of_unknown_user(new_vault: Vault) -> None:
    with pytest.raises(UnknownUserError):
        new_vault.change_passphrase("mallory", NEW_PASSPHRASE)


def test_add_user(new_vault: Vault, cheap_kdf: KdfParams) -> None:
    path = new_vault.path
    new_vault.add_user(SECOND_USER, SECOND_PASSPHRASE, role="paralegal", kdf=cheap_kdf)
    with pytest.raises(UserExistsError):
        new_vault.add_user(SECOND_USER, "yet another passphrase", kdf=cheap_kdf)
    with pytest.raises(WeakPassphraseError):
        new_vault.add_user("bob", "short", kdf=cheap_kdf)
    new_vault.lock()
    assert Vault.users(path) == [TEST_USER, SECOND_USER]
    v = Vault.unlock(path, SECOND_USER, SECOND_PASSPHRASE)
    try:
        assert v.actor == SECOND_USER
        assert (SECOND_USER, "paralegal", "") in v.user_profiles()
        assert v.audit_entries(action_prefix="user.added")
        assert v.role == "caseworker"  # the job title "paralegal" implies case work
    finally:
        v.lock()
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(path, SECOND_USER, TEST_PASSPHRASE)
    Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()


# Keyring slots -------------------------------------------------------------------------------


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["fail", "null"])
def test_keyring_slot_refused_without_a_secure_keyring(
    new_vault: Vault, backend: Callable[[], Any]
) -> None:
    keyring.set_keyring(backend())
    slots_before = new_vault.header.slots
    with pytest.raises(KeyringUnavailableError):
        new_vault.enable_keyring()
    assert new_vault.header.slots == slots_before
    assert not load_header_document(new_vault.path)["slots"][2:]
    new_vault.lock()
    with pytest.raises(KeyringUnavailableError):
        Vault.unlock_with_keyring(new_vault.path)


def test_keyring_slot_refused_for_a_plaintext_backend(new_vault: Vault) -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(KeyringUnavailableError):
        new_vault.enable_keyring()


def _backend_named(module: str, name: str) -> type[MemoryKeyring]:
    """A working store that calls itself ``module.name``, as a third-party backend would."""
    return type(name, (MemoryKeyring,), {"__module__": module, "__qualname__": name})


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("keyrings.alt.file", "PlaintextKeyring"),
        ("keyrings.alt.file", "EncryptedKeyring"),  # its key is a passphrase in the same file
        ("keyrings.cryptfile.cryptfile", "CryptFileKeyring"),
        ("keyring.backends.null", "Keyring"),
        ("keyring.backends.fail", "Keyring"),
        ("some_vendor.store", "SecureStore"),  # a reassuring name proves nothing
        ("keyring.backends.SecretService", "KeyringSubclass"),
    ],
)
def test_only_known_secure_keyring_backends_are_accepted(
    new_vault: Vault, module: str, name: str
) -> None:
    keyring.set_keyring(_backend_named(module, name)())
    with pytest.raises(KeyringUnavailableError):
        new_vault.enable_keyring()
    assert [s.kind for s in new_vault.header.slots] == ["passphrase", "recovery"]


def test_known_secure_backends_and_chainers(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import chainer

    from vault import keyring_store

    secret_service = _backend_named("keyring.backends.SecretService", "Keyring")
    plaintext = _backend_named("keyrings.alt.file", "PlaintextKeyring")
    for module, name in [
        ("keyring.backends.SecretService", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
        ("keyring.backends.macOS", "Keyring"),
        ("keyring.backends.Windows", "WinVaultKeyring"),
    ]:
        assert keyring_store._is_secure(_backend_named(module, name)())

    def chain_of(*members: MemoryKeyring) -> chainer.ChainerBackend:
        monkeypatch.setattr(chainer.ChainerBackend, "backends", list(members))
        return chainer.ChainerBackend()

    assert keyring_store._is_secure(chain_of(secret_service()))
    assert not keyring_store._is_secure(chain_of(secret_service(), plaintext()))
    assert not keyring_store._is_secure(chain_of())


def test_keyring_slot_with_a_secure_keyring(
    new_vault: Vault, memory_keyring: MemoryKeyring
) -> None:
    path, vault_id = new_vault.path, new_vault.vault_id
    _add_note(new_vault, "via keyring")
    new_vault.enable_keyring()
    assert [s.kind for s in new_vault.header.slots] == ["passphrase", "recovery", "keyring"]
    new_vault.lock()
    names = {name for _, name in memory_keyring.entries}
    assert f"checkpoint:{vault_id}" in names
    assert any(name.startswith(f"slot:{vault_id}:") for name in names)

    v = Vault.unlock_with_keyring(path)
    try:
        assert v.actor == TEST_USER  # the slot unwraps the user's own signing key
        assert _notes(v) == ["via keyring"]
    finally:
        v.lock()
    Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()  # never the only slot

    for key in [k for k in memory_keyring.entries if k[1].startswith("slot:")]:
        del memory_keyring.entries[key]
    with pytest.raises(KeyringSecretMissingError):
        Vault.unlock_with_keyring(path)


def test_disable_keyring(new_vault: Vault, memory_keyring: MemoryKeyring) -> None:
    new_vault.enable_keyring()
    new_vault.disable_keyring()
    assert [s.kind for s in new_vault.header.slots] == ["passphrase", "recovery"]
    assert not [name for _, name in memory_keyring.entries if name.startswith("slot:")]


# Damaged and hostile headers -----------------------------------------------------------------


def test_every_single_bit_flip_in_the_header_is_a_clear_error(
    new_vault: Vault, cheap_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_vault.add_user(SECOND_USER, SECOND_PASSPHRASE, kdf=cheap_kdf)
    new_vault.lock()
    # Thousands of small rewrites: on a RAM disk when there is one, so that a busy disk's
    # writeback throttling does not make the test slow.
    ram_disk = Path("/dev/shm")
    scratch = tempfile.TemporaryDirectory(dir=ram_disk if ram_disk.is_dir() else None)
    with scratch as scratch_dir:
        path = Path(scratch_dir) / "vault"
        shutil.copytree(new_vault.path, path)
        _flip_every_bit(path, monkeypatch)


def _flip_every_bit(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    header_file = path / "vault.json"
    original = header_file.read_bytes()
    kdf_calls = _count_kdf_calls(monkeypatch)
    outcomes: dict[str, int] = {}
    for position in range(len(original) * 8):
        damaged = bytearray(original)
        damaged[position // 8] ^= 1 << (position % 8)
        header_file.write_bytes(bytes(damaged))
        try:
            Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()
        except (HeaderDamagedError, HeaderTamperedError) as exc:
            outcomes[exc.code] = outcomes.get(exc.code, 0) + 1
        else:
            pytest.fail(f"bit {position} flipped and the vault still opened")
    # Damage is found before any key derivation, so a flip never reads as a wrong passphrase.
    assert not kdf_calls
    assert sum(outcomes.values()) == len(original) * 8
    header_file.write_bytes(original)
    Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()


def test_header_truncated_at_every_length_is_a_clear_error(new_vault: Vault) -> None:
    new_vault.lock()
    header_file = new_vault.path / "vault.json"
    original = header_file.read_bytes()
    # Dropping only the final newline leaves an intact document.
    for length in range(len(original.rstrip())):
        header_file.write_bytes(original[:length])
        with pytest.raises(HeaderDamagedError):
            Vault.read_header(new_vault.path)


def _set_kdf(field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        document["slots"][0]["kdf"][field] = value

    return mutate


@pytest.mark.parametrize(
    "mutate",
    [
        _set_kdf("memory_kib", 2 * 1024 * 1024 + 1),
        _set_kdf("memory_kib", 64 * 1024 * 1024),
        _set_kdf("memory_kib", 10**30),
        _set_kdf("iterations", 1_000_000),
        _set_kdf("lanes", 100_000),
        _set_kdf("iterations", 0),
        _set_kdf("memory_kib", 2.5),
        _set_kdf("name", "pbkdf2"),
    ],
)
def test_hostile_kdf_parameters_are_refused(
    new_vault: Vault, monkeypatch: pytest.MonkeyPatch, mutate: Callable[[dict[str, Any]], None]
) -> None:
    path = new_vault.path
    new_vault.lock()
    document = load_header_document(path)
    mutate(document)
    write_resealed_header(path, document)
    kdf_calls = _count_kdf_calls(monkeypatch)
    with pytest.raises(KdfParametersRefusedError) as info:
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    assert info.value.code == "vault.kdf_refused"
    assert not kdf_calls


def test_slot_asking_for_a_huge_time_cost_is_refused_fast(
    new_vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 13: t = 64 once ran for 119 s at 2.1 GB before "wrong passphrase".
    path = new_vault.path
    new_vault.lock()
    document = load_header_document(path)
    document["slots"][0]["kdf"].update(iterations=64, memory_kib=2 * 1024 * 1024)
    write_resealed_header(path, document)
    kdf_calls = _count_kdf_calls(monkeypatch)
    started = time.monotonic()
    with pytest.raises(KdfParametersRefusedError):
        Vault.unlock(path, TEST_USER, "a wrong passphrase")
    assert time.monotonic() - started < 1.0
    assert not kdf_calls
    for iterations, memory in [(11, 8 * 1024), (3, 2 * 1024 * 1024)]:
        with pytest.raises(KdfParametersRefusedError):
            KdfParams(memory_kib=memory, iterations=iterations, lanes=1).check()
    KdfParams(memory_kib=256 * 1024, iterations=10, lanes=4).check()  # generous still passes


def _hostile(name: str, mutate: Callable[[dict[str, Any]], None]) -> Any:
    return pytest.param(mutate, id=name)


def _put(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda document: document.__setitem__(key, value)


def _put_slot(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda document: document["slots"][0].__setitem__(key, value)


@pytest.mark.parametrize(
    "mutate",
    [
        _hostile("no-slots", _put("slots", [])),
        _hostile("slots-not-list", _put("slots", {"a": 1})),
        _hostile("slot-not-object", _put("slots", [1, 2])),
        _hostile("format", _put("format", "something-else")),
        _hostile("version-string", _put("version", "1")),
        _hostile("version-float", _put("version", 1.0)),
        _hostile("vault-id", _put("vault_id", "zz")),
        _hostile("created-at", _put("created_at", None)),
        _hostile("mac-missing", lambda d: d.pop("mac")),
        _hostile("mac-short", _put("mac", "00")),
        _hostile("checkpoint-not-object", _put("checkpoint", [])),
        _hostile("checkpoint-bad-seq", lambda d: d["checkpoint"].__setitem__("seq", -1)),
        _hostile("checkpoint-bool-seq", lambda d: d["checkpoint"].__setitem__("seq", True)),
        _hostile("checkpoint-signature", lambda d: d["checkpoint"].__setitem__("signature", "é")),
        _hostile("slot-id", _put_slot("id", "../../etc")),
        _hostile("slot-type", _put_slot("type", "magic")),
        _hostile("slot-user", _put_slot("user", ["ana"])),
        _hostile("slot-salt-length", _put_slot("salt", "AAAA")),
        _hostile("slot-salt-not-base64", _put_slot("salt", "not base64!")),
        _hostile("slot-salt-non-ascii", _put_slot("salt", "ăîșțâ")),
        _hostile("slot-wrapped-type", _put_slot("wrapped", 12)),
        _hostile("slot-kdf-missing", lambda d: d["slots"][0].pop("kdf")),
        _hostile("duplicate-slot", lambda d: d["slots"].append(d["slots"][0])),
    ],
)
def test_hostile_headers_are_clear_errors(
    new_vault: Vault, mutate: Callable[[dict[str, Any]], None]
) -> None:
    path = new_vault.path
    new_vault.lock()
    document = load_header_document(path)
    mutate(document)
    write_resealed_header(path, document)
    with pytest.raises(CustodiaError):
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE).lock()


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"null",
        b"[]",
        b"\xff\xfe{}",
        b"{" * 100_000,
        b"[" * 100_000,
        b'{"checksum": 5}',
        b'{"checksum": "' + "é".encode() * 64 + b'"}',
        b'{"checksum": "\\ud800"}',
        b'{"a": "\\ud800"}',
        b" " * (2 << 20),
    ],
    ids=lambda raw: repr(raw[:20]),
)
def test_garbage_headers_are_clear_errors(new_vault: Vault, raw: bytes) -> None:
    new_vault.lock()
    (new_vault.path / "vault.json").write_bytes(raw)
    with pytest.raises(HeaderDamagedError):
        Vault.unlock(new_vault.path, TEST_USER, TEST_PASSPHRASE)


@pytest.mark.parametrize(
    "mutate",
    [
        _hostile("recovery-slot-removed", lambda d: d["slots"].pop(1)),
        _hostile("created-at-edited", _put("created_at", "2001-01-01T00:00:00.000000Z")),
        _hostile("checkpoint-removed", _put("checkpoint", None)),
        _hostile("mac-replaced", _put("mac", "ab" * 32)),
        _hostile("slots-reordered", lambda d: d["slots"].reverse()),
    ],
)
def test_edited_header_with_valid_checksum_is_tampered(
    new_vault: Vault, mutate: Callable[[dict[str, Any]], None]
) -> None:
    path = new_vault.path
    new_vault.lock()
    document = load_header_document(path)
    mutate(document)
    write_resealed_header(path, document)
    with pytest.raises(HeaderTamperedError) as info:
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    assert info.value.code == "vault.header_tampered"
    # A tampered header is not a wrong passphrase: a wrong one is still reported as such.
    with pytest.raises(WrongPassphraseError):
        Vault.unlock(path, TEST_USER, "not the passphrase")


def test_newer_header_version_is_unsupported(new_vault: Vault) -> None:
    path = new_vault.path
    new_vault.lock()
    document = load_header_document(path)
    document["version"] = 2
    write_resealed_header(path, document)
    with pytest.raises(UnsupportedFormatError):
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)


def test_database_of_another_vault_is_refused(
    new_vault: Vault, tmp_path: Path, cheap_kdf: KdfParams
) -> None:
    other, _ = Vault.create(tmp_path / "other", TEST_USER, TEST_PASSPHRASE, kdf=cheap_kdf)
    other.lock()
    new_vault.lock()
    shutil.copyfile(other.path / "vault.db", new_vault.path / "vault.db")
    with pytest.raises(DatabaseDamagedError):
        Vault.unlock(new_vault.path, TEST_USER, TEST_PASSPHRASE)


def test_missing_database_is_refused(new_vault: Vault) -> None:
    new_vault.lock()
    (new_vault.path / "vault.db").unlink()
    with pytest.raises(DatabaseDamagedError):
        Vault.unlock(new_vault.path, TEST_USER, TEST_PASSPHRASE)


# Migrations ----------------------------------------------------------------------------------


def _toy_step2(conn: Connection) -> None:
    conn.execute("ALTER TABLE toy_notes ADD COLUMN shout TEXT NOT NULL DEFAULT ''")
    conn.execute("UPDATE toy_notes SET shout = upper(body)")


def _toy_step3(conn: Connection) -> None:
    conn.execute(
        "CREATE TABLE toy_notes_v3 (id INTEGER PRIMARY KEY, body TEXT NOT NULL,"
        " shout TEXT NOT NULL, length INTEGER NOT NULL)"
    )
    conn.execute(
        "INSERT INTO toy_notes_v3 (id, body, shout, length)"
        " SELECT id, body, shout, length(body) FROM toy_notes"
    )
    conn.execute("DROP TABLE toy_notes")
    conn.execute("ALTER TABLE toy_notes_v3 RENAME TO toy_notes")


TOY_MIGRATIONS: tuple[Migration, ...] = (
    sql_migration(1, "toy notes", "CREATE TABLE toy_notes (id INTEGER PRIMARY KEY, body TEXT)"),
    Migration(2, "shouted copy", _toy_step2),
    Migration(3, "length column, rebuilt table", _toy_step3),
)

TOY_INSERTS = {
    1: "INSERT INTO toy_notes (body) VALUES (?)",
    2: "INSERT INTO toy_notes (body, shout) VALUES (?, upper(?))",
    3: "INSERT INTO toy_notes (body, shout, length) VALUES (?, upper(?), length(?))",
}


@pytest.mark.parametrize("start", range(len(TOY_MIGRATIONS)))
def test_migrations_from_every_earlier_version(new_vault: Vault, start: int) -> None:
    if start:
        assert new_vault.migrate("toy", TOY_MIGRATIONS[:start]) == start
        bodies = ["first note", "Ștefan's second"]
        with new_vault.transaction() as tx:
            for body in bodies:
                sql = TOY_INSERTS[start]
                tx.execute(sql, (body,) * sql.count("?"))
            tx.audit("toy.notes_added", "toy", {"count": len(bodies)})
    else:
        bodies = []
    seq_before = new_vault.verify_audit().last_seq

    assert new_vault.migrate("toy", TOY_MIGRATIONS) == len(TOY_MIGRATIONS)

    rows = new_vault.read("SELECT body, shout, length FROM toy_notes ORDER BY id")
    assert rows == [(b, b.upper(), len(b)) for b in bodies]
    steps = [
        (e.seq, e.details)
        for e in reversed(new_vault.audit_entries(action_prefix="schema.migrated", subject="toy"))
        if e.seq > seq_before
    ]
    assert [d for _, d in steps] == [{"from": n, "to": n + 1} for n in range(start, 3)]
    assert new_vault.migrate("toy", TOY_MIGRATIONS) == 3  # idempotent, nothing more audited
    assert new_vault.verify_audit().last_seq == seq_before + 3 - start
    assert new_vault.check().ok

    # The upgrade survives a lock and a reopen.
    path = new_vault.path
    new_vault.lock()
    v = Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    try:
        assert v.migrate("toy", TOY_MIGRATIONS) == 3
        assert v.read("SELECT count(*) FROM toy_notes") == [(len(bodies),)]
    finally:
        v.lock()


def test_failed_migration_rolls_back(new_vault: Vault) -> None:
    broken = (*TOY_MIGRATIONS[:1], sql_migration(2, "broken", "ALTER TABLE nowhere ADD x TEXT"))
    with pytest.raises(MigrationError):
        new_vault.migrate("toy", broken)
    assert new_vault.migrate("toy", TOY_MIGRATIONS[:1]) == 1
    with pytest.raises(MigrationError):
        new_vault.migrate("toy", (TOY_MIGRATIONS[1],))  # not numbered 1..n
    assert new_vault.verify_audit().entries > 0


def test_newer_component_schema_is_unsupported(new_vault: Vault) -> None:
    new_vault.migrate("toy", TOY_MIGRATIONS)
    with pytest.raises(UnsupportedFormatError):
        new_vault.migrate("toy", TOY_MIGRATIONS[:2])


def test_newer_vault_schema_is_unsupported(new_vault: Vault) -> None:
    path = new_vault.path
    with new_vault.transaction() as tx:
        tx.execute("UPDATE schema_versions SET version = version + 1 WHERE component = 'vault'")
        tx.audit("test.schema_bumped", "vault", {})
    new_vault.lock()
    with pytest.raises(UnsupportedFormatError) as info:
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)
    assert info.value.code == "vault.unsupported_format"
    # Refused cleanly: the vault is not left locked by this process.
    with pytest.raises(UnsupportedFormatError):
        Vault.unlock(path, TEST_USER, TEST_PASSPHRASE)


def test_verify_passphrase(new_vault: Vault, cheap_kdf: KdfParams) -> None:
    new_vault.add_user(SECOND_USER, SECOND_PASSPHRASE, kdf=cheap_kdf)
    header_before = load_header_document(new_vault.path)
    assert new_vault.verify_passphrase(TEST_USER, TEST_PASSPHRASE)
    assert not new_vault.verify_passphrase(TEST_USER, SECOND_PASSPHRASE)
    assert new_vault.verify_passphrase(SECOND_USER, SECOND_PASSPHRASE)
    with pytest.raises(UnknownUserError):
        new_vault.verify_passphrase("mallory", TEST_PASSPHRASE)
    assert load_header_document(new_vault.path) == header_before  # a check changes nothing
    assert new_vault.is_open
