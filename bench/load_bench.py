"""Load test: `minutes-search serve` (the production server) on loopback, asked by concurrent
clients, bounded in requests and in time; optionally while reindexing.

    python bench/load_bench.py --chunks 250000 --workers 2
    python bench/load_bench.py --chunks 50000 --clients 1 8 --workers 1
    python bench/load_bench.py --chunks 50000 --reindex --rate 50 --rounds 3

The index is the generated one of bench/search_bench.py, built at WORK/generated-N the first
time (--index DIR serves another). For each number of --clients (8, 32 and 64 by default)
and each endpoint (the search page /search?q=... and the API /api/search?q=..., facets and
highlights on, 16 queries), every client sends its requests one after another on one
kept-alive connection until --requests are sent or --seconds have passed; a client answered
503 waits the Retry-After seconds, as a polite client would. Prints requests a second, p50,
p95 and p99 milliseconds of the answered requests, and the count of each status (and of
connection errors).

--reindex instead sends --rate requests a second (a fifth of them asking for a word only the
next reindex adds) while `minutes-search reindex` adds a meeting --rounds times, and prints
the failed requests (anything but 200: must be 0) and, for each round, how long the reindex
took and how long until its new meeting was found.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import itertools
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.errors import IndexOutOfDate, SearchError  # noqa: E402
from search.storage import IndexDir  # noqa: E402
from tests.serving import CHECKOUT_COMMAND, Server  # noqa: E402

QUERIES: list[dict[str, str]] = [
    {"q": "library"},
    {"q": "planning application"},
    {"q": '"bus depot"'},
    {"q": "budget consultation", "sort": "newest"},
    {"q": "parking -school"},
    {"q": "housing", "committee": "Housing Committee"},
    {"q": "library date:[2014 to 2016]"},
    {"q": "affordable homes section 106"},
    {"q": "safeguarding children"},
    {"q": "waste recycling contract", "page": "2"},
    {"q": "recycl*"},
    {"q": "councillor said", "from": "2018", "to": "2020"},
    {"q": "opening hours OR closure"},
    {"q": "resolved agreed", "kind": "decision"},
    {"q": "transport scheme funding grant"},
    {"q": "annual review strategy performance", "council": "Ashbury Borough Council"},
]
ENDPOINTS = {"search page": "/search", "API": "/api/search"}
TIMEOUT = 30  # seconds for one answer: a request left longer is counted as hanging
# The meeting each --reindex round adds: a sample meeting of ours, with an item of its own.
SAMPLE = ROOT / "sample_data" / "kelmscott-district-council" / "licensing-committee"
MEETING = "2019-01-22.txt"


def targets(path: str) -> list[str]:
    """Return the URLs of every query at ``path``."""
    return [f"{path}?{urlencode(query)}" for query in QUERIES]


@dataclass
class Tally:
    """What one run measured: answer times, statuses, connection errors, and its length."""

    times: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int | str, seconds: float) -> None:
        with self.lock:
            self.statuses[str(status)] += 1
            if status == 200:
                self.times.append(seconds)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def failed(self) -> int:
        """Return the requests not answered 200 (errors, 503s, broken connections)."""
        return self.requests - self.statuses["200"]

    def percentile(self, share: float) -> float:
        """Return the answer time below which ``share`` of the answered requests fall, in ms."""
        ordered = sorted(self.times) or [float("nan")]
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000

    def row(self) -> str:
        statuses = ", ".join(f"{key}: {n}" for key, n in sorted(self.statuses.items()))
        rate = self.requests / self.seconds if self.seconds else 0.0
        p50, p95, p99 = (self.percentile(share) for share in (0.5, 0.95, 0.99))
        return f"{self.requests:8} {rate:7.1f} {p50:7.0f} {p95:7.0f} {p99:7.0f}  {statuses}"


# What a browser accepts (Chromium's header), so that the server compresses as it would for one.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"


def _decoded(body: bytes, encoding: str | None) -> bytes:
    """Return a response's body decoded, as a browser decodes it before using it."""
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        import brotli  # installed with flask-compress

        return bytes(brotli.decompress(body))
    if encoding == "zstd":
        try:
            from compression import zstd  # type: ignore[import-not-found]  # Python 3.14
        except ImportError:
            from backports import zstd  # installed with flask-compress before 3.14
        return bytes(zstd.decompress(body))
    if encoding == "deflate":
        return zlib.decompress(body)
    return body


class Client:
    """One kept-alive connection to the server, reopened after an error."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.connection: http.client.HTTPConnection | None = None

    def get(self, target: str) -> tuple[int | str, bytes, float, float]:
        """GET ``target``; return the status (or the connection error's name), the body,
        the seconds taken and the Retry-After seconds (0 without one)."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        started = time.perf_counter()
        try:
            self.connection.request("GET", target, headers={"Accept-Encoding": ACCEPT_ENCODING})
            response = self.connection.getresponse()
            body = _decoded(response.read(), response.getheader("Content-Encoding"))
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return type(error).__name__, b"", time.perf_counter() - started, 0.0
        retry = float(response.getheader("Retry-After") or 0)
        return response.status, body, time.perf_counter() - started, retry

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def closed_loop(url: str, urls: list[str], clients: int, requests: int, seconds: float) -> Tally:
    """Run ``clients`` clients, each sending its next request when answered, until
    ``requests`` are sent or ``seconds`` have passed."""
    tally, budget = Tally(), itertools.count()
    deadline = time.monotonic() + seconds

    def run() -> None:
        client = Client(url)
        while time.monotonic() < deadline and (number := next(budget)) < requests:
            status, _, took, retry = client.get(urls[number % len(urls)])
            tally.add(status, took)
            if retry:
                time.sleep(min(retry, max(0.0, deadline - time.monotonic())))
        client.close()

    started = time.perf_counter()
    _run_threads(run, clients)
    tally.seconds = time.perf_counter() - started
    return tally


def _run_threads(work: Callable[[], None], count: int) -> None:
    threads = [threading.Thread(target=work, daemon=True) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


@dataclass
class Probe:
    """The word the reindex under way adds, and when a search first found it."""

    word: str = ""
    found_at: float | None = None


def paced(url: str, rate: float, stop: threading.Event, probe: Probe, senders: int = 32) -> Tally:
    """Send ``rate`` requests a second, on schedule whatever the answers take (while fewer
    than ``senders`` are unanswered), until ``stop`` is set: API and page searches, and every
    fifth a search for ``probe.word``."""
    tally, slots = Tally(), itertools.count()
    urls = [u for path in ENDPOINTS.values() for u in targets(path)]
    started = time.monotonic()

    def run() -> None:
        client = Client(url)
        while not stop.is_set():
            number = next(slots)
            time.sleep(max(0.0, started + number / rate - time.monotonic()))
            word = probe.word
            asking = bool(word) and number % 5 == 0
            target = f"/api/search?{urlencode({'q': word})}" if asking else urls[number % len(urls)]
            status, body, took, _ = client.get(target)
            tally.add(status, took)
            if asking and status == 200 and json.loads(body)["total"] and probe.word == word:
                probe.found_at = probe.found_at or time.monotonic()
        client.close()

    _run_threads(run, senders)
    tally.seconds = time.monotonic() - started
    return tally


@dataclass
class Round:
    """One reindex under load: how long it took and how long until its meeting was found."""

    reindex_seconds: float
    visible_seconds: float | None  # from the reindex's start; None: not found in time

    def __str__(self) -> str:
        if self.visible_seconds is None:
            return f"reindex took {self.reindex_seconds:.2f} s; its meeting was never found"
        after = self.visible_seconds - self.reindex_seconds
        return (f"reindex took {self.reindex_seconds:.2f} s; its meeting found "
                f"{self.visible_seconds:.2f} s after it started "
                f"({after:+.2f} s after it ended)")  # fmt: skip


def reindex_under_load(
    server: Server, index: Path, rate: float, rounds: int, wait: float = 30
) -> tuple[Tally, list[Round]]:
    """Reindex ``rounds`` times while ``rate`` requests a second are sent, each reindex
    adding a meeting with a word of its own; return the load's tally and each round."""
    stop, probe = threading.Event(), Probe()
    result: list[Tally] = []
    load = threading.Thread(target=lambda: result.append(paced(server.url, rate, stop, probe)))
    load.start()
    done = []
    try:
        with tempfile.TemporaryDirectory(prefix="load-bench-minutes-") as folder:
            time.sleep(1)  # the load under way before the first reindex
            for number in range(rounds):
                done.append(_round(Path(folder), index, number, probe, wait))
            time.sleep(1)
    finally:
        stop.set()
        load.join()
    return result[0], done


def _round(folder: Path, index: Path, number: int, probe: Probe, wait: float) -> Round:
    """Add a meeting with a new word under ``folder``, reindex, and wait until it is found."""
    word = f"zebrafinch{number}x{time.time_ns() % 10**6}"
    meeting = folder / f"round-{number}" / MEETING
    meeting.parent.mkdir(parents=True)
    shutil.copy(SAMPLE / MEETING, meeting)
    with meeting.open("a", encoding="utf-8") as handle:
        handle.write(f"\n9/19  {word.upper()} CROSSING\n\nThe {word} crossing was noted.\n")
    probe.word, probe.found_at = word, None
    started = time.monotonic()
    command = [*CHECKOUT_COMMAND, "reindex", str(folder), "--index", str(index)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    if done.returncode:
        raise RuntimeError(f"the reindex failed: {done.stderr}")
    took = time.monotonic() - started
    while probe.found_at is None and time.monotonic() < started + took + wait:
        time.sleep(0.05)
    found = probe.found_at
    return Round(took, None if found is None else found - started)


def generated_index(work: Path, chunks: int) -> Path:
    """Return the generated index of ``chunks`` chunks under ``work``, built if absent."""
    from bench.search_bench import build

    index = work / f"generated-{chunks}"
    if IndexDir(index).current() is not None and not _current_schema(index):
        print(f"{index} was built by another version: building it again", flush=True)
        shutil.rmtree(index)
    if IndexDir(index).current() is None:
        print(f"building {index} ({chunks} chunks) ...", flush=True)
        partial = work / f"building-{chunks}"
        shutil.rmtree(partial, ignore_errors=True)
        rate, _ = build(partial, chunks, procs=2)
        (partial / "generated").rename(index)
        shutil.rmtree(partial)
        print(f"built at {rate:.0f} chunks/s", flush=True)
    return index


def _current_schema(index: Path) -> bool:
    """Tell an index built with this program's schema from one of an older version."""
    try:
        IndexDir(index).require_current()
    except IndexOutOfDate:
        return False
    return True


def copy_index(index: Path, copy: Path) -> Path:
    """Copy the index folder to ``copy`` (its current version only), replacing any there."""
    shutil.rmtree(copy, ignore_errors=True)
    version = IndexDir(index).require_current()
    shutil.copytree(version, copy / "versions" / version.name)
    IndexDir(copy).swap(copy / "versions" / version.name)
    return copy


def warm_up(url: str, clients: int) -> None:
    """Send every query to every endpoint from ``clients`` connections, so the worker
    threads have opened their searchers and the columns are read before timing."""
    urls = [u for path in ENDPOINTS.values() for u in targets(path)]
    closed_loop(url, urls, clients, len(urls) * 4, 300)


def start(index: Path, args: argparse.Namespace) -> Server:
    options = ["--index", str(index), "--workers", str(args.workers)]
    options += ["--threads", str(args.threads), "--max-in-flight", str(args.max_in_flight)]
    return Server(*options, threads=None)


def load(server: Server, args: argparse.Namespace) -> None:
    """Print a row for each number of clients and endpoint."""
    warm_up(server.url, max(args.clients))
    print(f"{'clients':>7} {'endpoint':12} {'requests':>8} {'req/s':>7} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'p99 ms':>7}  statuses")  # fmt: skip
    for clients in args.clients:
        for name, path in ENDPOINTS.items():
            tally = closed_loop(server.url, targets(path), clients, args.requests, args.seconds)
            print(f"{clients:7} {name:12} {tally.row()}", flush=True)


def reindexing(server: Server, index: Path, args: argparse.Namespace) -> None:
    """Print the failed requests and each round's times."""
    warm_up(server.url, 8)
    tally, rounds = reindex_under_load(server, index, args.rate, args.rounds)
    print(f"{args.rate:.0f} requests/s for {tally.seconds:.1f} s: {tally.requests} requests, "
          f"{tally.failed} failed; p50 {tally.percentile(0.5):.0f} ms, "
          f"p95 {tally.percentile(0.95):.0f} ms, p99 {tally.percentile(0.99):.0f} ms")  # fmt: skip
    for failure, count in sorted(tally.statuses.items()):
        if failure != "200":
            print(f"  failed: {count} x {failure}")
    for number, one in enumerate(rounds, 1):
        print(f"round {number}: {one}")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=250_000, help="Generated index's size.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/minutes-bench"))
    parser.add_argument("--index", type=Path, help="Serve this index instead (--reindex "
                        "works on a copy).")  # fmt: skip
    parser.add_argument("--workers", type=int, default=2, help="serve --workers.")
    parser.add_argument("--threads", type=int, default=1, help="serve --threads.")
    parser.add_argument("--max-in-flight", type=int, default=32, help="serve --max-in-flight.")
    parser.add_argument("--clients", type=int, nargs="+", default=[8, 32, 64])
    parser.add_argument("--requests", type=int, default=600, help="Per clients and endpoint.")
    parser.add_argument("--seconds", type=float, default=60, help="Per clients and endpoint.")
    parser.add_argument("--reindex", action="store_true", help="Reindex under paced load.")
    parser.add_argument("--rate", type=float, default=50, help="Requests/s with --reindex.")
    parser.add_argument("--rounds", type=int, default=3, help="Reindexes with --reindex.")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    index = args.index or generated_index(args.work, args.chunks)
    if args.reindex:  # the meetings a round adds stay: leave the index measured untouched
        index = copy_index(index, args.work / f"{index.name}-reindexed")
    try:
        IndexDir(index).require_current()
    except SearchError as error:
        sys.exit(str(error))
    server = start(index, args)
    print(f"index {index}; serve --workers {args.workers} --threads {args.threads} "
          f"--max-in-flight {args.max_in_flight}; {len(QUERIES)} queries", flush=True)  # fmt: skip
    try:
        if args.reindex:
            reindexing(server, index, args)
        else:
            load(server, args)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
