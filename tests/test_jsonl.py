"""The JSON-lines streamer behind `parse --jsonl` and `parse-quote --jsonl`."""

from __future__ import annotations

import io
import json
import os
import threading
from collections.abc import Callable

from bot.commands.jsonl import CHUNK, stream_jsonl


def shout(line: bytes) -> str:
    """A stand-in command: answers each line with its text upper-cased, as a JSON string."""
    return json.dumps(line.decode("utf-8").upper())


def strict(line: bytes) -> str:
    """A stand-in command that fails on lines it cannot read."""
    number = int(line)
    return json.dumps([number, number * 2])


def answers(data: bytes, answer: Callable[[bytes], str] = shout) -> list[object]:
    sink = io.BytesIO()
    stream_jsonl(answer, io.BytesIO(data), sink)
    return [json.loads(line) for line in sink.getvalue().decode("utf-8").splitlines()]


class Trickle(io.BytesIO):
    """A source without a file descriptor that hands out two bytes a read."""

    def read1(self, size: int = -1) -> bytes:
        return super().read1(2)


class RecordingSink(io.BytesIO):
    """A sink that keeps what had been written at each flush, and signals the flush."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[bytes] = []
        self.flush_seen = threading.Event()

    def flush(self) -> None:
        super().flush()
        self.flushed.append(self.getvalue())
        self.flush_seen.set()


def test_answers_come_in_input_order_one_per_line() -> None:
    assert answers(b"lm358\nne555\n\xe8\xb4\xb4\xe7\x89\x87\n") == ["LM358", "NE555", "贴片"]


def test_lines_split_across_read_chunks_are_answered_whole() -> None:
    lines = [f"line {number} " + "x" * (number % 97) for number in range(3 * CHUNK // 20)]
    data = "\n".join(lines).encode("utf-8") + b"\n"
    assert len(data) > 2 * CHUNK
    assert answers(data) == [line.upper() for line in lines]


def test_a_last_line_without_newline_is_answered() -> None:
    assert answers(b"lm358\nne555") == ["LM358", "NE555"]


def test_blank_input_at_the_end_gets_no_answer() -> None:
    assert answers(b"lm358\n  ") == ["LM358"]


def test_a_line_the_command_cannot_answer_gets_an_error_object_in_its_place() -> None:
    got = answers(b"2\nnot a number\n5\n", strict)
    assert got[0] == [2, 4]
    assert isinstance(got[1], dict) and got[1]["error"].startswith("ValueError: ")
    assert got[2] == [5, 10]


def test_answers_are_flushed_while_the_input_stays_open() -> None:
    read_end, write_end = os.pipe()
    sink = RecordingSink()
    with os.fdopen(read_end, "rb", buffering=0) as source:
        streamer = threading.Thread(target=stream_jsonl, args=(shout, source, sink))
        streamer.start()
        try:
            os.write(write_end, b"lm358\n")
            # Liveness guard only: without a flush on a pause the answer would never come.
            assert sink.flush_seen.wait(60), "no flush while the input pauses"
            assert sink.flushed[0] == b'"LM358"\n'
        finally:
            os.close(write_end)
            streamer.join(60)
    assert sink.getvalue() == b'"LM358"\n'


def test_a_source_without_a_descriptor_is_flushed_after_every_read() -> None:
    sink = RecordingSink()
    stream_jsonl(shout, Trickle(b"a\nb\n"), sink)
    assert sink.getvalue() == b'"A"\n"B"\n'
    assert sink.flushed[0] == b'"A"\n'
