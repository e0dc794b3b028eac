"""Alerts and exports: the Atom feed of a search and its CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from indexer.build import reindex
from search.engine import SearchEngine, SearchRequest
from search.results import Hit
from web import create_app
from web.feeds import atom_feed, defuse, filename

A = "{http://www.w3.org/2005/Atom}"
TRICKY = """TRICKY TOWN COUNCIL

MINUTES of the meeting of the Cabinet held at the Town Hall on Wednesday 4 May 2022 at 7.00 pm

Present: Councillor Ada Lovelace (Chairman), Councillors Babbage and Hopper

1/22 Roads & <Bridges> "Repairs"

The zebrafinch report on roads & <b>bridges</b> was noted.

2/22 Spreadsheets

=HYPERLINK("http://evil.example") zebrafinch

3/22 Budget

-5 per cent zebrafinch

4/22 Risk

@risk zebrafinch

5/22 Growth

+3 zebrafinch

RESOLVED that the zebrafinch plan be approved.
"""


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A client over an index of one meeting whose text is full of & < > and formulas."""
    root = tmp_path_factory.mktemp("tricky")
    source = root / "minutes" / "tricky-town-council" / "cabinet" / "2022-05-04.txt"
    source.parent.mkdir(parents=True)
    source.write_text(TRICKY, encoding="utf-8")
    reindex([root / "minutes"], root / "index")
    return create_app({"TESTING": True, "INDEX": str(root / "index")}).test_client()


def feed(response) -> ElementTree.Element:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    return ElementTree.fromstring(response.data)


def rows(response) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))


def newest(engine: SearchEngine, q: str, kinds: tuple[str, ...], limit: int) -> list[Hit]:
    request = SearchRequest(q=q, kind=kinds, sort="newest", per_page=limit, facets=False)
    return list(engine.search(request).hits)


def page_url(hit: Hit) -> str:
    """The page a hit links to: its item, at the speech or decision; attendance, the meeting."""
    if hit.kind == "attendance":
        return f"http://localhost/meetings/{hit.meeting_id}#attendance"
    anchor = f"#{hit.id}" if hit.kind in ("speech", "decision") else ""
    return f"http://localhost/items/{hit.id}{anchor}"


# --- Atom ---------------------------------------------------------------------------------------


def test_atom_feed_of_the_newest_items_and_decisions(client, engine: SearchEngine) -> None:
    root = feed(client.get("/search.atom?q=library"))
    assert root.tag == f"{A}feed"
    assert root.findtext(f"{A}title") == "Council minutes search: library"
    assert root.findtext(f"{A}id") == "http://localhost/search.atom?q=library"
    assert root.find(f"{A}author/{A}name").text == "Council minutes search"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert links == {
        "self": "http://localhost/search.atom?q=library",
        "alternate": "http://localhost/search?q=library",
    }
    expected = newest(engine, "library", ("item", "decision"), 50)
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == [page_url(h) for h in expected]
    assert {e.find(f"{A}category").get("term") for e in entries} == {"item", "decision"}
    dates = [e.findtext(f"{A}updated") for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert dates == [f"{h.date}T00:00:00Z" for h in expected]
    assert root.findtext(f"{A}updated") == dates[0]


def test_atom_entry_links_titles_and_summaries(client, engine: SearchEngine) -> None:
    root = feed(client.get("/search.atom?q=library&committee=Overview and Scrutiny Committee"))
    entries = {e.findtext(f"{A}id"): e for e in root.findall(f"{A}entry")}
    hit = next(h for h in newest(engine, "library", ("item",), 50) if h.item_number)
    url = page_url(hit)
    assert url == f"http://localhost/items/{hit.id}"
    entry = entries[url]
    link = entry.find(f"{A}link")
    assert (link.get("href"), link.get("rel"), link.get("type")) == (url, "alternate", "text/html")
    title = f"{hit.committee}, {hit.date} — Item {hit.item_number}: {hit.item_title}"
    assert entry.findtext(f"{A}title") == title
    summary = entry.find(f"{A}summary")
    assert summary.get("type") == "html"
    assert summary.text == hit.snippet  # HTML, escaped once more by the XML
    assert "<mark>" in summary.text
    decision = next(e for e in entries.values() if e.find(f"{A}category").get("term") == "decision")
    assert " — Decision (" in decision.findtext(f"{A}title")


def test_atom_kind_and_limit(client, sample_index: Path, engine: SearchEngine) -> None:
    root = feed(client.get("/search.atom?q=library&kind=speech"))
    assert {e.find(f"{A}category").get("term") for e in root.findall(f"{A}entry")} == {"speech"}
    entries = root.findall(f"{A}entry")
    for entry, speech in zip(entries, newest(engine, "library", ("speech",), 50), strict=True):
        about = f"item {speech.item_number}:" if speech.item_number else "item:"
        title = f"{speech.speaker} on {about} {speech.item_title}"
        assert entry.findtext(f"{A}title").endswith(title)
    small = create_app({"TESTING": True, "INDEX": str(sample_index), "FEED_LIMIT": 3})
    root = feed(small.test_client().get("/search.atom?q=library&sort=oldest&page=4"))
    expected = newest(engine, "library", ("item", "decision"), 3)
    assert [e.findtext(f"{A}id") for e in root.findall(f"{A}entry")] == [
        page_url(h) for h in expected
    ]


def test_atom_attendance_links_to_the_meeting(client) -> None:
    root = feed(client.get("/search.atom?speaker=Councillor Priya Patel&kind=attendance"))
    entry = root.find(f"{A}entry")
    assert re.fullmatch(r"http://localhost/meetings/\w+#attendance", entry.findtext(f"{A}id"))
    assert entry.findtext(f"{A}title").endswith("Attendance: Councillor Priya Patel")


def test_atom_escapes_what_the_minutes_say(tricky) -> None:
    response = tricky.get("/search.atom?q=zebrafinch")
    assert b"<Bridges>" not in response.data
    root = feed(response)
    titles = [e.findtext(f"{A}title") for e in root.findall(f"{A}entry")]
    assert 'Cabinet, 2022-05-04 — Item 1/22: Roads & <Bridges> "Repairs"' in titles
    summaries = [e.findtext(f"{A}summary") for e in root.findall(f"{A}entry")]
    assert (
        "The <mark>zebrafinch</mark> report on roads &amp; &lt;b&gt;bridges&lt;/b&gt; was noted."
        in summaries
    )


def test_atom_drops_characters_xml_cannot_hold(app) -> None:
    hit = Hit("c1", "item", None, "Cabinet", "2020-01-01", "1", "Roads\x0c & more", None,
              "a\x00b", "m1", "/x.txt")  # fmt: skip
    with app.test_request_context("/search.atom?q=roads"):
        data = ElementTree.tostring(atom_feed(SearchRequest(q="roads"), [hit]))
    entry = ElementTree.fromstring(data).find(f"{A}entry")
    assert entry.findtext(f"{A}title") == "Cabinet, 2020-01-01 — Item 1: Roads & more"
    assert entry.findtext(f"{A}summary") == "ab"


def test_atom_with_no_match_is_a_valid_empty_feed(client) -> None:
    root = feed(client.get("/search.atom?q=zzzzqqqq"))
    assert root.findall(f"{A}entry") == []
    assert root.findtext(f"{A}updated").endswith("Z")


def test_atom_errors_are_the_error_page(client) -> None:
    for url in ("/search.atom?from=2019-13", "/search.atom?colour=red"):
        response = client.get(url)
        assert (response.status_code, response.mimetype) == (400, "text/html")


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_of_every_match(client, engine: SearchEngine) -> None:
    response = client.get("/search.csv?q=library&sort=newest")
    found = rows(response)
    total = engine.search(SearchRequest(q="library", facets=False)).total
    assert len(found) == total == int(response.headers["X-Total-Count"]) > 100  # several pages
    expected = []
    for page in (1, 2):
        request = SearchRequest(q="library", sort="newest", page=page, per_page=100, facets=False)
        expected += engine.search(request).hits
    assert [r["id"] for r in found] == [h.id for h in expected]
    assert list(found[0]) == ["id", "kind", "council", "committee", "date", "item_number",
                              "item_title", "speaker", "outcome", "snippet", "url"]  # fmt: skip
    first, hit = found[0], expected[0]
    assert [r["url"] for r in found] == [page_url(h) for h in expected]
    assert (first["kind"], first["committee"], first["date"]) == (hit.kind, hit.committee, hit.date)
    assert all("<mark>" not in r["snippet"] for r in found)
    assert any("library" in r["snippet"].lower() for r in found)
    assert response.headers["Content-Disposition"] == 'attachment; filename="minutes-library.csv"'


def test_csv_limit_and_filters(sample_index: Path, engine: SearchEngine) -> None:
    app = create_app({"TESTING": True, "INDEX": str(sample_index), "CSV_LIMIT": 5})
    response = app.test_client().get("/search.csv?q=library&kind=decision&page=3&per_page=2")
    found = rows(response)
    request = SearchRequest(q="library", kind=("decision",), per_page=5, facets=False)
    page = engine.search(request)
    assert [r["id"] for r in found] == [h.id for h in page.hits]
    assert {r["kind"] for r in found} == {"decision"}
    assert int(response.headers["X-Total-Count"]) == page.total


def test_csv_is_plain_text_and_defused(tricky) -> None:
    response = tricky.get("/search.csv?q=zebrafinch")
    cells = {r["snippet"] for r in rows(response)}
    assert "The zebrafinch report on roads & <b>bridges</b> was noted." in cells
    assert """'=HYPERLINK("http://evil.example") zebrafinch""" in cells
    assert "'-5 per cent zebrafinch" in cells
    assert "'@risk zebrafinch" in cells
    assert any(c.startswith("'+3 zebrafinch") for c in cells)
    titles = {r["item_title"] for r in rows(response)}
    assert 'Roads & <Bridges> "Repairs"' in titles


@pytest.mark.parametrize(
    ("cell", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("plain", "plain"), ("", ""), ("2019-03-14", "2019-03-14")],
)  # fmt: skip
def test_defuse(cell: str, safe: str) -> None:
    assert defuse(cell) == safe


def test_csv_file_name() -> None:
    assert filename('"bus depot" committee:planning') == "minutes-bus-depot-committee-planning.csv"
    assert filename("") == "minutes-all.csv"


def test_csv_errors_are_the_error_page(client) -> None:
    response = client.get("/search.csv?per_page=500&q=x&sort=best")
    assert (response.status_code, response.mimetype) == (400, "text/html")
