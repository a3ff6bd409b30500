"""Shared plumbing of the intake services: ids, time, JSON, row helpers, trigger errors."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, Protocol

from intake.errors import (
    CaseClosedError,
    CaseNotFoundError,
    ImmutableRecordError,
    ReasonRequiredError,
    StatementFinalisedError,
    StatementNotFinalisedError,
)
from intake.extract import phone_terms, region_of
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
#: Where a query runs: the vault (a read of its own) or the caller's transaction.
Db = Vault | Transaction
Params = Sequence[Any] | dict[str, Any]
_IDENTIFIER = re.compile(r"^\w+$")
_QUALIFIED = re.compile(r"^\w+\.(?P<name>\w+)$")
_NAMED = re.compile(r"^(?P<sql>.+?)\s+AS\s+(?P<name>\w+)$", re.IGNORECASE | re.DOTALL)


class Columns:
    """The columns one query selects, named: rows are read by name, never by position.

    A column is a plain name (``"title"``) or an expression with the name it is read by
    (``"count(*) AS people"``). Adding a column to a table then means adding its name here (with
    :meth:`of`, adding the field to the record); no index anywhere shifts.
    """

    def __init__(self, *columns: str) -> None:
        pairs: list[tuple[str, str]] = []
        for column in columns:
            column = column.strip()
            named = _NAMED.match(column)
            if named:
                pairs.append((named["name"], named["sql"]))
            else:
                # A bare "alias.name" is read as "name", as SQLite names it.
                qualified = _QUALIFIED.match(column)
                pairs.append((qualified["name"] if qualified else column, column))
        self._pairs = tuple(pairs)
        self.names: tuple[str, ...] = tuple(name for name, _ in pairs)
        if len(set(self.names)) != len(self.names):
            # A dict row would silently keep only the last of two equal names.
            raise ValueError(f"duplicate column names in {self.names}")
        self.sql = ", ".join(
            sql if _plain(sql, name) else f"{sql} AS {name}" for name, sql in pairs
        )

    @classmethod
    def parse(cls, text: str) -> Columns:
        """From a comma-separated SQL column list ("a, b, c")."""
        return cls(*(n for n in text.split(",") if n.strip()))

    @classmethod
    def of(cls, model: type[Any], **expressions: str) -> Columns:
        """One column per field of the dataclass ``model``, read by the field's name.

        ``expressions`` gives the SQL of a field whose column has another name or is computed
        (``text="current_text"``), so the select list follows the record: a new field is
        selected as soon as it is declared.
        """
        names = [f.name for f in dataclasses.fields(model)]
        unknown = set(expressions) - set(names)
        if unknown:
            raise ValueError(f"{model.__name__} has no fields {sorted(unknown)}")
        return cls(*(f"{expressions[n]} AS {n}" if n in expressions else n for n in names))

    def qualified(self, alias: str, prefix: str = "") -> Columns:
        """The same columns taken from table ``alias`` in a join ("c.a, c.b"); ``prefix``
        renames them (``entity_`` + name) where two joined tables share a column name.
        Expressions other than a bare column name are left as they are: they name their own
        tables.
        """
        return Columns(
            *(
                f"{alias}.{sql} AS {prefix}{name}"
                if _IDENTIFIER.match(sql)
                else f"{sql} AS {prefix}{name}"
                for name, sql in self._pairs
            )
        )

    @property
    def specs(self) -> tuple[str, ...]:
        """Each column as ``"<sql> AS <name>"``: what :class:`Columns` is built from."""
        return tuple(f"{sql} AS {name}" for name, sql in self._pairs)

    def __add__(self, other: Columns) -> Columns:
        return Columns(*self.specs, *other.specs)

    def row(self, values: Sequence[Any]) -> Row:
        return dict(zip(self.names, values, strict=True))

    def rows(self, rows: Sequence[Sequence[Any]]) -> list[Row]:
        # Every row of one query has the same width, so the first row's check covers them all
        # (zip's own strict check per row cost a quarter of the conversion of a case list).
        if rows:
            self.row(rows[0])
        names = self.names
        return [dict(zip(names, r)) for r in rows]  # noqa: B905 - width checked above

    def select(self, rest: str) -> str:
        """``SELECT <these columns> <rest>``; ``rest`` starts with FROM."""
        return f"SELECT {self.sql} {rest}"

    def fetch_one(self, db: Db, rest: str, params: Params = ()) -> Row | None:
        """The first row of ``SELECT <these columns> <rest>`` by name, or ``None``."""
        sql = self.select(rest)
        if isinstance(db, Transaction):
            values = db.execute(sql, params).fetchone()
        else:
            values = db.read_one(sql, params)
        return None if values is None else self.row(values)

    def fetch_all(self, db: Db, rest: str, params: Params = ()) -> list[Row]:
        """Every row of ``SELECT <these columns> <rest>``, by name."""
        sql = self.select(rest)
        if isinstance(db, Transaction):
            return self.rows(db.execute(sql, params).fetchall())
        return self.rows(db.read(sql, params))


def _plain(sql: str, name: str) -> bool:
    """Whether ``sql`` already yields a column called ``name`` ("name" or "alias.name")."""
    qualified = _QUALIFIED.match(sql)
    return sql == name or (qualified is not None and qualified["name"] == name)


def scalar(db: Db, expression: str, rest: str, params: Params = ()) -> Any:
    """The value of one expression (``count(*)``, ``max(version)``) in the first row, or
    ``None`` when there is no row."""
    row = Columns(f"{expression} AS value").fetch_one(db, rest, params)
    return None if row is None else row["value"]


def insert_row(db: Transaction, table: str, values: Mapping[str, Any]) -> Any:
    """``INSERT INTO table`` of the named ``values``; returns the cursor (for ``lastrowid``).

    Values are given by column name, so a column added to the table never shifts a value
    into the wrong place.
    """
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values()))


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
    row = CASE_ROW.fetch_one(tx, "FROM cases WHERE case_id = ?", (case_id,))
    if row is None:
        raise CaseNotFoundError(case_id)
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


class Executes(Protocol):
    """What the index helpers need: a transaction, or a migration's raw connection."""

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ..., /) -> Any: ...


def _first(db: Executes, sql: str, params: Sequence[Any]) -> Any:
    row = db.execute(sql, params).fetchone()
    return None if row is None else row[0]


def index_put(
    tx: Executes,
    kind: str,
    ref_id: str,
    case_id: str | None,
    title: str,
    body: str,
    *,
    parent_id: str | None = None,
    part: int = 0,
    secret: str = "",
) -> None:
    """Insert or replace one document of the search index, inside the caller's transaction.

    Every phone number written in ``title`` or ``body`` is also indexed in its E.164 digits
    (column ``extra``), in the region of the case's jurisdiction, so that any writing of the
    number finds it. ``secret`` is protected identity text: it goes to its own column, which a
    search only reads for users who may edit identities (see ``intake.search``); its phone
    numbers stay in that column too. ``parent_id`` ties a document to the record it belongs to
    (an addendum to its statement, a page to its evidence item): dropping the parent drops it.
    """
    region = region_of(_jurisdiction(tx, case_id))
    extra = " ".join(phone_terms(f"{title}\n{body}", region))
    if secret:
        secret = " ".join([secret, *phone_terms(secret, region)])
    found = _first(
        tx, "SELECT doc_id FROM search_docs WHERE kind = ? AND ref_id = ?", (kind, ref_id)
    )
    if found is None:
        cursor = tx.execute(
            "INSERT INTO search_docs (kind, ref_id, case_id, parent_id, part)"
            " VALUES (?, ?, ?, ?, ?)",
            (kind, ref_id, case_id, parent_id, part),
        )
        doc_id = int(cursor.lastrowid)
    else:
        doc_id = int(found)
        tx.execute("DELETE FROM search_index WHERE rowid = ?", (doc_id,))
        tx.execute(
            "UPDATE search_docs SET case_id = ?, parent_id = ?, part = ? WHERE doc_id = ?",
            (case_id, parent_id, part, doc_id),
        )
    tx.execute(
        "INSERT INTO search_index (rowid, title, body, extra, secret) VALUES (?, ?, ?, ?, ?)",
        (doc_id, title, body, extra, secret),
    )


def _jurisdiction(tx: Executes, case_id: str | None) -> str:
    if case_id is None:
        return ""
    return str(_first(tx, "SELECT jurisdiction FROM cases WHERE case_id = ?", (case_id,)) or "")


#: Documents that belong to a person without naming them as parent in every case: an erasure
#: deletes their records first, then drops the person's documents; these are swept then.
_SWEPT = (
    ("consent", "consent", "consent_id"),
    ("interview", "interviews", "interview_id"),
    ("entity_note", "entity_links", "link_id"),
)


def index_drop(tx: Executes, kind: str, ref_id: str) -> None:
    """Drop one document and every document whose parent it is (an evidence item's pages and
    custody notes, a statement's addenda, a person's identity, consent and interviews)."""
    case_id = _first(
        tx, "SELECT case_id FROM search_docs WHERE kind = ? AND ref_id = ?", (kind, ref_id)
    )
    doomed = [
        int(r[0])
        for r in tx.execute(
            "SELECT doc_id FROM search_docs WHERE (kind = ? AND ref_id = ?) OR parent_id = ?",
            (kind, ref_id, ref_id),
        ).fetchall()
    ]
    if kind == "person" and case_id is not None:
        for swept, table, key in _SWEPT:
            doomed += [
                int(r[0])
                for r in tx.execute(
                    f"SELECT doc_id FROM search_docs d WHERE d.kind = ? AND d.case_id = ? AND"
                    f" NOT EXISTS (SELECT 1 FROM {table} r WHERE r.{key} = d.ref_id)",
                    (swept, case_id),
                ).fetchall()
            ]
    for doc_id in doomed:
        tx.execute("DELETE FROM search_index WHERE rowid = ?", (doc_id,))
        tx.execute("DELETE FROM search_docs WHERE doc_id = ?", (doc_id,))
