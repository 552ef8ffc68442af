"""Delimited text read row by row, each row with the line number it starts on.

A bad row is reported by the line a person sees in an editor, so quoted fields that
span lines are counted by their first line, and the header is line 1.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from catalogue.importers.report import RowProblem, SourceRow
from catalogue.store import PartRecord


@dataclass(frozen=True, slots=True)
class TableRow:
    line: int
    cells: dict[str, str]


@dataclass(slots=True)
class Table:
    """A header and an iterator over the rows below it."""

    header: list[str]
    rows: Iterator[TableRow | SourceRow]


def read_table(stream: Iterable[str], delimiter: str) -> Table:
    """The header row and then every data row; blank lines are skipped.

    A row whose cell count differs from the header's, or that csv cannot parse, comes
    out as a bad `SourceRow`.
    """
    reader = csv.reader(stream, delimiter=delimiter)
    header = [cell.strip() for cell in next(reader, [])]

    def rows() -> Iterator[TableRow | SourceRow]:
        previous = reader.line_num
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield SourceRow(previous + 1, problem=f"unreadable CSV: {error}")
                previous = reader.line_num
                continue
            start, previous = previous + 1, reader.line_num
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if len(cells) != len(header):
                yield SourceRow(
                    start, problem=f"{len(cells)} columns where the header has {len(header)}"
                )
                continue
            yield TableRow(start, dict(zip(header, cells, strict=True)))

    return Table(header, rows())


def table_rows(
    table: Table,
    required: Sequence[str],
    build: Callable[[dict[str, str]], PartRecord],
    *,
    fold_names: bool = False,
) -> Iterator[SourceRow]:
    """The table's rows as parts `build` makes of their cells, or the reason each is not one.

    With `fold_names`, column names are matched lower-cased and cells are stripped.
    """
    header = [name.strip().lower() for name in table.header] if fold_names else table.header
    missing = [name for name in required if name not in header]
    if missing:
        yield SourceRow(1, problem=f"header lacks the column(s) {', '.join(missing)}")
        return
    for row in table.rows:
        if not isinstance(row, TableRow):
            yield row
            continue
        cells = (
            {name.strip().lower(): value.strip() for name, value in row.cells.items()}
            if fold_names
            else row.cells
        )
        try:
            yield SourceRow(row.line, record=build(cells))
        except RowProblem as problem:
            yield SourceRow(row.line, problem=str(problem))
