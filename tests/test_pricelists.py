"""Price lists: a stock-list vendor's CSV, imported into vendor_prices (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.database import Database
from bot.models import Vendor, VendorKind, VendorPrice
from bot.pricelists import (
    PriceListError,
    PriceListReport,
    RowProblem,
    import_price_list,
    read_price_list,
)

BREAKS_CSV = """\
mpn,manufacturer,stock,moq,multiple,currency,lead_time_days,date_code,price_breaks
RC0603FR-0710KL,Yageo,120000,100,100,USD,,24+,"100:0.0031,1000:0.0019"
0603WAF1002T5E,UNI-ROYAL(Uniroyal Elec),500000,5000,5000,,,,5000:0.0011
AMS1117-3.3,Advanced Monolithic Systems,0,,,CNY,14,,"1:0.35, 100:0.30 ,1000:0.28"
"""


async def add_vendor(
    database: Database, name: str = "Huaqiang Stock", currency: str = "CNY"
) -> Vendor:
    async with database.session() as session:
        vendor = Vendor(name=name, kind=VendorKind.STOCK, currency=currency)
        session.add(vendor)
    return vendor


async def import_text(
    database: Database, vendor: Vendor, tmp_path: Path, text: str | bytes, name: str = "list.csv"
) -> PriceListReport:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    async with database.session() as session:
        return await import_price_list(session, vendor, path)


async def stored(database: Database) -> list[dict[str, Any]]:
    async with database.session() as session:
        rows = await session.scalars(select(VendorPrice).order_by(VendorPrice.mpn))
        return [
            {
                "vendor_id": row.vendor_id,
                "mpn": row.mpn,
                "mpn_normalised": row.mpn_normalised,
                "manufacturer": row.manufacturer,
                "stock": row.stock,
                "price_breaks": row.price_breaks,
                "currency": row.currency,
                "moq": row.moq,
                "multiple": row.multiple,
                "lead_time_days": row.lead_time_days,
                "date_code": row.date_code,
            }
            for row in rows
        ]


async def test_price_breaks_column_is_imported(empty_db: Database, tmp_path: Path) -> None:
    vendor = await add_vendor(empty_db)

    report = await import_text(empty_db, vendor, tmp_path, BREAKS_CSV)

    assert report == PriceListReport(rows=3, imported=3, problems=[])
    assert await stored(empty_db) == [
        {
            "vendor_id": vendor.id,
            "mpn": "0603WAF1002T5E",
            "mpn_normalised": "0603WAF1002T5E",
            "manufacturer": "UNI-ROYAL",
            "stock": 500000,
            "price_breaks": [[5000, 0.0011]],
            "currency": "CNY",
            "moq": 5000,
            "multiple": 5000,
            "lead_time_days": None,
            "date_code": None,
        },
        {
            "vendor_id": vendor.id,
            "mpn": "AMS1117-3.3",
            "mpn_normalised": "AMS111733",
            "manufacturer": "AMS",
            "stock": 0,
            "price_breaks": [[1, 0.35], [100, 0.3], [1000, 0.28]],
            "currency": "CNY",
            "moq": None,
            "multiple": None,
            "lead_time_days": 14,
            "date_code": None,
        },
        {
            "vendor_id": vendor.id,
            "mpn": "RC0603FR-0710KL",
            "mpn_normalised": "RC0603FR0710KL",
            "manufacturer": "YAGEO",
            "stock": 120000,
            "price_breaks": [[100, 0.0031], [1000, 0.0019]],
            "currency": "USD",
            "moq": 100,
            "multiple": 100,
            "lead_time_days": None,
            "date_code": "24+",
        },
    ]


async def test_price_at_columns_semicolons_bom_and_decimal_commas(
    empty_db: Database, tmp_path: Path
) -> None:
    vendor = await add_vendor(empty_db)
    text = (
        "Part Number;Manufacturer;Stock;MOQ;Multiple;Currency;price@1;price@100;price@1000\n"
        "cl10b104kb8nnnc;Samsung Electro-Mechanics;1.200.000;4000;4000;usd;;0,0021;0,0016\n"
    )

    report = await import_text(empty_db, vendor, tmp_path, "\ufeff" + text)

    assert report.problems == [
        RowProblem(2, "stock must be a whole number >= 0, got '1.200.000'"),
    ]
    fixed = text.replace("1.200.000", "1 200 000")
    report = await import_text(empty_db, vendor, tmp_path, "\ufeff" + fixed)

    assert report == PriceListReport(rows=1, imported=1, problems=[])
    [row] = await stored(empty_db)
    assert (row["mpn"], row["manufacturer"], row["stock"], row["currency"]) == (
        "CL10B104KB8NNNC",
        "SAMSUNG",
        1200000,
        "USD",
    )
    assert row["price_breaks"] == [[100, 0.0021], [1000, 0.0016]]


async def test_plus_columns_tab_separated(empty_db: Database, tmp_path: Path) -> None:
    vendor = await add_vendor(empty_db, currency="USD")
    text = (
        "part_number\tbrand\tstock\tmoq\tmultiple\t1000+\t1+\t100+\n"
        "STM32F103C8T6\tST\t2500\t1\t1\t1.62\t2.10\t1.85\n"
    )

    await import_text(empty_db, vendor, tmp_path, text)

    [row] = await stored(empty_db)
    assert row["price_breaks"] == [[1, 2.1], [100, 1.85], [1000, 1.62]]
    assert (row["manufacturer"], row["currency"], row["moq"]) == ("ST", "USD", 1)


async def test_bad_rows_are_reported_with_line_numbers_and_good_rows_imported(
    empty_db: Database, tmp_path: Path
) -> None:
    vendor = await add_vendor(empty_db)
    text = (
        "mpn,manufacturer,stock,moq,multiple,currency,price_breaks\n"
        "RC0603FR-0710KL,Yageo,120000,100,100,USD,100:0.0031\n"
        ",Yageo,5000,1,1,USD,1:0.01\n"
        "\n"
        "GRM188R71H104KA93D,Murata,-40,1,1,USD,1:0.01\n"
        "LM358DR,TI,3000,1,1,US$,1:0.12\n"
        "SS34,MDD,8000,1,1,USD,1:0.02,100:0.015\n"
        "1N4148W,Diodes,9000,1,1,USD,\n"
        "BC847C,Nexperia,12000,0,1,USD,1:0.01;1:0.009\n"
        '"AO3400A","AOS","30,000","3000","3000","USD","3000:0.021"\n'
        'ESP32-C3,Espressif,50,1,1,USD,"1:1,15"\n'
    )

    report = await import_text(empty_db, vendor, tmp_path, text)

    assert [str(problem) for problem in report.problems] == [
        "line 3: no part number",
        "line 5: stock must be a whole number >= 0, got '-40'",
        "line 6: currency must be a three-letter ISO 4217 code, got 'US$'",
        "line 7: 8 fields where the header has 7 (quote cells that contain the separator)",
        "line 8: no price",
        "line 9: moq must be a whole number >= 1, got '0'; "
        "price break quantities must be distinct and at least 1",
        "line 11: price break '15' is not quantity:price",
    ]
    assert (report.rows, report.imported) == (9, 2)
    assert [(row["mpn"], row["stock"]) for row in await stored(empty_db)] == [
        ("AO3400A", 30000),
        ("RC0603FR-0710KL", 120000),
    ]
    assert report.summary() == "imported 2 parts from 9 rows; 7 rows skipped"


def test_bad_price_is_named_by_its_column() -> None:
    text = "mpn,manufacturer,stock,moq,multiple,price@1,price@100\nSS34,MDD,1,1,1,0.02,$0.015\n"

    rows, problems = read_price_list(text, "USD")

    assert rows == []
    assert problems == [RowProblem(2, "price@100 '$0.015' is not a number")]


async def test_reimport_replaces_the_vendors_row_for_the_same_part(
    empty_db: Database, tmp_path: Path
) -> None:
    vendor = await add_vendor(empty_db)
    await import_text(empty_db, vendor, tmp_path, BREAKS_CSV)
    first = await stored(empty_db)
    await import_text(empty_db, vendor, tmp_path, BREAKS_CSV)
    assert await stored(empty_db) == first

    update = (
        "part no,manufacturer,stock,moq,multiple,price_breaks\n"
        "rc0603fr-07 10kl,YAGEO,80000,100,100,100:0.0029\n"
    )
    report = await import_text(empty_db, vendor, tmp_path, update)

    rows = await stored(empty_db)
    assert report.imported == 1
    assert len(rows) == 3
    [resistor] = [row for row in rows if row["mpn_normalised"] == "RC0603FR0710KL"]
    assert resistor == {
        **first[2],
        "mpn": "RC0603FR-07 10KL",
        "stock": 80000,
        "price_breaks": [[100, 0.0029]],
        "currency": "CNY",
        "date_code": None,
    }


async def test_same_part_from_two_makers_or_two_vendors_is_two_rows(
    empty_db: Database, tmp_path: Path
) -> None:
    first = await add_vendor(empty_db, "Huaqiang Stock")
    second = await add_vendor(empty_db, "Saige Stock")
    text = (
        "mpn,manufacturer,stock,moq,multiple,price_breaks\n"
        "AMS1117-3.3,AMS,1000,1,1,1:0.35\n"
        "AMS1117-3.3,Advanced Monolithic Systems,2000,1,1,1:0.33\n"
        "AMS1117-3.3,UMW,9000,1,1,1:0.12\n"
    )

    report = await import_text(empty_db, first, tmp_path, text)
    await import_text(empty_db, second, tmp_path, text)

    assert report.imported == 2  # AMS twice: the later row wins
    rows = await stored(empty_db)
    assert sorted((row["vendor_id"], row["manufacturer"], row["stock"]) for row in rows) == [
        (first.id, "AMS", 2000),
        (first.id, "UMW", 9000),
        (second.id, "AMS", 2000),
        (second.id, "UMW", 9000),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        (
            "mpn,manufacturer,price_breaks\nSS34,MDD,1:0.02\n",
            "missing columns: stock, moq, multiple"
            " (the header is: mpn, manufacturer, price_breaks)",
        ),
        (
            "mpn,manufacturer,stock,moq,multiple\nSS34,MDD,1,1,1\n",
            "missing columns: price_breaks (or price@N columns) "
            "(the header is: mpn, manufacturer, stock, moq, multiple)",
        ),
        (
            "mpn,manufacturer,stock,moq,multiple,price_breaks,price@1\nSS34,MDD,1,1,1,1:0.02,0.02\n",
            "use either a price_breaks column or price@N columns, not both",
        ),
        (
            "mpn,part number,manufacturer,stock,moq,multiple,1+\n",
            "the header names mpn twice",
        ),
    ],
)
def test_unusable_header_is_an_error(text: str, message: str) -> None:
    with pytest.raises(PriceListError) as raised:
        read_price_list(text, "USD")

    assert str(raised.value) == message


async def test_file_that_is_not_utf8_is_an_error(empty_db: Database, tmp_path: Path) -> None:
    vendor = await add_vendor(empty_db)
    text = "mpn,manufacturer,stock,moq,multiple,price_breaks\nRC0603FR-0710KL,国巨,1,1,1,1:0.01\n"

    with pytest.raises(PriceListError) as raised:
        await import_text(empty_db, vendor, tmp_path, text.encode("gbk"), "gbk.csv")

    assert (
        str(raised.value) == f"{tmp_path / 'gbk.csv'}: line 2 is not UTF-8; save the file as UTF-8"
    )
    assert await stored(empty_db) == []
