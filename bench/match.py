"""Benchmark of part-number matching: the MPN index on the real 50k subset and on a
synthetic catalogue of a million parts, against brute-force rapidfuzz.

    python bench/match.py            # full run (a few minutes)
    python bench/match.py --quick    # smaller samples, no database run

Prints, per catalogue: index build time and memory, exact lookup p50/p99, one-typo fuzzy
lookup p50/p99 and top-1 recall, and brute-force `rapidfuzz.process.extractOne` on a few
of the same queries. With a database run (default for the 50k set) it also times the
whole `Catalogue.match` path on SQLite.

The real subset (../shared/data/catalogue/jlcparts_subset_50k.csv.gz, licence unclear) is
read in place and never copied.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import gc
import gzip
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from catalogue.matching.edits import Edit, EditKind, classify_edit  # noqa: E402
from catalogue.matching.index_cache import IndexCache  # noqa: E402
from catalogue.matching.mpn_index import MpnIndex  # noqa: E402
from catalogue.partnumbers import clean_mpn, normalise_mpn  # noqa: E402

SUBSET = REPO.parent / "shared" / "data" / "catalogue" / "jlcparts_subset_50k.csv.gz"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
T = TypeVar("T")


# -- catalogues --------------------------------------------------------------------------


def real_mpns() -> list[str]:
    with gzip.open(SUBSET, "rt", encoding="utf-8", newline="") as handle:
        return [row["mpn"] for row in csv.DictReader(handle) if row["mpn"].strip()]


E24 = (
    10,
    11,
    12,
    13,
    15,
    16,
    18,
    20,
    22,
    24,
    27,
    30,
    33,
    36,
    39,
    43,
    47,
    51,
    56,
    62,
    68,
    75,
    82,
    91,
)
E96 = (
    100, 102, 105, 107, 110, 113, 115, 118, 121, 124, 127, 130, 133, 137, 140, 143, 147, 150,
    154, 158, 162, 165, 169, 174, 178, 182, 187, 191, 196, 200, 205, 210, 215, 221, 226, 232,
    237, 243, 249, 255, 261, 267, 274, 280, 287, 294, 301, 309, 316, 324, 332, 340, 348, 357,
    365, 374, 383, 392, 402, 412, 422, 432, 442, 453, 464, 475, 487, 499, 511, 523, 536, 549,
    562, 576, 590, 604, 619, 634, 649, 665, 681, 698, 715, 732, 750, 768, 787, 806, 825, 845,
    866, 887, 909, 931, 953, 976,
)  # fmt: skip
SIZES = ("0201", "0402", "0603", "0805", "1206", "1210", "2010", "2512")


class Synthetic:
    """Realistic part numbers: passive ordering codes, IC names with package and reel
    suffixes, discretes, connectors and crystals, in roughly a distributor's mix."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.families: list[tuple[float, Callable[[], str]]] = [
            (5, self.yageo_rc),
            (4, self.uniroyal),
            (3, self.vishay_crcw),
            (3, self.panasonic_erj),
            (3, self.fenghua),
            (4, self.samsung_cl),
            (4, self.murata_grm),
            (2, self.tdk_c),
            (2, self.yageo_cc),
            (2, self.electrolytic),
            (3, self.inductor),
            (3, self.molex),
            (4, self.jst),
            (5, self.header),
            (5, self.stm32),
            (4, self.ti_logic),
            (12, self.analog_ic),
            (3, self.memory),
            (5, self.mosfet),
            (6, self.diode),
            (3, self.led),
            (4, self.transistor),
            (3, self.crystal),
            (6, self.random_ic),
        ]
        self.weights = [w for w, _ in self.families]

    def mpns(self, count: int) -> list[str]:
        """`count` part numbers; a key recurs only as a rare second source, as in a real
        catalogue (93% of the real subset's keys are distinct)."""
        makers = [f for _, f in self.families]
        seen: dict[str, int] = {}
        result: list[str] = []
        while len(result) < count:
            mpn = self.r.choices(makers, weights=self.weights)[0]()
            if self.r.random() < 0.03:
                mpn += self.c(("(UMW)", "(TECH PUBLIC)", "-TP", "(HXY)", "(MSKSEMI)"))
            key = normalise_mpn(mpn)
            copies = seen.get(key, 0)
            if copies == 0 or self.r.random() < 0.3 / copies:
                seen[key] = copies + 1
                result.append(mpn)
        return result

    def c(self, options: Sequence[str]) -> str:
        return self.r.choice(options)

    def n(self, options: Sequence[int]) -> int:
        return self.r.choice(options)

    def digits(self, n: int) -> str:
        return "".join(self.r.choice("0123456789") for _ in range(n))

    def letters(self, n: int) -> str:
        return "".join(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

    def rkm(self) -> str:
        base = self.r.choice(E96 if self.r.random() < 0.5 else [x * 10 for x in E24])
        decade = self.r.randint(-1, 5)
        value = base / 100 * 10**decade
        for limit, letter in ((1e6, "M"), (1e3, "K"), (1, "R")):
            if value >= limit or letter == "R":
                text = f"{value / (limit if letter != 'R' else 1):.3g}"
                return text.replace(".", letter) if "." in text else text + letter
        return "0R"

    def code4(self) -> str:
        return f"{self.r.choice(E96)}{self.r.randint(0, 6)}"

    def code3(self) -> str:
        return f"{self.r.choice(E24)}{self.r.randint(0, 7)}"

    def yageo_rc(self) -> str:
        return f"RC{self.c(SIZES)}{self.c('FJDB')}R-{self.c(('07', '10', '13'))}{self.rkm()}L"

    def uniroyal(self) -> str:
        return f"{self.c(SIZES[:5])}W{self.c('AGH8')}{self.c('FJ')}{self.code4()}T5E"

    def vishay_crcw(self) -> str:
        value = self.rkm().ljust(4, "0")
        tail = self.c(("EA", "EB", "TA"))
        return f"CRCW{self.c(SIZES)}{value}{self.c('FJD')}{self.c('KN')}{tail}"

    def panasonic_erj(self) -> str:
        series = self.c(("GE", "EK", "RK", "PA"))
        return f"ERJ-{self.c('123468')}{series}{self.c('JFD')}{self.code4()}{self.c('VX')}"

    def fenghua(self) -> str:
        return f"RS-{self.c(('03', '05', '06', '10'))}K{self.code4()}{self.c('FJ')}T"

    def samsung_cl(self) -> str:
        size = self.c(("03", "05", "10", "21", "31", "32"))
        tail = f"{self.c('ABOPQ')}{self.c('8N5FC')}NN{self.c('NW')}{self.c('CE')}"
        return f"CL{size}{self.c('ABC')}{self.code3()}{self.c('KMJ')}{tail}"

    def murata_grm(self) -> str:
        size = self.c(("03", "15", "18", "21", "31", "32"))
        dielectric = self.c(("R7", "R6", "5C", "C8", "Z7"))
        voltage = self.c(("1H", "1E", "1C", "1A", "0J", "2A"))
        tail = f"{self.c('KMJ')}{self.c(('A01', 'A93', 'E15', 'A55', 'A88'))}{self.c('DJL')}"
        return f"GRM{size}{self.c('58BDE')}{dielectric}{voltage}{self.code3()}{tail}"

    def tdk_c(self) -> str:
        size = self.c(("1005", "1608", "2012", "3216", "3225"))
        dielectric = self.c(("X7R", "X5R", "C0G", "X7S"))
        voltage = self.c(("1H", "1E", "1C", "1A", "0J"))
        tail = f"{self.c(('050', '080', '125', '160'))}{self.c(('BA', 'AA', 'BC', 'AC'))}"
        return f"C{size}{dielectric}{voltage}{self.code3()}{self.c('KM')}{tail}"

    def yageo_cc(self) -> str:
        dielectric = self.c(("X7R", "NPO", "X5R"))
        head = f"CC{self.c(SIZES[:6])}{self.c('KJ')}{self.c('RP')}"
        return f"{head}{dielectric}{self.c('56789')}BB{self.code3()}"

    def electrolytic(self) -> str:
        series = self.c(("ERG", "VZ", "RVT", "EEE"))
        voltage = self.c(("6.3", "10", "16", "25", "35", "50", "63"))
        size = self.c(("5X11", "6X7", "8X12", "10X16", "6.3X7.7"))
        return f"{series}{voltage}V{self.code3()}M{size}"

    def inductor(self) -> str:
        kind = self.r.randrange(4)
        value = self.code3()
        if kind == 0:
            size = self.c(("3012", "4018", "4030", "5040", "6045"))
            return f"SWPA{size}S{value}{self.c('MN')}T"
        if kind == 1:
            head = f"LQH{self.c(('2M', '3N', '32', '43'))}{self.c(('PN', 'CN', 'MN'))}"
            return f"{head}{value}{self.c('MKJ')}{self.c(('M0', '03', '0L'))}L"
        if kind == 2:
            return f"CBW{self.c(('100505', '160808', '201209', '321611'))}U{value}T"
        return f"MLZ{self.c(('1005', '1608', '2012'))}{self.c('MNA')}{value}{self.c('WT')}T000"

    def molex(self) -> str:
        return self.c(("50", "53", "51", "52", "43", "87", "10")) + self.digits(8)

    def jst(self) -> str:
        n = self.r.randint(2, 20)
        series = self.c(("XH", "PH", "ZH", "SH", "GH", "EH", "VH", "PA", "XA", "NH", "SUR"))
        mount = self.c(("B", "S", "SM", "BM", "B", "S"))
        tail = self.c(("-A", "-K-S", "-TB", "-SM4-TB", "-TBT", "-K", "-A(LF)(SN)", "-K-S(LF)(SN)"))
        if mount in ("SM", "BM"):
            return f"{mount}{n:02d}B-{series}{self.c(('', 'S', 'D'))}{tail}"
        return f"{mount}{n}B-{series}{tail}"

    def header(self) -> str:
        n, rows = self.r.randint(1, 40), self.c("12")
        pitch = self.c(("3.5", "3.81", "5.0", "5.08"))
        return self.c(
            (
                f"PZ254V-{rows}{rows}-{n:02d}P",
                f"A2006WR-{rows}x{n}P",
                f"KF2EDGK-{pitch}-{n}P",
                f"ZX-PH{self.c(('2.0', '1.25', '2.54'))}-{n}P{self.c(('Z', 'W'))}",
                f"FPC-{self.c(('0.5', '1.0'))}-{n}P-{self.c(('TOP', 'BOT'))}{self.digits(1)}",
                f"HDR-{self.c('MF')}-2.54_{rows}X{n}",
                f"X{self.digits(4)}{self.c(('WV', 'WR', 'WRS'))}-{n:02d}"
                + self.c(("H", "LPV01", "H-C")),
            )
        )

    def stm32(self) -> str:
        return (
            f"STM32{self.c('FGLHCU')}{self.c('0123457')}{self.digits(2)}{self.c('CRVZKTFGJ')}"
            f"{self.c('468BCEGIZ')}{self.c('TUHY')}{self.c('673')}{self.c(('', '', 'TR'))}"
        )

    def ti_logic(self) -> str:
        return (
            f"SN74{self.c(('LVC', 'HC', 'AHC', 'LV', 'AHCT', 'HCT', 'LVC1G', 'LVC2G', 'ALVC'))}"
            f"{self.r.randint(0, 999):02d}{self.c(('A', '', ''))}"
            f"{self.c(('D', 'DR', 'PW', 'PWR', 'DBVR', 'DCKR', 'N', 'RGYR'))}"
        )

    def analog_ic(self) -> str:
        prefix = self.c(
            ("LM", "TL", "TPS", "OPA", "AD", "MAX", "MCP", "LT", "TLV", "INA", "ADS", "UCC",
             "LMR", "MP", "RT", "SY", "XL", "AP", "SGM", "ME", "HX", "NCP", "LTC", "ADP")
        )  # fmt: skip
        number = self.digits(self.n((3, 4, 4, 5)))
        suffix = self.c(
            ("DR", "DBVR", "DGKR", "IDR", "AIDR", "ARZ", "ARMZ", "ESA+T", "EUA+", "-I/SN",
             "T-I/OT", "DDAR", "DRLR", "GB", "GJ5", "MX", "CDR", "DSG", "DT", "N", "P", "-3.3",
             "-5.0", "-ADJ", "S-13", "IDBVR", "AQDRQ1", "QDRQ1", "HV", "EN")
        )  # fmt: skip
        return f"{prefix}{number}{self.c(('', '', 'A', 'B', 'C'))}{suffix}"

    def memory(self) -> str:
        size = self.c(("16", "32", "64", "128", "256", "80", "40"))
        kind = self.r.randrange(4)
        if kind == 0:
            grade = self.c(("JV", "FV", "BV", "JW"))
            return f"W25Q{size}{grade}{self.c(('SSIQ', 'SIQ', 'ZPIQ', 'SNIG'))}"
        if kind == 1:
            density = self.c(("01", "02", "04", "08", "16", "32", "64", "128", "256"))
            package = self.c(("SSHL", "SSHM", "XHM", "MAHL"))
            return f"AT24C{density}{self.c(('C', 'D', 'B'))}-{package}-T"
        if kind == 2:
            return f"GD25Q{size}{self.c(('C', 'E', 'B'))}{self.c(('SIG', 'TIG', 'EIGR', 'WIGR'))}"
        speed = f"{self.c(('55', '45'))}{self.c(('TLI', 'BLI'))}"
        return f"IS62WV{self.digits(4)}{self.c(('BLL', 'DBLL', 'EBLL'))}-{speed}"

    def mosfet(self) -> str:
        irf_tail = self.c(("PBF", "TRPBF", "NPBF", "STRLPBF"))
        return self.c(
            (
                f"AO{self.digits(4)}{self.c(('', 'A', 'L'))}",
                f"SI{self.digits(4)}{self.c(('DS', 'CDS', 'BDS', 'EDY'))}-T1-GE3",
                f"IRF{self.c(('', 'L', 'R', 'ML'))}{self.digits(self.n((3, 4)))}{irf_tail}",
                f"BSS{self.c(('84', '123', '138', '126'))}"
                + self.c(("-7-F", "LT1G", "W", "PW", "N")),
                f"WNM{self.digits(4)}",
                f"NCE{self.digits(self.n((4, 5)))}{self.c(('', 'K', 'Q', 'S'))}",
                f"DMG{self.digits(4)}{self.c(('LSN', 'UFG', 'USQ'))}-7",
            )
        )

    def diode(self) -> str:
        tvs = self.c(("5.0", "6.5", "12", "15", "24", "33", "58", "170"))
        zener = self.c(("2V4", "3V3", "3V6", "5V1", "5V6", "6V2", "12", "15", "24"))
        return self.c(
            (
                f"1N{self.digits(4)}{self.c(('', 'W', 'WS', '-T', 'B'))}",
                f"SS{self.r.randint(1, 5)}{self.r.randint(2, 10)}{self.c(('', 'A', 'F'))}",
                f"SMAJ{tvs}{self.c(('A', 'CA'))}",
                f"SMBJ{tvs}{self.c(('A', 'CA'))}",
                f"BZT52C{zener}{self.c(('', '-7-F', 'S'))}",
                f"MMSZ{self.r.randint(5221, 5270)}{self.c(('B', 'C'))}T1G",
                f"ZMM{self.c(('3V3', '5V1', '5V6', '11', '12', '15'))}",
                f"{self.c(('US', 'ES', 'RS', 'M'))}{self.r.randint(1, 3)}{self.c('ABDGJKM')}",
            )
        )

    def led(self) -> str:
        bin_code = f"{self.letters(2)}{self.digits(1)}{self.letters(1)}{self.digits(1)}"
        return self.c(
            (
                f"19-217/{self.c(('GHC', 'R6C', 'BHC', 'Y2C'))}-{bin_code}/3T",
                f"KT-{self.c(('0603', '0805', '1206'))}{self.c('RGBWY')}",
                f"NCD{self.c(('0603', '0805'))}{self.c('RGBWY')}{self.digits(1)}",
                f"XL-{self.c(('1608', '2012', '3216'))}"
                + self.c(("UGC", "SURC", "UBC", "UWC", "UYC")),
            )
        )

    def transistor(self) -> str:
        mmbt = self.c(("3904", "3906", "2222A", "5551", "5401", "4401", "4403"))
        bc = self.c(("807", "817", "847", "857", "846", "856", "848"))
        bc_tail = f"{self.c(('-16', '-25', '-40', ''))}{self.c(('LT1G', ',215', ''))}"
        return self.c(
            (
                f"MMBT{mmbt}{self.c(('LT1G', '-7-F', '', 'L'))}",
                f"{self.c(('S', 'SS', 'C', 'D'))}{self.digits(4)}",
                f"BC{bc}{self.c(('', 'A', 'B', 'C'))}{bc_tail}",
                f"DT{self.c('CA')}{self.digits(3)}{self.c('EYT')}{self.c(('CA', 'KA', 'UA'))}",
                f"2SC{self.digits(4)}{self.c(('', 'T146R', '-Y'))}",
            )
        )

    def crystal(self) -> str:
        f = self.c(("8", "12", "16", "24", "25", "26", "32", "40", "48"))
        return self.c(
            (
                f"X322{self.digits(1)}{f}M{self.letters(2)}{self.digits(1)}{self.letters(2)}",
                f"ABM8-{f}.000MHZ-{self.c(('B2', 'D1', '10'))}-T",
                f"7{self.c('VMBA')}{f.zfill(2)}{self.digits(5)}",
                f"FA-238 {f}.0000MB-{self.c('KCW')}",
                f"HC-49S-{f}MHZ-{self.digits(2)}PF",
            )
        )

    def random_ic(self) -> str:
        head = f"{self.letters(self.r.randint(1, 3))}{self.digits(self.r.randint(3, 6))}"
        return f"{head}{self.letters(self.r.randint(0, 4))}{self.c(('', '-TR', '-3.3', ''))}"


# -- typos -------------------------------------------------------------------------------


def one_typo(mpn: str, r: random.Random) -> str:
    """`mpn` with one random slip: substitution, insertion, deletion or neighbour swap."""
    kind = r.randrange(4)
    i = r.randrange(len(mpn))
    if kind == 0:
        return mpn[:i] + r.choice(ALPHABET.replace(mpn[i].upper(), "")) + mpn[i + 1 :]
    if kind == 1:
        i = r.randrange(len(mpn) + 1)
        return mpn[:i] + r.choice(ALPHABET) + mpn[i:]
    if kind == 2:
        return mpn[:i] + mpn[i + 1 :]
    i = r.randrange(len(mpn) - 1)
    return mpn[:i] + mpn[i + 1] + mpn[i] + mpn[i + 2 :]


@dataclass
class TypoCase:
    original: str  # the catalogued key
    query: str  # the normalised misspelling


def typo_cases(mpns: Sequence[str], count: int, seed: int) -> list[TypoCase]:
    """Misspellings of random catalogue part numbers that normalisation does not undo."""
    r = random.Random(seed)
    cases: list[TypoCase] = []
    while len(cases) < count:
        mpn = clean_mpn(r.choice(mpns))
        key = normalise_mpn(mpn)
        if len(mpn) < 4 or len(key) < 4:
            continue
        query = normalise_mpn(one_typo(mpn, r))
        if query != key:
            cases.append(TypoCase(key, query))
    return cases


# -- measuring ---------------------------------------------------------------------------


def percentile(samples: Sequence[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(function: Callable[[T], object], arguments: Sequence[T]) -> list[float]:
    """Milliseconds each call of `function` took, one per argument."""
    times = []
    for argument in arguments:
        start = time.perf_counter()
        function(argument)
        times.append((time.perf_counter() - start) * 1000)
    return times


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def bench_index(name: str, mpns: list[str], samples: int, brute: int, seed: int) -> MpnIndex:
    keys = [normalise_mpn(m) for m in mpns]
    print(f"\n== {name}: {len(mpns):,} parts, {len(set(keys)):,} distinct normalised keys")
    gc.collect()
    rss_before = current_rss_mb()
    tracemalloc.start()
    start = time.perf_counter()
    index = MpnIndex.build(range(1, len(keys) + 1), keys)
    build = time.perf_counter() - start
    traced, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    print(f"index build            {build:8.2f} s")
    print(
        f"index memory           {index.nbytes / 2**20:8.1f} MB in arrays "
        f"({index.nbytes / len(index):.0f} B/key); traced {traced / 2**20:.1f} MB retained, "
        f"{peak / 2**20:.1f} MB peak while building; RSS +{current_rss_mb() - rss_before:.1f} MB"
    )

    print(f"keys with a neighbour one edit away {neighbour_density(index, seed):6.1%}")
    r = random.Random(seed)
    exact_keys = [keys[r.randrange(len(keys))] for _ in range(samples)]
    exact_times = timed(index.exact, exact_keys)
    assert all(index.exact(k) is not None for k in exact_keys)
    print(
        f"exact lookup           p50 {percentile(exact_times, 50) * 1000:7.1f} µs   "
        f"p99 {percentile(exact_times, 99) * 1000:7.1f} µs"
    )

    cases = typo_cases(mpns, samples, seed + 1)
    results: list[list[str]] = []

    def run(case: TypoCase) -> None:
        results.append([m.key for m in index.search(case.query, 5)])

    fuzzy_times = timed(run, cases)
    print(
        f"fuzzy one-typo lookup  p50 {percentile(fuzzy_times, 50):7.2f} ms   "
        f"p99 {percentile(fuzzy_times, 99):7.2f} ms   (max {max(fuzzy_times):.1f} ms)"
    )
    report_recall(index, cases, results)

    further = [TypoCase(c.original, one_typo(c.query, r)) for c in cases[: samples // 4]]
    further = [c for c in further if c.query != c.original]
    found_two = [index.search(c.query, 5) for c in further]
    two_hits = sum(
        1 for c, f in zip(further, found_two, strict=True) if [m.key for m in f[:1]] == [c.original]
    )
    two_times = timed(lambda c: index.search(c.query, 5), further)
    print(
        f"two-typo lookup        p50 {percentile(two_times, 50):7.2f} ms   "
        f"p99 {percentile(two_times, 99):7.2f} ms   top-1 {two_hits / max(len(further), 1):.1%}"
        f" ({len(further)} queries)"
    )
    prefixes = [c.original[: max(4, len(c.original) - 2)] for c in cases[: samples // 4]]
    prefix_times = timed(lambda p: index.search(p, 5), prefixes)
    print(
        f"prefix lookup          p50 {percentile(prefix_times, 50):7.2f} ms   "
        f"p99 {percentile(prefix_times, 99):7.2f} ms   (query = key less its last 2 characters)"
    )
    similar_times = timed(lambda c: index.similar(c.query, 5), further)
    print(
        f"trigram fallback alone p50 {percentile(similar_times, 50):7.2f} ms   "
        f"p99 {percentile(similar_times, 99):7.2f} ms"
    )

    with tempfile.TemporaryDirectory() as directory:
        cache = IndexCache(Path(directory), "bench")
        start = time.perf_counter()
        cache.save("fingerprint", index)
        saved = time.perf_counter() - start
        start = time.perf_counter()
        loaded = cache.load("fingerprint")
        assert loaded is not None
        first = [m.key for m in loaded.search(cases[0].query, 5)]
        reloaded = time.perf_counter() - start
        assert first == results[0]
        print(
            f"index cache on disk    save {saved:.2f} s, memory-mapped load + first lookup "
            f"{reloaded * 1000:.1f} ms"
        )

    if brute:
        key_list = list(set(keys))
        for scorer_name, scorer in (("ratio", fuzz.ratio), ("WRatio", fuzz.WRatio)):
            right, times = 0, []
            for case in cases[:brute]:
                start = time.perf_counter()
                best = process.extractOne(case.query, key_list, scorer=scorer)
                times.append((time.perf_counter() - start) * 1000)
                right += best is not None and best[0] == case.original
            print(
                f"brute force extractOne ({scorer_name:6}) mean {statistics.mean(times):7.1f} ms "
                f"a query, max {max(times):.1f} ms; right part first {right}/{len(times)}"
            )
    return index


def uniform_weight(edit: Edit, catalogued: str) -> float:
    """The slip's likelihood under the bench's own typo model (any wrong character alike)."""
    if edit.kind is EditKind.SUBSTITUTION:
        return 1 / (35 * len(catalogued))
    return edit.weight


def report_recall(index: MpnIndex, cases: Sequence[TypoCase], results: Sequence[list[str]]) -> None:
    """Top-1 and top-5 recall, and how much of the miss is no matcher's fault: typos that
    spell another catalogued part, and typos that several parts explain equally well."""
    top1 = top5 = collisions = ambiguous = clear = clear_hits = 0
    ceiling = 0.0
    for case, found in zip(cases, results, strict=True):
        hit = found[:1] == [case.original]
        top1 += hit
        top5 += case.original in found
        if index.exact(case.query) is not None:
            collisions += 1
            continue
        weights: dict[str, float] = {}
        for key_index, _ in index.typos(case.query, 1):
            key = index.key(key_index)
            edit = classify_edit(case.query, key)
            if edit is not None:
                weights[key] = uniform_weight(edit, key)
        best = max(weights.values(), default=0.0)
        likeliest = [key for key, weight in weights.items() if weight == best]
        if case.original in likeliest:
            ceiling += 1 / len(likeliest)
        if len(likeliest) > 1:
            ambiguous += 1
        else:
            clear += 1
            clear_hits += hit
    n = len(cases)
    print(
        f"one-typo top-1 recall  {top1 / n:8.2%}   top-5 {top5 / n:.2%}   ({n} random typos: "
        "substitution, insertion, deletion, neighbour swap)"
    )
    print(
        f"  of which {collisions} ({collisions / n:.1%}) spell another catalogued part exactly, "
        f"{ambiguous} ({ambiguous / n:.1%}) are explained equally well by several parts"
    )
    print(
        f"  ceiling (a matcher knowing the typo model, ties at random) {ceiling / n:.2%}; "
        f"recall on the {clear} unambiguous typos {clear_hits / max(clear, 1):.2%}"
    )


def neighbour_density(index: MpnIndex, seed: int, sample: int = 2000) -> float:
    """Share of catalogued keys with another key one edit away: how crowded the space is."""
    r = random.Random(seed)
    picks = [r.randrange(len(index)) for _ in range(sample)]
    return sum(1 for i in picks if index.typos(index.key(i), 1)) / sample


# -- the whole match() path on a database ------------------------------------------------


async def bench_database(samples: int, seed: int) -> None:
    """The whole `Catalogue.match` path on SQLite, with the 50k subset imported by the
    project's own jlcparts importer."""
    from sqlalchemy import select

    from bot.database import open_database
    from catalogue.importers import import_catalogue
    from catalogue.matching import Catalogue
    from catalogue.models import Part
    from catalogue.request import PartRequest

    with tempfile.TemporaryDirectory() as directory:
        database = await open_database(f"sqlite+aiosqlite:///{directory}/bench.db", seed=False)
        start = time.perf_counter()
        report = await import_catalogue(database.sessions, SUBSET, "jlcparts-csv")
        loaded = time.perf_counter() - start
        async with database.session() as session:
            mpns = list(await session.scalars(select(Part.mpn)))
            generic = (
                await session.execute(
                    select(Part.category, Part.value, Part.package, Part.tolerance).where(
                        Part.category.in_(("resistor", "capacitor", "inductor")),
                        Part.value.is_not(None),
                        Part.package.is_not(None),
                    )
                )
            ).all()
        print(
            f"\n== match() on SQLite: {len(mpns):,} parts of the 50k subset "
            f"(imported by the jlcparts importer in {loaded:.1f} s, "
            f"{len(report.bad_rows)} bad rows)"
        )
        catalogue = Catalogue(database.sessions)
        start = time.perf_counter()
        await catalogue.refresh()
        print(f"index load from the database + build  {time.perf_counter() - start:6.2f} s")
        r = random.Random(seed)
        requests = {
            "exact part number": [PartRequest(mpn=r.choice(mpns)) for _ in range(samples)],
            "one-typo part number": [
                PartRequest(mpn=case.query) for case in typo_cases(mpns, samples, seed + 1)
            ],
            "generic passive": [
                PartRequest(category=c, value=v, package=p, tolerance=t)
                for c, v, p, t in r.sample(generic, min(samples, len(generic)))
            ],
        }
        for label, batch in requests.items():
            times = []
            for request in batch:
                start = time.perf_counter()
                await catalogue.match(request, 5)
                times.append((time.perf_counter() - start) * 1000)
            print(
                f"match() {label:21} p50 {percentile(times, 50):6.2f} ms   "
                f"p99 {percentile(times, 99):6.2f} ms   ({len(batch)} requests)"
            )
        await database.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small samples, 200k synthetic")
    parser.add_argument("--size", type=int, default=None, help="synthetic catalogue size")
    parser.add_argument("--seed", type=int, default=20260522)
    parser.add_argument("--no-database", action="store_true", help="skip the match() run")
    args = parser.parse_args()
    samples = 300 if args.quick else 2000
    size = args.size or (200_000 if args.quick else 1_000_000)
    brute = 3 if args.quick else 10
    if SUBSET.exists():
        bench_index("jlcparts 50k (real)", real_mpns(), samples, brute, args.seed)
    else:
        print(f"(real subset not found at {SUBSET}; skipped)")
    start = time.perf_counter()
    synthetic = Synthetic(args.seed).mpns(size)
    print(f"\n(generated {size:,} synthetic part numbers in {time.perf_counter() - start:.1f} s)")
    index = bench_index(f"synthetic {size:,}", synthetic, samples, brute, args.seed)
    del index, synthetic
    gc.collect()
    if SUBSET.exists() and not (args.quick or args.no_database):
        asyncio.run(bench_database(samples // 4, args.seed))
    print(f"\nmax RSS {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
