"""Which column holds what: BOM headers as CAD tools, distributors and people write them.

KiCad, Altium, JLCPCB, Kitspace, Octopart and hand-made spreadsheets name the same
columns differently ("Qty", "Qnty", " Quantity", "Quantity Per PCB", "数量"), repeat them
for alternates ("Part Number" four times, "MPN2", "MP_N2") and put a distributor's name
under a repeated "SKU" in a second header row. Each column gets one role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    DESIGNATORS = "designators"
    QUANTITY = "quantity"
    MPN = "mpn"
    #: A symbol or part name ("C", "SW_Push", "MIC5258-1.2YM5-TR"): a part number only when
    #: it is shaped like one.
    PART = "part"
    VALUE = "value"
    PACKAGE = "package"
    DESCRIPTION = "description"
    #: Free notes: read like a description, and the only place "leave empty" means DNP.
    NOTES = "notes"
    MANUFACTURER = "manufacturer"
    #: A cell that marks the part not fitted ("DNP", "x", "yes").
    DNP = "dnp"
    #: A cell that marks the part fitted; "no" or "0" means not fitted.
    FITTED = "fitted"
    SKU = "sku"


def _names(role: Role, *names: str) -> dict[str, Role]:
    return dict.fromkeys(names, role)


#: Header names (lower case, single spaces) and their roles.
_NAMES: dict[str, Role] = {
    **_names(
        Role.DESIGNATORS,
        "reference",
        "references",
        "reference(s)",
        "ref",
        "refs",
        "ref.",
        "ref des",
        "refdes",
        "ref designator",
        "reference designator",
        "reference designators",
        "designator",
        "designators",
        "designation",
        "schematic reference",
        "part reference",
        "位号",
        "元件位号",
        "器件位号",
        "标号",
    ),
    **_names(
        Role.QUANTITY,
        "qty",
        "qty.",
        "q'ty",
        "qnty",
        "quantity",
        "quantity per pcb",
        "quantity per board",
        "qty per pcb",
        "qty per board",
        "qty/board",
        "qty per unit",
        "count",
        "pcs",
        "order qty",
        "order qty.",
        "order quantity",
        "数量",
        "用量",
        "单板用量",
        "每板用量",
    ),
    **_names(
        Role.MPN,
        "mpn",
        "mpn#",
        "part number",
        "partnumber",
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
        "mfr.part #",
        "mfr part number",
        "mfr. part number",
        "mfr part no",
        "mfr p/n",
        "mfr pn",
        "mfr #",
        "mfr. #",
        "mfr#",
        "mfg pn",
        "mfg part",
        "mfg p/n",
        "mfg part number",
        "mfg part #",
        "mfg part no",
        "manufacturer part number",
        "manufacturer part no",
        "manufacturer part #",
        "manufacturer part",
        "manufacturer pn",
        "manufacturer p/n",
        "型号",
        "规格型号",
        "器件型号",
        "物料型号",
        "厂家型号",
        "制造商型号",
    ),
    **_names(Role.PART, "part", "cmp name", "part name"),
    **_names(Role.VALUE, "value", "val", "values", "comment", "值", "参数", "规格", "标称值"),
    **_names(
        Role.PACKAGE,
        "footprint",
        "package",
        "package/case",
        "case/package",
        "case",
        "pcb footprint",
        "footprint name",
        "封装",
        "封装形式",
    ),
    **_names(
        Role.DESCRIPTION,
        "description",
        "desc",
        "characteristics",
        "specification",
        "specifications",
        "spec",
        "specs",
        "type",
        "part type",
        "category",
        "tolerance",
        "voltage",
        "voltage rating",
        "rated voltage",
        "power",
        "power rating",
        "dielectric",
        "temperature coefficient",
        "描述",
        "名称",
        "物料名称",
        "元件名称",
        "器件名称",
        "物料描述",
        "精度",
        "耐压",
        "功率",
        "材质",
    ),
    **_names(Role.NOTES, "note", "notes", "remark", "remarks", "comments", "备注"),
    **_names(
        Role.MANUFACTURER,
        "manufacturer",
        "manufacturer name",
        "mfg",
        "mfr",
        "mfr.",
        "mfg name",
        "品牌",
        "厂家",
        "制造商",
        "厂商",
    ),
    **_names(
        Role.DNP,
        "dnp",
        "dnf",
        "dni",
        "do not populate",
        "do not place",
        "do not fit",
        "no stuff",
        "nostuff",
        "not fitted",
        "不贴",
        "不焊",
    ),
    **_names(
        Role.FITTED, "fitted", "populate", "populated", "mount", "mounted", "stuff", "是否贴片"
    ),
}
#: Roles whose columns come numbered for alternates ("MPN2", "MFG2", "Digikey2").
_NUMBERED = frozenset({Role.MPN, Role.MANUFACTURER})

#: Supplier names as they start a header (punctuation and spaces removed).
SUPPLIERS: dict[str, str] = {
    "lcsc": "LCSC",
    "szlcsc": "LCSC",
    "jlcpcb": "LCSC",
    "jlc": "LCSC",
    "立创": "LCSC",
    "digikey": "Digi-Key",
    "dk": "Digi-Key",
    "mouser": "Mouser",
    "farnell": "Farnell",
    "element14": "Farnell",
    "newark": "Newark",
    "rs": "RS",
    "rscomponents": "RS",
    "tme": "TME",
    "arrow": "Arrow",
    "avnet": "Avnet",
    "avneteu": "Avnet",
    "chip1stop": "Chip1stop",
    "future": "Future",
}
#: What may follow a supplier's name in the header of its order-code column.
_SKU_TAILS = frozenset(
    {"", "part", "part#", "partno", "partnumber", "pn", "p/n", "sku", "#", "no", "no.", "code"}
    | {"ordercode", "orderno", "stockcode", "编号", "商品编号", "料号"}
)
#: Headers that are an LCSC order code on their own.
_LCSC_HEADERS = frozenset({"商品编号", "立创编号", "lcsc编号"})

#: What makes a part-number header the manufacturer's number rather than anyone's.
_MANUFACTURERS_NUMBER = re.compile(r"mpn|mfr|mfg|manufacturer|型号")
_INDEXED = re.compile(r"^(.*?[^\d\s])(\d{1,2})$")
_BRACKETED = re.compile(r"^(.*?)\s*\[(.+)\]$")
_COMPACT = re.compile(r"[\s_\-.]+")

#: The fewest recognised columns a header row has.
_MIN_KNOWN = 2
_WHAT_TO_BUY = frozenset({Role.MPN, Role.VALUE, Role.DESCRIPTION, Role.PART})
_HOW_MANY_OR_WHICH = frozenset(
    {Role.MPN, Role.VALUE, Role.PACKAGE, Role.DESIGNATORS, Role.QUANTITY, Role.SKU}
)


@dataclass(slots=True)
class Columns:
    """Column indices by role, the supplier of each SKU column, and the header's names."""

    names: list[str]
    roles: dict[Role, list[int]] = field(default_factory=dict)
    suppliers: dict[int, str] = field(default_factory=dict)

    def of(self, role: Role) -> list[int]:
        return self.roles.get(role, [])

    def summary(self) -> dict[str, str]:
        """Each role found, with the name of the first column that has it."""
        found = {
            role.value: self.names[indices[0]]
            for role, indices in self.roles.items()
            if role is not Role.SKU
        }
        for index in sorted(self.suppliers):
            found.setdefault(f"sku:{self.suppliers[index]}", self.names[index])
        return found


def header_key(name: str) -> str:
    """A header cell as compared: lower case, single spaces, no BOM mark or trailing colon."""
    return " ".join(name.replace("\ufeff", "").lower().split()).rstrip(":").strip()


def read_header(cells: list[str]) -> Columns | None:
    """The columns of `cells` when they are a BOM's header row, else None."""
    columns = Columns(names=[cell.strip() for cell in cells])
    ordered: dict[Role, list[tuple[int, int]]] = {}
    generic_part_numbers: set[int] = set()
    known = 0
    for position, cell in enumerate(cells):
        key = header_key(cell)
        if not key:
            continue
        supplier = supplier_of(key)
        if supplier is not None:
            columns.suppliers[position] = supplier
            ordered.setdefault(Role.SKU, []).append((0, position))
            known += 1
            continue
        found = _role_of(key)
        if found is None:
            continue
        role, index = found
        ordered.setdefault(role, []).append((index, position))
        if role is Role.MPN and not _MANUFACTURERS_NUMBER.search(key.replace("_", "")):
            generic_part_numbers.add(position)
        known += 1
    roles = set(ordered)
    if known < _MIN_KNOWN or not roles & _WHAT_TO_BUY or not roles & _HOW_MANY_OR_WHICH:
        return None
    part_numbers = ordered.get(Role.MPN, [])
    if any(position not in generic_part_numbers for _, position in part_numbers):
        # Beside "Manufacturer Part Number", a plain "Part Number" is someone else's number
        # (Digi-Key's cart export puts its own order code there).
        ordered[Role.MPN] = [pair for pair in part_numbers if pair[1] not in generic_part_numbers]
    # Numbered alternates ("MPN", "MPN2", "MP_N2", "MPN3") in the order of their numbers.
    columns.roles = {role: [p for _, p in sorted(pairs)] for role, pairs in ordered.items()}
    return columns


def apply_subheader(columns: Columns, cells: list[str]) -> None:
    """Read a second header row: Octopart puts "Digi-Key" under a repeated "SKU"."""
    for position, cell in enumerate(cells):
        sub = cell.strip()
        if not sub or position >= len(columns.names) or position in columns.suppliers:
            continue
        supplier = supplier_of(header_key(sub))
        if supplier is not None and header_key(columns.names[position]) == "sku":
            columns.suppliers[position] = supplier
            columns.roles[Role.SKU] = sorted([*columns.of(Role.SKU), position])


def is_subheader(columns: Columns, cells: list[str]) -> bool:
    """Whether `cells` (the row under the header) names distributors rather than a part."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    if not filled or any(any(char.isdigit() for char in cell) for cell in filled):
        return False
    part_columns = [
        position
        for role in (Role.DESIGNATORS, Role.QUANTITY, Role.MPN, Role.VALUE, Role.DESCRIPTION)
        for position in columns.of(role)
    ]
    if any(position < len(cells) and cells[position].strip() for position in part_columns):
        return False
    return any(supplier_of(header_key(cell)) is not None for cell in filled)


def supplier_of(key: str) -> str | None:
    """The supplier whose order codes a header names ("LCSC Part #", "Digikey P/N", "DK")."""
    bracketed = _BRACKETED.match(key)
    if bracketed is not None:
        # Octopart's "SKU [Digi-Key]"; "Unit Price [Digi-Key]" is no order code.
        if bracketed.group(1) != "sku":
            return None
        key = bracketed.group(2)
    if key in _LCSC_HEADERS:
        return "LCSC"
    compact = _COMPACT.sub("", key)
    indexed = _INDEXED.match(compact)
    # "Digikey2" and "LCS_C1" are a supplier's second column: still its order codes.
    for candidate in (compact, indexed.group(1) if indexed is not None else None):
        if candidate is None:
            continue
        for name, supplier in SUPPLIERS.items():
            if candidate.startswith(name) and candidate[len(name) :] in _SKU_TAILS:
                return supplier
    return None


def _role_of(key: str) -> tuple[Role, int] | None:
    """The role of a header and its alternate number (1 for "MPN", 2 for "MP_N2")."""
    for candidate in (key, key.replace("_", " "), key.replace("_", "")):
        role = _NAMES.get(candidate)
        if role is not None:
            return role, 1
    indexed = _INDEXED.match(key.replace("_", ""))
    if indexed is not None:
        role = _NAMES.get(indexed.group(1).strip())
        if role in _NUMBERED:
            return role, int(indexed.group(2))
    return None
