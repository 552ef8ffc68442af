"""The MPN index: exact, one-typo, prefix and look-alike lookups without brute force."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from catalogue.matching.index_cache import IndexCache
from catalogue.matching.keyhash import deletion_hashes, key_hash, key_hashes_array
from catalogue.matching.mpn_index import MatchHow, MpnIndex
from catalogue.partnumbers import normalise_mpn

MPNS = [
    "RC0603FR-0710KL",
    "RC0603FR-0720KL",
    "RC0603JR-0710KL",
    "0603WAF1002T5E",
    "STM32F103C8T6",
    "STM32F103CBT6",
    "STM32F103RCT6",
    "STM32F030C8T6",
    "LM358DR",
    "LM358P",
    "NE555DR",
    "AMS1117-3.3",
    "GRM188R71H104KA93D",
]


@pytest.fixture(scope="module")
def index() -> MpnIndex:
    keys = [normalise_mpn(mpn) for mpn in MPNS]
    # Part 100 is a second maker of LM358DR.
    return MpnIndex.build([*range(1, len(keys) + 1), 100], [*keys, "LM358DR"])


def keys_found(index: MpnIndex, query: str, limit: int = 5) -> list[str]:
    return [match.key for match in index.search(normalise_mpn(query), limit)]


def test_hashes_computed_column_wise_equal_those_of_a_single_key() -> None:
    key = b"GRM188R71H104KA93D"
    whole, deleted = key_hashes_array(np.frombuffer(key, dtype=np.uint8).reshape(1, -1))
    assert int(whole[0]) == key_hash(key)
    assert [int(column[0]) for column in deleted] == deletion_hashes(key)
    assert deletion_hashes(key)[4] == key_hash(key[:4] + key[5:])


def test_an_exact_key_is_found_with_all_its_parts(index: MpnIndex) -> None:
    found = index.exact("LM358DR")
    assert found is not None
    assert (index.key(found), index.parts(found)) == ("LM358DR", [9, 100])


def test_an_unknown_key_is_not_found_exactly(index: MpnIndex) -> None:
    assert index.exact("LM358D") is None


@pytest.mark.parametrize(
    ("query", "meant"),
    [
        ("RC0603FR-07l0KL", "RC0603FR0710KL"),  # lower-case L for a one: a look-alike
        ("RC0603FR-0701KL", "RC0603FR0710KL"),  # neighbours swapped
        ("GRM188R71H14KA93D", "GRM188R71H104KA93D"),  # a character dropped
        ("GRM188R71HH104KA93D", "GRM188R71H104KA93D"),  # a key pressed twice
        ("AMS1171-3.3", "AMS111733"),  # swapped
        ("NE555FR", "NE555DR"),  # the key beside D
    ],
)
def test_a_one_typo_query_finds_the_meant_part_first(
    index: MpnIndex, query: str, meant: str
) -> None:
    assert keys_found(index, query)[0] == meant


def test_a_likely_slip_ranks_above_an_arbitrary_wrong_character(index: MpnIndex) -> None:
    assert keys_found(index, "RC0603FR-07l0KL")[:2] == ["RC0603FR0710KL", "RC0603FR0720KL"]


def test_an_exact_key_is_followed_only_by_its_continuations(index: MpnIndex) -> None:
    assert keys_found(index, "STM32F103C8T6") == ["STM32F103C8T6"]


def test_a_prefix_finds_the_parts_it_begins(index: MpnIndex) -> None:
    found = index.search("LM358", 5)
    assert [(m.key, m.how) for m in found] == [
        ("LM358P", MatchHow.TYPO),
        ("LM358DR", MatchHow.PREFIX),
    ]


def test_a_partial_part_number_is_filled_with_look_alikes(index: MpnIndex) -> None:
    found = index.search("STM32F103C8", 4)
    assert [(m.key, m.how) for m in found] == [
        ("STM32F103C8T6", MatchHow.PREFIX),
        ("STM32F030C8T6", MatchHow.SIMILAR),
        ("STM32F103CBT6", MatchHow.SIMILAR),
        ("STM32F103RCT6", MatchHow.SIMILAR),
    ]


def test_a_garbled_part_number_finds_its_look_alike(index: MpnIndex) -> None:
    assert keys_found(index, "STM32F13C8T", 1) == ["STM32F103C8T6"]


def test_nothing_alike_finds_nothing(index: MpnIndex) -> None:
    assert keys_found(index, "XYZZY") == []


def test_a_two_character_query_is_looked_up_exactly_only(index: MpnIndex) -> None:
    assert keys_found(index, "LM") == []


def test_the_limit_caps_the_answer(index: MpnIndex) -> None:
    assert len(index.search("STM32F103", 2)) == 2


def test_an_empty_catalogue_answers_nothing() -> None:
    empty = MpnIndex.build([], [])
    assert (len(empty), empty.search("LM358", 5), empty.exact("LM358")) == (0, [], None)


def test_a_saved_index_loads_back_and_answers_alike(index: MpnIndex, tmp_path: Path) -> None:
    cache = IndexCache(tmp_path, "sqlite:///catalogue.db")
    cache.save("50|50|2026-05-21", index)
    loaded = cache.load("50|50|2026-05-21")
    assert loaded is not None
    assert keys_found(loaded, "RC0603FR-0701KL") == keys_found(index, "RC0603FR-0701KL")


def test_a_cache_for_another_fingerprint_is_not_loaded(index: MpnIndex, tmp_path: Path) -> None:
    cache = IndexCache(tmp_path, "sqlite:///catalogue.db")
    cache.save("50|50|2026-05-21", index)
    assert cache.load("51|51|2026-05-22") is None


def test_saving_a_newer_index_drops_the_older_one(index: MpnIndex, tmp_path: Path) -> None:
    cache = IndexCache(tmp_path, "sqlite:///catalogue.db")
    cache.save("old", index)
    cache.save("new", index)
    assert (cache.load("old"), len(list(tmp_path.iterdir()))) == (None, 1)
