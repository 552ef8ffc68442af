"""`sourcing-bot parse-quote`: one reply as indented JSON, or a stream of JSON lines."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.commands.parse_quote import answer, stream_jsonl
from bot.vendor_replies import OfferDraft, RfqLine

REPO = Path(__file__).resolve().parents[1]
RFQ = [{"line": 1, "text": "500 pcs 0603 10k 1%", "quantity": 500, "mpn": None}]


def request(text: str, rfq: Any = RFQ) -> bytes:
    return json.dumps({"rfq": rfq, "text": text}, ensure_ascii=False).encode()


def test_jsonl_answers_each_line_with_a_compact_array_of_offers() -> None:
    sink = io.BytesIO()
    source = io.BytesIO(request("0.015元 含税 现货5万") + b"\n" + request("没货") + b"\n")
    stream_jsonl(source, sink)
    assert sink.getvalue().decode().splitlines() == [
        '[{"line":1,"price":0.015,"currency":"CNY","stock":50000,"lead_time_days":0,'
        '"tax_included":true}]',
        '[{"line":1,"declined":true}]',
    ]


@pytest.mark.parametrize(
    ("line", "error"),
    [
        (b"not json", "not a JSON object"),
        (b'"a string"', "not a JSON object"),
        (b'{"rfq": [], "text": "0.1"}', "rfq:"),
        (b'{"rfq": [{"text": "x"}], "text": "0.1"}', "rfq:"),
        (b'{"rfq": [{"line": 1}]}', "'text'"),
        (b'{"rfq": [{"line": 1, "quantity": "many"}], "text": "0.1"}', "rfq:"),
    ],
)
def test_a_bad_input_line_gets_an_error_object(line: bytes, error: str) -> None:
    answered = json.loads(answer(line))
    assert list(answered) == ["error"]
    assert answered["error"].startswith(error)


def test_a_bad_line_does_not_stop_the_stream() -> None:
    sink = io.BytesIO()
    stream_jsonl(io.BytesIO(b"oops\n" + request("0.1usd")), sink)
    lines = sink.getvalue().decode().splitlines()
    assert [list(json.loads(line)) if line.startswith("{") else line for line in lines] == [
        ["error"],
        '[{"line":1,"price":0.1,"currency":"USD"}]',
    ]


def test_one_reply_prints_indented_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["parse-quote", "--rfq", json.dumps(RFQ), "RC0603FR-0710KL 0.0021usd"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == [
        {"line": 1, "price": 0.0021, "currency": "USD", "mpn": "RC0603FR-0710KL"}
    ]


@pytest.mark.parametrize(
    "arguments",
    [
        ["parse-quote", "0.1usd"],
        ["parse-quote", "--rfq", "[{]", "0.1usd"],
        ["parse-quote", "--jsonl", "0.1usd"],
    ],
)
def test_a_usage_mistake_is_one_line_and_status_2(
    arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == 2
    error = capsys.readouterr().err
    assert error.startswith("sourcing-bot parse-quote: error:")
    assert error.count("\n") == 1


def test_the_command_streams_answers_as_lines_arrive() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "parse-quote", "--jsonl"],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(request("1-99 0.12$ / 100-999 0.095 / 1k+ 0.08") + b"\n")
    process.stdin.flush()
    first = process.stdout.readline()
    process.stdin.close()
    assert process.wait(timeout=60) == 0
    assert json.loads(first) == [
        {
            "line": 1,
            "price": 0.095,
            "currency": "USD",
            "price_breaks": [[1, 0.12], [100, 0.095], [1000, 0.08]],
        }
    ]


def test_rfq_lines_read_the_vendor_api_line_form() -> None:
    line = RfqLine.from_dict(
        {
            "line": 2,
            "text": "100nF 0603",
            "quantity": 4000,
            "category": "capacitor",
            "value": 1e-07,
            "package": "0603",
            "candidates": ["CL10B104KB8NNNC"],
            "extra": 1,
        }
    )
    assert line == RfqLine(
        line=2,
        text="100nF 0603",
        quantity=4000,
        category="capacitor",
        value=1e-07,
        package="0603",
        candidates=("CL10B104KB8NNNC",),
    )


def test_an_offer_keeps_only_the_keys_the_reply_determined() -> None:
    offer = OfferDraft(line=1, price=0.1 + 0.2, currency="USD", price_breaks=[(100, 0.1 + 0.2)])
    assert offer.to_dict() == {
        "line": 1,
        "price": 0.3,
        "currency": "USD",
        "price_breaks": [[100, 0.3]],
    }


def test_a_declined_offer_says_nothing_else() -> None:
    assert OfferDraft(line=3, price=1.0, declined=True).to_dict() == {"line": 3, "declined": True}
