"""Shared plumbing of the intake services: ids, time, JSON, row helpers, trigger errors."""

from __future__ import annotations

import contextlib
import hashlib
import json
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from intake.errors import (
    CaseClosedError,
    CaseNotFoundError,
    ImmutableRecordError,
    ReasonRequiredError,
    StatementFinalisedError,
    StatementNotFinalisedError,
)
from vault import Transaction, Vault
from vault.db import DatabaseError
from vault.vault import iso


def new_id() -> str:
    return secrets.token_hex(16)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")  # a programming error, not a user error
    return iso(moment)


def parse_dt(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def parse_opt_dt(text: str | None) -> datetime | None:
    return None if text is None else parse_dt(text)


def parse_opt_date(text: str | None) -> date | None:
    return None if not text else date.fromisoformat(text)


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


Row = Mapping[str, Any]


class Columns:
    """The columns one query selects, named: rows are read by name, never by position.

    Adding a column to a table then means adding its name here (or nothing, when no reader needs
    it); no index anywhere shifts.
    """

    def __init__(self, *names: str) -> None:
        self.names: tuple[str, ...] = tuple(n.strip() for n in names)

    @classmethod
    def parse(cls, text: str) -> Columns:
        """From a comma-separated SQL column list ("a, b, c")."""
        return cls(*(n for n in text.split(",") if n.strip()))

    @property
    def sql(self) -> str:
        return ", ".join(self.names)

    def qualified(self, alias: str) -> str:
        """The list with a table alias ("c.a, c.b"), for joins."""
        return ", ".join(f"{alias}.{n}" for n in self.names)

    def __add__(self, other: Columns) -> Columns:
        return Columns(*self.names, *other.names)

    def row(self, values: Sequence[Any]) -> Row:
        return dict(zip(self.names, values, strict=True))

    def rows(self, rows: Iterable[Sequence[Any]]) -> list[Row]:
        return [self.row(r) for r in rows]


def require_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ReasonRequiredError()
    return reason


@contextlib.contextmanager
def translated_db_errors() -> Iterator[None]:
    """Turn the schema's trigger aborts into the same typed errors the services raise."""
    try:
        yield
    except DatabaseError as exc:
        text = str(exc)
        if "intake.statement_finalised" in text:
            raise StatementFinalisedError() from exc
        if "intake.statement_not_finalised" in text:
            raise StatementNotFinalisedError() from exc
        if "intake.immutable" in text:
            raise ImmutableRecordError() from exc
        raise


CASE_ROW = Columns("case_id", "reference", "status", "legal_hold")


def case_row(tx: Transaction, case_id: str, *, must_be_open: bool = True) -> Row:
    """The case's row inside ``tx``; refuses additions to a closed case when asked to."""
    found = tx.execute(f"SELECT {CASE_ROW.sql} FROM cases WHERE case_id = ?", (case_id,)).fetchone()
    if found is None:
        raise CaseNotFoundError(case_id)
    row = CASE_ROW.row(found)
    if must_be_open and row["status"] != "open":
        raise CaseClosedError(case_id)
    return row


class Service:
    """Base of every service: holds the vault (the one owner of the connection)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    @property
    def vault(self) -> Vault:
        return self._vault

    def _now(self) -> datetime:
        return self._vault.clock()


def index_put(
    tx: Transaction, kind: str, ref_id: str, case_id: str | None, title: str, body: str
) -> None:
    """Insert or replace one document of the search index, inside the caller's transaction."""
    row = tx.execute(
        "SELECT doc_id FROM search_docs WHERE kind = ? AND ref_id = ?", (kind, ref_id)
    ).fetchone()
    if row is None:
        cursor = tx.execute(
            "INSERT INTO search_docs (kind, ref_id, case_id) VALUES (?, ?, ?)",
            (kind, ref_id, case_id),
        )
        doc_id = int(cursor.lastrowid)
    else:
        doc_id = int(row[0])
        tx.execute("DELETE FROM search_index WHERE rowid = ?", (doc_id,))
        tx.execute("UPDATE search_docs SET case_id = ? WHERE doc_id = ?", (case_id, doc_id))
    tx.execute(
        "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)", (doc_id, title, body)
    )


def index_drop(tx: Transaction, kind: str, ref_id: str) -> None:
    row = tx.execute(
        "SELECT doc_id FROM search_docs WHERE kind = ? AND ref_id = ?", (kind, ref_id)
    ).fetchone()
    if row is not None:
        tx.execute("DELETE FROM search_index WHERE rowid = ?", (int(row[0]),))
        tx.execute("DELETE FROM search_docs WHERE doc_id = ?", (int(row[0]),))
