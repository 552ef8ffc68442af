"""`sourcing-bot match`: a buyer's message in, each request with its candidates out."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.database import open_database
from catalogue.seed import SEED_SOURCE, SEED_VERSION
from catalogue.store import PartRecord, record_source, upsert_parts

PARTS = [
    PartRecord(
        mpn="RC0603FR-0710KL",
        manufacturer="YAGEO",
        category="resistor",
        source="test",
        package="0603",
        value=10000.0,
        tolerance=0.01,
        power=0.1,
    ),
    PartRecord(
        mpn="RC0603JR-0710KL",
        manufacturer="YAGEO",
        category="resistor",
        source="test",
        package="0603",
        value=10000.0,
        tolerance=0.05,
        power=0.1,
    ),
    PartRecord(
        mpn="AMS1117-3.3",
        manufacturer="Advanced Monolithic Systems",
        category="ic",
        source="test",
        package="SOT-223",
    ),
]


@pytest.fixture
def catalogue_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """DATABASE_URL of a catalogue holding PARTS only (the seed counts as loaded)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'catalogue.db'}"

    async def fill() -> None:
        database = await open_database(url, seed=False)
        async with database.session() as session:
            await upsert_parts(session, PARTS)
            await record_source(session, SEED_SOURCE, SEED_VERSION, 0)
        await database.close()

    asyncio.run(fill())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return url


def test_match_prints_each_request_with_a_table_of_candidates(
    catalogue_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["match", "500 pcs 0603 10k 5%\n2k AMS1117-3.3 SOT-223"]) == 0
    assert capsys.readouterr().out == (
        "1. 500 × resistor 10 kΩ ±5% 0603\n"
        '   {"quantity": 500, "category": "resistor", "value": 10000.0, "package": "0603", '
        '"tolerance": 0.05}\n'
        "   score  kind        part number      manufacturer  package  reason\n"
        "      95  parametric  RC0603JR-0710KL  YAGEO         0603     10 kΩ 0603, 5% as asked\n"
        "      85  parametric  RC0603FR-0710KL  YAGEO         0603     "
        "10 kΩ 0603, 1% offered for 5% (exceeds spec)\n"
        "\n"
        "2. 2,000 × AMS1117-3.3 (SOT-223)\n"
        '   {"quantity": 2000, "mpn": "AMS1117-3.3", "package": "SOT-223"}\n'
        "   score  kind   part number  manufacturer  package  reason\n"
        "     100  exact  AMS1117-3.3  AMS           SOT-223  exact part number\n"
    )


def test_match_json_pairs_each_request_with_its_candidates(
    catalogue_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["match", "--json", "--limit", "1", "RC0603FR-0710KL/TR x5000"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [
        (
            entry["request"],
            [(c["mpn"], c["kind"], c["score"], c["reason"]) for c in entry["candidates"]],
        )
        for entry in document
    ] == [
        (
            {"quantity": 5000, "mpn": "RC0603FR-0710KL/TR"},
            [
                (
                    "RC0603FR-0710KL",
                    "normalised",
                    98,
                    "same part number without the /TR packaging suffix",
                )
            ],
        )
    ]


def test_a_request_the_catalogue_cannot_meet_says_so(
    catalogue_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["match", "100 pcs 0603 10k 0.1%"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "   no catalogue part matches this request"


def test_a_message_without_a_request_explains_with_an_example(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "match", "hi, are you open today?"],
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "sourcing-bot match: no part request found in that message; name a part number or "
        'describe a part with its value and package, e.g. sourcing-bot match "500 pcs 0603 10k"\n',
    )
    assert not (tmp_path / "sourcing.db").exists()


def test_a_limit_below_one_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["match", "--limit", "0", "500 pcs 0603 10k"])
    assert exited.value.code == 2
    assert "expected a whole number of at least 1, got '0'" in capsys.readouterr().err


def test_a_dash_reads_the_message_from_standard_input(
    catalogue_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Qty 2000  AMS1117-3.3\n"))
    assert main(["match", "-"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "1. 2,000 × AMS1117-3.3",
        '   {"quantity": 2000, "mpn": "AMS1117-3.3"}',
    ]
