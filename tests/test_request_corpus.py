"""The request corpus: buyer messages and the exact requests the spec (issue 2, section 2) says
`parse_request` must return for them, one JSON object per line of corpus/requests.jsonl.

Floats are compared with a relative tolerance of 1e-9; every other value, and every type
(quantities and reels are ints, values and ratings are floats), must match exactly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "corpus" / "requests.jsonl"
MIN_MESSAGES = 300
SPEC_KEYS = {
    "quantity": int,
    "reels": int,
    "mpn": str,
    "category": str,
    "value": float,
    "package": str,
    "tolerance": float,
    "voltage": float,
    "power": float,
    "current": float,
    "dielectric": str,
}


def _load() -> list[tuple[int, dict[str, Any]]]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [(number, json.loads(line)) for number, line in enumerate(lines, 1) if line.strip()]


ENTRIES = _load()


def _same(actual: Any, expected: Any) -> bool:
    """Structural equality with matching types; floats equal within rel=1e-9."""
    if type(actual) is not type(expected):
        return False
    if isinstance(expected, float):
        return actual == pytest.approx(expected, rel=1e-9, abs=1e-15)
    if isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(
            _same(actual[key], expected[key]) for key in expected
        )
    if isinstance(expected, list):
        return len(actual) == len(expected) and all(map(_same, actual, expected))
    return bool(actual == expected)


@pytest.mark.parametrize(
    "entry", [entry for _, entry in ENTRIES], ids=[f"L{n}-{e['rule']}" for n, e in ENTRIES]
)
def test_message_parses_to_the_expected_requests(entry: dict[str, Any]) -> None:
    from catalogue.parser import parse_request

    actual = [request.to_dict() for request in parse_request(entry["text"])]
    assert _same(actual, entry["expected"]), (
        f"\ntext:     {entry['text'][:500]!r}"
        f"\nexpected: {json.dumps(entry['expected'], ensure_ascii=False)}"
        f"\nactual:   {json.dumps(actual, ensure_ascii=False)}"
    )


def test_corpus_has_at_least_300_messages() -> None:
    print(f"request corpus: {len(ENTRIES)} messages")
    assert len(ENTRIES) >= MIN_MESSAGES


def test_corpus_expectations_use_only_spec_keys_and_types() -> None:
    for number, entry in ENTRIES:
        assert set(entry) == {"text", "expected", "rule"}, number
        for request in entry["expected"]:
            assert request, number
            for key, value in request.items():
                assert type(value) is SPEC_KEYS[key], (number, key, value)
            assert not {"quantity", "reels"} <= request.keys(), number
            if "mpn" in request:
                assert request.keys() <= {"mpn", "quantity", "reels", "package"}, number
                assert request["mpn"] == request["mpn"].upper(), number
            else:
                assert "category" in request, number
