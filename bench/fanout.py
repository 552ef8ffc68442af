"""Benchmark of the quote engine's fan-out to HTTP vendors (issue 3, section 7).

    python bench/fanout.py                        # SQLite in a temporary directory
    python bench/fanout.py --quick                # fewer repeats, 50 RFQs in the load run
    python bench/fanout.py --database-url postgresql+asyncpg://postgres@127.0.0.1:5432/test

Everything goes through the engine's own entry points: `open_services` on a fresh
database, vendors registered as Vendor rows of kind http pointing at real vendor servers
(tests/vendor_servers.py) on 127.0.0.1, RFQs opened with `QuoteEngine.open_rfq`, targets
from `Services.targets_for`, answers collected with `QuoteEngine.collect`.

1. Fan-out overhead: 50 vendors whose latencies are spread over 0.05-1.0 s (seeded; the
   1.0 s vendor is asked last, the worst case), one 3-line RFQ at a time, repeated.
   Overhead = time from `collect` being called to the last DispatchEnded (and to
   RfqClosed), minus the slowest vendor's latency. The first RFQ opens the connections;
   later ones reuse them, as a running bot does. Target: p50 <= 50 ms.
2. Load: 200 RFQs opened at once, then each asked of all 20 vendors (~0.2 s latency) at
   once: 4,000 requests in flight. Wall time, when RFQs closed, this process's CPU time,
   dispatches/s, offers stored/s, errors (dispatches not answered or offers not in the
   database; must be 0), peak RSS, and with --tracemalloc the Python heap peak of a
   second, traced run (slow: tracing roughly triples the run). For comparison the same
   4,000 requests are then sent by the HTTP agents alone, without engine or database:
   the floor of the wall time on this machine.

Figures are wall-clock: on a shared machine they move with its load (printed).

The vendor servers run in a child process by default (`--vendors-in process`), so their
work (reading, verifying and answering 4,000 requests) is neither counted as the
engine's overhead nor in its memory; `--vendors-in loop` runs them in the engine's own
event loop for comparison. With PostgreSQL each scenario gets a fresh database, dropped
afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

SCRIPT = Path(__file__).resolve()
REPO = SCRIPT.parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # tests/vendor_servers.py: the shared vendor server

from vendor_servers import VendorServer, quote_every_line  # noqa: E402

from bot.agents.http import HttpVendorAgent, vendor_session  # noqa: E402
from bot.database import create_engine, normalise_database_url  # noqa: E402
from bot.models import Dispatch, DispatchState, OfferRecord, VendorKind  # noqa: E402
from bot.quotes import QuoteRequest  # noqa: E402
from bot.rfqs.events import DispatchEnded, OfferStored, RfqClosed  # noqa: E402
from bot.services import Services, open_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.vendors import add_vendor  # noqa: E402

VendorsIn = Literal["process", "loop"]

#: Issue 3, section 7: asking 50 vendors costs at most this over the slowest one.
TARGET_OVERHEAD_MS = 50.0

#: Realistic 3-line buyer requests; the load run cycles through them.
REQUESTS = (
    "500 pcs 0603 10k 1%\n100 pcs STM32F103C8T6\n2000 pcs 100nF 0402 X7R 16V",
    "AMS1117-3.3 x 200\n1000pcs 0805 4.7uF 25V\n300 pcs SS34",
    "10k 0402 1% 5000pcs\n50 pcs ESP32-WROOM-32E\nLED 0603 red 1000 pcs",
    "CH340G 100pcs\n22pF 0603 NP0 50V 2000 pcs\n12MHz crystal 3225 200 pcs",
)


# -- configuration ---------------------------------------------------------------------


@dataclass(frozen=True)
class FanoutConfig:
    vendors: int = 50
    repeats: int = 10
    fastest: float = 0.05
    slowest: float = 1.0
    window_seconds: float = 15.0


@dataclass(frozen=True)
class LoadConfig:
    rfqs: int = 200
    vendors: int = 20
    latency: float = 0.2
    #: Each vendor's latency is drawn from latency +- jitter (seeded).
    jitter: float = 0.02
    window_seconds: float = 120.0


@dataclass(frozen=True)
class BenchConfig:
    fanout: FanoutConfig = field(default_factory=FanoutConfig)
    load: LoadConfig = field(default_factory=LoadConfig)
    #: None: a fresh SQLite file in `workdir`; else a PostgreSQL server to create databases on.
    database_url: str | None = None
    vendors_in: VendorsIn = "process"
    seed: int = 3
    #: Also run the load once more under tracemalloc, for the Python heap peak.
    trace_memory: bool = False


@dataclass(frozen=True)
class VendorSpec:
    name: str
    secret: str
    latency: float


# -- results ---------------------------------------------------------------------------


@dataclass
class Tally:
    """What the events of some RFQs reported, checked against the database."""

    asked: int = 0
    states: Counter[str] = field(default_factory=Counter)
    offers: int = 0
    offers_in_database: int = 0
    answered_in_database: int = 0

    @property
    def errors(self) -> int:
        """Dispatches not answered, by the events or by the database; offers not stored."""
        by_events = self.asked - self.states[DispatchState.ANSWERED]
        by_database = self.asked - self.answered_in_database
        return max(by_events, by_database) + abs(self.offers - self.offers_in_database)


@dataclass
class FanoutRun:
    open_ms: float
    targets_ms: float
    #: collect() called -> last DispatchEnded, minus the slowest latency.
    last_answer_overhead_ms: float
    #: collect() called -> RfqClosed, minus the slowest latency.
    closed_overhead_ms: float


@dataclass
class FanoutResult:
    config: FanoutConfig
    runs: list[FanoutRun]
    tally: Tally


@dataclass
class LoadResult:
    config: LoadConfig
    open_seconds: float
    wall_seconds: float
    rfq_seconds: list[float]
    tally: Tally
    rss_before: int
    peak_rss: int
    #: CPU seconds this process used from the first request to the last RfqClosed: near
    #: the wall time means the event loop was saturated, far below means it was waiting.
    cpu_seconds: float
    #: The same requests sent by the HTTP agents alone (no engine, no database), afterwards
    #: on fresh connections: the floor the engine's wall time is compared with.
    agents_only_seconds: float
    agents_only_errors: int
    agents_only_cpu_seconds: float
    traced_peak: int | None = None

    @property
    def dispatches(self) -> int:
        return self.tally.asked


@dataclass
class BenchResult:
    backend: str
    vendors_in: VendorsIn
    fanout: FanoutResult | None
    load: LoadResult | None


# -- vendors ---------------------------------------------------------------------------


def vendor_specs(prefix: str, latencies: Sequence[float]) -> list[VendorSpec]:
    return [
        VendorSpec(f"{prefix}-{number:03d}", f"secret-{prefix}-{number}", latency)
        for number, latency in enumerate(latencies, start=1)
    ]


@contextlib.asynccontextmanager
async def vendors_in_loop(specs: Sequence[VendorSpec]) -> AsyncIterator[list[str]]:
    async with contextlib.AsyncExitStack() as stack:
        servers = [
            await stack.enter_async_context(
                VendorServer(spec.secret, answer=quote_every_line(), latency=spec.latency)
            )
            for spec in specs
        ]
        yield [server.url for server in servers]


@contextlib.asynccontextmanager
async def vendors_in_process(specs: Sequence[VendorSpec]) -> AsyncIterator[list[str]]:
    """The same servers in a child process (this script with --serve-vendors)."""
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        str(SCRIPT),
        "--serve-vendors",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        spec = [{"secret": s.secret, "latency": s.latency} for s in specs]
        child.stdin.write(json.dumps(spec).encode() + b"\n")
        await child.stdin.drain()
        line = await asyncio.wait_for(child.stdout.readline(), timeout=60)
        if not line:
            raise RuntimeError("the vendor process exited before listening")
        yield list(json.loads(line))
    finally:
        child.stdin.close()
        try:
            await asyncio.wait_for(child.wait(), timeout=10)
        except TimeoutError:
            child.kill()
            await child.wait()


async def serve_vendors() -> None:
    """Child side: start the servers read from stdin, print their URLs, serve until EOF."""
    loop = asyncio.get_running_loop()
    line = await loop.run_in_executor(None, sys.stdin.readline)
    specs = [VendorSpec("", item["secret"], item["latency"]) for item in json.loads(line)]
    async with vendors_in_loop(specs) as urls:
        print(json.dumps(urls), flush=True)
        await loop.run_in_executor(None, sys.stdin.read)


def vendors(
    specs: Sequence[VendorSpec], where: VendorsIn
) -> contextlib.AbstractAsyncContextManager[list[str]]:
    return vendors_in_process(specs) if where == "process" else vendors_in_loop(specs)


async def register(services: Services, specs: Sequence[VendorSpec], urls: Sequence[str]) -> None:
    async with services.database.session() as session:
        for spec, url in zip(specs, urls, strict=True):
            await add_vendor(
                session, name=spec.name, kind=VendorKind.HTTP, url=url, secret=spec.secret
            )


# -- databases -------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def fresh_database(base_url: str | None, workdir: Path, name: str) -> AsyncIterator[str]:
    """A URL to an empty database: a new SQLite file, or a new PostgreSQL database that
    is dropped afterwards (a database, not a schema, so `open_services` needs no
    connect arguments)."""
    if base_url is None:
        yield f"sqlite+aiosqlite:///{workdir / name}.db"
        return
    url = make_url(normalise_database_url(base_url))
    database = f"bench_fanout_{name}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url.render_as_string(hide_password=False))
    try:
        async with admin.connect() as connection:
            autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
            await autocommit.execute(text(f'CREATE DATABASE "{database}"'))
        try:
            yield url.set(database=database).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as connection:
                autocommit = await connection.execution_options(isolation_level="AUTOCOMMIT")
                await autocommit.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
    finally:
        await admin.dispose()


@contextlib.asynccontextmanager
async def bench_services(config: BenchConfig, workdir: Path, name: str) -> AsyncIterator[Services]:
    async with fresh_database(config.database_url, workdir, name) as url:
        services = await open_services(Settings(_env_file=None, database_url=url))
        try:
            yield services
        finally:
            await services.close()


async def check_database(services: Services, rfq_ids: Sequence[str], tally: Tally) -> None:
    async with services.database.session() as session:
        tally.answered_in_database = (
            await session.scalar(
                select(func.count())
                .select_from(Dispatch)
                .where(Dispatch.rfq_id.in_(rfq_ids), Dispatch.state == DispatchState.ANSWERED)
            )
        ) or 0
        tally.offers_in_database = (
            await session.scalar(
                select(func.count()).select_from(OfferRecord).where(OfferRecord.rfq_id.in_(rfq_ids))
            )
        ) or 0


# -- scenario 1: fan-out overhead --------------------------------------------------------


async def fanout_scenario(config: BenchConfig, workdir: Path) -> FanoutResult:
    settings = config.fanout
    rng = random.Random(config.seed)
    latencies = [rng.uniform(settings.fastest, settings.slowest) for _ in range(settings.vendors)]
    # The spread's ends are always present, so the slowest vendor is the configured one.
    # The slowest is asked last (vendors are asked in id order): the worst case, since
    # its request leaves only after every other one has been sent.
    latencies[0], latencies[-1] = settings.fastest, settings.slowest
    specs = vendor_specs("fanout", latencies)
    slowest = max(latencies)
    runs: list[FanoutRun] = []
    tally = Tally()
    rfq_ids: list[str] = []
    async with (
        bench_services(config, workdir, "fanout") as services,
        vendors(specs, config.vendors_in) as urls,
    ):
        await register(services, specs, urls)
        for repeat in range(settings.repeats):
            clock = time.perf_counter()
            request = await services.engine.open_rfq(
                buyer="bench:fanout",
                text=REQUESTS[0],
                currency="USD",
                window_seconds=settings.window_seconds,
            )
            opened = time.perf_counter()
            targets = await services.targets_for(request)
            asking = time.perf_counter()
            last_answer = closed = asking
            async for event in services.engine.collect(request, targets):
                now = time.perf_counter()
                if isinstance(event, OfferStored):
                    tally.offers += 1
                elif isinstance(event, DispatchEnded):
                    tally.states[event.state] += 1
                    last_answer = now
                elif isinstance(event, RfqClosed):
                    tally.asked += event.asked
                    closed = now
            rfq_ids.append(request.rfq_id)
            runs.append(
                FanoutRun(
                    open_ms=(opened - clock) * 1000,
                    targets_ms=(asking - opened) * 1000,
                    last_answer_overhead_ms=(last_answer - asking - slowest) * 1000,
                    closed_overhead_ms=(closed - asking - slowest) * 1000,
                )
            )
            if repeat + 1 < settings.repeats:
                await asyncio.sleep(0.05)
        await check_database(services, rfq_ids, tally)
    return FanoutResult(settings, runs, tally)


# -- scenario 2: many RFQs at once ---------------------------------------------------------


def current_rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


async def load_scenario(config: BenchConfig, workdir: Path, *, traced: bool = False) -> LoadResult:
    settings = config.load
    rng = random.Random(config.seed + 1)
    latencies = [
        rng.uniform(settings.latency - settings.jitter, settings.latency + settings.jitter)
        for _ in range(settings.vendors)
    ]
    specs = vendor_specs("load", latencies)
    tally = Tally()
    name = "load_traced" if traced else "load"
    async with (
        bench_services(config, workdir, name) as services,
        vendors(specs, config.vendors_in) as urls,
    ):
        await register(services, specs, urls)
        rss_before = current_rss()
        if traced:
            tracemalloc.start()
        clock = time.perf_counter()
        requests = await asyncio.gather(
            *(
                services.engine.open_rfq(
                    buyer=f"bench:load:{number}",
                    text=REQUESTS[number % len(REQUESTS)],
                    currency="USD",
                    window_seconds=settings.window_seconds,
                )
                for number in range(settings.rfqs)
            )
        )
        asking = time.perf_counter()
        cpu = time.process_time()

        async def ask(request_index: int) -> float:
            request = requests[request_index]
            targets = await services.targets_for(request)
            async for event in services.engine.collect(request, targets):
                if isinstance(event, OfferStored):
                    tally.offers += 1
                elif isinstance(event, DispatchEnded):
                    tally.states[event.state] += 1
                elif isinstance(event, RfqClosed):
                    tally.asked += event.asked
            return time.perf_counter() - asking

        rfq_seconds = await asyncio.gather(*(ask(index) for index in range(len(requests))))
        wall = time.perf_counter() - asking
        cpu = time.process_time() - cpu
        traced_peak = None
        if traced:
            traced_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        peak = peak_rss()
        await check_database(services, [request.rfq_id for request in requests], tally)
        agents_only, agents_only_errors, agents_only_cpu = await agents_alone(specs, urls, requests)
    return LoadResult(
        config=settings,
        open_seconds=asking - clock,
        wall_seconds=wall,
        rfq_seconds=sorted(rfq_seconds),
        tally=tally,
        rss_before=rss_before,
        peak_rss=peak,
        cpu_seconds=cpu,
        agents_only_seconds=agents_only,
        agents_only_errors=agents_only_errors,
        agents_only_cpu_seconds=agents_only_cpu,
        traced_peak=traced_peak,
    )


async def agents_alone(
    specs: Sequence[VendorSpec], urls: Sequence[str], requests: Sequence[QuoteRequest]
) -> tuple[float, int, float]:
    """Wall time, failures and CPU time of every request sent straight through
    HttpVendorAgent."""
    async with vendor_session() as session:
        agents = [
            HttpVendorAgent(spec.name, url, spec.secret, "USD", session)
            for spec, url in zip(specs, urls, strict=True)
        ]
        clock, cpu = time.perf_counter(), time.process_time()
        answers = await asyncio.gather(
            *(agent.quote(request) for request in requests for agent in agents),
            return_exceptions=True,
        )
        wall, cpu = time.perf_counter() - clock, time.process_time() - cpu
    errors = sum(isinstance(answer, BaseException) or not answer for answer in answers)
    return wall, errors, cpu


# -- the whole bench ---------------------------------------------------------------------


@contextlib.contextmanager
def index_cache_in(directory: Path) -> Iterator[None]:
    """Keep the catalogue's index cache for these throw-away databases out of ~/.cache."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(directory)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = previous


async def run_bench(config: BenchConfig, *, fanout: bool = True, load: bool = True) -> BenchResult:
    backend = (
        "sqlite"
        if config.database_url is None
        else make_url(normalise_database_url(config.database_url)).get_backend_name()
    )
    with tempfile.TemporaryDirectory(prefix="bench-fanout-") as directory:
        workdir = Path(directory)
        with index_cache_in(workdir / "cache"):
            fanout_result = await fanout_scenario(config, workdir) if fanout else None
            load_result = await load_scenario(config, workdir) if load else None
            if load_result is not None and config.trace_memory:
                traced = await load_scenario(config, workdir, traced=True)
                load_result.traced_peak = traced.traced_peak
    return BenchResult(backend, config.vendors_in, fanout_result, load_result)


# -- report ------------------------------------------------------------------------------


def _percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def _table(title: str, rows: Sequence[tuple[str, ...]]) -> list[str]:
    """`rows` of (label, value, ...) as aligned columns under `title`."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [title]
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _fanout_lines(fan: FanoutResult) -> list[str]:
    answers = [run.last_answer_overhead_ms for run in fan.runs]
    closes = [run.closed_overhead_ms for run in fan.runs]
    met = statistics.median(answers) <= TARGET_OVERHEAD_MS

    def ms(values: Sequence[float]) -> tuple[str, str]:
        return f"{statistics.median(values):.1f} ms", f"{max(values):.1f} ms"

    config = fan.config
    return _table(
        f"1. Fan-out: {config.vendors} vendors, latencies {config.fastest:.2f}-"
        f"{config.slowest:.2f} s (slowest asked last), one 3-line RFQ, {len(fan.runs)} runs",
        [
            ("", "p50", "max"),
            ("overhead to last answer", *ms(answers)),
            ("overhead to RfqClosed", *ms(closes)),
            ("first run (opens connections)", f"{answers[0]:.1f} ms", ""),
            ("open_rfq (parse + match + store)", *ms([run.open_ms for run in fan.runs])),
            ("targets_for", *ms([run.targets_ms for run in fan.runs])),
            (f"target: p50 <= {TARGET_OVERHEAD_MS:.0f} ms", "met" if met else "MISSED", ""),
            ("dispatches / offers / errors", _counts(fan.tally), ""),
        ],
    )


def _load_lines(load: LoadResult) -> list[str]:
    config, wall = load.config, load.wall_seconds
    closed = [_percentile(load.rfq_seconds, fraction) for fraction in (0.5, 0.99)]
    rows = [
        ("open_rfq x N, concurrently", f"{load.open_seconds:.2f} s"),
        ("fan-out wall: first ask to last RfqClosed", f"{wall:.2f} s"),
        (
            "RFQ closed after p50 / p99",
            f"{closed[0]:.2f} / {closed[1]:.2f} s",
        ),
        ("engine process CPU during the fan-out", f"{load.cpu_seconds:.2f} s"),
        (
            "HTTP floor: agents alone, wall / CPU",
            f"{load.agents_only_seconds:.2f} / {load.agents_only_cpu_seconds:.2f} s",
        ),
        ("dispatches/s", f"{load.dispatches / wall:.0f}"),
        ("offers stored/s", f"{load.tally.offers / wall:.0f}"),
        ("dispatches / offers / errors", _counts(load.tally)),
        ("RSS before / peak RSS", f"{_mib(load.rss_before)} / {_mib(load.peak_rss)}"),
    ]
    if load.traced_peak is not None:
        rows.append(("tracemalloc peak (traced rerun)", _mib(load.traced_peak)))
    return _table(
        f"2. Load: {config.rfqs} RFQs x {config.vendors} vendors at once, "
        f"latency {config.latency:.2f} +- {config.jitter:.2f} s",
        rows,
    )


def _counts(tally: Tally) -> str:
    return f"{tally.asked} / {tally.offers} / {tally.errors}"


def report(result: BenchResult) -> str:
    where = "a child process" if result.vendors_in == "process" else "the engine's event loop"
    load_average = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    lines = [
        f"bench/fanout.py: database {result.backend}, vendor servers in {where}",
        f"({os.cpu_count()} CPUs, load average {load_average})",
    ]
    if result.fanout is not None:
        lines += ["", *_fanout_lines(result.fanout)]
    if result.load is not None:
        lines += ["", *_load_lines(result.load)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats, 50 RFQs in the load run")
    parser.add_argument("--database-url", help="a PostgreSQL server to create fresh databases on")
    parser.add_argument("--vendors-in", choices=["process", "loop"], default="process")
    parser.add_argument("--only", choices=["fanout", "load"], help="run one scenario")
    parser.add_argument("--repeats", type=int, help="fan-out repeats (default 10, quick 3)")
    parser.add_argument("--rfqs", type=int, help="RFQs in the load run (default 200, quick 50)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace the load run")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--serve-vendors", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve_vendors:
        asyncio.run(serve_vendors())
        return 0
    fanout = FanoutConfig(repeats=3) if options.quick else FanoutConfig()
    load = LoadConfig(rfqs=50) if options.quick else LoadConfig()
    if options.repeats:
        fanout = replace(fanout, repeats=options.repeats)
    if options.rfqs:
        load = replace(load, rfqs=options.rfqs)
    config = BenchConfig(
        fanout=fanout,
        load=load,
        database_url=options.database_url,
        vendors_in=options.vendors_in,
        seed=options.seed,
        trace_memory=options.tracemalloc,
    )
    result = asyncio.run(
        run_bench(config, fanout=options.only != "load", load=options.only != "fanout")
    )
    print(report(result))
    errors = sum(part.tally.errors for part in (result.fanout, result.load) if part is not None)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
