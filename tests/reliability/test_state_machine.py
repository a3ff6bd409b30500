"""A Hypothesis state machine over the vault and the domain, with invariants after every step.

Rules: ingest evidence, write/edit/finalise statements, add and erase people (their statements
and the evidence acquired from them go with them), lock and unlock (including a wrong
passphrase), change the passphrase, and, in the smaller export run, export and verify a bundle.
Invariants (while unlocked): the ledger verifies, ``check()`` is clean, evidence and statement
texts match the model byte for byte, blob files and rows agree, ``tmp/`` is empty.

Each example starts from a copy of one template vault (created once, with a cheap KDF), so an
example costs an unlock instead of a creation.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    invariant,
    precondition,
    rule,
)

from intake import Intake, open_intake
from intake.errors import StatementFinalisedError, StatementNotFoundError
from intake.models import Acquisition, PersonRole
from tests.reliability.helpers import files_under
from vault import KdfParams, Vault
from vault.errors import WrongPassphraseError

USER = "ana"
FIRST_PASSPHRASE = "state machine passphrase 0"
CHEAP_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
TEXT = st.text(
    alphabet=st.sampled_from("abc ăîșț ЖЯї 0123\n"), min_size=0, max_size=60
)  # Romanian, Ukrainian and a newline: what statements hold

_template: Path | None = None
_root = Path(tempfile.mkdtemp(prefix="custodia-state-machine-"))
atexit.register(shutil.rmtree, _root, ignore_errors=True)


def template() -> tuple[Path, str]:
    """A locked vault holding the demo case (with consent for court); created once."""
    global _template
    path = _root / "template"
    if _template is None:
        from intake.demo import build_demo

        v, _ = Vault.create(path, USER, FIRST_PASSPHRASE, kdf=CHEAP_KDF)
        intake = open_intake(v)
        _reference = intake.cases.get(build_demo(intake)).reference
        (_root / "reference").write_text(_reference)
        v.lock()
        _template = path
    return path, (_root / "reference").read_text()


class VaultMachine(RuleBasedStateMachine):
    statements = Bundle("statements")
    people = Bundle("people")

    def __init__(self) -> None:
        super().__init__()
        source, self.reference = template()
        self.path = _root / uuid.uuid4().hex
        shutil.copytree(source, self.path)
        self.passphrase = FIRST_PASSPHRASE
        self.v: Vault | None = Vault.unlock(self.path, USER, self.passphrase)
        self.intake: Intake = open_intake(self.v)
        self.case_id = self.intake.cases.by_reference(self.reference).case_id
        # The demo's own records, attributed to no person of ours: they must never change.
        self.evidence: dict[str, tuple[str, int, str | None]] = {
            e.evidence_id: (e.sha256, e.size, None)
            for e in self.intake.evidence.list_for_case(self.case_id)
        }
        self.texts: dict[str, tuple[str, bool, str | None]] = {
            s.statement_id: (s.text, s.finalised, None)
            for s in self.intake.statements.list_for_case(self.case_id)
        }
        self.erased: set[str] = set()
        self.live_people: set[str] = set()  # survivors we added; none has consent on record
        self.exports = 0
        self.sources = self.path.with_suffix(".sources")
        self.sources.mkdir()

    def teardown(self) -> None:
        if self.v is not None and self.v.is_open:
            self.v.lock()
        shutil.rmtree(self.path, ignore_errors=True)
        shutil.rmtree(self.sources, ignore_errors=True)

    def unlocked(self) -> bool:
        return self.v is not None and self.v.is_open

    # People ------------------------------------------------------------------------------

    @precondition(lambda self: self.unlocked())
    @rule(target=people, name=st.sampled_from(["Olena", "Ion", "Maria"]))
    def add_person(self, name: str) -> str:
        person = self.intake.people.add(self.case_id, PersonRole.SURVIVOR, name).person_id
        self.live_people.add(person)
        return person

    @precondition(lambda self: self.unlocked())
    @rule(person=consumes(people))
    def erase_person(self, person: str) -> None:
        self.intake.erasure.erase_person(person, "request of the data subject")
        self.erased.add(person)
        self.live_people.discard(person)
        self.evidence = {k: e for k, e in self.evidence.items() if e[2] != person}
        self.texts = {k: t for k, t in self.texts.items() if t[2] != person}

    # Evidence ----------------------------------------------------------------------------

    @precondition(lambda self: self.unlocked())
    @rule(
        data=st.binary(max_size=3000),
        person=st.one_of(st.none(), people),
    )
    def ingest(self, data: bytes, person: str | None) -> None:
        if person in self.erased:
            person = None
        source = self.sources / f"{uuid.uuid4().hex}.bin"
        source.write_bytes(data)
        item = self.intake.evidence.ingest(
            self.case_id, source, acquisition=Acquisition(acquired_from_person_id=person)
        )
        assert item.sha256 == hashlib.sha256(data).hexdigest()
        self.evidence[item.evidence_id] = (item.sha256, item.size, person)

    # Statements --------------------------------------------------------------------------

    @precondition(lambda self: self.unlocked())
    @rule(target=statements, text=TEXT, person=st.one_of(st.none(), people))
    def create_statement(self, text: str, person: str | None) -> str:
        if person in self.erased:
            person = None
        statement = self.intake.statements.create(
            self.case_id, kind="verbatim", language="ro", person_id=person, text=text
        )
        self.texts[statement.statement_id] = (text, False, person)
        return statement.statement_id

    @precondition(lambda self: self.unlocked())
    @rule(statement=statements, text=TEXT)
    def edit_statement(self, statement: str, text: str) -> None:
        if statement not in self.texts:
            with pytest.raises(StatementNotFoundError):
                self.intake.statements.save_revision(statement, text)
            return
        _, final, person = self.texts[statement]
        if final:
            with pytest.raises(StatementFinalisedError):
                self.intake.statements.save_revision(statement, text)
            return
        self.intake.statements.save_revision(statement, text)
        self.texts[statement] = (text, False, person)

    @precondition(lambda self: self.unlocked())
    @rule(statement=statements)
    def finalise(self, statement: str) -> None:
        if statement not in self.texts:
            return
        text, final, person = self.texts[statement]
        if final or not text:
            return  # refusals are the unit tests' business
        done = self.intake.statements.finalise(statement)
        assert done.final_sha256 == hashlib.sha256(text.encode()).hexdigest()
        self.texts[statement] = (text, True, person)

    # Keys --------------------------------------------------------------------------------

    @precondition(lambda self: self.unlocked())
    @rule()
    def lock(self) -> None:
        assert self.v is not None
        self.intake.close()
        self.v.lock()

    @precondition(lambda self: not self.unlocked())
    @rule(wrong_first=st.booleans())
    def unlock(self, wrong_first: bool) -> None:
        if wrong_first:
            with pytest.raises(WrongPassphraseError):
                Vault.unlock(self.path, USER, self.passphrase + "!")
        self.v = Vault.unlock(self.path, USER, self.passphrase)
        self.intake = open_intake(self.v)

    @precondition(lambda self: self.unlocked())
    @rule(n=st.integers(1, 10**6))
    def change_passphrase(self, n: int) -> None:
        assert self.v is not None
        new = f"state machine passphrase {n}"
        self.v.change_passphrase(USER, new)
        self.passphrase = new

    # Invariants --------------------------------------------------------------------------

    @invariant()
    def vault_matches_model(self) -> None:
        if not self.unlocked():
            assert not files_under(self.path / "tmp")
            return
        assert self.v is not None
        report = self.v.check()
        assert report.ok, report.problems
        stored = {
            e.evidence_id: (e.sha256, e.size)
            for e in self.intake.evidence.list_for_case(self.case_id)
        }
        assert stored == {k: (e[0], e[1]) for k, e in self.evidence.items()}
        # check() above decrypted every blob against the recorded hash and size.
        listed = {s.statement_id: s for s in self.intake.statements.list_for_case(self.case_id)}
        assert set(listed) == set(self.texts)
        for statement_id, (text, final, _) in self.texts.items():
            assert listed[statement_id].text == text
            assert listed[statement_id].finalised == final


class ExportingMachine(VaultMachine):
    """The same machine with export as a further rule (an export costs about a second)."""

    @precondition(lambda self: self.unlocked() and self.exports < 2)
    @rule(as_zip=st.booleans())
    def export(self, as_zip: bool) -> None:
        from exports.errors import ConsentRefusedError
        from exports.from_intake import ExportOptions, export_case
        from exports.model import RecipientKind
        from exports.verify import verify_bundle

        self.exports += 1
        dest = self.sources / (f"bundle-{self.exports}" + (".zip" if as_zip else ""))
        options = ExportOptions(self.reference, RecipientKind.COURT, recipient_name="Court")
        try:
            result = export_case(self.intake, options, dest, as_zip=as_zip)
        except ConsentRefusedError:
            # Only a survivor we added (never with consent on record) can be the reason; the
            # refusal writes nothing. (Which records bring a person into scope is exports' rule.)
            assert self.live_people
            assert not dest.exists()
            assert not list(dest.parent.glob(".*custodia-partial*"))
            return
        assert verify_bundle(dest).ok
        finals = {k for k, (_, final, _) in self.texts.items() if final}
        assert set(result.statement_ids) <= finals
        exported = {e.number for e in self.intake.evidence.list_for_case(self.case_id)}
        assert len(result.evidence_numbers) + len(result.withheld_numbers) == len(exported)


VaultMachine.TestCase.settings = settings(
    max_examples=500,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
ExportingMachine.TestCase.settings = settings(
    max_examples=10,
    stateful_step_count=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestVaultMachine = VaultMachine.TestCase
TestExportingMachine = ExportingMachine.TestCase
