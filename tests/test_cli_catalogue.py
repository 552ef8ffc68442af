"""`sourcing-bot catalogue import|stats`: clear one-line errors, bad rows by line, a summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands.catalogue import import_into, stats_text
from bot.database import Database

STOCK = (
    "mpn,manufacturer,category,value\n"
    "RC0603FR-0710KL,Yageo,resistor,10k\n"
    ",Yageo,resistor,4k7\n"
    "CL10B104KB8NNNC,Samsung,capacitor,100nF\n"
    "XYZ,Acme,resistor,100nF\n"
    "BAT54S,Nexperia\n"
)


def test_a_missing_file_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.csv"
    status = main(["catalogue", "import", str(missing)])
    captured = capsys.readouterr()
    assert (status, captured.out, captured.err) == (
        2,
        "",
        f"sourcing-bot catalogue: error: {missing}: no such file or directory\n",
    )


def test_an_unknown_format_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    status = main(["catalogue", "import", str(path), "--format", "xlsx"])
    captured = capsys.readouterr()
    assert (status, captured.err) == (
        2,
        "sourcing-bot catalogue: error: unknown format 'xlsx'; "
        "choose one of: jlcparts-csv, jlc-export, octopart-cpl, csv\n",
    )


def test_import_prints_the_detected_format_and_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    status = main(["catalogue", "import", str(path)])
    captured = capsys.readouterr()
    assert (status, re.sub(r"\d+\.\d s", "T s", captured.out)) == (
        0,
        "format: csv (from the header)\n5 rows read, 2 parts written, 3 bad rows, T s\n",
    )
    # stderr is no terminal here, so no progress bar: just the bad rows.
    assert captured.err == (
        "line 3: mpn is empty\n"
        "line 5: value '100nF' is not a resistance\n"
        "line 6: 2 columns where the header has 4\n"
    )


async def test_only_the_first_bad_rows_are_listed_and_the_rest_counted(
    empty_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    status = await import_into(empty_db, path, None, shown_bad_rows=1)
    assert (status, capsys.readouterr().err) == (
        0,
        "line 3: mpn is empty\n... and 2 more bad rows\n",
    )


async def test_a_file_without_a_single_good_row_fails_with_status_1(
    empty_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text("mpn,manufacturer\n,Yageo\n", encoding="utf-8")
    status = await import_into(empty_db, path, "csv")
    captured = capsys.readouterr()
    assert (status, captured.err) == (
        1,
        f"line 2: mpn is empty\nsourcing-bot catalogue: error: no parts imported from {path}\n",
    )


async def test_stats_prints_counts_by_category_the_total_and_sources(
    empty_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "stock.csv"
    path.write_text(STOCK, encoding="utf-8")
    await import_into(empty_db, path, None)
    text = re.sub(
        r"version \w+, loaded [\d-]+ [\d:]+ UTC", "version V, loaded T", await stats_text(empty_db)
    )
    assert text == (
        "capacitor  1\n"
        "resistor   1\n"
        "total      2\n"
        "sources:\n"
        "  csv:stock.csv: 2 parts, version V, loaded T"
    )


async def test_stats_of_an_empty_catalogue_is_a_zero_total(empty_db: Database) -> None:
    assert await stats_text(empty_db) == "total  0"


def test_import_help_documents_the_csv_columns(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["catalogue", "import", "--help"])
    help_text = capsys.readouterr().out
    assert all(
        phrase in help_text
        for phrase in ("jlcparts-csv", "jlc-export", "octopart-cpl", "  mpn  ", "  tolerance  ")
    )
