"""Small-count suppression of published tables, so that no survivor can be singled out (issue 18).

Primary suppression: every count under the threshold (5), zero included, is shown as "<5".

Secondary suppression: a table publishes totals, and a total minus the visible cells of its row
or column would give back a hidden cell. A *line* is a row or a column with its total; in every
line whose total is published:

1. never exactly one hidden entry (cells and total): when there is one, the smallest visible
   entry of the line is hidden too, so one equation holds at least two unknowns;
2. the hidden cells must not add up to 1-4: their sum is the total minus the visible cells, and
   "these months together hold 3 survivors" singles people out as much as one cell would; the
   smallest visible cell is hidden too until the sum reaches the threshold.

Hiding a cell for one line can break another (its column), so the rules run until nothing
changes; each pass hides at least one more entry, so it ends. A hidden sum of 0 is allowed: a
reader may then work out that the hidden cells of that line are all zero, which names nobody.

What this does not defend against, documented for the reader of an export: differencing two
exports over overlapping periods or jurisdictions (each export is suppressed on its own), and
linear programming across tables that share margins. Exports therefore go out by whole months,
and a research export counts only consenting cases.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

log = logging.getLogger(__name__)

THRESHOLD = 5
SUPPRESSED = "<5"

Cell = tuple[int, int]
Line = tuple[Cell, ...]


def table_lines(rows: int, columns: int, *, column_totals: bool) -> list[Line]:
    """The lines of a ``rows`` x ``columns`` table laid out with its totals: column ``columns``
    holds each row's total and, with ``column_totals``, row ``rows`` each column's total (and the
    grand total in its corner). The total is the last cell of each line."""
    lines: list[Line] = [
        (*tuple((i, j) for j in range(columns)), (i, columns)) for i in range(rows)
    ]
    if column_totals:
        lines += [(*tuple((i, j) for i in range(rows)), (rows, j)) for j in range(columns)]
        lines.append((*tuple((rows, j) for j in range(columns)), (rows, columns)))
        lines.append((*tuple((i, columns) for i in range(rows)), (rows, columns)))
    return lines


def suppress(
    values: Sequence[Sequence[int]], lines: Sequence[Line], threshold: int = THRESHOLD
) -> list[list[bool]]:
    """Which entries of ``values`` to hide (primary, then secondary suppression, see above).

    ``lines`` name the cells that add up to a published total, the total last.
    """
    hidden = [[v < threshold for v in row] for row in values]
    changed = True
    passes = 0
    while changed:
        changed = False
        passes += 1
        for line in lines:
            if _repair(values, hidden, line, threshold):
                changed = True
    log.debug("suppression settled after %d passes", passes)
    return hidden


def _repair(
    values: Sequence[Sequence[int]], hidden: list[list[bool]], line: Line, threshold: int
) -> bool:
    """Hide one more entry of ``line`` when it breaks a rule; whether it did."""
    masked = [(i, j) for i, j in line if hidden[i][j]]
    if not masked:
        return False
    *cells, total = line
    visible_cells = [(i, j) for i, j in cells if not hidden[i][j]]
    if len(masked) == 1:
        candidates = [(i, j) for i, j in line if not hidden[i][j]]
    elif not hidden[total[0]][total[1]]:
        hidden_sum = sum(values[i][j] for i, j in cells if hidden[i][j])
        if not 0 < hidden_sum < threshold:
            return False
        candidates = visible_cells
    else:
        return False
    if not candidates:
        return False
    # The smallest visible entry costs readers the least; the first of equals, so that the
    # result does not depend on anything but the table.
    i, j = min(candidates, key=lambda c: values[c[0]][c[1]])
    hidden[i][j] = True
    return True


def violations(
    values: Sequence[Sequence[int]],
    hidden: Sequence[Sequence[bool]],
    lines: Sequence[Line],
    threshold: int = THRESHOLD,
) -> list[str]:
    """What is wrong with a suppression, in words for a test's message (empty: nothing)."""
    found: list[str] = []
    for i, row in enumerate(values):
        for j, value in enumerate(row):
            if value < threshold and not hidden[i][j]:
                found.append(f"cell {i},{j} = {value} is shown")
    for line in lines:
        masked = [c for c in line if hidden[c[0]][c[1]]]
        if len(masked) == 1:
            found.append(f"line {line} hides only {masked[0]}")
        *cells, total = line
        if masked and not hidden[total[0]][total[1]]:
            hidden_sum = sum(values[i][j] for i, j in cells if hidden[i][j])
            if 0 < hidden_sum < threshold:
                found.append(f"line {line} hides cells adding up to {hidden_sum}")
    return found
