"""`minutes-search serve`: a real waitress process on a free loopback port, asked over HTTP
(several gunicorn workers: tests/test_serve_load.py)."""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from indexer import cli as cli_module
from indexer.build import reindex
from search.engine import SearchEngine, SearchRequest
from search.storage import IndexDir
from tests.serving import ROOT, Server

SAMPLE = ROOT / "sample_data"
LICENSING = "kelmscott-district-council/licensing-committee/2019-01-22.txt"


def test_first_run_indexes_the_sample_minutes_then_serves(
    tmp_path: Path, serving: list[Server], engine: SearchEngine
) -> None:
    index = tmp_path / "index"
    server = Server("--index", str(index))
    serving.append(server)
    said = "".join(server.stderr)
    assert f"No index at {index}: indexing the sample minutes in sample_data/ first...\n" in said
    everything = engine.search(SearchRequest(per_page=1)).total  # the same files, indexed alike
    assert f"the index holds {everything} chunks from 31 meetings" in said
    data = server.json("/api/search?q=library")
    assert data["total"] == engine.search(SearchRequest(q="library")).total
    assert data["facets"] == engine.search(SearchRequest(q="library")).to_dict()["facets"]
    status, headers, _ = server.get("/")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert headers["X-Frame-Options"] == "DENY"
    assert IndexDir(index).current() is not None


def test_a_reindex_is_seen_without_a_restart(tmp_path: Path, serving: list[Server]) -> None:
    minutes, index = tmp_path / "minutes", tmp_path / "index"
    source = minutes / LICENSING
    source.parent.mkdir(parents=True)
    shutil.copy(SAMPLE / LICENSING, source)
    reindex([minutes], index)
    server = Server("--index", str(index))
    serving.append(server)
    assert server.json("/api/search?q=zebrafinch")["total"] == 0
    before = server.json("/api/status")["chunks"]

    with source.open("a", encoding="utf-8") as handle:
        handle.write("\n7/19  ZEBRAFINCH CROSSING\n\nThe zebrafinch crossing was noted.\n")
    report = reindex([minutes], index)
    assert (report.updated, report.failed) == (1, [])

    found = server.json("/api/search?q=zebrafinch")
    assert found["total"] >= 1
    assert found["hits"][0]["item_title"] == "ZEBRAFINCH CROSSING"
    assert server.json("/api/status")["chunks"] > before
    assert server.process.poll() is None  # the same process all along


def test_concurrent_requests_get_the_answers_of_one_at_a_time(app) -> None:  # type: ignore[no-untyped-def]
    """The server's threads share one SearchEngine: no answer may differ from the lone one."""
    urls = ["/api/search?q=library", '/api/search?q="bus depot"', "/api/search?q=licen*",
            "/api/search?q=budget -parking&sort=newest", "/search.csv?q=planning"]  # fmt: skip
    expected = {url: app.test_client().get(url).data for url in urls}
    problems: list[str] = []

    def ask(offset: int) -> None:
        client = app.test_client()
        for n in range(12):
            url = urls[(offset + n) % len(urls)]
            response = client.get(url)
            if response.status_code != 200 or response.data != expected[url]:
                problems.append(f"{response.status_code} {url}")

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible, to meet any race
    try:
        threads = [threading.Thread(target=ask, args=(i,)) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        sys.setswitchinterval(interval)
    assert problems == []


def test_without_index_or_sample_it_says_what_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_module, "SAMPLE_DATA", tmp_path / "no-sample")
    index = tmp_path / "index"
    result = CliRunner().invoke(cli_module.cli, ["serve", "--index", str(index)])
    assert result.exit_code == 1
    assert f"Error: no index at {index}; run `minutes-search reindex PATH` first" in result.output


def test_an_index_of_another_version_is_served_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = IndexDir(tmp_path)
    version = store.new_version()
    (version / "meta.json").write_text('{"schema_version": -1}', encoding="utf-8")
    store.swap(version)
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(cli_module, "_waitress", lambda *args: calls.append(args))
    result = CliRunner().invoke(
        cli_module.cli, ["serve", "--index", str(tmp_path), "--port", "8123", "--threads", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "warning: the index at" in result.output
    assert "run `minutes-search reindex --full`; until then every page answers 503" in result.output
    app, host, port = calls[0]
    assert (host, port, app.config["THREADS"]) == ("127.0.0.1", 8123, 3)
    assert app.config["INDEX"] == str(tmp_path)


def test_serve_has_help() -> None:
    result = CliRunner().invoke(cli_module.cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--index", "--dev", "--threads", "--workers",
                   "--max-in-flight"):  # fmt: skip
        assert option in result.output
