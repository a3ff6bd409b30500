"""Trafficking indicators: the catalogue (data in resources/) and a checklist per case."""

from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

from intake._base import Columns, Service, case_row, parse_opt_dt
from intake.errors import CatalogueError, IndicatorNotFoundError
from intake.models import Catalogue, Indicator, IndicatorFamily, IndicatorState
from resources import resource_path

log = logging.getLogger(__name__)

#: A case's stored state of one indicator (the indicator itself comes from the catalogue).
INDICATOR_STATE = Columns("indicator_id", "present", "note", "updated_at", "updated_by")


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and validate the catalogue (every label present; ids unique).

    The file holds the English texts; their translations live in the one translation catalogue
    of each language (resources/translations), context "Indicators".
    """
    path = path or resource_path("indicators", "catalogue.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        families = tuple(IndicatorFamily(str(f["id"]), str(f["label"])) for f in data["families"])
        indicators = tuple(
            Indicator(str(i["id"]), str(i["family"]), str(i["label"]), str(i.get("hint", "")))
            for i in data["indicators"]
        )
        version = str(data["version"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CatalogueError() from exc
    family_ids = {f.family_id for f in families}
    ids = [i.indicator_id for i in indicators]
    if len(set(ids)) != len(ids) or len(family_ids) != len(families):
        raise CatalogueError("duplicate ids")
    labels = [f.english_label for f in families] + [i.english_label for i in indicators]
    if any(not label.strip() for label in labels):
        raise CatalogueError("label missing")
    if any(i.family_id not in family_ids for i in indicators):
        raise CatalogueError("unknown family")
    return Catalogue(version, families, indicators)


@functools.cache
def default_catalogue() -> Catalogue:
    return load_catalogue()


class IndicatorService(Service):
    def catalogue(self) -> Catalogue:
        return default_catalogue()

    def checklist(self, case_id: str) -> list[IndicatorState]:
        """Every catalogue indicator in catalogue order, with this case's state and note."""
        rows = INDICATOR_STATE.fetch_all(
            self._vault, "FROM case_indicators WHERE case_id = ?", (case_id,)
        )
        states = {r["indicator_id"]: r for r in rows}
        result: list[IndicatorState] = []
        for indicator in self.catalogue().indicators:
            row = states.get(indicator.indicator_id)
            if row is None:
                result.append(IndicatorState(indicator, False, "", None, ""))
            else:
                result.append(
                    IndicatorState(
                        indicator=indicator,
                        present=bool(row["present"]),
                        note=row["note"],
                        updated_at=parse_opt_dt(row["updated_at"]),
                        updated_by=row["updated_by"],
                    )
                )
        return result

    def set(self, case_id: str, indicator_id: str, note: str = "") -> IndicatorState:
        """Mark an indicator as present in the case, with an optional note."""
        return self._store(case_id, indicator_id, True, note)

    def unset(self, case_id: str, indicator_id: str, note: str = "") -> IndicatorState:
        """Mark an indicator as not (or no longer) present; the note says why."""
        return self._store(case_id, indicator_id, False, note)

    def _store(self, case_id: str, indicator_id: str, present: bool, note: str) -> IndicatorState:
        if self.catalogue().indicator(indicator_id) is None:
            raise IndicatorNotFoundError(indicator_id)
        with self._vault.transaction() as tx:
            case_row(tx, case_id, must_be_open=False)
            tx.execute(
                "INSERT INTO case_indicators (case_id, indicator_id, present, note, updated_at,"
                " updated_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (case_id, indicator_id)"
                " DO UPDATE SET present = excluded.present, note = excluded.note,"
                " updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                (case_id, indicator_id, int(present), note, tx.at, self._vault.actor),
            )
            tx.audit(
                "indicator.set" if present else "indicator.unset",
                case_id,
                {"indicator": indicator_id},
            )
        return next(s for s in self.checklist(case_id) if s.indicator.indicator_id == indicator_id)
