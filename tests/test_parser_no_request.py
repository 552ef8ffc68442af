"""Convention 11: a message with no part request gives [], never an exception."""

from __future__ import annotations

import base64
import random
import string
from typing import Any

from catalogue.parser import parse_request


def requests(text: str) -> list[dict[str, Any]]:
    return [request.to_dict() for request in parse_request(text)]


def test_greeting() -> None:
    assert requests("Hello, how are you?") == []


def test_question_without_a_part() -> None:
    assert requests("what's your lead time?") == []


def test_empty_message() -> None:
    assert requests("") == []


def test_whitespace_only() -> None:
    assert requests("   \n\n  \t ") == []


def test_emoji_only() -> None:
    assert requests("🙏🙏🙏") == []


def test_emoji_around_a_request_do_not_hide_it() -> None:
    assert requests("😀 10k 0603 5000pcs 😀") == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_order_number_alone() -> None:
    assert requests("Payment sent, order #20231145") == []


def test_phone_number_alone() -> None:
    assert requests("my phone: +86 138 1234 5678") == []


def test_price_alone() -> None:
    assert requests("price is too high, can you do $0.05?") == []


def test_signature_block() -> None:
    assert requests("Best regards,\nJohn Smith\nPurchasing Manager\nTel: +49 30 1234567") == []


def test_bare_number() -> None:
    assert requests("123456") == []


def test_chinese_greeting() -> None:
    assert requests("谢谢老板") == []


def test_ten_thousand_characters_of_printable_junk() -> None:
    rng = random.Random(11)
    junk = "".join(rng.choice(string.punctuation + " ") for _ in range(10_000))
    assert requests(junk) == []


def test_ten_thousand_characters_of_random_han_characters() -> None:
    rng = random.Random(5)
    junk = "".join(chr(rng.randint(0x4E00, 0x9FFF)) for _ in range(10_000))
    assert isinstance(parse_request(junk), list)


def test_random_bytes_decoded_never_raise() -> None:
    rng = random.Random(3)
    for _ in range(200):
        text = bytes(rng.randrange(256) for _ in range(rng.randint(1, 300))).decode(
            "utf-8", "replace"
        )
        assert isinstance(parse_request(text), list)


def test_control_characters_and_null_bytes() -> None:
    assert requests("\x00\x01\x02\x1b[31m\x7f") == []


def test_a_hundred_thousand_characters_are_read_without_error() -> None:
    assert requests("10k 0603 5000pcs " * 6000)[:1] == [
        {"quantity": 5000, "category": "resistor", "value": 10000.0, "package": "0603"}
    ]


def test_pasted_base64_blob_names_no_parts() -> None:
    rng = random.Random(8)
    blob = base64.b64encode(bytes(rng.randrange(256) for _ in range(7000))).decode()
    text = "\n".join(blob[i : i + 76] for i in range(0, len(blob), 76))
    assert requests(text) == []


def test_counts_of_zero_are_not_quantities() -> None:
    assert requests("LM358 0 pcs") == [{"mpn": "LM358"}]
