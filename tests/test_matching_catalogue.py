"""`Catalogue.match` on a real database: part numbers exact, normalised and misspelled,
generic passives by their specs, and an index that follows catalogue changes."""

from __future__ import annotations

import json

import pytest

from bot.database import Database
from catalogue.matching import Candidate, CandidateKind, Catalogue, Deviation
from catalogue.request import PartRequest
from catalogue.store import PartRecord, upsert_parts


def resistor(
    mpn: str,
    manufacturer: str,
    value: float,
    tolerance: float,
    package: str = "0603",
    power: float = 0.1,
) -> PartRecord:
    return PartRecord(
        mpn=mpn,
        manufacturer=manufacturer,
        category="resistor",
        source="test",
        package=package,
        value=value,
        tolerance=tolerance,
        power=power,
        voltage=75.0,
    )


def capacitor(mpn: str, manufacturer: str, voltage: float, dielectric: str) -> PartRecord:
    return PartRecord(
        mpn=mpn,
        manufacturer=manufacturer,
        category="capacitor",
        source="test",
        package="0603",
        value=1e-07,
        tolerance=0.1,
        voltage=voltage,
        dielectric=dielectric,
    )


def active(mpn: str, manufacturer: str, category: str, package: str) -> PartRecord:
    return PartRecord(
        mpn=mpn, manufacturer=manufacturer, category=category, source="test", package=package
    )


CATALOGUE = [
    resistor("RC0603FR-0710KL", "YAGEO", 10000.0, 0.01),
    resistor("RC0603JR-0710KL", "YAGEO", 10000.0, 0.05),
    resistor("RC0603FR-0720KL", "YAGEO", 20000.0, 0.01),
    resistor("0603WAF1002T5E", "UNI-ROYAL(Uniroyal Elec)", 10000.0, 0.01),
    resistor("RC0805FR-0710KL", "YAGEO", 10000.0, 0.01, package="0805", power=0.125),
    resistor("RC0603BR-0710KL", "YAGEO", 10000.0, 0.001),
    capacitor("CL10A104KB8NNNC", "Samsung Electro-Mechanics", 50.0, "X5R"),
    capacitor("CL10B104KB8NNNC", "Samsung Electro-Mechanics", 50.0, "X7R"),
    capacitor("CL10B104KA8NNNC", "Samsung Electro-Mechanics", 25.0, "X7R"),
    capacitor("GRM188R71C104KA01D", "Murata", 16.0, "X7R"),
    active("STM32F103C8T6", "STMicroelectronics", "ic", "LQFP-48"),
    active("STM32F103CBT6", "STMicroelectronics", "ic", "LQFP-48"),
    active("LM358DR", "Texas Instruments", "ic", "SOIC-8"),
    active("LM358P", "Texas Instruments", "ic", "DIP-8"),
    active("KT-0603R", "KENTO", "led", "0603"),
]


@pytest.fixture
async def catalogue(empty_db: Database) -> Catalogue:
    async with empty_db.session() as session:
        await upsert_parts(session, CATALOGUE)
    return Catalogue(empty_db.sessions, max_staleness=0)


def summary(candidates: list[Candidate]) -> list[tuple[str, str, int, str]]:
    return [(c.mpn, str(c.kind), c.score, c.reason) for c in candidates]


async def test_an_exact_part_number_is_the_one_answer(catalogue: Catalogue) -> None:
    found = await catalogue.match(PartRequest(quantity=500, mpn="RC0603FR-0710KL"))
    assert summary(found) == [("RC0603FR-0710KL", "exact", 100, "exact part number")]


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("rc0603fr-0710kl", "same part number, written with different letter case"),
        ("RC0603FR-0710KL-TR", "same part number without the -TR packaging suffix"),
        ("RC0603FR-0710KL/TR", "same part number without the /TR packaging suffix"),
        ("RC0603FR-0710KL-ND", "same part number without the -ND packaging suffix"),
        ("RC0603FR-0710KL REEL", "same part number without the REEL packaging suffix"),
        ("RC0603FR 0710KL", "same part number, written with different spacing or punctuation"),
    ],
)
async def test_a_differently_written_part_number_is_the_same_part(
    catalogue: Catalogue, written: str, reason: str
) -> None:
    found = await catalogue.match(PartRequest(mpn=written))
    assert summary(found) == [("RC0603FR-0710KL", "normalised", 98, reason)]


@pytest.mark.parametrize(
    ("written", "meant", "reason"),
    [
        (
            "RC0603FR-07l0KL",
            "RC0603FR-0710KL",
            "part number differs by one character (RC0603FR-0710KL vs RC0603FR-07l0KL)",
        ),
        (
            "RC0603FR-0701KL",
            "RC0603FR-0710KL",
            "part number has two neighbouring characters swapped "
            "(RC0603FR-0710KL vs RC0603FR-0701KL)",
        ),
        (
            "GRM188R71C14KA01D",
            "GRM188R71C104KA01D",
            "part number has one character more than asked "
            "(GRM188R71C104KA01D vs GRM188R71C14KA01D)",
        ),
        (
            "STM32F1033C8T6",
            "STM32F103C8T6",
            "part number has one character fewer than asked (STM32F103C8T6 vs STM32F1033C8T6)",
        ),
    ],
)
async def test_a_one_typo_part_number_finds_the_meant_part_first(
    catalogue: Catalogue, written: str, meant: str, reason: str
) -> None:
    found = await catalogue.match(PartRequest(mpn=written))
    assert (found[0].mpn, found[0].kind, found[0].score, found[0].reason) == (
        meant,
        CandidateKind.FUZZY,
        90,
        reason,
    )


async def test_a_likelier_slip_scores_above_a_less_likely_one(catalogue: Catalogue) -> None:
    found = await catalogue.match(PartRequest(mpn="RC0603FR-07l0KL"))
    assert [(c.mpn, c.score) for c in found[:2]] == [
        ("RC0603FR-0710KL", 90),
        ("RC0603FR-0720KL", 87),
    ]


async def test_a_partial_part_number_finds_the_parts_it_begins(catalogue: Catalogue) -> None:
    found = await catalogue.match(PartRequest(mpn="STM32F103C8"), limit=2)
    assert summary(found) == [
        (
            "STM32F103C8T6",
            "fuzzy",
            82,
            "part number begins with STM32F103C8 (STM32F103C8T6)",
        ),
        ("STM32F103CBT6", "fuzzy", 63, "similar part number (STM32F103CBT6 vs STM32F103C8)"),
    ]


async def test_a_part_in_another_package_than_asked_is_flagged_and_ranked_lower(
    catalogue: Catalogue,
) -> None:
    found = await catalogue.match(PartRequest(mpn="LM358", package="SOIC-8"))
    assert [(c.mpn, c.score, c.mismatches) for c in found] == [
        ("LM358DR", 82, []),
        ("LM358P", 80, [Deviation("package", "SOIC-8", "DIP-8")]),
    ]
    assert found[1].reason == ("part number begins with LM358 (LM358P); package DIP-8, not SOIC-8")


async def test_a_generic_resistor_is_answered_by_the_parts_that_meet_it(
    catalogue: Catalogue,
) -> None:
    request = PartRequest(
        quantity=500, category="resistor", value=10000.0, package="0603", tolerance=0.05
    )
    found = await catalogue.match(request)
    assert summary(found) == [
        ("RC0603JR-0710KL", "parametric", 95, "10 kΩ 0603, 5% as asked"),
        ("0603WAF1002T5E", "parametric", 85, "10 kΩ 0603, 1% offered for 5% (exceeds spec)"),
        ("RC0603FR-0710KL", "parametric", 85, "10 kΩ 0603, 1% offered for 5% (exceeds spec)"),
        ("RC0603BR-0710KL", "parametric", 80, "10 kΩ 0603, 0.1% offered for 5% (exceeds spec)"),
    ]
    assert found[1].exceeds == [Deviation("tolerance", 0.05, 0.01)]


async def test_parts_that_fall_short_of_the_spec_are_not_candidates(catalogue: Catalogue) -> None:
    request = PartRequest(category="resistor", value=10000.0, package="0603", tolerance=0.01)
    found = await catalogue.match(request)
    assert [c.mpn for c in found] == ["0603WAF1002T5E", "RC0603FR-0710KL", "RC0603BR-0710KL"]


async def test_a_capacitor_exceeding_the_least_comes_first(catalogue: Catalogue) -> None:
    request = PartRequest(
        category="capacitor", value=1e-07, package="0603", voltage=25.0, dielectric="X5R"
    )
    found = await catalogue.match(request)
    assert summary(found) == [
        (
            "CL10A104KB8NNNC",
            "parametric",
            88,
            "100 nF 0603, X5R as asked, 50 V offered for 25 V (exceeds spec)",
        ),
        (
            "CL10B104KA8NNNC",
            "parametric",
            86,
            "100 nF 0603, X7R offered for X5R, 25 V as asked (exceeds spec)",
        ),
        (
            "CL10B104KB8NNNC",
            "parametric",
            84,
            "100 nF 0603, X7R offered for X5R, 50 V offered for 25 V (exceeds spec)",
        ),
    ]


async def test_a_less_stable_dielectric_is_not_a_candidate(catalogue: Catalogue) -> None:
    request = PartRequest(category="capacitor", value=1e-07, package="0603", dielectric="X7R")
    found = await catalogue.match(request)
    assert "CL10A104KB8NNNC" not in [c.mpn for c in found]
    assert len(found) == 3


async def test_an_led_by_package_alone_finds_leds_in_that_package(catalogue: Catalogue) -> None:
    found = await catalogue.match(PartRequest(quantity=1000, category="led", package="0603"))
    assert summary(found) == [("KT-0603R", "parametric", 95, "0603 LED")]


async def test_a_request_naming_neither_part_nor_category_finds_nothing(
    catalogue: Catalogue,
) -> None:
    assert await catalogue.match(PartRequest(quantity=100, package="0603")) == []


async def test_the_limit_caps_the_candidates(catalogue: Catalogue) -> None:
    request = PartRequest(category="resistor", value=10000.0, package="0603")
    assert len(await catalogue.match(request, limit=2)) == 2
    assert await catalogue.match(request, limit=0) == []


async def test_the_index_follows_an_import(empty_db: Database, catalogue: Catalogue) -> None:
    before = await catalogue.match(PartRequest(mpn="GD32F103C8T"))
    async with empty_db.session() as session:
        await upsert_parts(session, [active("GD32F103C8T6", "GigaDevice", "ic", "LQFP-48")])
    after = await catalogue.match(PartRequest(mpn="GD32F103C8T"))
    assert "GD32F103C8T6" not in [c.mpn for c in before]
    assert (after[0].mpn, after[0].kind) == ("GD32F103C8T6", CandidateKind.FUZZY)


async def test_a_candidate_reads_as_json(catalogue: Catalogue) -> None:
    request = PartRequest(category="resistor", value=10000.0, package="0603", tolerance=0.05)
    candidate = (await catalogue.match(request, limit=2))[1]
    data = json.loads(json.dumps(candidate.to_dict()))
    assert {k: data[k] for k in ("mpn", "manufacturer", "kind", "score", "exceeds")} == {
        "mpn": "0603WAF1002T5E",
        "manufacturer": "UNI-ROYAL",
        "kind": "parametric",
        "score": 85,
        "exceeds": [{"field": "tolerance", "requested": 0.05, "offered": 0.01}],
    }
