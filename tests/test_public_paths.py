"""Nothing served names a path of the server: documents are named within their indexed folder."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner

import indexer.build
from indexer.build import reindex
from indexer.cli import cli
from search import browse
from search.engine import SearchEngine, SearchRequest
from search.errors import SearchError
from tests.conftest import ROOT, SAMPLE_DATA

CABINET = "ashbury-borough-council/cabinet"
PATEL = "ashbury-borough-council/priya-patel"  # a person's page names its evidence's documents


def urls(engine: SearchEngine) -> list[str]:
    """Return every page, feed and API route of the site, with ids from the index."""
    hit = next(h for h in engine.search(SearchRequest(q="library")).hits if h.kind == "item")
    speaker = engine.search(SearchRequest(q="")).facets["speaker"][0].value
    committee = urlencode({"council": "Ashbury Borough Council", "committee": "Cabinet"})
    return [
        "/", "/search?q=library", "/search?q=library&group=0", f"/items/{hit.id}?q=library",
        f"/meetings/{hit.meeting_id}", f"/speakers/{quote(speaker)}", "/committees",
        f"/committee?{committee}", "/status", "/help/query-syntax", "/opensearch.xml",
        "/api/search?q=library", "/api/search?q=library&group=1", f"/api/items/{hit.id}?q=x",
        f"/api/meetings/{hit.meeting_id}", "/api/status", "/api/openapi.json",
        "/search.atom?q=library", "/search.csv?q=library", "/nowhere", "/api/items/nowhere",
        f"/people/{PATEL}", f"/api/people/{PATEL}", f"/people/{PATEL}/feed.atom",
    ]  # fmt: skip


def test_no_response_names_a_path_of_the_server(client, engine, sample_index: Path) -> None:
    private = (str(ROOT), str(sample_index))
    for url in urls(engine):
        response = client.get(url, follow_redirects=True)  # /speakers/NAME: to the person
        assert response.status_code in (200, 404), url
        body = response.get_data(as_text=True)
        assert not [p for p in private if p in body], url


def test_hits_and_meetings_name_their_document_within_its_folder(client, engine) -> None:
    data = client.get("/api/search?q=library&per_page=100").json
    sources = {hit["source"] for hit in data["hits"]}
    assert sources and all(PurePosixPath(s).parts[0] == "sample_data" for s in sources)
    assert all((SAMPLE_DATA.parent / s).is_file() for s in sources)
    meeting = client.get(f"/api/meetings/{data['hits'][0]['meeting_id']}").json
    assert meeting["source"] == data["hits"][0]["source"]
    sidecar = [m for m in browse.meetings(engine) if m.url]
    assert [(m.source, m.url) for m in sidecar if m.date == "2021-03-04"] == [
        (
            f"sample_data/{CABINET}/2021-03-04.txt",
            "https://democracy.ashbury.example/ieListDocuments.aspx?CId=103&MId=2214",
        )
    ]


@pytest.fixture
def failing(tmp_path: Path) -> Path:
    """An index of one good and one empty file, under tmp_path/minutes."""
    folder = tmp_path / "minutes" / CABINET
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_DATA / CABINET / "2019-06-20.txt", folder)
    (folder / "2020-01-01.txt").write_text("", encoding="utf-8")
    assert len(reindex([tmp_path / "minutes"], tmp_path / "index").failed) == 1
    return tmp_path / "index"


def test_status_names_failed_files_within_their_folder(failing: Path, tmp_path: Path) -> None:
    from web import create_app

    client = create_app({"TESTING": True, "INDEX": str(failing)}).test_client()
    data = client.get("/api/status").json
    failed = [{"source": f"minutes/{CABINET}/2020-01-01.txt", "reason": "the file is empty"}]
    assert (data["failed"], data["last_reindex"]["failed"]) == (failed, failed)
    assert "index" not in data and "index" not in data["last_reindex"]
    for url in ("/api/status", "/status", "/", "/api/search?q=", "/search.csv?q="):
        assert str(tmp_path) not in client.get(url).get_data(as_text=True), url


def test_the_clerk_still_sees_full_paths(failing: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--index", str(failing)])
    empty = tmp_path / "minutes" / CABINET / "2020-01-01.txt"
    assert f"  failed: {empty}: the file is empty" in result.output
    assert f"index: {failing}" in result.output


def test_a_reason_naming_the_path_names_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    gone = folder / "2020-01-01.txt"
    gone.write_text("1. Bins\n\nThe bins were noted.\n", encoding="utf-8")

    def vanish(path: Path, document: str | None = None) -> None:
        raise FileNotFoundError(2, "No such file or directory", str(path))

    monkeypatch.setattr(indexer.build, "read_chunks", vanish)
    report = reindex([folder], tmp_path / "index")
    assert [(f.path, f.source, f.reason) for f in report.failed] == [
        (str(gone), "minutes/2020-01-01.txt", "cannot be read (No such file or directory)")
    ]


def test_two_folders_of_one_name_are_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "minutes", tmp_path / "b" / "minutes"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    with pytest.raises(SearchError) as raised:
        reindex([first, second], tmp_path / "index")
    assert str(raised.value) == (
        f"{first} and {second} have the same name, 'minutes', and documents are named by their "
        "folder; index a folder holding both, or rename one"
    )
