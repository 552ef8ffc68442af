"""BOM pastes: one request per part row, read by column when a header names the columns.

Buyers paste spreadsheets and CAD exports: tab, comma or semicolon columns, a header
line (sometimes after a preamble, sometimes followed by a second header), quoted cells,
designator lists. With a header, each column has a role (quantity, part number, value,
footprint, description, designators); without one, tab or semicolon rows are read as
one part each, their cells as one line.
"""

from __future__ import annotations

import csv
import re

from catalogue.packages import normalise_package
from catalogue.parser import tokens as t
from catalogue.parser.draft import Draft
from catalogue.parser.items import assemble
from catalogue.parser.lines import read_line, read_lines
from catalogue.parser.normalise import denoise
from catalogue.parser.pairs import combine
from catalogue.parser.quantities import parse_count
from catalogue.parser.reading import Reading
from catalogue.parser.resolve import finish, resolve_designators
from catalogue.parser.tokens import tokenise
from catalogue.request import PartRequest

_ROLES: dict[str, str] = {
    **dict.fromkeys(
        (
            "qty",
            "qty.",
            "q'ty",
            "qnty",
            "quantity",
            "quantity per pcb",
            "qty per pcb",
            "qty per board",
            "qty/board",
            "order qty",
            "total qty",
            "amount",
            "count",
            "pcs",
            "数量",
            "用量",
        ),
        "quantity",
    ),
    **dict.fromkeys(
        (
            "mpn",
            "mpn1",
            "mpn#",
            "part number",
            "partnumber",
            "part_number",
            "part no",
            "part no.",
            "part #",
            "part#",
            "partno",
            "p/n",
            "pn",
            "mfr part",
            "mfr part #",
            "mfr. part #",
            "mfr.part",
            "mfr.part #",
            "mfr part number",
            "mfr. part number",
            "mfr p/n",
            "mfr pn",
            "mfg pn",
            "mfg part",
            "mfg p/n",
            "mfg part number",
            "mfg part #",
            "manufacturer part number",
            "manufacturer part",
            "manufacturer pn",
            "manufacturer_part_number",
            "型号",
            "料号",
            "规格型号",
        ),
        "mpn",
    ),
    **dict.fromkeys(("value", "val", "values", "comment", "值", "参数", "规格"), "value"),
    **dict.fromkeys(
        (
            "footprint",
            "package",
            "package/case",
            "case/package",
            "case",
            "size",
            "pcb footprint",
            "封装",
        ),
        "package",
    ),
    **dict.fromkeys(
        (
            "description",
            "desc",
            "characteristics",
            "spec",
            "specification",
            "specifications",
            "specs",
            "remarks",
            "remark",
            "notes",
            "note",
            "name",
            "描述",
            "备注",
            "名称",
            "type",
            "part type",
            "category",
            "tolerance",
            "tol",
            "voltage",
            "rated voltage",
            "voltage rating",
            "power",
            "power rating",
            "wattage",
            "current",
            "dielectric",
            "tempco",
            "temperature coefficient",
            "精度",
            "耐压",
            "功率",
            "材质",
        ),
        "description",
    ),
    **dict.fromkeys(
        (
            "reference",
            "references",
            "reference(s)",
            "ref",
            "refs",
            "ref des",
            "refdes",
            "designator",
            "designators",
            "位号",
        ),
        "references",
    ),
    "dnp": "dnp",
    "part": "part",
    "parts": "part",
    "component": "part",
    "序号": "item",
    "item": "item",
    "#": "item",
    "no": "item",
    "no.": "item",
}
_OTHER_HEADERS = frozenset(
    {
        "lcsc",
        "lcsc part",
        "lcsc part #",
        "lcsc part number",
        "jlcpcb part #",
        "digikey",
        "digi-key",
        "digikey p/n",
        "dk",
        "mouser",
        "datasheet",
        "manufacturer",
        "mfg",
        "mfr",
        "mfr.",
        "vendor",
        "supplier",
        "supplier part",
        "sku",
        "price",
        "unit price",
        "total",
        "libpart",
        "cmp name",
        "side",
        "url",
        "厂家",
        "品牌",
    }
)
_PART_ROLES = frozenset({"quantity", "mpn", "value", "description", "part"})
_SEPARATORS = ("\t", ";", ",")
_HEADER_SEARCH = 12
# Rows for what the board has but nobody buys: fiducials, holes, test points, logos.
_BOARD_FEATURE = re.compile(
    r"fiducial|mounting.?hole|test.?point|\blogo\b|net.?tie|solder.?jumper|oshw",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_DNP_MARKS = frozenset({"dnp", "yes", "y", "x", "1", "true", "dnf"})
_NO_PART = frozenset({"", "-", "--", "~", "n/a", "na", "none", "dnp", "tbd", "generic", "nc"})
_DESIGNATOR_PREFIX = re.compile(r"^\s*([A-Za-z]{1,3})\d")
_ITEM_NUMBER = re.compile(r"^\s*\d{1,3}[.)]$")
_LCSC_CODE = re.compile(r"^C\d{3,7}$")
_FOOTPRINT_CATEGORY = re.compile(
    r"(?:^|[:_])(?:(?P<led>LED)|(?P<crystal>Crystal|Oscillator)|(?P<ferrite_bead>Ferrite|FB)"
    r"|(?P<resistor>Resistor|R)|(?P<capacitor>Capacitor|C|CP)|(?P<inductor>Inductor|L)"
    r"|(?P<diode>Diode|D)|(?P<fuse>Fuse)|(?P<connector>Connector|PinHeader|PinSocket|USB|JST))"
    r"(?=_)",
    re.IGNORECASE,
)

Roles = dict[str, list[int]]


def read_table(lines: list[str], cjk: bool) -> Reading | None:
    """The requests of a pasted table with their row numbers, or None if it is no table."""
    numbered = [(number, line) for number, line in enumerate(lines) if line.strip()]
    filled = [line for _, line in numbered]
    if len(filled) < 2:
        return None
    for separator in _SEPARATORS:
        for index, line in enumerate(filled[:_HEADER_SEARCH]):
            if separator not in line:
                continue
            roles = _header_roles(_cells(line, separator))
            if roles is not None:
                return _header_table(numbered, index, separator, roles, cjk)
    for separator in _SEPARATORS:
        if _is_plain_table(filled, separator):
            return _plain_table(numbered, separator, cjk)
    return None


def _header_table(
    numbered: list[tuple[int, str]], index: int, separator: str, roles: Roles, cjk: bool
) -> Reading:
    """Rows read by the columns the header at `index` names.

    Above the header, export metadata ("Source:", ...) is understood and anything else is
    read as text ("also need LM358 x 100"). Below it, further header rows, rows marked
    do-not-populate and board features nobody buys (fiducials, test points) are understood.
    """
    reading = Reading(understood={numbered[index][0]})
    typed = []
    for number, line in numbered[:index]:
        if _cells(line, separator)[0].endswith(":"):
            reading.understood.add(number)
        else:
            typed.append((number, line))
    if typed:
        above = read_lines([line for _, line in typed], cjk)
        reading.found.extend(
            (request, tuple(typed[n][0] for n in numbers)) for request, numbers in above.found
        )
        reading.understood.update(typed[n][0] for n in above.understood)
    for number, row in numbered[index + 1 :]:
        cells = _cells(row, separator)
        if _not_populated(cells, roles) or (
            not _DIGIT.search(row) and _header_roles(cells) is not None
        ):
            reading.understood.add(number)
            continue
        request = _row_request(cells, roles, cjk)
        if request is None and _BOARD_FEATURE.search(row):
            reading.understood.add(number)
        _add(reading, number, request)
    return reading


def _plain_table(numbered: list[tuple[int, str]], separator: str, cjk: bool) -> Reading:
    """Rows without a header, one part each; a line between them without the separator
    that only describes ("0402 1%:") is shared context for the rows below it."""
    reading = Reading()
    context: Draft | None = None
    counted = _counts_rows([_cells(row, separator)[0] for _, row in numbered if separator in row])
    for number, row in numbered:
        if separator not in row:
            line = read_line(row)
            if not line.items and not line.context.is_empty():
                context = line.context
                context.settle_counts()
                reading.understood.add(number)
                continue
        _add(reading, number, _plain_row_request(row, separator, context, cjk, counted))
    return reading


def _counts_rows(firsts: list[str]) -> bool:
    """Whether the first cells number the rows 1, 2, 3... (item numbers, not counts)."""
    return len(firsts) >= 2 and firsts == [str(position) for position in range(1, len(firsts) + 1)]


def _add(reading: Reading, number: int, request: PartRequest | None) -> None:
    if request is not None:
        reading.found.append((request, (number,)))


def _is_plain_table(lines: list[str], separator: str) -> bool:
    """Rows of one width without a header: tab or semicolon columns, or CSV as exported
    (every line the same number of cells, no ", " as people type lists)."""
    if separator == ",":
        if any(", " in line and '"' not in line for line in lines):
            return False
        widths = {len(_cells(line, separator)) for line in lines}
        return len(widths) == 1 and widths.pop() >= 3
    rows = [line for line in lines if separator in line]
    return len(rows) >= 2 and len(rows) * 2 > len(lines)


def _cells(line: str, separator: str) -> list[str]:
    if separator == "\t":
        return [cell.strip().strip('"').strip() for cell in line.split("\t")]
    row = next(csv.reader([line], delimiter=separator, skipinitialspace=True), [])
    return [cell.strip().strip('"').strip() for cell in row]


def _header_roles(cells: list[str]) -> Roles | None:
    """Column indices by role, when `cells` are a header row; None otherwise."""
    roles: Roles = {}
    known = 0
    for index, cell in enumerate(cells):
        name = " ".join(cell.lower().split()).rstrip(":")
        role = _ROLES.get(name)
        if role is not None:
            known += 1
            roles.setdefault(role, []).append(index)
        elif name in _OTHER_HEADERS:
            known += 1
    if known >= 2 and _PART_ROLES & roles.keys():
        return roles
    return None


def _not_populated(cells: list[str], roles: Roles) -> bool:
    """A row marked do-not-populate in its DNP column: the buyer does not want the part."""
    return any(
        cells[i].strip().lower() in _DNP_MARKS for i in roles.get("dnp", ()) if i < len(cells)
    )


def _row_request(cells: list[str], roles: Roles, cjk: bool) -> PartRequest | None:
    filled = {
        role: [cells[i] for i in indices if i < len(cells) and cells[i]]
        for role, indices in roles.items()
    }

    def cell(role: str) -> str:
        found = filled.get(role)
        return found[0] if found else ""

    hints = [_footprint_category(cell("package")), _category_hint(cell("references"))]
    described = " ".join([cell("value"), *filled.get("description", ())])
    draft, mpn = _part_of_row(described, cell("mpn"), cell("part"), hints)
    if mpn is not None:
        draft.mpn = mpn
    quantity = parse_count(cell("quantity").replace(" ", ""))
    if quantity is not None:
        draft.quantity, draft.reels = quantity, None
    if cell("package"):
        _footprint_package(draft, cell("package"), hints)
    return finish(draft, None, cjk, row=True)


def _part_of_row(
    described: str, mpn_cell: str, part_cell: str, hints: list[str | None]
) -> tuple[Draft, str | None]:
    """The row's draft (from its value and description columns) and part number.

    An MPN column holds part numbers ("73251-2121"), or a part described in words
    ("100nF 0402 X7R"), as does a "Part" column next to an item number; such a description
    is read when the value and description columns name no part.
    """
    draft = _single_draft(described, hints)
    mpn = _part_number(mpn_cell, strict=True) or _part_number(part_cell, strict=True)
    if mpn is not None:
        return draft, mpn
    for text, is_mpn_column in ((mpn_cell, True), (part_cell, False)):
        if not text:
            continue
        if _names_part(_single_draft(text, hints)):
            if not _names_part(draft):
                draft = _single_draft(f"{text} {described}", hints)
        elif is_mpn_column:
            mpn = _part_number(text)
    return draft, mpn


def _footprint_package(draft: Draft, footprint: str, hints: list[str | None]) -> None:
    """The package a footprint column gives ("R_0603_1608Metric", "SOT-23", "0603")."""
    package = normalise_package(footprint, next((h for h in hints if h), None))
    if package is not None:
        draft.package, draft.chip = package, False
        return
    package_draft = _single_draft(footprint, hints)
    if package_draft.package is not None:
        draft.package, draft.chip = package_draft.package, package_draft.chip


def _plain_row_request(
    row: str, separator: str, context: Draft | None, cjk: bool, counted: bool
) -> PartRequest | None:
    cells = _cells(row, separator)
    if cells and (_ITEM_NUMBER.match(cells[0]) or (counted and cells[0].isdigit())):
        cells = cells[1:]
    hints = [*map(_footprint_category, cells), *map(_category_hint, cells)]
    return finish(_single_draft(" ".join(cells), hints), context, cjk, row=True)


def _single_draft(text: str, hints: list[str | None]) -> Draft:
    """One row's cells as one part. Designators and footprints give the category (the
    first of `hints` that fits the value), never a value; "C1525" is an LCSC stock code."""
    tokens = [token for token in tokenise(denoise(text)) if not _LCSC_CODE.match(token[3])]
    draft = assemble(combine(tokens), single=True)[0]
    draft.designators = [
        (t.DESIG, 0.0, hint, "") for hint in dict.fromkeys(hints) if hint is not None
    ] + [token for token in draft.designators if not int(token[1]) & 2]
    resolve_designators(draft)
    if draft.value is None and draft.mpn is None and "resistor" in hints:
        _plain_ohms(draft)
    return draft


def _names_part(draft: Draft) -> bool:
    """Whether a cell's words name a part: a value, or a category such as "LED"."""
    return draft.has_anchor() or draft.category is not None


def _plain_ohms(draft: Draft) -> None:
    """A CAD value column writes resistors in plain ohms: "49.9", "100", "0"."""
    if any(token[0] == t.KNUM for token in draft.ambiguous):
        return
    for index, token in enumerate(draft.ambiguous):
        if token[0] == t.NUM:
            draft.value, draft.dim = token[1], "ohm"
            del draft.ambiguous[index]
            return


def _part_number(text: str, strict: bool = False) -> str | None:
    """The part number of an MPN cell: "PTS645SL50SMTR92 LFS" and "TSX-3225 16.0000MF10U-B0"
    whole; of two part numbers ("NTCG163JF103FT1S,RC0603FR-0710KL"), the first.

    `strict` is for a "Part" column, which CAD tools fill with symbol names ("C",
    "SW_Push"): only a cell shaped like a part number counts there.
    """
    clean = " ".join(text.upper().split())
    if clean.lower() in _NO_PART or not any(char.isalnum() for char in clean):
        return None
    if strict and not any(token[0] == t.MPN for token in tokenise(clean)):
        return None
    for separator in (",", " "):
        words = [word.strip() for word in clean.split(separator)]
        if len(words) > 1 and all(map(_whole_part_number, words)):
            return words[0]
    return clean


def _whole_part_number(word: str) -> bool:
    """A word that is a part number by itself: long, letters first, with digits."""
    return len(word) >= 6 and word[0].isalpha() and any(c.isdigit() for c in word)


def _footprint_category(footprint: str) -> str | None:
    """The category a CAD footprint name implies ("LED_SMD:LED_0603_1608Metric" is an LED)."""
    found = _FOOTPRINT_CATEGORY.search(footprint)
    if not found:
        return None
    return next(category for category, text in found.groupdict().items() if text)


def _category_hint(references: str) -> str | None:
    prefix = _DESIGNATOR_PREFIX.match(references)
    if not prefix:
        return None
    for token in tokenise(prefix.group(0).strip() + "1"):
        if token[0] == t.DESIG and token[2]:
            return token[2]
    return None
