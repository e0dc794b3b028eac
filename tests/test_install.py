"""The install as a council's server does it: build the sdist and the wheel, install the wheel
into a fresh virtual environment far from the checkout, index a few files, serve, and ask every
page and API route over HTTP. Slow (a minute or so; dependencies come from the package registry
through pip's cache), so marked `install`; `./dev test` runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from tests.serving import ROOT, Server

pytestmark = pytest.mark.install

SAMPLE_DATA = ROOT / "sample_data"
# A few minutes in several formats (so the installed PDF, Word and HTML readers run), one
# with a sidecar giving the council's URL, and an empty file that cannot be read.
MINUTES = [
    "ashbury-borough-council/cabinet/2021-03-04.txt",
    "ashbury-borough-council/cabinet/2021-03-04.meta.toml",
    "ashbury-borough-council/planning-committee/2019-03-14.pdf",
    "kelmscott-district-council/full-council/2019-07-24.html",
    "kelmscott-district-council/full-council/2021-02-17.docx",
    "kelmscott-district-council/licensing-committee/2019-01-22.txt",
]
EMPTY = "kelmscott-district-council/cabinet/2022-01-01.txt"
# What building needs of the checkout; never its caches, virtual environment or tests.
NOT_BUILT_FROM = (".git", ".venv", "*.egg-info", "build", "dist", "__pycache__", ".*_cache",
                  "instance", "var", "tests", "bench")  # fmt: skip
CHECKOUT_SETTINGS = ("PYTHONPATH", "VIRTUAL_ENV", "MINUTES_SEARCH_")  # variables, by prefix
MINUTES_SECONDS = 600  # building, installing (dependencies from the registry) or indexing


def run(
    command: list[str | Path], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a command, returning what it printed; fail the test with its output on a crash."""
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=MINUTES_SECONDS, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode in (0, 1), f"{command}: {result.stdout}{result.stderr}"
    return result


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("install")


@pytest.fixture(scope="module")
def env() -> dict[str, str]:
    """The environment of a user's shell: nothing pointing at the checkout or its settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(CHECKOUT_SETTINGS)}
    return {**clean, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def command(work: Path, env: dict[str, str]) -> Path:
    """Build the sdist, then the wheel from it (as `python -m build` does), install the wheel
    into a fresh virtual environment, and return its `minutes-search` command."""
    source = Path(
        shutil.copytree(ROOT, work / "source", ignore=shutil.ignore_patterns(*NOT_BUILT_FROM))
    )
    run([sys.executable, "-m", "build", "--outdir", work / "dist", source], work, env)
    wheels = list((work / "dist").glob("*.whl"))
    assert len(wheels) == 1 and list((work / "dist").glob("*.tar.gz"))
    shutil.rmtree(source)  # nothing of the checkout is left to lean on
    run([sys.executable, "-m", "venv", work / "venv"], work, env)
    python = work / "venv" / "bin" / "python"
    run([python, "-m", "pip", "install", "--quiet", wheels[0]], work, env)
    return work / "venv" / "bin" / "minutes-search"


@pytest.fixture(scope="module")
def cwd(work: Path) -> Path:
    folder = work / "elsewhere"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def minutes(work: Path) -> Path:
    folder = work / "minutes"
    for name in MINUTES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_DATA / name, folder / name)
    (folder / EMPTY).parent.mkdir(parents=True, exist_ok=True)
    (folder / EMPTY).write_text("", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(
    command: Path, minutes: Path, work: Path, cwd: Path, env: dict[str, str]
) -> Iterator[Server]:
    """The installed command's reindex of the minutes, then its server over them."""
    index = work / "index"
    result = run([command, "reindex", minutes, "--index", index], cwd, env)
    assert result.returncode == 1  # the empty file
    assert "6 files seen, 5 added, 0 updated, 0 unchanged, 0 removed, 1 failed." in result.stderr
    assert f"failed: {minutes / EMPTY}: the file is empty" in result.stderr  # the clerk's view
    started = Server("--index", str(index), command=[str(command)], cwd=cwd, env=env)
    yield started
    started.stop()


def routes(server: Server) -> list[str]:
    """Return every page, feed and API route, with ids the served index gives."""
    found = server.json("/api/search?q=&sort=newest&per_page=100")
    item = next(h for h in found["hits"] if h["kind"] == "item")
    speaker = next(iter(found["facets"]["speaker"]))
    council, committee = item["council"], item["committee"]
    return [
        "/", "/search?q=council", "/search?q=council&group=0", f"/items/{item['id']}",
        f"/items/{item['id']}?q=council", f"/meetings/{item['meeting_id']}",
        f"/speakers/{quote(speaker)}", "/committees",
        f"/committee?{urlencode({'council': council, 'committee': committee})}", "/status",
        "/help/query-syntax", "/opensearch.xml", "/static/site.css", "/static/favicon.svg",
        "/api/search?q=council", f"/api/items/{item['id']}?q=council",
        f"/api/meetings/{item['meeting_id']}", "/api/status", "/api/openapi.json",
        "/search.atom?q=council", "/search.csv?q=council",
    ]  # fmt: skip


def assert_no_private_path(body: bytes, work: Path, url: str) -> None:
    text = body.decode("utf-8", errors="replace")
    for private in {str(work), str(work.resolve()), str(ROOT)}:
        assert private not in text, f"{url} shows {private}"


def test_every_route_of_the_installed_site_answers(server: Server, work: Path) -> None:
    for url in routes(server):
        status, headers, body = server.get(url)
        assert status == 200, f"{url}: {status} {body[:300]!r}"
        assert body, url
        assert_no_private_path(body, work, url)
    status, headers, body = server.get("/nowhere")
    assert (status, headers["Content-Type"]) == (404, "text/html; charset=utf-8")
    assert b"<h1>" in body  # the error page, rendered from its template
    assert server.get("/api/items/nowhere")[0] == 404


def test_the_installed_site_names_documents_within_their_folder(server: Server) -> None:
    found = server.json("/api/search?q=&kind=item&per_page=100")
    assert found["total"] <= 100
    hits = found["hits"]
    sources = {h["source"] for h in hits}
    assert sources == {f"minutes/{name}" for name in MINUTES if not name.endswith(".toml")}
    urls = {h["source"]: h["url"] for h in hits}
    assert urls["minutes/ashbury-borough-council/cabinet/2021-03-04.txt"].startswith(
        "https://democracy.ashbury.example/"
    )
    status = server.json("/api/status")
    assert status["failed"] == [{"source": f"minutes/{EMPTY}", "reason": "the file is empty"}]
    assert "index" not in status


def test_the_first_serve_indexes_the_sample_minutes_it_carries(
    command: Path, work: Path, cwd: Path, env: dict[str, str]
) -> None:
    index = work / "first-run"
    server = Server("--index", str(index), command=[str(command)], cwd=cwd, env=env)
    try:
        said = "".join(server.stderr)
        assert f"No index at {index}: indexing the sample minutes in sample_data/ first..." in said
        status = server.json("/api/status")
        assert (status["meetings"], status["failed"]) == (31, [])
        hits = server.json("/api/search?q=library")["hits"]
        assert hits and all(h["source"].startswith("sample_data/") for h in hits)
        for url in ("/", "/api/status", "/status", "/api/search?q=library"):
            assert_no_private_path(server.get(url)[2], work, url)
    finally:
        server.stop()
    version = json.loads((index / "current" / "manifest.json").read_text(encoding="utf-8"))
    assert version["roots"][0].startswith(str(work / "venv"))  # read from the installed package
