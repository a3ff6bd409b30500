"""Full-text search (SQLite FTS5 inside the encrypted database), ranked with bm25 (DESIGN §9).

The index holds every text a user typed and the text inside evidence files:

- cases, people (pseudonym and notes), statements (current revision), evidence (label, file
  name, kind, notes, acquisition) and entities, indexed by their services;
- addenda, interviews (place, interviewer, interpreter, who was present, breaks, notes),
  consent (interpreter, witness, notes), custody notes and parties, notes on entity links and
  protected identities, indexed here (:func:`index_record`) from the services that write them;
- the text of evidence files (plain text, CSV, HTML, PDF per page, .docx, .odt, JSON and ZIP
  chat exports), extracted in memory from the decrypted original after ingest, or later by
  :meth:`SearchService.extract_pending` for items ingested before (``intake.extract``).

Every service updates the index in the same transaction as the change. ``unicode61
remove_diacritics 2`` folds case and diacritics, so "Constanta" finds "Constanța" and "київ"
finds "Київ". Phone numbers are also indexed as E.164 digits (column ``extra``), and a query
that looks like a phone number looks for those, so "0721000111" finds "+40 721 000 111".

Protected identities (legal name, documents, contact, guardian) sit in their own column,
``secret``. A search reads that column only for users whose role may do case work (caseworkers
and administrators: the people who record and edit identities); for them an identity hit shows
only the words they typed, never the other protected fields, and is audited
(``search.identity_matched``, naming the people, not the query). Viewers may reveal one
person's identity with a reason, which is audited; a search would let them test names against
the whole vault without one, so their searches never read the column.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from intake._base import Columns, Executes, Service, index_drop, index_put, scalar
from intake.extract import (
    MAX_INPUT_BYTES,
    PHONE_RUN,
    QUERY_REGIONS,
    e164_digits,
    extract,
    extractor_for,
    phone_spans,
    region_of,
)
from intake.extract import _strings as json_strings
from intake.models import SearchHit, SearchKind, SearchResults, evidence_label
from vault import Vault, roles
from vault.errors import OperationCancelledError

log = logging.getLogger(__name__)

_TERM = re.compile(r"[\w]+(\*?)", re.UNICODE)
#: A run of a query that may be a phone number ("0721 000 111", "+40-721-000-111"): the same
#: pattern as in indexed text.
_PHONE_QUERY = PHONE_RUN
_ISO_MOMENT = re.compile(r"^\d{4}-\d\d-\d\d([T ][\d:.]+)?(Z|[+-]\d\d:\d\d)?$")
MAX_TERMS = 32
DEFAULT_LIMIT = 50
SNIPPET_TOKENS = 12
#: At most this many matching documents are ranked by bm25 (the newest ones); see search().
RANK_WINDOW = 2000
#: The columns a search reads for a user who may not see protected identities.
PUBLIC_COLUMNS = "{title body extra}"
#: A hit's columns in the final query of search() (tables: top, search_index s, search_docs d,
#: cases c). ``context`` is filled in afterwards, for the page of hits only.
HIT = Columns.of(
    SearchHit,
    kind="d.kind",
    ref_id="d.ref_id",
    case_id="d.case_id",
    case_reference="c.reference",
    title="s.title",
    snippet=f"snippet(search_index, -1, '[', ']', '…', {SNIPPET_TOKENS})",
    score="top.score",
    parent_id="d.parent_id",
    part="d.part",
    context="''",
)
#: Custody events whose notes and method the app writes itself (not a person's words).
_SYSTEM_CUSTODY = ("ingested", "verified")


@dataclass(frozen=True)
class Match:
    """A query as FTS5 reads it, and the phone numbers (E.164 digits) it asks for."""

    expression: str
    phones: frozenset[str] = frozenset()


def build_match(query: str, regions: Sequence[str] = ("RO",)) -> str | None:
    """Turn free user text into a safe FTS5 MATCH expression, or ``None`` if it has no terms
    (see :func:`parse_query`)."""
    parsed = parse_query(query, regions)
    return None if parsed is None else parsed.expression


def parse_query(query: str, regions: Sequence[str] = ("RO",)) -> Match | None:
    """Turn free user text into a safe FTS5 MATCH expression, or ``None`` if it has no terms.

    Every term is quoted, so no input can produce an FTS syntax error or use FTS operators;
    a trailing ``*`` on a word is kept as a prefix search. Terms are ANDed. A run that is a
    possible phone number in one of ``regions`` matches its E.164 digits or the run as typed.
    """
    parts: list[str] = []
    phones: set[str] = set()
    rest: list[str] = []
    position = 0
    for run in _PHONE_QUERY.finditer(query):
        forms = {d for r in regions if (d := e164_digits(run.group(0), r)) is not None}
        if not forms:
            continue
        rest.append(query[position : run.start()])
        position = run.end()
        typed = " ".join(m.group(0).rstrip("*") for m in _TERM.finditer(run.group(0)))
        options = sorted(forms | {typed})
        parts.append("(" + " OR ".join(f'"{o}"' for o in options) + ")")
        phones |= forms
    rest.append(query[position:])
    for match in _TERM.finditer(" ".join(rest)):
        if len(parts) >= MAX_TERMS:
            break
        word = match.group(0).rstrip("*").replace('"', "")
        if not word:
            continue
        parts.append(f'"{word}"' + ("*" if match.group(1) else ""))
    if not parts:
        return None
    return Match(" ".join(parts[:MAX_TERMS]), frozenset(phones))


# Indexing the records the services write ---------------------------------------------------------


def _row(db: Executes, sql: str, params: Sequence[Any]) -> dict[str, Any] | None:
    cursor = db.execute(sql, params)
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip([c[0] for c in cursor.description], values, strict=True))


def _words(*values: str) -> str:
    return "\n".join(v.strip() for v in values if v and v.strip())


def _json_words(text: str) -> str:
    """The strings of a stored JSON value (names, reasons), without dates or keys."""
    try:
        document = json.loads(text or "null")
    except ValueError:
        return ""
    return _words(*(s for s in json_strings(document) if not _ISO_MOMENT.match(s.strip())))


def _put_or_drop(
    db: Executes, kind: str, ref_id: str, case_id: str | None, body: str, **extra: Any
) -> None:
    if body.strip() or extra.get("secret", "").strip():
        index_put(db, kind, ref_id, case_id, "", body, **extra)
    else:
        index_drop(db, kind, ref_id)


def _index_addendum(db: Executes, addendum_id: str) -> None:
    row = _row(
        db,
        "SELECT a.statement_id, a.number, a.text, a.reason, s.case_id FROM statement_addenda a"
        " JOIN statements s ON s.statement_id = a.statement_id WHERE a.addendum_id = ?",
        (addendum_id,),
    )
    if row is None:
        index_drop(db, "addendum", addendum_id)
        return
    _put_or_drop(
        db,
        "addendum",
        addendum_id,
        row["case_id"],
        _words(row["text"], row["reason"]),
        parent_id=row["statement_id"],
        part=int(row["number"]),
    )


def _index_interview(db: Executes, interview_id: str) -> None:
    row = _row(
        db,
        "SELECT case_id, person_id, location, interviewer, interpreter, language, present,"
        " breaks, recording_method, notes FROM interviews WHERE interview_id = ?",
        (interview_id,),
    )
    if row is None:
        index_drop(db, "interview", interview_id)
        return
    body = _words(
        row["location"],
        row["interviewer"],
        row["interpreter"],
        _json_words(row["present"]),
        _json_words(row["breaks"]),
        row["recording_method"],
        row["notes"],
    )
    _put_or_drop(db, "interview", interview_id, row["case_id"], body, parent_id=row["person_id"])


def _index_consent(db: Executes, consent_id: str) -> None:
    row = _row(
        db,
        "SELECT case_id, person_id, version, interpreter, witness, notes FROM consent"
        " WHERE consent_id = ?",
        (consent_id,),
    )
    if row is None:
        index_drop(db, "consent", consent_id)
        return
    body = _words(row["interpreter"], row["witness"], row["notes"])
    _put_or_drop(
        db,
        "consent",
        consent_id,
        row["case_id"],
        body,
        parent_id=row["person_id"],
        part=int(row["version"]),
    )


def _index_custody(db: Executes, event_id: str) -> None:
    row = _row(
        db,
        "SELECT c.evidence_id, c.event_type, c.from_party, c.to_party, c.purpose,"
        " c.authority_ref, c.method, c.notes, e.case_id FROM custody_events c"
        " JOIN evidence e ON e.evidence_id = c.evidence_id WHERE c.event_id = ?",
        (int(event_id),),
    )
    if row is None:
        index_drop(db, "custody", event_id)
        return
    typed = row["event_type"] not in _SYSTEM_CUSTODY
    body = _words(
        row["from_party"],
        row["to_party"],
        row["purpose"],
        row["authority_ref"],
        row["method"] if typed else "",
        row["notes"] if typed else "",
    )
    _put_or_drop(db, "custody", str(event_id), row["case_id"], body, parent_id=row["evidence_id"])


def _index_entity_note(db: Executes, link_id: str) -> None:
    row = _row(
        db,
        "SELECT case_id, person_id, evidence_id, statement_id, note FROM entity_links"
        " WHERE link_id = ?",
        (link_id,),
    )
    if row is None:
        index_drop(db, "entity_note", link_id)
        return
    parent = row["statement_id"] or row["evidence_id"] or row["person_id"]
    _put_or_drop(db, "entity_note", link_id, row["case_id"], row["note"], parent_id=parent)


def _index_identity(db: Executes, person_id: str) -> None:
    row = _row(
        db,
        "SELECT p.case_id, i.identity FROM person_identity i"
        " JOIN people p ON p.person_id = i.person_id WHERE i.person_id = ?",
        (person_id,),
    )
    if row is None:
        index_drop(db, "identity", person_id)
        return
    _put_or_drop(
        db,
        "identity",
        person_id,
        row["case_id"],
        "",
        parent_id=person_id,
        secret=_json_words(row["identity"]),
    )


def _index_evidence(db: Executes, evidence_id: str) -> None:
    """An item's description: label, file name, kind, notes and how it was acquired."""
    row = _row(
        db,
        "SELECT case_id, number, original_filename, kind, notes, acquisition FROM evidence"
        " WHERE evidence_id = ?",
        (evidence_id,),
    )
    if row is None:
        index_drop(db, "evidence", evidence_id)
        return
    title = f"{evidence_label(int(row['number']))} {row['original_filename']} {row['kind']}"
    try:
        acquisition = json.loads(row["acquisition"] or "{}")
    except ValueError:
        acquisition = {}
    acquired = [
        str(acquisition.get(key) or "")
        for key in ("acquired_by", "acquired_from", "location", "method", "tool", "source_url")
    ]
    index_put(db, "evidence", evidence_id, row["case_id"], title, _words(row["notes"], *acquired))


_INDEXERS: dict[str, Callable[[Executes, str], None]] = {
    "addendum": _index_addendum,
    "interview": _index_interview,
    "consent": _index_consent,
    "custody": _index_custody,
    "entity_note": _index_entity_note,
    "identity": _index_identity,
    "evidence": _index_evidence,
}
#: Each indexed kind's records: (table, key).
_RECORDS = {
    "addendum": ("statement_addenda", "addendum_id"),
    "interview": ("interviews", "interview_id"),
    "consent": ("consent", "consent_id"),
    "custody": ("custody_events", "event_id"),
    "entity_note": ("entity_links", "link_id"),
    "identity": ("person_identity", "person_id"),
    "evidence": ("evidence", "evidence_id"),
}


def index_record(db: Executes, kind: str, ref_id: str | int) -> None:
    """(Re)index one record inside the caller's transaction; a record gone, or with no text
    left, leaves no document. ``kind`` is one of the keys of :data:`_INDEXERS`."""
    _INDEXERS[kind](db, str(ref_id))


def index_case_records(db: Executes, case_id: str) -> None:
    """(Re)index every record of one case this module indexes (after an import)."""
    for kind, (table, key) in _RECORDS.items():
        if table == "statement_addenda":
            sql = (
                "SELECT a.addendum_id FROM statement_addenda a JOIN statements s"
                " ON s.statement_id = a.statement_id WHERE s.case_id = ?"
            )
        elif table == "custody_events":
            sql = (
                "SELECT c.event_id FROM custody_events c JOIN evidence e"
                " ON e.evidence_id = c.evidence_id WHERE e.case_id = ?"
            )
        elif table == "person_identity":
            sql = (
                "SELECT i.person_id FROM person_identity i JOIN people p"
                " ON p.person_id = i.person_id WHERE p.case_id = ?"
            )
        else:
            sql = f"SELECT {key} FROM {table} WHERE case_id = ?"
        for (ref_id,) in db.execute(sql, (case_id,)).fetchall():
            index_record(db, kind, ref_id)


def reindex_all(db: Executes, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild every document from the records (text extracted from evidence files is kept).

    Documents the services index themselves (cases, people, statements, entities) are put again
    from their stored text, which adds the phone numbers written in them; the others from their
    records. Runs in a migration (raw connection) or a transaction. Returns the documents put.
    """
    stored = db.execute(
        "SELECT d.kind, d.ref_id, d.case_id, d.parent_id, d.part, s.title, s.body"
        " FROM search_docs d JOIN search_index s ON s.rowid = d.doc_id"
        " WHERE d.kind IN ('case', 'person', 'statement', 'entity')"
    ).fetchall()
    records: list[tuple[str, Any]] = []
    for kind, (table, key) in _RECORDS.items():
        records += [(kind, r[0]) for r in db.execute(f"SELECT {key} FROM {table}").fetchall()]
    total = len(stored) + len(records)
    done = 0
    for kind, ref_id, case_id, parent_id, part, title, body in stored:
        index_put(db, kind, ref_id, case_id, title, body, parent_id=parent_id, part=part or 0)
        done += 1
        if progress is not None and done % 500 == 0:
            progress(done, total)
    for kind, ref_id in records:
        index_record(db, kind, ref_id)
        done += 1
        if progress is not None and done % 500 == 0:
            progress(done, total)
    if progress is not None:
        progress(total, total)
    return total


# Text inside evidence --------------------------------------------------------------------------

_PENDING = (
    "SELECT e.evidence_id, e.original_filename, e.media_type FROM evidence e"
    " LEFT JOIN evidence_text t ON t.evidence_id = e.evidence_id"
    " WHERE t.evidence_id IS NULL OR t.outcome = 'failed' ORDER BY e.ingested_at"
)


_ITEM = Columns("case_id", "number", "blob_id", "original_filename", "media_type", "size")


def pending_extraction(vault: Vault) -> list[str]:
    """Evidence items whose text has not been extracted yet (ingested before, or failed)."""
    rows = vault.read(_PENDING)
    return [str(r[0]) for r in rows if extractor_for(str(r[1]), str(r[2]))]


def extract_evidence_text(vault: Vault, evidence_id: str) -> str:
    """Extract one item's text into the index; returns the outcome (``ok``, ``empty``,
    ``too_large``, ``failed``, or ``none`` when the item holds no text and nothing is written).

    The original is decrypted into memory and read there: no plaintext reaches the disk. A
    failure is recorded (and retried by :meth:`SearchService.extract_pending`), never raised.
    """
    row = _ITEM.fetch_one(vault, "FROM evidence WHERE evidence_id = ?", (evidence_id,))
    if row is None:
        return "none"
    kind = extractor_for(row["original_filename"], row["media_type"])
    if not kind:
        return "none"
    pages: tuple[Any, ...] = ()
    outcome = "ok"
    if int(row["size"]) > MAX_INPUT_BYTES:
        outcome = "too_large"
    else:
        try:
            buffer = bytearray()
            with vault.blobs.open_plaintext(row["blob_id"]) as chunks:
                for chunk in chunks:
                    buffer += chunk
            found = extract(bytes(buffer), row["original_filename"], row["media_type"])
            del buffer
            pages = found.pages
            outcome = "ok" if pages else "empty"
        except Exception as exc:  # noqa: BLE001 - a hostile file must not stop the work
            log.info("text of evidence %s could not be extracted (%s)", evidence_id, type(exc))
            outcome = "failed"
    chars = sum(len(p.text) for p in pages)
    with vault.transaction() as tx:
        for (ref_id,) in tx.execute(
            "SELECT ref_id FROM search_docs WHERE kind = 'evidence_text' AND parent_id = ?",
            (evidence_id,),
        ).fetchall():
            index_drop(tx, "evidence_text", ref_id)
        for index, page in enumerate(pages):
            index_put(
                tx,
                "evidence_text",
                f"{evidence_id}:{index}",
                row["case_id"],
                "",
                page.text,
                parent_id=evidence_id,
                part=page.number,
            )
        tx.execute(
            "INSERT INTO evidence_text (evidence_id, extracted_at, extractor, pages, chars,"
            " outcome) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (evidence_id) DO UPDATE SET"
            " extracted_at = excluded.extracted_at, extractor = excluded.extractor,"
            " pages = excluded.pages, chars = excluded.chars, outcome = excluded.outcome",
            (evidence_id, tx.at, kind, len(pages), chars, outcome),
        )
        tx.audit(
            "search.text_extracted",
            evidence_id,
            {"extractor": kind, "pieces": len(pages), "chars": chars, "outcome": outcome},
        )
    return outcome


class SearchService(Service):
    def search(
        self,
        query: str,
        *,
        case_id: str | None = None,
        kinds: Iterable[SearchKind | str] | None = None,
        limit: int = DEFAULT_LIMIT,
        window: int = RANK_WINDOW,
    ) -> SearchResults:
        """Ranked hits (best first) across the vault, or within one case.

        When more than ``window`` (at least ``limit``) documents match, only the ``window`` most
        recently indexed of them are ranked and the result says ``limited`` (see
        :class:`~intake.models.SearchResults`), so that the UI can suggest refining the search.
        """
        built = parse_query(query, self._regions(query, case_id))
        if built is None or limit <= 0:
            return SearchResults()
        protected = self._vault.may(roles.CASE_WORK)
        match = built.expression if protected else f"{PUBLIC_COLUMNS} : ({built.expression})"
        # Filters need search_docs; without them the FTS table alone answers (the join cost a
        # lookup per match, which for a common word is tens of thousands of lookups).
        source = "search_index s"
        filters = ""
        params: list[object] = [match]
        if case_id is not None or kinds is not None:
            source += " JOIN search_docs d ON d.doc_id = s.rowid"
        if case_id is not None:
            filters += " AND d.case_id = ?"
            params.append(case_id)
        if kinds is not None:
            wanted = sorted({str(SearchKind(k)) for k in kinds})
            filters += f" AND d.kind IN ({', '.join('?' for _ in wanted)})"
            params.extend(wanted)
        # bm25 over every match of a very common word dominated the slow searches (300 ms at
        # 60,000 matches). FTS5 walks a doclist in rowid order cheaply, so find the rowid below
        # the newest ``window`` matches first (bounded work), and rank only above it.
        floor = scalar(
            self._vault,
            "s.rowid",
            f"FROM {source} WHERE search_index MATCH ?{filters}"
            " ORDER BY s.rowid DESC LIMIT 1 OFFSET ?",
            [*params, max(window, limit)],
        )
        limited = floor is not None
        if limited:
            filters += " AND s.rowid > ?"
            params.append(int(floor))
        ranked = (
            "SELECT s.rowid AS doc_id, bm25(search_index, 4.0, 1.0, 1.0, 1.0) AS score"
            f" FROM {source} WHERE search_index MATCH ?{filters} ORDER BY score LIMIT ?"
        )
        params.append(limit)
        # Snippets for the page only. CROSS JOIN keeps the page as the outer loop: otherwise
        # the planner scanned every match again to join the page to it.
        sql = (
            f"WITH top AS ({ranked}) SELECT {HIT.sql}"
            " FROM top CROSS JOIN search_index s ON s.rowid = top.doc_id"
            " JOIN search_docs d ON d.doc_id = top.doc_id"
            " LEFT JOIN cases c ON c.case_id = d.case_id"
            " WHERE search_index MATCH ? ORDER BY top.score"
        )
        params.append(match)
        rows = HIT.rows(self._vault.read(sql, params))
        if limited:
            log.debug("search ranked the newest %d matches only", window)
        hits = [
            SearchHit(
                kind=SearchKind(r["kind"]),
                ref_id=r["ref_id"],
                case_id=r["case_id"],
                case_reference=r["case_reference"],
                title=r["title"],
                snippet=r["snippet"] or "",
                score=float(r["score"]),
                parent_id=r["parent_id"],
                part=int(r["part"] or 0),
            )
            for r in rows
        ]
        hits = [self._finish(hit, built) for hit in hits]
        identities = sorted({h.ref_id for h in hits if h.kind is SearchKind.IDENTITY})
        if identities:
            # Finding a person by a protected field is a reveal of sorts: who searched, and
            # whom it found, is in the ledger (the query is not: it holds the protected text).
            with self._vault.transaction() as tx:
                tx.audit("search.identity_matched", "search", {"people": identities})
        return SearchResults(hits, limited=limited, window=window)

    def _regions(self, query: str, case_id: str | None) -> list[str]:
        """The phone regions a query's numbers are read in: the case's jurisdiction, or every
        jurisdiction of the vault, and the programme's countries."""
        if not _PHONE_QUERY.search(query):
            return []
        if case_id is not None:
            rows = self._vault.read("SELECT jurisdiction FROM cases WHERE case_id = ?", (case_id,))
        else:
            rows = self._vault.read("SELECT DISTINCT jurisdiction FROM cases")
        return sorted({region_of(str(r[0] or "")) for r in rows} | set(QUERY_REGIONS))

    def _finish(self, hit: SearchHit, match: Match) -> SearchHit:
        """The words that say where the hit is, and a snippet a person can read."""
        snippet = hit.snippet
        if hit.kind is SearchKind.ENTITY:
            # The entity's own words are its title ("+40 721 000 111"); its body is the
            # normalised value and kind code, not words to show.
            snippet = ""
        elif hit.kind is SearchKind.IDENTITY:
            # Only what the user typed: never the other protected fields around it.
            snippet = " ".join(re.findall(r"\[[^\]]*\]", snippet))
        elif match.phones and re.fullmatch(r"[\[\]\d\s…]*", snippet):
            # The match is in the E.164 column: cut the snippet from the text around the number
            # as it is written there.
            snippet = self._phone_snippet(hit, match.phones) or snippet
        return replace(hit, snippet=snippet, context=self._context(hit))

    def _phone_snippet(self, hit: SearchHit, phones: frozenset[str]) -> str:
        row = self._vault.read_one(
            "SELECT s.title, s.body, c.jurisdiction FROM search_docs d"
            " JOIN search_index s ON s.rowid = d.doc_id LEFT JOIN cases c"
            " ON c.case_id = d.case_id WHERE d.kind = ? AND d.ref_id = ?",
            (str(hit.kind), hit.ref_id),
        )
        if row is None:
            return ""
        region = region_of(str(row[2] or ""))
        for text in (str(row[1] or ""), str(row[0] or "")):
            spans = phone_spans(text, set(phones), region)
            if spans:
                start, end = spans[0]
                before = text[max(0, start - 60) : start]
                after = text[end : end + 60]
                head = "…" if start > 60 else ""
                tail = "…" if end + 60 < len(text) else ""
                return f"{head}{before}[{text[start:end]}]{after}{tail}"
        return ""

    def _context(self, hit: SearchHit) -> str:
        kind = hit.kind
        if kind is SearchKind.ADDENDUM and hit.parent_id:
            return str(
                self._one("SELECT title FROM statements WHERE statement_id = ?", hit.parent_id)
            )
        if kind in (SearchKind.EVIDENCE_TEXT, SearchKind.CUSTODY) and hit.parent_id:
            row = self._vault.read_one(
                "SELECT number, original_filename FROM evidence WHERE evidence_id = ?",
                (hit.parent_id,),
            )
            return "" if row is None else f"{evidence_label(int(row[0]))} {row[1]}"
        if kind in (SearchKind.CONSENT, SearchKind.INTERVIEW, SearchKind.IDENTITY):
            if hit.parent_id:
                return str(
                    self._one("SELECT pseudonym FROM people WHERE person_id = ?", hit.parent_id)
                )
            return ""
        if kind is SearchKind.ENTITY_NOTE:
            return self._one(
                "SELECT e.display FROM entity_links l JOIN entities e"
                " ON e.entity_id = l.entity_id WHERE l.link_id = ?",
                hit.ref_id,
            )
        if kind is SearchKind.CASE and hit.case_reference:
            # The reference is shown once, as the case: not again as part of the title.
            title = hit.title.removeprefix(hit.case_reference).strip()
            return title
        return ""

    def _one(self, sql: str, value: str) -> str:
        row = self._vault.read_one(sql, (value,))
        return "" if row is None or row[0] is None else str(row[0])

    def rebuild(self) -> None:
        """Rebuild the FTS structures from their stored text (maintenance; audited)."""
        with self._vault.transaction() as tx:
            tx.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
            tx.audit("search.rebuilt", "search_index", {})

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Index every record again (the services' text and the text they did not index
        before); extracted evidence text is kept. One audited transaction."""
        with self._vault.transaction() as tx:
            count = reindex_all(tx, progress)
            tx.audit("search.rebuilt", "search_index", {"documents": count})
        return count

    def pending(self) -> list[str]:
        return pending_extraction(self._vault)

    def extract_pending(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> dict[str, int]:
        """Extract the text of every item not extracted yet; one transaction per item, so a
        cancel keeps what is done. Returns how many items ended in each outcome."""
        pending = self.pending()
        outcomes: dict[str, int] = {}
        for done, evidence_id in enumerate(pending, start=1):
            if cancel is not None and cancel.is_set():
                raise OperationCancelledError()
            outcome = extract_evidence_text(self._vault, evidence_id)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if progress is not None:
                progress(done, len(pending))
        return outcomes
