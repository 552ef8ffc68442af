"""Rules 10 and 11: the part number and manufacturer written for an offer."""

from __future__ import annotations

from typing import Any

import pytest

from bot.vendor_replies import RfqLine, parse_quote

RESISTOR = RfqLine(1, "500 pcs 0603 10k 1%", 500, None)
MCU = RfqLine(1, "STM32F103C8T6 x 100", 100, "STM32F103C8T6")


def offer_of(text: str, rfq: RfqLine) -> dict[str, Any]:
    (offer,) = [offer.to_dict() for offer in parse_quote(text, [rfq])]
    return offer


@pytest.mark.parametrize(
    ("reply", "mpn"),
    [
        ("RC0603FR-0710KL YAGEO 0.0021usd", "RC0603FR-0710KL"),
        ("rc0603fr-0710kl 0.0021usd", "RC0603FR-0710KL"),
        ("0603WAF1002T5E 厚声 0.0009元", "0603WAF1002T5E"),
        ("ERJ-3EKF1002V 0.003usd", "ERJ-3EKF1002V"),
    ],
)
def test_a_full_part_number_is_the_mpn_in_upper_case(reply: str, mpn: str) -> None:
    assert offer_of(reply, RESISTOR)["mpn"] == mpn


def test_the_requested_part_number_repeated_is_the_mpn() -> None:
    assert offer_of("STM32F103C8T6 1.85usd", MCU)["mpn"] == "STM32F103C8T6"


@pytest.mark.parametrize(
    ("rfq_mpn", "reply", "mpn"),
    [
        ("BC847B", "BC847B,215 0.01usd", "BC847B,215"),
        ("ATTINY85-20SU", "ATTINY85-20SU# 0.6usd", "ATTINY85-20SU#"),
        ("AD8605ARTZ", "AD8605ARTZ-REEL7 1.2usd", "AD8605ARTZ-REEL7"),
        ("MAX3232ESE", "MAX3232ESE+T 0.9usd", "MAX3232ESE+T"),
        ("LT1763CS8-3.3", "LT1763CS8-3.3#TRPBF 2.35usd", "LT1763CS8-3.3#TRPBF"),
        ("STM32F103C8T6", "STM32F103C8T6TR 1.95usd", "STM32F103C8T6TR"),
    ],
)
def test_suffixes_are_part_of_the_mpn(rfq_mpn: str, reply: str, mpn: str) -> None:
    rfq = RfqLine(1, f"{rfq_mpn} x100", 100, rfq_mpn)
    assert offer_of(reply, rfq)["mpn"] == mpn


@pytest.mark.parametrize("reply", ["C8T6 1.85usd", "F103C8T6 12元", "stm32 c8t6 1.85usd"])
def test_a_short_form_is_not_the_mpn(reply: str) -> None:
    assert "mpn" not in offer_of(reply, MCU)


def test_a_marking_code_is_not_the_mpn() -> None:
    rfq = RfqLine(1, "MMBT3904 3000", 3000, None)
    assert offer_of("3904 (1AM) 0.01元", rfq) == {"line": 1, "price": 0.01, "currency": "CNY"}


@pytest.mark.parametrize(
    ("reply", "manufacturer"),
    [
        ("国巨 0.001元", "YAGEO"),
        ("厚声 0.001元", "UNI-ROYAL"),
        ("风华 0.001元", "FENGHUA"),
        ("三星 0.001元", "SAMSUNG"),
        ("村田 0.001元", "MURATA"),
        ("华新科 0.001元", "WALSIN"),
        ("Yageo 0.001usd", "YAGEO"),
        ("uniroyal 0.001usd", "UNI-ROYAL"),
        ("Samsung Electro-Mechanics 0.001usd", "SAMSUNG"),
        ("Murata 0.001usd", "MURATA"),
    ],
)
def test_passive_brands_are_canonical_short_names(reply: str, manufacturer: str) -> None:
    assert offer_of(reply, RESISTOR)["manufacturer"] == manufacturer


@pytest.mark.parametrize(
    ("reply", "manufacturer"),
    [
        ("ST原装 12.5元", "ST"),
        ("德州 1.2元", "TI"),
        ("Texas Instruments 0.2usd", "TI"),
        ("onsemi 0.2usd", "ON"),
        ("ON Semi 0.2usd", "ON"),
        ("万代 0.2元", "AOS"),
        ("长电 0.02元", "CJ"),
        ("長電 0.02元", "CJ"),
        ("乐山 0.02元", "LRC"),
        ("扬兴 0.3元", "YXC"),
        ("兆易 6.5元", "GIGADEVICE"),
        ("沁恒 2.1元", "WCH"),
        ("乐鑫 12元", "ESPRESSIF"),
        ("华邦 3.2元", "WINBOND"),
        ("英飞凌 3元", "INFINEON"),
        ("美信 8元", "MAXIM"),
        ("芯龙 1.1元", "XLSEMI"),
        ("微芯 9元", "MICROCHIP"),
        ("东芝 2元", "TOSHIBA"),
        ("松下 2元", "PANASONIC"),
        ("爱普生 2元", "EPSON"),
        ("安信可 9元", "AI-THINKER"),
        ("Silicon Labs 2usd", "SILABS"),
        ("NXP 1usd", "NXP"),
        ("Nexperia 0.02usd", "NEXPERIA"),
        ("Vishay 0.1usd", "VISHAY"),
        ("Analog Devices 3usd", "ADI"),
        ("Infineon 1usd", "INFINEON"),
    ],
)
def test_brand_aliases_map_to_the_trade_name(reply: str, manufacturer: str) -> None:
    assert offer_of(reply, MCU)["manufacturer"] == manufacturer


@pytest.mark.parametrize(
    "reply", ["原装 12.5元", "original 1.85usd", "国产 6.8元", "domestic 0.9usd"]
)
def test_original_and_domestic_are_not_manufacturers(reply: str) -> None:
    assert "manufacturer" not in offer_of(reply, MCU)


@pytest.mark.parametrize("reply", ["5000pcs ON HAND, 0.002usd", "0.002usd, stock on hand 5k"])
def test_on_in_on_hand_is_not_onsemi(reply: str) -> None:
    assert "manufacturer" not in offer_of(reply, RESISTOR)


def test_a_brand_after_a_hash_is_not_a_suffix() -> None:
    assert offer_of("STM32F103C8T6#ST 12.5元", MCU) == {
        "line": 1,
        "price": 12.5,
        "currency": "CNY",
        "mpn": "STM32F103C8T6",
        "manufacturer": "ST",
    }


def test_a_slash_suffix_is_part_of_the_mpn_but_a_slash_brand_is_not() -> None:
    rfq = RfqLine(1, "LM2596S-5.0 100", 100, "LM2596S-5.0")
    assert offer_of("LM2596S-5.0/NOPB TI 1.1usd", rfq)["mpn"] == "LM2596S-5.0/NOPB"
    assert offer_of("LM2596S-5.0/TI 1.1usd", rfq)["mpn"] == "LM2596S-5.0"


def test_a_family_prefix_is_not_an_mpn() -> None:
    assert "mpn" not in offer_of("STM32F103 1.9usd", MCU)
