"""bench/fanout.py runs end to end in a tiny configuration: every dispatch answered.

The bench's figures are timings and are not asserted here; what is asserted is that its
core (real vendor servers, the engine's entry points, the database checks) completes with
every vendor answering every line, so the bench cannot rot unnoticed.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]


def load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_fanout", REPO / "bench" / "fanout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their annotations through it
    spec.loader.exec_module(module)
    return module


fanout = load_bench()

SERVERS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])

TINY = fanout.BenchConfig(
    fanout=fanout.FanoutConfig(vendors=3, repeats=2, fastest=0.01, slowest=0.05),
    load=fanout.LoadConfig(rfqs=2, vendors=3, latency=0.02, jitter=0.01),
    vendors_in="loop",
)


@pytest.mark.parametrize("server", SERVERS)
async def test_three_vendors_answer_every_line_of_two_rfqs_at_once(server: str) -> None:
    url = os.environ["TEST_DATABASE_URL"] if server == "postgresql" else None
    config = fanout.BenchConfig(
        fanout=TINY.fanout, load=TINY.load, database_url=url, vendors_in="loop"
    )

    result = await fanout.run_bench(config)

    assert result.fanout is not None and result.load is not None
    # Fan-out: 2 RFQs of 3 lines, each asked of 3 vendors.
    assert (result.fanout.tally.asked, result.fanout.tally.offers) == (6, 18)
    assert result.fanout.tally.errors == 0
    assert len(result.fanout.runs) == 2
    # Load: 2 RFQs x 3 vendors at once, every line offered by every vendor.
    assert (result.load.dispatches, result.load.tally.offers) == (6, 18)
    assert result.load.tally.offers_in_database == 18
    assert result.load.tally.answered_in_database == 6
    assert result.load.tally.errors == 0
    assert result.load.agents_only_errors == 0


async def test_the_vendor_servers_can_run_in_a_child_process() -> None:
    config = fanout.BenchConfig(fanout=TINY.fanout, load=TINY.load, vendors_in="process")

    result = await fanout.run_bench(config, load=False)

    assert result.fanout is not None
    assert (result.fanout.tally.asked, result.fanout.tally.errors) == (6, 0)


def test_the_report_gives_the_median_overhead_and_the_dispatch_counts() -> None:
    result = fanout.BenchResult(
        backend="sqlite",
        vendors_in="loop",
        fanout=fanout.FanoutResult(
            config=TINY.fanout,
            runs=[fanout.FanoutRun(1.0, 1.0, 12.5, 14.0), fanout.FanoutRun(1.0, 1.0, 10.5, 11.0)],
            tally=fanout.Tally(asked=6, offers=18, offers_in_database=18, answered_in_database=6),
        ),
        load=None,
    )
    result.fanout.tally.states["answered"] = 6

    text = fanout.report(result)

    assert "1. Fan-out: 3 vendors" in text
    assert "overhead to last answer" in text
    assert "11.5 ms" in text  # the median of 12.5 and 10.5
    assert "6 / 18 / 0" in text
