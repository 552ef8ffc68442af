"""BOM files (CSV, TSV, XLSX) read by their column headers into part requests.

`read_bom(data, filename)` gives a `BomRead`: one `BomRow` per part row (its designators,
quantity, `PartRequest`, supplier order codes and alternate part numbers), the rows it
could not read with the reason (to show back to the buyer), counts of the rows with
nothing to buy, and how the file was read. A file that is no BOM raises `BomError`.
"""

from __future__ import annotations

from catalogue.boms.model import (
    BomError,
    BomFormat,
    BomProblem,
    BomRead,
    BomRow,
    Skipped,
    UnreadReason,
    UnreadRow,
)
from catalogue.boms.reader import read_bom

__all__ = [
    "BomError",
    "BomFormat",
    "BomProblem",
    "BomRead",
    "BomRow",
    "Skipped",
    "UnreadReason",
    "UnreadRow",
    "read_bom",
]
