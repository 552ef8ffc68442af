"""A BOM file read whole: header, second header row, part rows, alternates and skips.

Alternates: Octopart's BOM tool writes one row per approved part, repeating the
designators ("C9, C11" on three rows). A row whose designators are those of the part row
just above is an alternate of it: its part number joins that row's `alternates` and the
row is counted in `skipped.alternates`, so one set of designators makes one request.
"""

from __future__ import annotations

from catalogue.boms.columns import apply_subheader, is_subheader
from catalogue.boms.files import Record, open_sheet
from catalogue.boms.model import BomError, BomFormat, BomProblem, BomRead, BomRow, UnreadRow
from catalogue.boms.rows import NothingToBuy, read_record
from catalogue.partnumbers import normalise_mpn


def read_bom(data: bytes, filename: str) -> BomRead:
    """The part rows of the BOM file `data`, the rows it could not read, and the skips.

    Raises BomError, with a message for the buyer, when the file is no BOM: empty, an
    image, a PDF, a binary file, or text without a header row naming its columns.
    """
    sheet = open_sheet(data, filename)
    records = sheet.records
    position = sheet.header + 1
    subheader: int | None = None
    if position < len(records) and is_subheader(sheet.columns, records[position].cells):
        apply_subheader(sheet.columns, records[position].cells)
        subheader = records[position].number
        position += 1
    read = BomRead(
        BomFormat(
            kind=sheet.kind,
            encoding=sheet.encoding,
            delimiter=sheet.delimiter,
            sheet=sheet.name,
            header_row=records[sheet.header].number,
            subheader_row=subheader,
            columns=sheet.columns.summary(),
        )
    )
    skipped = read.skipped
    for record in records[: sheet.header]:
        if record.blank:
            skipped.blank += 1
        else:
            skipped.preamble += 1
    previous: BomRow | None = None
    for record in records[position:]:
        if record.blank:
            skipped.blank += 1
            continue
        if _is_summary(record):
            skipped.summary += 1
            previous = None
            continue
        outcome = read_record(record, sheet.columns)
        if isinstance(outcome, NothingToBuy):
            if outcome.board_feature:
                skipped.board_features += 1
            else:
                skipped.dnp += 1
            previous = None
        elif previous is not None and _same_designators(previous, outcome):
            if isinstance(outcome, BomRow):
                _add_alternates(previous, outcome)
            skipped.alternates += 1
        elif isinstance(outcome, UnreadRow):
            read.unread.append(outcome)
            previous = None
        else:
            read.rows.append(outcome)
            previous = outcome
    if not read.rows and not read.unread and not skipped.dnp and not skipped.board_features:
        raise BomError(BomProblem.NO_ROWS, filename)
    return read


def _is_summary(record: Record) -> bool:
    """KiBoM's footer ("Component Count:", "196"): a label ending in ":" and its value."""
    filled = [cell.strip() for cell in record.cells if cell.strip()]
    return len(filled) <= 2 and filled[0].endswith(":")


def _same_designators(previous: BomRow, outcome: BomRow | UnreadRow) -> bool:
    if isinstance(outcome, UnreadRow):
        return False
    return bool(outcome.designators) and sorted(outcome.designators) == sorted(previous.designators)


def _add_alternates(row: BomRow, alternate: BomRow) -> None:
    known = {normalise_mpn(mpn) for mpn in [row.request.mpn or "", *row.alternates]}
    for mpn in [alternate.request.mpn, *alternate.alternates]:
        if mpn is not None and normalise_mpn(mpn) not in known:
            known.add(normalise_mpn(mpn))
            row.alternates.append(mpn)
