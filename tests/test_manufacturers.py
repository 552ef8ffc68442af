"""Manufacturer spellings from distributors, BOMs and buyers file under one canonical name."""

from __future__ import annotations

import pytest

from catalogue.manufacturers import alias_key, canonical_manufacturer, lookup_manufacturer


def test_lcsc_short_long_spelling_is_its_known_brand() -> None:
    assert canonical_manufacturer("FH(Guangdong Fenghua Advanced Tech)") == "FENGHUA"


def test_chinese_market_name_is_the_brand() -> None:
    assert canonical_manufacturer("国巨") == "YAGEO"


def test_the_long_name_in_brackets_decides_over_the_short_one() -> None:
    # LCSC writes Semtech as "ST(Semtech)"; it is not STMicroelectronics.
    assert canonical_manufacturer("ST(Semtech)") == "SEMTECH"


def test_an_unknown_brand_is_filed_under_its_short_form() -> None:
    assert canonical_manufacturer("TAE(Zhejiang Abel Elec)") == "TAE"


def test_the_same_spelling_with_its_brackets_lost_is_the_same_brand() -> None:
    assert canonical_manufacturer("CX Dongguan Chengxing Elec") == canonical_manufacturer(
        "CX(Dongguan Chengxing Elec)"
    )


def test_a_known_short_word_does_not_swallow_another_company() -> None:
    assert canonical_manufacturer("ON Shore Technology") == "ON SHORE"


def test_corporate_words_do_not_hide_a_known_maker() -> None:
    assert canonical_manufacturer("Jiangsu Changjing Electronics Technology Co., Ltd.") == "CJ"


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("ABRACON LLC", "ABRACON"),
        ("Comchip Technology", "COMCHIP"),
        ("Ningbo Xinlaiya Elec.", "NINGBO XINLAIYA"),
    ],
)
def test_an_unknown_makers_legal_form_words_are_dropped(spelling: str, canonical: str) -> None:
    assert canonical_manufacturer(spelling) == canonical


def test_a_division_of_a_known_maker_is_that_maker() -> None:
    assert canonical_manufacturer("TOSHIBA SEMICONDUCTOR AND STORAGE") == "TOSHIBA"


def test_a_name_wholly_in_brackets_loses_them() -> None:
    assert canonical_manufacturer("(DIOTEC)") == "DIOTEC"


def test_lookup_knows_only_real_spellings_of_a_maker() -> None:
    assert (lookup_manufacturer("Murata Electronics"), lookup_manufacturer("Murata GRM188")) == (
        "MURATA",
        None,
    )


def test_alias_keys_ignore_case_spacing_punctuation_and_brackets() -> None:
    assert alias_key("UNI-ROYAL(Uniroyal Elec)") == alias_key("uni royal uniroyal elec")


def test_traditional_chinese_brand_names_fold_to_their_simplified_aliases() -> None:
    assert [canonical_manufacturer(name) for name in ("英飛凌", "德州儀器", "樂鑫", "國巨")] == [
        "INFINEON",
        "TI",
        "ESPRESSIF",
        "YAGEO",
    ]
