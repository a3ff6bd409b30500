"""Full-text search (SQLite FTS5 inside the encrypted database), ranked with bm25.

The index holds cases, people (pseudonym and notes only), statements (current revision only),
evidence (label, file name, kind, notes) and entities. Every service updates it in the same
transaction as the change. ``unicode61 remove_diacritics 2`` folds case and diacritics, so
"Constanta" finds "Constanța" and "київ" finds "Київ".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from intake._base import Columns, Service, scalar
from intake.models import SearchHit, SearchKind, SearchResults

log = logging.getLogger(__name__)

_TERM = re.compile(r"[\w]+(\*?)", re.UNICODE)
MAX_TERMS = 32
DEFAULT_LIMIT = 50
SNIPPET_TOKENS = 12
#: At most this many matching documents are ranked by bm25 (the newest ones); see search().
RANK_WINDOW = 2000
#: A hit's columns in the final query of search() (tables: top, search_index s, search_docs d,
#: cases c).
HIT = Columns.of(
    SearchHit,
    kind="d.kind",
    ref_id="d.ref_id",
    case_id="d.case_id",
    case_reference="c.reference",
    title="s.title",
    snippet=f"snippet(search_index, -1, '[', ']', '…', {SNIPPET_TOKENS})",
    score="top.score",
)


def build_match(query: str) -> str | None:
    """Turn free user text into a safe FTS5 MATCH expression, or ``None`` if it has no terms.

    Every term is quoted, so no input can produce an FTS syntax error or use FTS operators;
    a trailing ``*`` on a word is kept as a prefix search. Terms are ANDed.
    """
    parts: list[str] = []
    for match in _TERM.finditer(query):
        word = match.group(0).rstrip("*").replace('"', "")
        if not word:
            continue
        parts.append(f'"{word}"' + ("*" if match.group(1) else ""))
        if len(parts) >= MAX_TERMS:
            break
    return " ".join(parts) if parts else None


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
        match = build_match(query)
        if match is None or limit <= 0:
            return SearchResults()
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
            "SELECT s.rowid AS doc_id, bm25(search_index, 4.0, 1.0) AS score"
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
        return SearchResults(
            (
                SearchHit(
                    kind=SearchKind(r["kind"]),
                    ref_id=r["ref_id"],
                    case_id=r["case_id"],
                    case_reference=r["case_reference"],
                    title=r["title"],
                    snippet=r["snippet"] or "",
                    score=float(r["score"]),
                )
                for r in rows
            ),
            limited=limited,
            window=window,
        )

    def rebuild(self) -> None:
        """Rebuild the FTS structures from their stored text (maintenance; audited)."""
        with self._vault.transaction() as tx:
            tx.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
            tx.audit("search.rebuilt", "search_index", {})
