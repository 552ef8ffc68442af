"""Which one-character slip separates a request from a catalogued part number."""

from __future__ import annotations

import pytest

from catalogue.matching.edits import EditKind, classify_edit


@pytest.mark.parametrize(
    ("requested", "catalogued", "kind"),
    [
        ("RC0603FR0701KL", "RC0603FR0710KL", EditKind.TRANSPOSITION),
        ("STM32F103C8T", "STM32F103C8T6", EditKind.MISSING),
        ("STM32F1033C8T6", "STM32F103C8T6", EditKind.EXTRA),
        ("NE555FR", "NE555DR", EditKind.SUBSTITUTION),
    ],
)
def test_each_kind_of_slip_is_named(requested: str, catalogued: str, kind: EditKind) -> None:
    edit = classify_edit(requested, catalogued)
    assert edit is not None and edit.kind is kind


def test_two_slips_are_not_one() -> None:
    assert classify_edit("RC0603FR0701KX", "RC0603FR0710KL") is None


def test_identical_keys_have_no_slip() -> None:
    assert classify_edit("LM358DR", "LM358DR") is None


def test_a_swap_is_likelier_than_a_wrong_character() -> None:
    swap = classify_edit("LM358RD", "LM358DR")
    wrong = classify_edit("LM358RD", "LM358RX")
    assert swap is not None and wrong is not None and swap.weight > wrong.weight


def test_a_look_alike_is_likelier_than_an_arbitrary_wrong_character() -> None:
    look_alike = classify_edit("RC0603FR07L0KL", "RC0603FR0710KL")
    arbitrary = classify_edit("RC0603FR07L0KL", "RC0603FR0720KL")
    assert look_alike is not None and arbitrary is not None
    assert look_alike.weight > arbitrary.weight


def test_dropping_one_of_a_run_is_likelier_than_dropping_a_lone_character() -> None:
    from_run = classify_edit("SMBJ3A", "SMBJ33A")
    lone = classify_edit("SMBJ3A", "SMBJ30A")
    assert from_run is not None and lone is not None
    assert from_run.weight == 2 * lone.weight
