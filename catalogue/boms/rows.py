"""One BOM row to what it asks for: a part, a row the bot cannot read, or nothing to buy.

The part number comes from the MPN columns, exactly as written (upper case); without
one, the value, footprint and description cells go through the request parser (the same
that reads buyers' messages) as a one-row table, so "4u7" under a C designator is a
4.7 µF capacitor and "R_0603_1608Metric" an 0603. The quantity is the Qty cell, or the
number of designators. Supplier order codes (LCSC, Digi-Key...) are kept beside the
request, never taken for part numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalogue.boms.columns import Columns, Role
from catalogue.boms.files import Record
from catalogue.boms.model import BomRow, UnreadReason, UnreadRow
from catalogue.packages import normalise_package
from catalogue.parser import parse_request
from catalogue.parser.quantities import parse_count
from catalogue.partnumbers import clean_mpn, normalise_mpn
from catalogue.request import PartRequest
from catalogue.units import parse_value

#: Cells that stand for "no part number".
_NO_PART = frozenset(
    {"", "-", "--", "~", "?", "n/a", "na", "none", "tbd", "tba", "generic", "nc", "dnp", "x"}
)
_DNP_CELL = frozenset(
    {"dnp", "dnf", "dni", "yes", "y", "x", "1", "true", "nf", "do not populate", "不贴", "是"}
)
_NOT_FITTED_CELL = frozenset({"no", "n", "0", "false", "dnp", "dnf", "not fitted", "否", "不贴"})
#: Words in a value, description or note that mark a part not fitted.
_DNP_WORDS = re.compile(
    r"\b(?:DNP|DNF|DNI|NOPOP|NO[ -]?POP|NO[ -]?STUFF|NOT[ -]FITTED|NOT[ -]POPULATED"
    r"|DO[ -]NOT[ -](?:POPULATE|PLACE|FIT|MOUNT|ASSEMBLE|STUFF))\b|不贴|不焊|不上件",
    re.IGNORECASE,
)
#: Kitspace BOMs say "Leave empty"; with a part number beside it the part may still be wanted.
_LEAVE_EMPTY = re.compile(r"\bleave\s+empty\b", re.IGNORECASE)
_ZERO = re.compile(r"^0+(?:\.0+)?$")
_DESIGNATOR_SPLIT = re.compile(r"[\s,;]+")
_DESIGNATOR_RANGE = re.compile(r"^([A-Za-z]+)(\d+)[-~]([A-Za-z]*)(\d+)$")
_MAX_RANGE = 500
#: What is drawn on a board but never bought: fiducials, holes, test points, logos, net ties.
_BOARD_FEATURE = re.compile(
    r"fiducial|mounting[ _-]?hole|test[ _-]?point|(?:^|[\W_])logo(?:$|[\W_])|oshw|net[ _-]?tie"
    r"|solder[ _-]?(?:wire[ _-]?pad|jumper)|kibuzzard|^symbol:",
    re.IGNORECASE,
)
_BOARD_DESIGNATOR = re.compile(r"^(?:FID|MH|TP|LOGO|NT)\d+$", re.IGNORECASE)
#: The columns of the one-row table handed to the request parser.
_PARSER_HEADER = "Reference\tValue\tFootprint\tDescription\tMPN"
#: A cell holding several part numbers: each one is this long, with letters and digits.
_SEVERAL_MIN = 9
#: The shortest all-letter first word taken for a manufacturer's name leaked into a cell.
_LEAKED_WORD = 4
#: The shortest symbol name taken for a part number on its shape alone.
_SHAPED_MIN = 5


@dataclass(frozen=True, slots=True)
class NothingToBuy:
    """A row that asks for nothing: not fitted, or drawn on the board (a fiducial)."""

    board_feature: bool


Outcome = BomRow | UnreadRow | NothingToBuy


@dataclass(slots=True)
class _Cells:
    """A record's cells by role."""

    record: Record
    columns: Columns

    def every(self, role: Role) -> list[str]:
        cells = self.record.cells
        found = (cells[i].strip() for i in self.columns.of(role) if i < len(cells))
        return [cell for cell in found if cell and cell != "~"]

    def first(self, role: Role) -> str:
        found = self.every(role)
        return found[0] if found else ""


def read_record(record: Record, columns: Columns) -> Outcome:
    """What one data row asks for."""
    cells = _Cells(record, columns)
    designators = split_designators(" ".join(cells.every(Role.DESIGNATORS)))
    mpns, value_in_mpn = _part_numbers(cells.every(Role.MPN))
    if not mpns:
        mpns = _shaped_part_numbers(cells.every(Role.PART))
    value = " ".join([*cells.every(Role.VALUE), *value_in_mpn])
    described = " ".join([*cells.every(Role.DESCRIPTION), *cells.every(Role.NOTES)])
    quantity_text = cells.first(Role.QUANTITY)
    if _not_fitted(cells, f"{value} {described}") or _ZERO.match(quantity_text):
        return NothingToBuy(board_feature=False)
    quantity = _quantity(quantity_text, designators)
    if quantity is None and quantity_text:
        return UnreadRow(record.number, record.text, UnreadReason.BAD_QUANTITY)
    skus = _skus(cells)
    footprint = cells.first(Role.PACKAGE)
    found = _request(designators, mpns[:1], value, footprint, described, bool(skus))
    if isinstance(found, NothingToBuy):
        return found
    if isinstance(found, UnreadReason):
        return UnreadRow(record.number, record.text, found)
    found.quantity, found.reels = quantity, None
    return BomRow(
        number=record.number,
        designators=designators,
        quantity=quantity,
        request=found,
        text=record.text,
        skus=skus,
        manufacturer=cells.first(Role.MANUFACTURER) or None,
        alternates=mpns[1:],
    )


def _request(
    designators: list[str],
    mpn: list[str],
    value: str,
    footprint: str,
    described: str,
    has_skus: bool,
) -> PartRequest | UnreadReason | NothingToBuy:
    """The request of a fitted row, or why it makes none."""
    if mpn:
        # The package of a part number is its footprint's: a description's "DIP-8/SOIC-8"
        # lists what the symbol fits.
        parsed = _parse(designators, "", footprint, "", mpn[0])
        request = PartRequest(mpn=mpn[0], package=parsed.package if parsed else None)
    else:
        parsed = _parse(designators, value, footprint, described, "")
        if not ((parsed is not None and _names_a_part(parsed)) or has_skus):
            if _board_feature(designators, value, footprint, described):
                return NothingToBuy(board_feature=True)
            return UnreadReason.KIND_ONLY if parsed is not None else UnreadReason.NO_PART
        request = parsed or PartRequest()
        if request.mpn is not None:
            request.mpn = clean_mpn(request.mpn)
    if request.package is None and footprint:
        request.package = normalise_package(footprint, request.category)
    return request


def split_designators(text: str) -> list[str]:
    """ "C1 C14 C19 ", "C1, C2, C25, ", "R1-R4" and "R1~4" as the designators they list."""
    found: list[str] = []
    for token in _DESIGNATOR_SPLIT.split(text):
        if not any(char.isalnum() for char in token):
            continue
        span = _DESIGNATOR_RANGE.match(token)
        if span is not None:
            prefix, first, second_prefix, last = span.groups()
            start, end = int(first), int(last)
            if second_prefix in ("", prefix) and 0 < end - start <= _MAX_RANGE:
                found.extend(f"{prefix}{number}" for number in range(start, end + 1))
                continue
        found.append(token)
    return found


def _part_numbers(cells: list[str]) -> tuple[list[str], list[str]]:
    """The part numbers of the MPN cells (primary first), and cells that hold a value.

    A hand-made BOM may put "10k" or "100nF" under "Part Number": the parser reads it as a
    value, so it is one.
    """
    found: list[str] = []
    values: list[str] = []
    keys: set[str] = set()
    for cell in cells:
        numbers = _several(cell)
        if len(numbers) == 1 and _is_value(numbers[0]):
            values.append(cell)
            continue
        for number in numbers:
            key = normalise_mpn(number)
            if key and key not in keys:
                keys.add(key)
                found.append(number)
    return found, values


def _several(cell: str) -> list[str]:
    """One cell's part numbers: "RC0603FR-0715KL RC0603FR-1015KL" is two, as is
    "NTCG163JF103FT1S,RC0603FR-0710KL"; "PTS645SL50SMTR92 LFS" and NXP's
    "LPC4320FBD144,551" are one."""
    clean = clean_mpn(cell)
    if clean.lower() in _NO_PART or not any(char.isalnum() for char in clean):
        return []
    words = clean.split(" ")
    if len(words) > 1 and len(words[0]) >= _LEAKED_WORD and words[0].isalpha():
        # "Semiconductors 74LVC1G19GW,125": the tail of a manufacturer's name leaked in.
        clean = " ".join(words[1:])
    for separator in (" ", ","):
        pieces = [piece.strip() for piece in clean.split(separator)]
        if len(pieces) > 1 and all(map(_full_part_number, pieces)):
            return pieces
    return [clean]


def _full_part_number(text: str) -> bool:
    return (
        len(text) >= _SEVERAL_MIN
        and any(char.isdigit() for char in text)
        and any(char.isalpha() for char in text)
    )


def _is_value(text: str) -> bool:
    """ "10k", "100nF 50V": a cell that starts with a value and that the parser reads as one
    ("NEB 21 R" is a Lumberg part number, not 21 Ω)."""
    words = text.split()
    if not words or parse_value(words[0]) is None:
        return False
    found = parse_request(text)
    return len(found) == 1 and found[0].mpn is None and found[0].value is not None


def _shaped_part_numbers(cells: list[str]) -> list[str]:
    """Part numbers from a symbol-name column: "MIC5258-1.2YM5-TR" and "1674954-1" are
    part numbers; "C", "SW_Push", "Ferrite_Bead-Device" and "100nF" are not."""
    for cell in cells:
        if " " in cell or "_" in cell or _is_value(cell):
            continue
        found = parse_request(cell)
        shaped = len(cell) >= _SHAPED_MIN and any(char.isdigit() for char in cell)
        if shaped or (len(found) == 1 and found[0].mpn is not None):
            return [clean_mpn(cell)]
    return []


def _not_fitted(cells: _Cells, text: str) -> bool:
    """Marked not fitted: by a DNP or Fitted column, or by words in the value or notes.

    Kitspace's "Leave empty" counts only when the first part-number column is empty: with
    a part number beside it ("LCD1", an optional display) the part is still listed.
    """
    if any(cell.lower() in _DNP_CELL for cell in cells.every(Role.DNP)):
        return True
    if any(cell.lower() in _NOT_FITTED_CELL for cell in cells.every(Role.FITTED)):
        return True
    if _DNP_WORDS.search(text):
        return True
    if _LEAVE_EMPTY.search(text) is None:
        return False
    primary = cells.columns.of(Role.MPN)[:1]
    return not any(_several(cells.record.cells[i]) for i in primary if i < len(cells.record.cells))


def _quantity(text: str, designators: list[str]) -> int | None:
    if text:
        count = parse_count(text.replace(" ", ""))
        if count is not None:
            return count
    return len(designators) or None


def _skus(cells: _Cells) -> dict[str, str]:
    """The first order code of each supplier, in column order."""
    skus: dict[str, str] = {}
    record = cells.record
    for position in cells.columns.of(Role.SKU):
        if position >= len(record.cells):
            continue
        code = record.cells[position].strip()
        supplier = cells.columns.suppliers[position]
        if code and code.lower() not in _NO_PART and supplier not in skus:
            skus[supplier] = code
    return skus


def _parse(
    designators: list[str], value: str, footprint: str, described: str, mpn: str
) -> PartRequest | None:
    """The request the parser reads from the row's cells, as a one-row table."""
    if not (value or footprint or described or mpn):
        return None
    cells = [", ".join(designators), value, footprint, described, mpn]
    row = "\t".join(" ".join(cell.split()) for cell in cells)
    found = parse_request(f"{_PARSER_HEADER}\n{row}")
    return found[0] if found else None


def _names_a_part(request: PartRequest) -> bool:
    """A part number, a value, or a kind of part with something that narrows it down."""
    if request.mpn is not None or request.value is not None:
        return True
    specs = (
        request.package,
        request.voltage,
        request.current,
        request.power,
        request.tolerance,
        request.dielectric,
    )
    return request.category is not None and any(spec is not None for spec in specs)


def _board_feature(designators: list[str], value: str, footprint: str, described: str) -> bool:
    if any(_BOARD_FEATURE.search(text) for text in (value, footprint, described) if text):
        return True
    return bool(designators) and all(_BOARD_DESIGNATOR.match(ref) for ref in designators)
