"""The JSON-lines stream shared by the `--jsonl` commands: one answer per input line, in order.

A program writes a line and waits for its answer, while a file piped through should be
answered in large blocks: answers are written a chunk of input at a time and flushed
whenever the input has nothing more waiting, which serves both. Each command supplies only
`answer`, which turns any line (even a broken one) into one line of JSON; should it raise,
the line gets an `{"error": ...}` object all the same, so answers stay aligned with
questions and nothing is dropped.
"""

from __future__ import annotations

import json
import os
import select
from collections.abc import Callable
from typing import IO, Any

#: Bytes read from the input at a time.
CHUNK = 1 << 16
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def stream_jsonl(answer: Callable[[bytes], str], source: IO[bytes], sink: IO[bytes]) -> None:
    """Write `answer(line)` for every line of `source` on `sink`, flushing when `source` runs dry.

    A last line without a newline is answered too; blank input at the very end is not.
    """
    descriptor = _descriptor(source)
    pending = b""
    while True:
        chunk = _read(source, descriptor)
        if not chunk:
            break
        lines = (pending + chunk).split(b"\n")
        pending = lines.pop()
        if lines:
            answers = [_answered(answer, line) for line in lines]
            sink.write(("\n".join(answers) + "\n").encode("utf-8"))
        if descriptor is None or not _readable(descriptor):
            sink.flush()
    if pending.strip():
        sink.write((_answered(answer, pending) + "\n").encode("utf-8"))
    sink.flush()


def _answered(answer: Callable[[bytes], str], line: bytes) -> str:
    try:
        return answer(line)
    except Exception as error:  # one bad line must not end the stream or misalign it
        return _ENCODE({"error": f"{type(error).__name__}: {error}"})


def _read(source: IO[bytes], descriptor: int | None) -> bytes:
    """What is available now (at most one chunk), waiting only when nothing is."""
    if descriptor is not None:
        return os.read(descriptor, CHUNK)
    read1 = getattr(source, "read1", source.read)
    data: bytes = read1(CHUNK)
    return data


def _descriptor(source: IO[Any]) -> int | None:
    try:
        return source.fileno()
    except (AttributeError, OSError, ValueError):
        return None


def _readable(descriptor: int) -> bool:
    """Whether more input is already waiting, so a flush can wait for it."""
    try:
        ready, _, _ = select.select([descriptor], [], [], 0)
    except (OSError, ValueError):
        return False
    return bool(ready)
