"""Serving under load: `serve --workers N` (gunicorn) over real HTTP, every worker seeing a
reindex, overload answered 503 with Retry-After, and a reindex under load losing no request."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.load_bench import reindex_under_load
from indexer import cli as cli_module
from indexer.build import reindex
from search import engine as engine_module
from search.engine import SearchEngine, SearchRequest
from tests.serving import ROOT, Server
from web.admission import BUSY

SAMPLE = ROOT / "sample_data"
LICENSING = "kelmscott-district-council/licensing-committee/2019-01-22.txt"
NEW_ITEM = "\n7/19  ZEBRAFINCH CROSSING\n\nThe zebrafinch crossing was noted.\n"
needs_proc = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")


@pytest.fixture
def minutes(tmp_path: Path) -> tuple[Path, Path]:
    """Return a folder of one meeting and its index."""
    folder, index = tmp_path / "minutes", tmp_path / "index"
    (folder / LICENSING).parent.mkdir(parents=True)
    shutil.copy(SAMPLE / LICENSING, folder / LICENSING)
    assert reindex([folder], index).failed == []
    return folder, index


def fetch(url: str) -> tuple[int | str, dict[str, str], bytes, float]:
    """GET ``url`` on a connection of its own; return status, headers, body and seconds."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read(), _since(started)
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read(), _since(started)
    except OSError as error:  # a refused, reset or timed-out connection
        return type(error).__name__, {}, b"", _since(started)


def _since(started: float) -> float:
    return time.monotonic() - started


def open_files(pid: int, index: Path) -> set[str]:
    """Return the files of ``index`` that process ``pid`` holds open."""
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith(str(index)):
            found.add(target)
    return found


def index_files(index: Path) -> set[str]:
    return {str(path) for path in index.rglob("*") if path.is_file()}


@needs_proc
def test_two_workers_serve_and_both_see_a_reindex(
    minutes: tuple[Path, Path], serving: list[Server]
) -> None:
    folder, index = minutes
    server = Server("--index", str(index), "--workers", "2")
    serving.append(server)
    assert "(gunicorn, 2 workers of 2 searches at once)" in server.log()
    pids = server.worker_pids(2)
    for _ in range(200):  # new connections, until each worker has searched the index once
        if all(open_files(pid, index) for pid in pids):
            break
        assert json.loads(fetch(server.url + "api/search?q=zebrafinch")[2])["total"] == 0
    assert all(open_files(pid, index) for pid in pids), "a worker never answered"

    before = index_files(index)
    with (folder / LICENSING).open("a", encoding="utf-8") as handle:
        handle.write(NEW_ITEM)
    assert reindex([folder], index).updated == 1
    new = index_files(index) - before  # the segment the reindex committed
    for _ in range(200):  # answers from the state before, until each worker has read the new
        if all(open_files(pid, index) & new for pid in pids):
            break
        assert zebrafinch(server) in ((200, ()), (200, ("ZEBRAFINCH CROSSING",)))
    assert all(open_files(pid, index) & new for pid in pids), "a worker kept the old index"
    answers = {zebrafinch(server) for _ in range(20)}
    assert answers == {(200, ("ZEBRAFINCH CROSSING",))}


def zebrafinch(server: Server) -> tuple[int | str, tuple[str, ...]]:
    """Search for the new item on a new connection: the status and the titles found."""
    status, _, body, _ = fetch(server.url + "api/search?q=zebrafinch")
    return status, tuple(hit["item_title"] for hit in json.loads(body)["hits"])


def test_the_state_before_answers_while_the_new_one_is_read(
    minutes: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request waits READ_WAIT for a new state's columns (a small index's are read in that
    time), then is answered from the state before; never half of each, never an error."""
    folder, index = minutes
    monkeypatch.setattr(engine_module, "READ_WAIT", 0)
    engine = SearchEngine(index)
    assert engine.search(SearchRequest(q="zebrafinch")).total == 0
    with (folder / LICENSING).open("a", encoding="utf-8") as handle:
        handle.write(NEW_ITEM)
    assert reindex([folder], index).updated == 1
    seen, deadline = [], time.monotonic() + 30
    while not seen or (seen[-1] == 0 and time.monotonic() < deadline):
        seen.append(engine.search(SearchRequest(q="zebrafinch")).total)
    assert seen[-1] == 1 and set(seen) <= {0, 1}
    assert seen == sorted(seen)  # once the new state answers, the old one never again
    assert [engine.search(SearchRequest(q="zebrafinch")).total for _ in range(5)] == [1] * 5


def test_overload_is_answered_503_with_retry_after_not_a_hang(
    sample_index: Path, serving: list[Server]
) -> None:
    """Two workers holding one request each, 40 at once (a CSV export takes ~0.3 s)."""
    options = ("--workers", "2", "--threads", "1", "--max-in-flight", "1")
    server = Server("--index", str(sample_index), *options)
    serving.append(server)
    paths = ["search.csv?q=", "api/search?q=library", "search?q=library", "search.csv?q=council"]
    gate, answers = threading.Barrier(40), []

    def ask(number: int) -> None:
        gate.wait()
        answers.append((paths[number % 4], *fetch(server.url + paths[number % 4])))

    started = time.monotonic()
    threads = [threading.Thread(target=ask, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert time.monotonic() - started < 60 and len(answers) == 40, "requests hung"

    statuses = sorted({status for _, status, _, _, _ in answers}, key=str)
    assert statuses == [200, 503], statuses
    for path, status, headers, body, seconds in answers:
        if status != 503:
            continue
        assert headers["Retry-After"] == "1"
        assert seconds < 10  # told at once, not after waiting its turn
        if path.startswith("api/"):
            assert json.loads(body) == {"status": 503, "error": BUSY, "parameter": None}
        else:
            assert headers["Content-Type"].startswith("text/html") and BUSY in body.decode()
    for _ in range(6):  # every turn was given back: requests one at a time all answered
        assert fetch(server.url + "api/search?q=library")[0] == 200


def test_a_reindex_under_light_load_fails_no_request(
    minutes: tuple[Path, Path], serving: list[Server]
) -> None:
    _, index = minutes
    server = Server("--index", str(index), "--workers", "2")
    serving.append(server)
    tally, rounds = reindex_under_load(server, index, rate=20, rounds=2, wait=15)
    assert tally.requests >= 40 and tally.statuses["200"] == tally.requests, tally.statuses
    for one in rounds:
        assert one.visible_seconds is not None, "a reindex's meeting was never found"
        assert one.visible_seconds < one.reindex_seconds + 5


def test_workers_cannot_listen_on_a_port_in_use(sample_index: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            cli_module.cli,
            ["serve", "--index", str(sample_index), "--port", str(port), "--workers", "2"],
        )
    assert result.exit_code == 1
    assert (
        f"Error: cannot listen on 127.0.0.1 port {port}: Address already in use; "
        "is another server using it? Choose another with --port"
    ) in result.output


def test_dev_runs_one_process() -> None:
    result = CliRunner().invoke(cli_module.cli, ["serve", "--dev", "--workers", "2"])
    assert result.exit_code == 2
    assert "--dev runs one process; leave out --workers" in result.output
