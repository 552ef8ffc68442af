"""Generic requests: which parts meet a request's specs, which exceed them, which fall short."""

from __future__ import annotations

from dataclasses import replace

import pytest

from catalogue.matching.candidate import Deviation
from catalogue.matching.describe import request_summary, value_text
from catalogue.matching.dielectrics import dielectric_margin
from catalogue.matching.entry import CatalogueEntry
from catalogue.matching.parametric import answerable, check, reason
from catalogue.request import PartRequest

RC0603_1 = CatalogueEntry(
    part_id=1,
    mpn="RC0603FR-0710KL",
    mpn_normalised="RC0603FR0710KL",
    manufacturer="YAGEO",
    category="resistor",
    package="0603",
    value=10000.0,
    tolerance=0.01,
    voltage=75.0,
    power=0.1,
    current=None,
    dielectric=None,
    description=None,
    datasheet=None,
    preferred=False,
    stock=None,
)
RC0603_5 = replace(RC0603_1, part_id=2, mpn="RC0603JR-0710KL", tolerance=0.05)
X7R_50V = replace(
    RC0603_1,
    part_id=3,
    mpn="CL10B104KB8NNNC",
    manufacturer="SAMSUNG",
    category="capacitor",
    value=1e-07,
    tolerance=0.1,
    voltage=50.0,
    power=None,
    dielectric="X7R",
)
FUSE_2A = replace(
    RC0603_1,
    part_id=4,
    mpn="0466002.NR",
    category="fuse",
    package="1206",
    value=None,
    tolerance=None,
    power=None,
    voltage=63.0,
    current=2.0,
)

TEN_K_0603 = PartRequest(category="resistor", value=10000.0, package="0603")


def test_a_part_exactly_as_asked_meets_without_exceeding() -> None:
    result = check(replace(TEN_K_0603, tolerance=0.05), RC0603_5)
    assert (result.meets, result.exceeds, result.margin) == (True, (), 0.0)


def test_a_tighter_tolerance_exceeds_the_spec() -> None:
    result = check(replace(TEN_K_0603, tolerance=0.05), RC0603_1)
    assert (result.meets, result.exceeds) == (True, (Deviation("tolerance", 0.05, 0.01),))


def test_a_looser_tolerance_falls_short() -> None:
    assert not check(replace(TEN_K_0603, tolerance=0.01), RC0603_5).meets


def test_the_value_must_be_the_same_up_to_float_noise() -> None:
    assert check(replace(TEN_K_0603, value=10 * 1000.0000000001), RC0603_1).meets
    assert not check(replace(TEN_K_0603, value=10200.0), RC0603_1).meets


def test_another_package_does_not_meet() -> None:
    assert not check(replace(TEN_K_0603, package="0402"), RC0603_1).meets


def test_a_higher_voltage_and_a_more_stable_dielectric_exceed() -> None:
    request = PartRequest(
        category="capacitor", value=1e-07, package="0603", voltage=16.0, dielectric="X5R"
    )
    result = check(request, X7R_50V)
    assert result.meets
    assert result.exceeds == (
        Deviation("voltage", 16.0, 50.0),
        Deviation("dielectric", "X5R", "X7R"),
    )


def test_a_lower_voltage_falls_short() -> None:
    request = PartRequest(category="capacitor", value=1e-07, voltage=100.0)
    assert not check(request, X7R_50V).meets


def test_a_less_stable_dielectric_falls_short() -> None:
    request = PartRequest(category="capacitor", value=1e-07, dielectric="C0G")
    assert not check(request, X7R_50V).meets


def test_a_spec_the_part_does_not_state_is_named_not_assumed() -> None:
    request = replace(TEN_K_0603, current=0.5)
    result = check(request, RC0603_1)
    assert (result.meets, result.unstated) == (True, (Deviation("current", 0.5, None),))


def test_a_larger_fuse_is_not_a_better_fuse() -> None:
    assert not check(PartRequest(category="fuse", current=1.0), FUSE_2A).meets
    assert check(PartRequest(category="fuse", current=2.0), FUSE_2A).meets


@pytest.mark.parametrize(
    ("offered", "requested", "meets"),
    [
        ("C0G", "X7R", True),
        ("NP0", "C0G", True),
        ("X7R", "X5R", True),
        ("X7R", "Y5V", True),
        ("X5R", "Y5V", True),
        ("X5R", "X7R", False),
        ("Y5V", "X5R", False),
        ("X7S", "X5R", False),
        ("X7R", "C0G", False),
    ],
)
def test_dielectric_stability_order(offered: str, requested: str, meets: bool) -> None:
    assert (dielectric_margin(offered, requested) is not None) is meets


def test_c0g_is_further_beyond_x5r_than_x7r_is() -> None:
    c0g, x7r = dielectric_margin("C0G", "X5R"), dielectric_margin("X7R", "X5R")
    assert c0g is not None and x7r is not None and c0g > x7r > 0


def test_the_reason_says_what_is_offered_for_what() -> None:
    request = replace(TEN_K_0603, tolerance=0.05)
    assert (
        reason(request, RC0603_1, check(request, RC0603_1))
        == "10 kΩ 0603, 1% offered for 5% (exceeds spec)"
    )


def test_the_reason_lists_the_parts_specs_when_none_were_asked() -> None:
    assert reason(TEN_K_0603, RC0603_1, check(TEN_K_0603, RC0603_1)) == (
        "10 kΩ 0603, 1%, 75 V, 0.1 W"
    )


def test_a_passive_without_a_value_is_not_answerable() -> None:
    assert not answerable(PartRequest(category="resistor", package="0603"))
    assert answerable(PartRequest(category="led", package="0603"))


@pytest.mark.parametrize(
    ("value", "category", "text"),
    [
        (4700.0, "resistor", "4.7 kΩ"),
        (1e-07, "capacitor", "100 nF"),
        (4.7e-06, "inductor", "4.7 µH"),
        (8e06, "crystal", "8 MHz"),
        (600.0, "ferrite_bead", "600 Ω @ 100 MHz"),
        (0.0, "resistor", "0 Ω"),
    ],
)
def test_values_read_as_a_buyer_writes_them(value: float, category: str, text: str) -> None:
    assert value_text(value, category) == text


def test_a_request_summary_reads_like_an_order_line() -> None:
    request = PartRequest(
        quantity=2000, category="capacitor", value=1e-07, package="0603", voltage=50.0,
        dielectric="X7R", tolerance=0.1,
    )  # fmt: skip
    assert request_summary(request) == "2,000 × capacitor 100 nF ±10% X7R 50 V 0603"
