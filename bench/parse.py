"""How many buyer messages a second `sourcing-bot parse --jsonl` answers, start-up included.

Generates a varied, realistic set of messages (every message different, so no cache can
answer for the parser): single-line requests in English and Chinese, with part numbers,
passives, typos, item numbers and noise; and, separately, multi-line messages (lists
under shared context and BOM pastes). Each set is piped through `python -m bot parse
--jsonl` in a fresh process, and the wall time from process start to the last answer
gives the rate.

    python bench/parse.py [--messages 100000] [--multiline 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from catalogue.seed.eseries import E24

REPO = Path(__file__).resolve().parents[1]

#: E24 mantissas as two digits (10, 11, ... 91).
_E24 = tuple(mantissa // 10 for mantissa in E24)
_CHIPS = ("0201", "0402", "0603", "0805", "1206", "1210", "2512")
_PACKAGES = (
    *("SOT-23", "SOT23", "SOT-223", "SOP8", "SOIC-8", "DIP8", "LQFP48", "TSSOP-20"),
    *("QFN-32", "SOD-123", "SMA", "TO-220", "SOT-23-5", "LQFP-64", "SOIC16"),
)
_PART_PREFIXES = (
    *("LM", "NE", "TL", "AMS", "STM32F", "ATMEGA", "AO", "SS", "BSS", "MMBT"),
    *("TPS", "XC", "CH", "ESP32-", "SI", "IRF", "BC", "74HC", "MCP", "W25Q"),
)
_SUFFIXES = ("", "DR", "-3.3", "T6", "-AU", "A", "N", "G", "-I/SO", "C8T6", "DBVR", "LT1G")
_DIELECTRICS = ("X7R", "X5R", "C0G", "NP0", "Y5V")
_TYPOS = {"resistor": ("resistor", "resitor", "res", "resistors"), "pcs": ("pcs", "pc", "psc")}


def resistor_value(rng: random.Random) -> str:
    base = rng.choice(_E24)
    decade = rng.choice(("", "0", "00", "k", "0k", "00k", "M"))
    if decade in ("", "0", "00"):
        return f"{base}{decade}R" if rng.random() < 0.5 else f"{base}{decade}"
    digits = str(base)
    if rng.random() < 0.3 and decade in ("k", "M"):
        return f"{digits[0]}{decade}{digits[1]}"  # RKM: 4k7
    return f"{base}{decade}"


def capacitor_value(rng: random.Random) -> str:
    base = rng.choice(_E24[::3])
    unit = rng.choice(("pF", "nF", "uF", "n", "u", "µF"))
    return f"{base}{unit}" if rng.random() < 0.8 else f"{base / 10:g}{unit}"


def quantity(rng: random.Random) -> str:
    count = rng.choice((100, 200, 250, 500, 1000, 2000, 2500, 3000, 4000, 5000, 10000, 20000))
    count *= rng.randint(1, 9)
    style = rng.random()
    if style < 0.3:
        return f"{count} {rng.choice(_TYPOS['pcs'])}"
    if style < 0.5:
        return f"x{count}" if count < 1000 else f"x{count // 1000}k"
    if style < 0.65:
        return f"qty {count}"
    if style < 0.8:
        return f"{rng.randint(1, 9)} reels"
    return f"{count // 1000}k" if count >= 1000 else f"{count}pcs"


def part_number(rng: random.Random) -> str:
    body = f"{rng.choice(_PART_PREFIXES)}{rng.randint(1, 9999)}{rng.choice(_SUFFIXES)}"
    return body if rng.random() < 0.8 else body.lower()


def single_line(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.3:
        parts = [part_number(rng), quantity(rng)]
        if rng.random() < 0.5:
            parts.insert(1, rng.choice(_PACKAGES))
        return " ".join(parts)
    if kind < 0.55:
        parts = [
            resistor_value(rng),
            rng.choice(_CHIPS),
            rng.choice(("1%", "5%", "")),
            quantity(rng),
        ]
        if rng.random() < 0.4:
            parts.insert(0, rng.choice(_TYPOS["resistor"]))
        rng.shuffle(parts)
        return " ".join(part for part in parts if part)
    if kind < 0.75:
        parts = [capacitor_value(rng), rng.choice(_CHIPS), rng.choice(_DIELECTRICS)]
        parts += [f"{rng.choice((6.3, 10, 16, 25, 50, 100)):g}V", quantity(rng)]
        if rng.random() < 0.3:
            parts.insert(0, "need")
        return " ".join(parts)
    if kind < 0.9:
        value = resistor_value(rng).upper()
        count = rng.choice(("5000个", "1万个", "2w个", "3千只", "两盘", "1盘", "5k"))
        return f"贴片电阻 {rng.choice(_CHIPS)} {value} 1% {count}"
    if kind < 0.95:
        frequency, ppm = rng.choice((8, 12, 16, 24, 25)), rng.choice((10, 20))
        return f"晶振 {frequency}MHz 3225 {ppm}ppm {quantity(rng)}"
    return rng.choice(("hi", "thanks!", "what's your lead time?", "ok 👍", "LED 0603 red 5k"))


def multi_line(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        lines = [f"{rng.choice(_CHIPS)}:"]
        lines += [f"{resistor_value(rng)} {quantity(rng)}" for _ in range(rng.randint(2, 8))]
        return "\n".join(lines)
    if kind < 0.7:
        lines = ["Hi, please quote:"]
        lines += [
            f"{i}. {part_number(rng)} {rng.choice(_PACKAGES)} {quantity(rng)}"
            for i in range(1, rng.randint(3, 10))
        ]
        return "\n".join([*lines, "Thanks"])
    rows = ["Qty,Value,Footprint,MPN"]
    for _ in range(rng.randint(3, 15)):
        footprint = f"R_{rng.choice(_CHIPS)}_1608Metric"
        mpn = part_number(rng) if rng.random() < 0.4 else ""
        rows.append(f"{rng.randint(1, 50)},{resistor_value(rng)},{footprint},{mpn}")
    return "\n".join(rows)


def run(messages: list[str]) -> tuple[float, float, int]:
    """Wall and CPU seconds from process start to the last answer, and the answers' count.

    CPU time (user + system of the child) is what one core spends; on a machine shared with
    other work the wall time also counts the waiting for a core.
    """
    with tempfile.TemporaryFile() as source:
        source.write("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in messages).encode())
        source.seek(0)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "bot", "parse", "--jsonl"],
            stdin=source,
            capture_output=True,
            cwd=REPO,
            check=True,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, done.stdout.count(b"\n")


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--messages", type=int, default=100_000)
    options.add_argument("--multiline", type=int, default=10_000)
    options.add_argument("--seed", type=int, default=7)
    args = options.parse_args()
    rng = random.Random(args.seed)
    singles = distinct(single_line, rng, args.messages)
    multis = distinct(multi_line, rng, args.multiline)
    for label, batch in (("single-line", singles), ("multi-line", multis)):
        if not batch:
            continue
        seconds, cpu, answers = run(batch)
        if answers != len(batch):
            print(f"{label}: {answers} answers for {len(batch)} messages", file=sys.stderr)
            return 1
        lines = sum(message.count("\n") + 1 for message in batch)
        print(
            f"{label}: {len(batch):,} distinct messages ({lines:,} lines), process start "
            f"included: {len(batch) / seconds:,.0f} messages/s wall ({seconds:.2f} s), "
            f"{len(batch) / cpu:,.0f} messages/s of CPU ({cpu:.2f} s)"
        )
    return 0


def distinct(make: Callable[[random.Random], str], rng: random.Random, count: int) -> list[str]:
    """`count` different messages: a repeated one would measure a cache, not the parser."""
    seen: dict[str, None] = {}
    attempts = 0
    while len(seen) < count and attempts < count * 20:
        seen[make(rng)] = None
        attempts += 1
    return list(seen)


if __name__ == "__main__":
    raise SystemExit(main())
