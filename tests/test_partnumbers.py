"""Part numbers: one normal form for every spelling of the same orderable part."""

from __future__ import annotations

import pytest

from catalogue.partnumbers import clean_mpn, normalise_mpn, packaging_suffix


@pytest.mark.parametrize(
    "spelling",
    [
        "RC0603FR-0710KL",
        "rc0603fr-0710kl",
        "RC0603FR-0710KL-TR",
        "RC0603FR-0710KL/TR",
        "RC0603FR-0710KL#TR",
        "RC0603FR-0710KL-ND",
        "RC0603FR-0710KL-CT-ND",
        "RC0603FR-0710KL REEL",
        "RC0603FR-0710KL-REEL7",
        "RC0603FR-0710KL TR",
        "RC0603FR-0710KL (T&R)",
        " RC0603FR 0710KL ",
        "RC 0603 FR-07 10KL",
    ],
)
def test_spellings_of_one_part_share_a_key(spelling: str) -> None:
    assert normalise_mpn(spelling) == "RC0603FR0710KL"


def test_tr_inside_a_part_number_is_not_a_packaging_suffix() -> None:
    assert normalise_mpn("IRLML6402TRPBF") == "IRLML6402TRPBF"


def test_a_trailing_tr_without_a_separator_stays() -> None:
    assert normalise_mpn("STM32F103C8T6TR") == "STM32F103C8T6TR"


def test_a_maker_reel_code_that_is_part_of_the_number_stays() -> None:
    assert normalise_mpn("BSS138-7-F") == "BSS1387F"


def test_a_part_number_that_is_only_a_suffix_keeps_its_letters() -> None:
    assert normalise_mpn("-TR") == "TR"


@pytest.mark.parametrize(
    ("spelling", "suffix"),
    [
        ("RC0603FR-0710KL-TR", "-TR"),
        ("rc0603fr-0710kl/tr", "/TR"),
        ("TPS5430DDAR REEL", " REEL"),
        ("GRM188R71H104KA93D-CT-ND", "-CT-ND"),
        ("NE555DR (TR)", " (TR)"),
        ("RC0603FR-0710KL", ""),
        ("-TR", ""),
    ],
)
def test_packaging_suffix_is_reported_as_written(spelling: str, suffix: str) -> None:
    assert packaging_suffix(spelling) == suffix


def test_clean_mpn_upper_cases_and_collapses_spacing() -> None:
    assert clean_mpn("  fa-238  8.0000mb-k ") == "FA-238 8.0000MB-K"
