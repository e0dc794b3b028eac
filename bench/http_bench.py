"""Benchmark the site over HTTP: `minutes-search serve` (waitress) in its own process, asked
by concurrent keep-alive clients on the loopback interface.

    python bench/http_bench.py --index /tmp/minutes-bench/generated

Prints p50 and p95 milliseconds and requests a second for the search page (/search?q=...)
and the API (/api/search?q=...), both with facet counts and highlighted snippets (their
defaults), over a spread of queries. Each client sends its requests one after another on one
connection; the run is bounded by --requests per endpoint and by --seconds.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import queue
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search.errors import SearchError  # noqa: E402
from search.storage import IndexDir  # noqa: E402

HOST = "127.0.0.1"  # loopback only
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


@dataclass
class Run:
    """What one endpoint's run measured."""

    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000


class Server:
    """`minutes-search serve` on a free loopback port, stopped by stop()."""

    def __init__(self, index: Path, threads: int) -> None:
        command = [sys.executable, "-c", "from indexer.cli import main; main()", "serve"]
        args = ["--index", str(index), "--host", HOST, "--port", "0", "--threads", str(threads)]
        self.process = subprocess.Popen(
            [*command, *args], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        self.port = self._wait_for_port(timeout=300)

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)
            if not line.startswith("Task queue depth"):  # waitress: every thread busy
                self.log.append(line)

    def _wait_for_port(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            seen.append(line)
            found = re.search(rf"on http://{re.escape(HOST)}:(\d+)/", line)
            if found:
                return int(found.group(1))
        self.stop()
        sys.exit("the server did not start:\n" + "".join(seen))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def url(path: str, query: dict[str, str]) -> str:
    return f"{path}?{urlencode(query)}"


def fetch(connection: http.client.HTTPConnection, target: str) -> tuple[int, float]:
    """GET ``target`` on a kept-alive connection; return the status and the seconds taken."""
    started = time.perf_counter()
    connection.request("GET", target)
    response = connection.getresponse()
    response.read()
    return response.status, time.perf_counter() - started


def client(port: int, targets: list[str], budget: itertools.count[int], limit: int,
           deadline: float, run: Run, lock: threading.Lock) -> None:  # fmt: skip
    """Send requests one after another until the run's budget or time is spent."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    try:
        while time.monotonic() < deadline:
            number = next(budget)
            if number >= limit:
                return
            status, seconds = fetch(connection, targets[number % len(targets)])
            with lock:
                run.times.append(seconds)
                if status != 200:
                    run.errors.append(f"{status} {targets[number % len(targets)]}")
    finally:
        connection.close()


def measure(port: int, path: str, clients: int, requests: int, seconds: float) -> Run:
    """Run ``requests`` requests to ``path`` from ``clients`` threads, within ``seconds``."""
    targets = [url(path, q) for q in QUERIES]
    run, lock, budget = Run(), threading.Lock(), itertools.count()
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(port, targets, budget, requests, deadline, run, lock))
        for _ in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started
    return run


def warm_up(port: int) -> None:
    """Ask every query of every endpoint once: the first search of a searcher reads columns."""
    connection = http.client.HTTPConnection(HOST, port, timeout=300)
    try:
        for path in ENDPOINTS.values():
            for query in QUERIES:
                status, _ = fetch(connection, url(path, query))
                if status != 200:
                    print(f"warning: {status} for {url(path, query)}", file=sys.stderr)
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("/tmp/minutes-bench/generated"))
    parser.add_argument("--clients", type=int, default=8, help="Concurrent clients.")
    parser.add_argument("--requests", type=int, default=400, help="Requests per endpoint.")
    parser.add_argument("--seconds", type=float, default=120, help="Time limit per endpoint.")
    parser.add_argument("--threads", type=int, default=4, help="Server threads (serve's default).")
    args = parser.parse_args()
    try:
        IndexDir(args.index).require_current()
    except SearchError as error:
        sys.exit(f"{error} (bench/search_bench.py --chunks N --work DIR builds one)")
    server = Server(args.index, args.threads)
    try:
        warm_up(server.port)
        print(f"index {args.index}; {args.clients} clients, waitress with {args.threads} threads, "
              f"{len(QUERIES)} queries")  # fmt: skip
        print(f"{'endpoint':14} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} "
              f"{'req/s':>7} {'errors':>6}")  # fmt: skip
        for name, path in ENDPOINTS.items():
            run = measure(server.port, path, args.clients, args.requests, args.seconds)
            print(f"{name:14} {len(run.times):8} {run.percentile(0.5):8.0f} "
                  f"{run.percentile(0.95):8.0f} {statistics.mean(run.times) * 1000:8.0f} "
                  f"{len(run.times) / run.seconds:7.1f} {len(run.errors):6}")  # fmt: skip
            for problem in sorted(set(run.errors))[:5]:
                print(f"  error: {problem}")
    finally:
        server.stop()
    if len(server.log) > 1:
        print("the server's log:\n" + "".join(server.log[-80:]), file=sys.stderr)


if __name__ == "__main__":
    main()
