"""`sourcing-bot parse`: one message as indented JSON, or a JSON-lines stream."""

from __future__ import annotations

import argparse
import io
import json
import os
import select
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from bot.commands import parse as command
from catalogue.parser import parse_request
from catalogue.request import PartRequest

REPO = Path(__file__).resolve().parents[1]


def parse_args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    command.configure(parser)
    return parser.parse_args(argv)


def stream(*lines: bytes) -> list[object]:
    sink = io.BytesIO()
    command.stream_jsonl(io.BytesIO(b"".join(lines)), sink)
    return [json.loads(line) for line in sink.getvalue().decode().splitlines()]


def test_text_is_printed_as_an_indented_json_array(capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse_args("500 pcs 0603 10k 1%")) == 0
    output = capsys.readouterr().out
    assert output.startswith("[\n  {\n")
    assert json.loads(output) == [
        {
            "quantity": 500,
            "category": "resistor",
            "value": 10000.0,
            "package": "0603",
            "tolerance": 0.01,
        }
    ]


def test_text_and_jsonl_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse_args("--jsonl", "LM358")) == 2
    assert "not both" in capsys.readouterr().err


def test_no_text_and_no_jsonl_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert command.run(parse_args()) == 2
    assert "give TEXT" in capsys.readouterr().err


def test_each_input_line_gets_one_compact_array_in_order() -> None:
    assert stream(b'"STM32F103C8T6 x 200"\n', b'"hi"\n', b'"LED 0603 red 5k"\n') == [
        [{"quantity": 200, "mpn": "STM32F103C8T6"}],
        [],
        [{"quantity": 5000, "category": "led", "package": "0603"}],
    ]


def test_a_message_may_hold_newlines() -> None:
    assert stream(b'"ESP32-C3-MINI-1\\nqty 300"\n') == [
        [{"quantity": 300, "mpn": "ESP32-C3-MINI-1"}]
    ]


def test_a_line_that_is_not_json_gets_an_error_object() -> None:
    answers = stream(b"not json\n", b'"NE555 x 5"\n')
    assert isinstance(answers[0], dict) and "error" in answers[0]
    assert answers[1] == [{"quantity": 5, "mpn": "NE555"}]


def test_a_json_value_that_is_not_a_string_gets_an_error_object() -> None:
    answers = stream(b"42\n", b'{"text": "LM358"}\n')
    assert all(isinstance(answer, dict) and "error" in answer for answer in answers)


def test_bytes_that_are_not_utf8_get_an_error_object() -> None:
    answers = stream(b'"\xff\xfe"\n')
    assert isinstance(answers[0], dict) and "error" in answers[0]


def test_an_empty_line_gets_an_error_object_to_keep_answers_aligned() -> None:
    answers = stream(b'"LM358 x 1"\n', b"\n", b'"NE555 x 2"\n')
    assert answers[0] == [{"quantity": 1, "mpn": "LM358"}]
    assert isinstance(answers[1], dict) and "error" in answers[1]
    assert answers[2] == [{"quantity": 2, "mpn": "NE555"}]


def test_last_line_without_newline_is_answered() -> None:
    assert stream(b'"LM358 x 1"') == [[{"quantity": 1, "mpn": "LM358"}]]


def test_escaped_json_strings_are_decoded() -> None:
    assert stream(b'"\\u8d34\\u7247\\u7535\\u963b 0603 10K 5000\\u4e2a"\n') == [
        [{"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}]
    ]


def test_answers_equal_the_json_of_to_dict() -> None:
    message = "need 3 reels of 100nF 0402 X7R 16V"
    expected = [request.to_dict() for request in parse_request(message)]
    assert stream(json.dumps(message).encode() + b"\n") == [expected]


def test_an_interactive_reader_gets_each_answer_before_sending_the_next() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "parse", "--jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert process.stdin is not None and process.stdout is not None
    try:
        for message, expected in (
            ("LM358 x 100", [{"quantity": 100, "mpn": "LM358"}]),
            ("hi", []),
        ):
            process.stdin.write(json.dumps(message).encode() + b"\n")
            process.stdin.flush()
            # Liveness guard only: without a flush the answer would never come.
            ready, _, _ = select.select([process.stdout], [], [], 60)
            assert ready, "no answer while the input stays open"
            assert json.loads(process.stdout.readline()) == expected
    finally:
        process.stdin.close()
        process.wait(timeout=60)
    assert process.returncode == 0


def test_json_of_a_request_with_every_field_set_equals_json_dumps_of_to_dict() -> None:
    samples: dict[str, object] = {"int": 7, "float": 1e-07, "str": 'X7R "quoted" \\ 贴片'}
    request = PartRequest.from_dict(
        {field.name: samples[str(field.type).split(" ")[0]] for field in fields(PartRequest)}
    )
    expected = json.dumps(request.to_dict(), ensure_ascii=False, separators=(",", ":"))
    assert command.request_json(request) == expected
