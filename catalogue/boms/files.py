"""From the bytes a buyer sends to rows of cells: what the file is, its text, its columns.

BOMs arrive as UTF-8 with or without a byte-order mark, as Excel's UTF-16 "Unicode text",
as GB18030 from Chinese Excel, as Windows-1252; with CRLF, CR or even CR CR LF line ends;
with commas, semicolons, tabs or bars; with preamble lines above the header; or as .xlsx
workbooks. The delimiter (and the sheet) is the one under which a header row appears.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from catalogue.boms.columns import Columns, read_header
from catalogue.boms.model import BomError, BomProblem

MAX_BYTES = 5_000_000
MAX_RECORDS = 20_000
#: Columns read from a worksheet: BOMs have tens, a sheet's stated width may be thousands.
MAX_COLUMNS = 256
#: How far down the header row is looked for (preambles are a few lines).
HEADER_SEARCH = 30
#: A run of blank worksheet rows this long ends the data (formatting often reaches row 1M).
BLANK_RUN_END = 1000

_DELIMITERS = ("\t", ";", ",", "|")
_NEWLINES = re.compile(r"\r*\n|\r")
_SEP_HINT = re.compile(r"^sep=(.)$", re.IGNORECASE)
#: Header words that tell GB18030 text from Windows-1252 bytes that happen to decode.
_CHINESE_HEADERS = re.compile("数量|位号|型号|封装|规格|名称|描述|备注|用量|品牌|序号|物料|元件")
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")


@dataclass(frozen=True, slots=True)
class Record:
    """One row of cells with the line (or sheet row) it starts on and its text as written."""

    number: int
    cells: list[str]
    text: str

    @property
    def blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(slots=True)
class Sheet:
    """The rows of a BOM with its header found: `header` indexes `records`."""

    records: list[Record]
    header: int
    columns: Columns
    kind: str
    encoding: str | None = None
    delimiter: str | None = None
    name: str | None = None


def open_sheet(data: bytes, filename: str) -> Sheet:
    """The rows of the BOM in `data`; BomError when it is no file a BOM can be read from."""
    if not data.strip():
        raise BomError(BomProblem.EMPTY, filename)
    if len(data) > MAX_BYTES:
        raise BomError(BomProblem.TOO_LARGE, filename, f"{MAX_BYTES // 1_000_000} MB")
    _refuse_known_binaries(data, filename)
    if data.startswith(b"PK\x03\x04"):
        return _workbook_sheet(data, filename)
    text, encoding = _decode(data, filename)
    return _text_sheet(text, encoding, filename)


def _refuse_known_binaries(data: bytes, filename: str) -> None:
    head = data[:16]
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        raise BomError(BomProblem.IMAGE, filename)
    if head[4:8] == b"ftyp":  # HEIC photos from phones, and videos
        raise BomError(BomProblem.IMAGE, filename)
    if head.startswith(b"%PDF"):
        raise BomError(BomProblem.PDF, filename)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise BomError(BomProblem.OLD_EXCEL, filename)
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        raise BomError(BomProblem.ARCHIVE, filename)


def _decode(data: bytes, filename: str) -> tuple[str, str]:
    """The file's text and the encoding it was read with; BomError when it is no text."""
    text, encoding = _text_of(data)
    sample = text[:4096]
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r")
    if not sample or controls * 20 > len(sample):
        raise BomError(BomProblem.BINARY, filename)
    return text, encoding


def _text_of(data: bytes) -> tuple[str, str]:
    for mark, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(mark):
            return data.decode(codec, errors="replace"), codec
    sample = data[:4096]
    if b"\x00" in sample:
        # UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
        for codec, zeros in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
            if zeros.count(0) >= 0.9 * len(zeros):
                return data.decode(codec, errors="replace"), codec
        return data.decode("latin-1"), "binary"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _legacy_text(data)


def _legacy_text(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: GB18030 when its header is Chinese, else Windows-1252."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _CHINESE_HEADERS.search(text[:4096]):
            return text, "gb18030"
    return data.decode("cp1252", errors="replace"), "cp1252"


def _text_sheet(text: str, encoding: str, filename: str) -> Sheet:
    text = _NEWLINES.sub("\n", text)
    lines = text.split("\n")
    forced = _SEP_HINT.match(lines[0].rstrip(" ")) if lines else None
    candidates = (forced.group(1),) if forced else _DELIMITERS
    best: tuple[int, str, int, Columns] | None = None
    for delimiter in candidates:
        head = _first(_text_records(text, lines, delimiter), HEADER_SEARCH)
        found = _find_header(head)
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], delimiter, found[0], found[2])
    if best is None:
        raise BomError(BomProblem.NO_HEADER, filename)
    _, delimiter, header, columns = best
    records = _capped(_text_records(text, lines, delimiter), filename)
    return Sheet(records, header, columns, "text", encoding=encoding, delimiter=delimiter)


def _text_records(text: str, lines: list[str], delimiter: str) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # A line csv refuses (an over-long field): keep it, split plainly, to show back.
            cells = lines[previous].split(delimiter) if previous < len(lines) else []
        start, previous = previous + 1, max(reader.line_num, previous + 1)
        yield Record(start, cells, "\n".join(lines[start - 1 : previous]))


def _workbook_sheet(data: bytes, filename: str) -> Sheet:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile as error:
        raise BomError(BomProblem.DAMAGED_WORKBOOK, filename) from error
    if "xl/workbook.xml" not in names:
        if "content.xml" in names and "mimetype" in names:
            raise BomError(BomProblem.OPENDOCUMENT, filename)
        raise BomError(BomProblem.ARCHIVE, filename)
    from openpyxl import load_workbook  # only BOMs sent as workbooks need it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of error on damaged files
        raise BomError(BomProblem.DAMAGED_WORKBOOK, filename) from error
    try:
        active = workbook.active
        ordered = [active, *(sheet for sheet in workbook.worksheets if sheet is not active)]
        for worksheet in ordered:
            if worksheet is None or not hasattr(worksheet, "iter_rows"):
                continue  # a chart sheet
            rows = worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
            records = _capped(_sheet_records(rows), filename)
            found = _find_header(records[:HEADER_SEARCH])
            if found is not None:
                return Sheet(records, found[0], found[2], "xlsx", name=worksheet.title)
    except BomError:
        raise
    except Exception as error:  # a read-only workbook parses its sheets while they are read
        raise BomError(BomProblem.DAMAGED_WORKBOOK, filename) from error
    finally:
        workbook.close()
    raise BomError(BomProblem.NO_HEADER, filename)


def _sheet_records(rows: Iterable[tuple[object, ...]]) -> Iterator[Record]:
    blank_run = 0
    for number, values in enumerate(rows, start=1):
        cells = [_cell_text(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        blank_run = 0 if cells else blank_run + 1
        if blank_run >= BLANK_RUN_END:
            return
        yield Record(number, cells, "\t".join(cells))


def _cell_text(value: object) -> str:
    """A worksheet cell as the text a person sees: 10 not 10.0, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return " ".join(str(value).replace("\t", " ").splitlines()).strip()


def _capped(records: Iterator[Record], filename: str) -> list[Record]:
    """All the records, trailing blank ones dropped; BomError past MAX_RECORDS."""
    kept: list[Record] = []
    for record in records:
        if len(kept) >= MAX_RECORDS:
            raise BomError(BomProblem.TOO_MANY_ROWS, filename, f"{MAX_RECORDS:,}")
        kept.append(record)
    while kept and kept[-1].blank:
        kept.pop()
    return kept


def _first(records: Iterator[Record], count: int) -> list[Record]:
    head: list[Record] = []
    for record in records:
        head.append(record)
        if len(head) >= count:
            break
    return head


def _find_header(records: list[Record]) -> tuple[int, int, Columns] | None:
    """The index of the header row, how many columns it names, and its columns."""
    for index, record in enumerate(records):
        columns = read_header(record.cells)
        if columns is not None:
            known = sum(len(positions) for positions in columns.roles.values())
            return index, known, columns
    return None
