"""What reading a BOM file gives: the part rows, the rows it could not read, and why.

Every line of the file is accounted for: it is the header, a part row, an unread row
(shown back to the buyer with its reason), or a counted skip (blank, preamble, summary,
do-not-populate, board features such as fiducials, alternates of the row above).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from catalogue.request import PartRequest


class BomProblem(StrEnum):
    """Why a file is no readable BOM: a fixed set, so the bot can word it in any language."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    TOO_MANY_ROWS = "too_many_rows"
    IMAGE = "image"
    PDF = "pdf"
    OLD_EXCEL = "old_excel"
    OPENDOCUMENT = "opendocument"
    ARCHIVE = "archive"
    BINARY = "binary"
    DAMAGED_WORKBOOK = "damaged_workbook"
    NO_HEADER = "no_header"
    NO_ROWS = "no_rows"


_MESSAGES: dict[BomProblem, str] = {
    BomProblem.EMPTY: "{name} is empty.",
    BomProblem.TOO_LARGE: "{name} is too large for a BOM (at most {limit}).",
    BomProblem.TOO_MANY_ROWS: "{name} has more than {limit} rows; please split it.",
    BomProblem.IMAGE: (
        "{name} is an image. A photo of a BOM cannot be read: please send the BOM as a "
        "CSV, TSV or Excel (.xlsx) file."
    ),
    BomProblem.PDF: (
        "{name} is a PDF. Please export the BOM from your CAD tool or spreadsheet as CSV, "
        "TSV or Excel (.xlsx)."
    ),
    BomProblem.OLD_EXCEL: (
        "{name} is an old Excel (.xls) or password-protected workbook. Please save it as "
        ".xlsx or CSV and send it again."
    ),
    BomProblem.OPENDOCUMENT: (
        "{name} is an OpenDocument spreadsheet. Please save it as .xlsx or CSV and send it again."
    ),
    BomProblem.ARCHIVE: (
        "{name} is an archive. Please send the BOM file itself (CSV, TSV or .xlsx)."
    ),
    BomProblem.BINARY: (
        "{name} is not a text or Excel file, so it cannot be a BOM. Please send CSV, TSV or .xlsx."
    ),
    BomProblem.DAMAGED_WORKBOOK: (
        "{name} could not be opened as an Excel workbook; it may be damaged. Please save it "
        "again as .xlsx or CSV."
    ),
    BomProblem.NO_HEADER: (
        "{name} has no header row naming its columns. Please add one, for example: "
        "Designator, Qty, Value, Footprint, MPN."
    ),
    BomProblem.NO_ROWS: "{name} has a header row but no parts under it.",
}


class BomError(Exception):
    """The file is no BOM the bot can read. `str(error)` is an English sentence for the
    buyer; `problem` lets the bot word it in the buyer's language."""

    def __init__(self, problem: BomProblem, filename: str, limit: str = "") -> None:
        self.problem = problem
        self.filename = filename
        self.limit = limit
        name = f"“{filename}”" if filename else "This file"
        super().__init__(_MESSAGES[problem].format(name=name, limit=limit))


class UnreadReason(StrEnum):
    """Why a row with content made no request; a fixed set, so the bot can translate it."""

    NO_PART = "no part number or value"
    KIND_ONLY = "no part number or value, only the kind of part"
    BAD_QUANTITY = "the quantity is not a whole number"


@dataclass(frozen=True, slots=True)
class UnreadRow:
    number: int
    text: str
    reason: UnreadReason


@dataclass(slots=True)
class BomRow:
    """One part row: `number` is the file's line (or the sheet's row), counted from 1."""

    number: int
    designators: list[str]
    quantity: int | None
    request: PartRequest
    text: str
    #: Supplier order codes by supplier ("LCSC": "C1525", "Digi-Key": "399-7874-1-ND").
    skus: dict[str, str] = field(default_factory=dict)
    manufacturer: str | None = None
    #: Other part numbers the BOM allows for the same designators (upper case).
    alternates: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Skipped:
    """Rows with nothing to buy, counted so that none disappears unnoticed."""

    blank: int = 0
    preamble: int = 0
    summary: int = 0
    dnp: int = 0
    #: Fiducials, mounting holes, test points, logos, net ties: drawn on the board, not bought.
    board_features: int = 0
    #: Rows naming another part number for the designators of the row above.
    alternates: int = 0

    @property
    def total(self) -> int:
        return (
            self.blank
            + self.preamble
            + self.summary
            + self.dnp
            + self.board_features
            + self.alternates
        )


@dataclass(frozen=True, slots=True)
class BomFormat:
    """How the file was read: what a buyer (or a developer) needs to trust the result."""

    kind: str  # "text" (CSV, TSV and other delimited text) or "xlsx"
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    #: The row under the header that names distributors for repeated columns, if any.
    subheader_row: int | None
    #: Each column role that was found, with the header cell it was read from.
    columns: dict[str, str]


@dataclass(slots=True)
class BomRead:
    format: BomFormat
    rows: list[BomRow] = field(default_factory=list)
    unread: list[UnreadRow] = field(default_factory=list)
    skipped: Skipped = field(default_factory=Skipped)
