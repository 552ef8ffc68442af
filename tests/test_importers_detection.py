"""Without --format the importer tells the format from the path and the header row."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import shared_file

from catalogue.importers import CatalogueImportError, FormatChoice, choose_format


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("catalogue/jlcparts_subset_50k.csv.gz", FormatChoice("jlcparts-csv", "from the header")),
        ("catalogue/jlcparts_basic_preferred.csv", FormatChoice("jlcparts-csv", "from the header")),
        (
            "catalogue/jlcparts_testParts_jlc-export-format.csv",
            FormatChoice("jlc-export", "from the header"),
        ),
        ("catalogue/octopart_cpl", FormatChoice("octopart-cpl", "a directory")),
        (
            "catalogue/octopart_cpl/CPL for Production/Resistors.yaml",
            FormatChoice("octopart-cpl", "from the file extension"),
        ),
    ],
)
def test_each_shared_catalogue_file_is_recognised(relative: str, expected: FormatChoice) -> None:
    assert choose_format(shared_file(relative), None) == expected


def test_a_users_csv_is_recognised_by_its_mpn_and_manufacturer_columns(tmp_path: Path) -> None:
    path = tmp_path / "stock.txt"
    path.write_text("Manufacturer;MPN;Qty\nYageo;RC0603FR-0710KL;5000\n", encoding="utf-8")
    assert choose_format(path, None) == FormatChoice("csv", "from the header")


def test_a_given_format_is_taken_as_given(tmp_path: Path) -> None:
    path = tmp_path / "anything.dat"
    path.write_text("whatever\n", encoding="utf-8")
    assert choose_format(path, "jlc-export") == FormatChoice("jlc-export", "as given")


def error_of(path: Path, fmt: str | None = None) -> str:
    with pytest.raises(CatalogueImportError) as raised:
        choose_format(path, fmt)
    return str(raised.value)


def test_an_unrecognisable_header_asks_for_a_format(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_text("Reference,Qty,Value\nR1,1,10k\n", encoding="utf-8")
    assert error_of(path) == (
        f"{path}: cannot tell the format from its first line; "
        "pass --format (jlcparts-csv, jlc-export, octopart-cpl, csv)"
    )


def test_a_missing_path_is_named(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nope.csv") == f"{tmp_path / 'nope.csv'}: no such file or directory"


def test_an_unknown_format_lists_the_known_ones(tmp_path: Path) -> None:
    assert error_of(tmp_path, "xlsx") == (
        "unknown format 'xlsx'; choose one of: jlcparts-csv, jlc-export, octopart-cpl, csv"
    )


def test_a_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "parts.csv"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert error_of(path) == f"{path}: not a text file (it contains NUL bytes)"


def test_a_gz_name_on_plain_text_is_not_gzip_data(tmp_path: Path) -> None:
    path = tmp_path / "parts.csv.gz"
    path.write_text("mpn,manufacturer\n", encoding="utf-8")
    assert error_of(path).startswith(f"{path}: not readable gzip data")


def test_gzip_content_is_sniffed_through_the_compression(tmp_path: Path) -> None:
    path = tmp_path / "parts.csv.gz"
    path.write_bytes(gzip.compress(b"mpn,manufacturer\nNE555DR,TI\n"))
    assert choose_format(path, None) == FormatChoice("csv", "from the header")


def test_a_directory_is_octopart_only(tmp_path: Path) -> None:
    assert (
        error_of(tmp_path, "csv") == f"{tmp_path}: a directory can only be imported as octopart-cpl"
    )


def test_a_file_in_another_encoding_asks_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "stock.csv"
    path.write_bytes("mpn,manufacturer\nNE555,德州\n".encode("gbk"))
    assert error_of(path) == f"{path}: not UTF-8 text (invalid byte at offset 23); save it as UTF-8"
