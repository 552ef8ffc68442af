"""What an import did: the numbers `catalogue import` prints and the bot can log."""

from __future__ import annotations

from dataclasses import dataclass, field

from catalogue.store import PartRecord


@dataclass(slots=True)
class ImportReport:
    """Rows read, parts written and every bad row with its line number and reason."""

    format: str
    rows_read: int = 0
    parts_written: int = 0
    #: (line number in the source file, reason), in file order.
    bad_rows: list[tuple[int, str]] = field(default_factory=list)
    #: Wall-clock duration of the import in seconds.
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row as a reader saw it: a part to write, or the reason it cannot be one."""

    line: int
    record: PartRecord | None = None
    problem: str | None = None


class RowProblem(ValueError):
    """Raised by a row converter; its message is the bad row's reason."""
