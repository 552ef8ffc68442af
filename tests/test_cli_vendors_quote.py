"""`sourcing-bot vendors` and `sourcing-bot quote`, run as a buyer would run them."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest
from vendor_servers import VendorServer

PRICE_LIST = (
    "mpn,manufacturer,stock,moq,multiple,currency,price_breaks\n"
    'RC0603FR-0710KL,Yageo,120000,100,100,CNY,"100:0.02,1000:0.013"\n'
    "RC0603FR-0710KL,Yageo,oops,100,100,CNY,100:0.02\n"
)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}",
        "FX_RATES": "CNY=0.14",
    }


async def cli(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_an_http_vendor_is_added_and_listed(env: dict[str, str]) -> None:
    code, out, _ = await cli(
        env, "vendors", "add", "--name", "acme", "--url", "https://acme.example/q", "--secret", "k"
    )
    assert (code, out) == (0, "added http vendor 'acme' (active, prices in USD)\n")
    code, out, _ = await cli(env, "vendors", "list")
    assert out.splitlines() == [
        "name  kind  status  currency  categories  answered  score  contact",
        "acme  http  active  USD       all              0/0     50  https://acme.example/q",
    ]


async def test_an_http_vendor_without_a_secret_is_refused_in_one_line(env: dict[str, str]) -> None:
    code, out, err = await cli(env, "vendors", "add", "--name", "acme", "--url", "https://a/q")
    assert (code, out, err) == (
        2,
        "",
        "sourcing-bot vendors: error: an HTTP vendor needs --secret as well as --url\n",
    )


async def test_a_second_vendor_with_the_same_name_is_refused(env: dict[str, str]) -> None:
    await cli(env, "vendors", "add", "--name", "stall", "--stock")
    code, _, err = await cli(env, "vendors", "add", "--name", "stall", "--stock")
    assert (code, err) == (
        2,
        "sourcing-bot vendors: error: a vendor named 'stall' already exists\n",
    )


async def test_a_disabled_vendor_is_listed_as_disabled(env: dict[str, str]) -> None:
    await cli(env, "vendors", "add", "--name", "stall", "--stock")
    code, out, _ = await cli(env, "vendors", "disable", "stall")
    assert (code, out) == (0, "vendor 'stall' is disabled\n")


async def test_a_price_list_imports_good_rows_and_names_bad_ones(
    env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "prices.csv").write_text(PRICE_LIST)
    await cli(env, "vendors", "add", "--name", "stall", "--stock", "--currency", "CNY")
    code, out, _ = await cli(env, "vendors", "import-prices", "stall", str(tmp_path / "prices.csv"))
    assert code == 0
    assert out.splitlines()[0] == "imported 1 parts from 2 rows; 1 rows skipped"
    assert out.splitlines()[1].startswith("  line 3: ")


async def test_quote_ranks_a_stock_list_and_an_http_vendor_and_reports_a_broken_one(
    env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "prices.csv").write_text(PRICE_LIST)
    offer = {
        "line": 1,
        "currency": "USD",
        "price_breaks": [[100, 0.0031], [1000, 0.0019]],
        "mpn": "RC0603FR-0710KL",
        "manufacturer": "YAGEO",
        "stock": 50000,
        "moq": 100,
    }
    async with VendorServer("k", offers=[offer]) as good, VendorServer("k", status=500) as bad:
        await cli(env, "vendors", "add", "--name", "stall", "--stock", "--currency", "CNY")
        await cli(env, "vendors", "import-prices", "stall", str(tmp_path / "prices.csv"))
        await cli(env, "vendors", "add", "--name", "web", "--url", good.url, "--secret", "k")
        await cli(env, "vendors", "add", "--name", "down", "--url", bad.url, "--secret", "k")
        code, out, err = await cli(
            env, "quote", "500 pcs 0603 10k 1%", "--window", "10", "--json", "--order", "cheapest"
        )
    assert code == 0, err
    document = json.loads(out)
    (line,) = document["lines"]
    assert [(o["rank"], o["vendor"], o["order_quantity"], o["total"]) for o in line["offers"]] == [
        (1, "stall", 500, 1.4),
        (2, "web", 500, 1.55),
    ]
    assert line["failed_vendors"] == ["down"]
    assert line["request"] == {
        "quantity": 500,
        "category": "resistor",
        "value": 10000.0,
        "package": "0603",
        "tolerance": 0.01,
    }


async def test_quote_of_a_message_without_a_part_explains_with_an_example(
    env: dict[str, str],
) -> None:
    code, out, err = await cli(env, "quote", "hello, anyone there?")
    assert (code, out) == (1, "")
    assert err == (
        "sourcing-bot quote: no part request found in that message; name a part number or "
        "describe a part with its value and package, "
        'e.g. sourcing-bot quote "500 pcs 0603 10k 1%"\n'
    )
