"""The HTML pages over the sample_data/ index: what a person sees on each of them."""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from indexer.model import ROLES
from search.engine import SearchEngine, SearchRequest
from tests.conftest import ROOT, SAMPLE_DATA

LIBRARY_ITEM = "f60a9be279fa63d1-i3"  # Ashbury Cabinet, 4 March 2021, item 3 (a transcript)
LICENSING_MEETING = "b690f7bfea244bc8"  # Ashbury Licensing Committee, 2 October 2019
HACKNEY_ITEM = f"{LICENSING_MEETING}-i3"  # item 24, a vote of 5 to 0, moved and seconded


def soup(response) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text().split())


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def facet_counts(page: BeautifulSoup, name: str) -> dict[str, int]:
    """Read a facet's values and counts as the sidebar shows them."""
    section = page.select_one(f"section[aria-labelledby=facet-{name}]")
    assert section is not None, f"no {name} facet"
    counts = {}
    for link in section.select("li.facet-value a:not(.facet-person)"):
        label = "".join(link.find_all(string=True, recursive=False)).strip()
        count = link.select_one(".facet-count")
        assert count is not None
        counts[label] = int(count.find(string=True).replace(",", ""))
    return counts


# --- every page ----------------------------------------------------------------------------------

PAGES = [
    "/",
    "/search?q=library",
    f"/items/{LIBRARY_ITEM}",
    f"/meetings/{LICENSING_MEETING}",
    "/people/ashbury-borough-council/priya-patel",
    "/committees",
    "/committee?council=Ashbury+Borough+Council&committee=Cabinet",
    "/status",
    "/help/query-syntax",
]


@pytest.mark.parametrize("url", PAGES)
def test_every_page_has_the_layout_a_reader_relies_on(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = soup(response)
    assert page.html is not None and page.html["lang"] == "en-GB"
    skip = page.select_one("a.skip-link")
    assert skip is not None and skip["href"] == "#main" and page.select_one("main#main")
    assert page.select_one("header") and page.select_one("nav") and page.select_one("footer")
    assert len(page.select("h1")) == 1
    opensearch = page.select_one('link[rel=search][type="application/opensearchdescription+xml"]')
    assert opensearch is not None and opensearch["href"] == "/opensearch.xml"


@pytest.mark.parametrize("url", PAGES)
def test_no_page_has_inline_script_or_style(client, url: str) -> None:
    """The Content-Security-Policy forbids inline scripts and styles: there must be none."""
    page = soup(client.get(url))
    assert not page.select("script"), "pages must work without JavaScript"
    assert not page.select("style") and not page.select("[style]")
    assert not [tag for tag in page.find_all(True) if any(a.startswith("on") for a in tag.attrs)]


@pytest.mark.parametrize("url", PAGES)
def test_every_form_field_has_a_label(client, url: str) -> None:
    page = soup(client.get(url))
    for field in page.select("input:not([type=hidden]), select, textarea"):
        assert page.select_one(f"label[for={field['id']}]"), field


# --- the search page -----------------------------------------------------------------------------


def test_home_page_offers_the_search_box_and_what_is_indexed(client) -> None:
    page = soup(client.get("/"))
    assert page.select_one("form[role=search] input#q[name=q][type=search]")
    assert text(page.select_one("label[for=q]")) == "Search the minutes"
    assert "31 meetings of 2 councils" in text(page.main)
    assert not page.select(".hit"), "the home page does not list everything"


def test_home_page_with_a_query_is_the_search(client) -> None:
    page = soup(client.get("/?q=library"))
    assert text(page.select_one("#results-heading")) == "164 results for “library”"


def test_search_page_shows_the_query_and_the_help_link(client) -> None:
    page = soup(client.get("/search?q=library+opening+hours"))
    assert page.select_one("input#q")["value"] == "library opening hours"
    assert page.select_one('a[href="/help/query-syntax"]')
    assert text(page.select_one("h1")) == "Search the minutes"
    assert page.title is not None and page.title.string.startswith("library opening hours – ")


def test_facet_counts_are_the_library_counts(client, engine: SearchEngine) -> None:
    expected = engine.search(SearchRequest(q="library opening hours")).facets
    page = soup(client.get("/search?q=library+opening+hours"))
    labels = {"item": "Items", "speech": "Speeches", "decision": "Decisions"}
    for name in ("committee", "year", "speaker", "kind", "council"):
        shown = facet_counts(page, name)
        wanted = {labels.get(c.value, c.value) if name == "kind" else c.value: c.count
                  for c in expected[name]}  # fmt: skip
        assert shown == wanted, name
    assert facet_counts(page, "kind") == {"Speeches": 57, "Items": 17, "Decisions": 10}
    assert facet_counts(page, "committee")["Cabinet"] == 50


def test_results_are_grouped_by_meeting_then_item(client) -> None:
    page = soup(client.get("/search?q=library+opening+hours"))
    first = page.select_one("ol.groups > li.group")
    assert first is not None
    assert text(first.select_one(".group-title")) == "Cabinet, 4 March 2021"
    assert first.select_one(".group-title a")["href"] == "/meetings/f60a9be279fa63d1"
    assert text(first.select_one(".group-council")) == "Ashbury Borough Council"
    item = first.select_one(".group-item")
    assert text(item.select_one(".hit-title")) == "Item 3: Library opening hours"
    # A hit knows its own id, not its item's: the item page resolves either (canonical link).
    assert item.select_one(".hit-title a")["href"] == (
        f"/items/{LIBRARY_ITEM}-s0?q=library+opening+hours"
    )
    assert item.select(".hit-speaker")[1]["href"] == (
        f"/items/{LIBRARY_ITEM}-s1?q=library+opening+hours#{LIBRARY_ITEM}-s1"
    )
    hit = item.select_one(".hit")
    assert text(hit.select_one(".tag")) == "Speech"
    assert text(hit.select_one(".hit-speaker")) == "Councillor Margaret Ellwood"  # the chair
    assert str(hit.select_one(".snippet")) == (
        '<p class="snippet">Item 3, <mark>library opening hours</mark>. Zoë, over to you.</p>'
    )


def test_flat_results_show_each_hit_in_full(client) -> None:
    page = soup(client.get("/search?q=library+opening+hours&group=0"))
    assert not page.select("ol.groups")
    hits = page.select("ol.hits > li.hit")
    assert len(hits) == 20
    first = hits[0]
    assert text(first.select_one(".hit-title")) == "Item 3: Library opening hours"
    assert first.select_one(".hit-title a")["href"] == (
        f"/items/{LIBRARY_ITEM}-s0?q=library+opening+hours#{LIBRARY_ITEM}-s0"
    )
    assert (
        text(first.select_one(".hit-meeting")) == "Cabinet, Ashbury Borough Council, 4 March 2021"
    )
    assert text(first.select_one(".hit-meta")) == "Speech Councillor Margaret Ellwood"
    assert first.select("mark")


def test_group_toggle_and_sort_links_keep_the_search(client) -> None:
    page = soup(client.get("/search?q=library&committee=Cabinet"))
    every = page.find("a", string="Every match")
    assert query_of(every["href"]) == {"q": ["library"], "committee": ["Cabinet"], "group": ["0"]}
    newest = page.find("a", string="Newest first")
    assert query_of(newest["href"])["sort"] == ["newest"]
    assert page.find("a", string="Relevance")["aria-current"] == "true"
    flat = soup(client.get("/search?q=library&sort=oldest&group=0"))
    assert flat.find("a", string="Every match")["aria-current"] == "true"
    shown = [text(h.select_one(".hit-meeting")).rsplit(", ", 1)[1] for h in flat.select("li.hit")]
    dates = [datetime.strptime(d, "%d %B %Y").date() for d in shown]
    assert shown[0] == "14 March 2019" and dates == sorted(dates)


def test_highlighted_marks_in_results(client) -> None:
    page = soup(client.get('/search?q="opening+hours"'))
    marks = {mark.get_text().lower() for mark in page.select(".snippet mark")}
    assert marks == {"opening hours"}


def test_a_query_with_markup_is_escaped(client) -> None:
    response = client.get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E")
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert soup(response).select_one("input#q")["value"] == "<script>alert(1)</script>"


def test_snippets_escape_the_minutes_text(client) -> None:
    page = soup(client.get("/search?q=library&group=0&per_page=100"))
    for snippet in page.select(".snippet"):
        assert {tag.name for tag in snippet.find_all(True)} <= {"mark"}


def test_pagination_links(client, engine: SearchEngine) -> None:
    pages = engine.search(SearchRequest(q="library")).pages
    assert pages == 9
    first = soup(client.get("/search?q=library"))
    nav = first.select_one("nav.pagination")
    assert nav is not None and nav["aria-label"] == "Pages of results"
    assert not nav.select("a[rel=prev]")
    assert query_of(nav.select_one("a[rel=next]")["href"]) == {"q": ["library"], "page": ["2"]}
    numbers = [text(a) for a in nav.select("li a:not([rel])")]
    assert numbers == ["1", "2", "3", "9"]
    assert nav.select_one("a[aria-current=page]").get_text() == "1"
    third = soup(client.get("/search?q=library&page=3")).select_one("nav.pagination")
    assert query_of(third.select_one("a[rel=prev]")["href"])["page"] == ["2"]
    assert [text(a) for a in third.select("li a:not([rel])")] == ["1", "2", "3", "4", "5", "9"]
    assert "Showing 41 to 60 of 164" in text(soup(client.get("/search?q=library&page=3")).main)
    last = soup(client.get("/search?q=library&page=9")).select_one("nav.pagination")
    assert not last.select("a[rel=next]")


def test_a_facet_link_narrows_the_search(client, engine: SearchEngine) -> None:
    page = soup(client.get("/search?q=library+opening+hours"))
    link = page.select_one("section[aria-labelledby=facet-committee] a")
    assert link is not None and link.find(string=True).strip() == "Cabinet"
    assert query_of(link["href"]) == {"q": ["library opening hours"], "committee": ["Cabinet"]}
    narrowed = soup(client.get(link["href"]))
    expected = engine.search(SearchRequest(q="library opening hours", committee=("Cabinet",)))
    assert expected.total == 50
    assert text(narrowed.select_one("#results-heading")) == "50 results for “library opening hours”"
    chosen = narrowed.select_one("section[aria-labelledby=facet-committee] li.chosen a")
    assert query_of(chosen["href"]) == {"q": ["library opening hours"]}


def test_applied_filters_are_removable_links(client) -> None:
    page = soup(client.get("/search?q=library&committee=Cabinet&year=2021&kind=speech&from=2020"))
    tags = {text(a): a["href"] for a in page.select(".applied-filters a.filter-tag")}
    assert list(tags) == [
        "Remove filter Committee: Cabinet ✕",
        "Remove filter Year: 2021 ✕",
        "Remove filter Kind: Speeches ✕",
        "Remove filter From: 2020 ✕",
    ]
    assert query_of(tags["Remove filter Committee: Cabinet ✕"]) == {
        "q": ["library"], "year": ["2021"], "kind": ["speech"], "from": ["2020"]
    }  # fmt: skip
    clear = page.find("a", string="Remove all filters")
    assert query_of(clear["href"]) == {"q": ["library"]}


def test_the_form_keeps_the_filters_for_a_new_query(client) -> None:
    page = soup(client.get("/search?q=library&committee=Cabinet&group=0&page=2"))
    hidden = [(i["name"], i["value"]) for i in page.select("form[role=search] input[type=hidden]")]
    assert hidden == [("committee", "Cabinet"), ("group", "0")]


def test_date_range_filter(client, engine: SearchEngine) -> None:
    page = soup(client.get("/search?q=library&from=2020-01&to=2020-12"))
    expected = engine.search(SearchRequest(q="library", date_from="2020-01", date_to="2020-12"))
    assert text(page.select_one("#results-heading")) == f"{expected.total} results for “library”"
    assert page.select_one("input#from")["value"] == "2020-01"
    assert page.select_one("details.dates").has_attr("open")
    assert facet_counts(page, "year") == {"2020": expected.total}


def test_a_bad_date_is_shown_by_the_date_boxes_with_400(client) -> None:
    response = client.get("/search?q=library&from=2019-13")
    assert response.status_code == 400
    page = soup(response)
    message = "'2019-13' is not a date (month must be in 1..12)"
    assert text(page.select_one("#dates-error")) == f"Error: {message}"
    assert page.select_one("input#from")["aria-invalid"] == "true"
    summary = page.select_one(".error-summary")
    assert summary["role"] == "alert" and summary.select_one("a")["href"] == "#from"
    assert page.select_one("input#q")["value"] == "library"
    assert not page.select(".hit")


def test_a_query_that_cannot_be_read_is_shown_by_the_box_with_400(client) -> None:
    response = client.get("/search?q=date:2019-13")
    assert response.status_code == 400
    page = soup(response)
    assert text(page.select_one("#q-error")) == (
        "Error: '2019-13' is not a date (month must be in 1..12) (at character 6 of the query)"
    )
    assert page.select_one("input#q")["aria-invalid"] == "true"
    assert "q-error" in page.select_one("input#q")["aria-describedby"]
    assert page.title.string.startswith("Error: ")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("page=0", "page must be 1 or more"),
        ("page=two", "page must be a whole number, not 'two'"),
        ("sort=best", "sort must be one of relevance, newest, oldest"),
        ("kind=minutes", "kind must be item, speech, decision or attendance"),
        ("q=li*", "li* is too short: type at least 3 letters before the *"),
    ],
)
def test_other_bad_parameters_are_400_not_500(client, query: str, message: str) -> None:
    response = client.get(f"/search?{query}")
    assert response.status_code == 400
    assert text(soup(response).select_one("#q-error")) == f"Error: {message}"


def test_no_results_suggests_a_spelling(client) -> None:
    page = soup(client.get("/search?q=libary"))
    assert text(page.select_one("#results-heading")) == "No results for “libary”"
    suggestion = page.select_one(".suggestion a")
    assert text(suggestion) == "library"
    assert query_of(suggestion["href"]) == {"q": ["library"]}
    assert page.select_one("a[href='/status']")


def test_results_holding_some_of_the_words_come_with_a_spelling(client, engine) -> None:
    """No chunk holds "libary": the chunks holding the other words are shown, and a spelling."""
    page = soup(client.get("/search?q=libary+opening+hours"))
    expected = engine.search(SearchRequest(q="opening OR hours")).total
    assert (
        text(page.select_one("#results-heading"))
        == f"{expected} results for “libary opening hours”"
    )
    notes = [text(li) for li in page.select("#notes li")]
    assert notes == ["No result holds every word; these hold the most of them."]
    suggestion = page.select_one(".suggestion a")
    assert text(suggestion) == "library opening hours"
    assert query_of(suggestion["href"]) == {"q": ["library opening hours"]}


def test_no_results_suggests_removing_filters(client) -> None:
    page = soup(client.get("/search?q=library&committee=Licensing+Committee"))
    assert text(page.select_one("#results-heading")) == "No results for “library”"
    assert not page.select_one(".suggestion")
    removal = page.select_one(".no-results a.filter-tag")
    assert text(removal) == "Remove filter Committee: Licensing Committee ✕"
    assert query_of(removal["href"]) == {"q": ["library"]}
    assert not page.select("#filters"), "no facets to show for no results"


def test_query_notes_are_shown(client) -> None:
    page = soup(client.get('/search?q="bus+depot'))
    notes = [text(li) for li in page.select("#notes li")]
    assert notes == ["Ignored an unmatched quote mark at character 1."]


def test_the_chart_shows_matches_by_year(client, engine: SearchEngine) -> None:
    expected = {c.value: c.count for c in engine.search(SearchRequest(q="library")).facets["year"]}
    page = soup(client.get("/search?q=library"))
    svg = page.select_one("svg.chart")
    assert svg is not None and svg["role"] == "img"
    assert svg.select_one("title")["id"] == svg["aria-labelledby"]
    bars = {t.get_text().split(":")[0]: t.get_text() for t in svg.select("g > title")}
    assert bars == {year: f"{year}: {n} matches" for year, n in expected.items()}
    table = page.select_one(".chart-figure table")
    rows = {text(tr.th): int(text(tr.td)) for tr in table.select("tbody tr")}
    assert rows == {year: n for year, n in expected.items()}
    assert not svg.select("[style]")


def test_search_links_its_feed_and_csv(client) -> None:
    page = soup(client.get("/search?q=library&committee=Cabinet&page=2"))
    alternate = page.select_one('link[rel=alternate][type="application/atom+xml"]')
    assert alternate["href"] == "/search.atom?q=library&committee=Cabinet"
    assert page.find("a", string="Follow this search")["href"] == alternate["href"]
    assert page.find("a", string="Download these results")["href"] == (
        "/search.csv?q=library&committee=Cabinet"
    )


def test_search_without_a_query_lists_everything_newest_first(client, engine: SearchEngine) -> None:
    page = soup(client.get("/search"))
    total = engine.search(SearchRequest()).total
    assert text(page.select_one("#results-heading")) == f"{total:,} results"
    assert (
        text(page.select_one(".group-title")) == "Overview and Scrutiny Committee, 30 November 2021"
    )


def test_attendance_hits_link_to_the_meeting(client) -> None:
    page = soup(client.get("/search?q=kind:attendance+apologies&group=0"))
    first = page.select_one("li.hit .hit-title a")
    assert text(first) == "Attendance"
    assert re.fullmatch(r"/meetings/[0-9a-f]{16}#attendance", first["href"])


# --- items ---------------------------------------------------------------------------------------


def test_item_page_shows_the_whole_item(client) -> None:
    page = soup(client.get(f"/items/{LIBRARY_ITEM}"))
    assert text(page.h1) == "Item 3: Library opening hours"
    assert "Cabinet, Ashbury Borough Council" in text(page.select_one(".caption"))
    minutes = text(page.select_one("section[aria-labelledby=minutes]"))
    assert "pilot Sunday opening at Ashbury Central Library, eleven till three" in minutes
    assert not page.select("mark")
    meeting = page.find("a", string="Cabinet, 4 March 2021")
    assert meeting["href"] == "/meetings/f60a9be279fa63d1"
    facts = {text(d.dt): text(d.dd) for d in page.select("dl.facts > div")}
    assert facts["Source"] == "2021-03-04.txt · the council's page for this meeting"
    council = page.find("a", string="the council's page for this meeting")
    assert (
        council["href"] == "https://democracy.ashbury.example/ieListDocuments.aspx?CId=103&MId=2214"
    )
    assert facts["Permanent link"] == f"http://localhost/items/{LIBRARY_ITEM}"


def test_item_page_lists_speakers_and_their_speeches_in_order(client) -> None:
    page = soup(client.get(f"/items/{LIBRARY_ITEM}"))
    speakers = [text(li) for li in page.select(".speaker-index li")]
    assert speakers == [
        "Councillor Margaret Ellwood: 6 contributions",
        "Councillor Zoë Hartley: 2 contributions",
        "Ms Eleanor Vance: 1 contribution",  # "Eleanor Vance" there, her fullest name
        "Sarah Okafor: 3 contributions",
        "Councillor Priya Patel: 2 contributions",
        "Councillor B Cartwright: 1 contribution",  # "Councillor Cartwright" there
    ]
    speeches = page.select("ol.speeches > li")
    assert [s["id"] for s in speeches] == [f"{LIBRARY_ITEM}-s{n}" for n in range(15)]
    assert text(speeches[14]).startswith(
        "Councillor Margaret Ellwood (Chair) Thank you. The recommendations are in the report"
    )
    link = page.select_one(".speaker-index a")
    assert link["href"] == "/speakers/Councillor%20Margaret%20Ellwood"


def test_item_page_highlights_the_query(client) -> None:
    page = soup(client.get(f"/items/{LIBRARY_ITEM}?q=%22opening+hours%22"))
    assert str(page.h1) == "<h1>Item 3: Library <mark>opening hours</mark></h1>"
    marks = page.select("section[aria-labelledby=minutes] mark")
    assert len(marks) == 4 and {m.get_text() for m in marks} == {"opening hours"}
    back = page.find("a", string="Back to the results")
    assert back["href"] == "/search?q=%22opening+hours%22"
    following = page.select_one(".prev-next a[rel=next]")
    assert following["href"] == "/items/f60a9be279fa63d1-i4?q=%22opening+hours%22"


def test_item_page_escapes_its_text_and_the_query(client) -> None:
    response = client.get(f"/items/{LIBRARY_ITEM}?q=%3Cb%3Elibrary%3C/b%3E")
    body = response.get_data(as_text=True)
    assert "<b>" not in body and "&lt;b&gt;library&lt;/b&gt;" in body
    assert "we&#39;d also pilot Sunday" in body or "we&#x27;d also pilot Sunday" in body


def test_item_page_shows_decisions_with_votes(client) -> None:
    page = soup(client.get(f"/items/{HACKNEY_ITEM}"))
    assert text(page.h1) == "Item 24: Hackney Carriage and Private Hire Licensing Policy 2020-2025"
    decision = page.select_one("article.decision")
    assert decision["id"] == f"{HACKNEY_ITEM}-d0"
    assert text(decision.h3) == "Decision 1: Approved"
    votes = {text(d.dt): text(d.dd) for d in decision.select("dl.votes > div")}
    assert votes == {
        "For": "5",
        "Against": "0",
        "Moved by": "Councillor Patel",
        "Seconded by": "Councillor Miss Dunmore",
    }
    assert "RESOLVED: that the draft Hackney Carriage" in text(decision)


def test_item_page_links_its_neighbours_and_meeting(client) -> None:
    page = soup(client.get(f"/items/{HACKNEY_ITEM}"))
    previous = page.select_one(".prev-next a[rel=prev]")
    following = page.select_one(".prev-next a[rel=next]")
    assert previous["href"] == f"/items/{LICENSING_MEETING}-i2"
    assert following["href"] == f"/items/{LICENSING_MEETING}-i4"
    assert text(previous).startswith("Previous item Item 23: ")
    crumbs = [text(li) for li in page.select(".breadcrumbs li")]
    assert crumbs == ["Search", "Licensing Committee", "2 October 2019", "Item 24"]


def test_item_page_by_a_speech_id_shows_its_item(client) -> None:
    page = soup(client.get(f"/items/{LIBRARY_ITEM}-s7"))
    assert text(page.h1) == "Item 3: Library opening hours"
    canonical = page.select_one("link[rel=canonical]")
    assert canonical["href"] == f"http://localhost/items/{LIBRARY_ITEM}"
    assert page.select_one(f"li#{LIBRARY_ITEM}-s7")


@pytest.mark.parametrize("url", ["/items/nope", f"/items/{LICENSING_MEETING}-a0", "/meetings/nope"])
def test_unknown_items_and_meetings_are_404(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    page = soup(response)
    assert text(page.h1) == "Page not found"
    assert page.select_one("main#main") and page.select_one("a.skip-link")


# --- meetings, people, committees ------------------------------------------------------------------


def test_meeting_page_shows_its_facts(client) -> None:
    page = soup(client.get(f"/meetings/{LICENSING_MEETING}"))
    assert text(page.h1) == "Licensing Committee, 2 October 2019"
    facts = {text(d.dt): text(d.dd) for d in page.select("dl.facts > div")}
    assert facts == {
        "Council": "Ashbury Borough Council",
        "Committee": "Licensing Committee",
        "Date": "2 October 2019",
        "Time": "14:00",
        "Venue": "Committee Room 2, Ashbury Town Hall, High Street, Ashbury",
        "Status": "Not stated",
        "Source": "2019-10-02.txt",
    }


def test_meeting_page_shows_attendance_by_role(client) -> None:
    page = soup(client.get(f"/meetings/{LICENSING_MEETING}"))
    roles = {
        text(section.h3): [text(li) for li in section.select("li")]
        for section in page.select(".attendance section.role")
    }
    assert roles == {
        "Present (4)": [
            "Councillor Mrs S Whitcombe",
            "Councillor Miss H Dunmore",
            "Councillor Mrs V Ormerod",
            "Councillor Priya Patel",
        ],
        "Chair (1)": ["Councillor P Lacey"],
        "Apologies (1)": ["Councillor D Fairbrother"],
        "Officers (3)": ["Gareth Lowe", "Deborah Finch", "Owen Pryce"],
    }
    link = page.find("a", string="Councillor D Fairbrother")
    assert link["href"] == "/speakers/Councillor%20D%20Fairbrother"


def test_meeting_page_lists_its_items(client) -> None:
    page = soup(client.get(f"/meetings/{LICENSING_MEETING}"))
    items = page.select("ol.item-list > li")
    assert text(items[0]) == "Item 21: Apologies for Absence"
    assert items[0].a["href"] == f"/items/{LICENSING_MEETING}-i0"
    assert text(items[3]) == (
        "Item 24: Hackney Carriage and Private Hire Licensing Policy 2020-2025 "
        "6 contributions, 1 decision"
    )


def test_meeting_page_shows_draft_status(client, engine: SearchEngine) -> None:
    from search import browse

    drafts = [m for m in browse.meetings(engine) if m.status == "draft"]
    assert drafts, "sample_data has a draft"
    page = soup(client.get(f"/meetings/{drafts[0].id}"))
    assert "These minutes have not yet been confirmed" in text(page.main)
    assert {text(d.dt): text(d.dd) for d in page.select("dl.facts > div")}["Status"] == (
        "Draft (not yet confirmed)"
    )


def test_speaker_page_of_a_person_s_name_goes_to_the_person(client) -> None:
    response = client.get("/speakers/Councillor%20Priya%20Patel")
    assert response.status_code == 302
    assert response.headers["Location"] == "/people/ashbury-borough-council/priya-patel"
    # A form the minutes write, not the person's fullest name, goes there too.
    response = client.get("/speakers/Councillor%20Patel")
    assert response.headers["Location"] == "/people/ashbury-borough-council/priya-patel"


def test_speaker_page_of_an_office_no_one_holds_shows_what_it_said(client) -> None:
    page = soup(client.get("/speakers/Head%20of%20Legal%20Services", follow_redirects=True))
    assert text(page.h1) == "Head of Legal Services"


def test_speaker_page_for_nobody_is_404(client) -> None:
    assert client.get("/speakers/Councillor%20Nobody").status_code == 404


def test_committee_pages(client) -> None:
    listing = soup(client.get("/committees"))
    councils = [text(h2) for h2 in listing.select("main h2")]
    assert councils == ["Ashbury Borough Council", "Kelmscott District Council"]
    link = listing.find("a", string="Planning Committee")
    assert query_of(link["href"]) == {
        "council": ["Ashbury Borough Council"], "committee": ["Planning Committee"]
    }  # fmt: skip
    page = soup(client.get(link["href"]))
    assert text(page.h1) == "Planning Committee"
    years = {text(s.h2): [text(a) for a in s.select("li a")] for s in page.select("main section")}
    assert years == {
        "2021": ["11 February 2021"],
        "2020": ["8 October 2020"],
        "2019": ["11 July 2019", "14 March 2019"],
    }


def test_unknown_committee_is_404(client) -> None:
    assert client.get("/committee?council=Nowhere&committee=Cabinet").status_code == 404


# --- status, help, OpenSearch ----------------------------------------------------------------------


def test_status_page_says_what_is_indexed(client) -> None:
    page = soup(client.get("/status"))
    facts = {text(d.dt): text(d.dd) for d in page.select("dl.facts > div")}
    assert facts["Meetings"] == "31, from 31 files"
    assert facts["Dates"] == "22 January 2019 to 30 November 2021"
    assert facts["Searchable passages"] == (
        "1,249: 256 items, 491 speeches, 148 decisions, 354 attendance"
    )
    assert "31 files seen" in facts["Last re-read"] and "0 failed" in facts["Last re-read"]
    assert "None: every file was read" in text(page.select_one("section[aria-labelledby=failed]"))
    rows = [
        [text(td) for td in tr.select("td")]
        for tr in page.select("section[aria-labelledby=bodies] tbody tr")
    ]
    assert rows[0] == [
        "Ashbury Borough Council",
        "Cabinet",
        "4",
        "20 June 2019",
        "16 September 2021",
    ]
    assert len(rows) == 10


def test_status_page_lists_the_files_that_failed(tmp_path: Path) -> None:
    from indexer.build import reindex
    from web import create_app

    folder = tmp_path / "minutes" / "ashbury-borough-council" / "cabinet"
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE_DATA / "ashbury-borough-council/cabinet/2019-06-20.txt", folder)
    (folder / "2020-01-01.txt").write_text("", encoding="utf-8")
    report = reindex([tmp_path / "minutes"], tmp_path / "index")
    assert len(report.failed) == 1
    app = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")})
    page = soup(app.test_client().get("/status"))
    rows = [
        [text(td) for td in tr.select("td")]
        for tr in page.select("section[aria-labelledby=failed] tbody tr")
    ]
    name = "minutes/ashbury-borough-council/cabinet/2020-01-01.txt"
    assert rows == [[name, "the file is empty"]]
    assert report.failed[0].path == str(folder / "2020-01-01.txt")  # the clerk's report
    assert str(tmp_path) not in str(page)


def test_help_page_has_an_example_of_every_form_in_the_docs(client) -> None:
    """Guard the docs: each example in docs/query-syntax.md's table is on the help page."""
    docs = (ROOT / "docs" / "query-syntax.md").read_text(encoding="utf-8")
    table = docs.split("| form | example | what it finds |")[1].split("\n\n")[0]
    examples = [
        example
        for row in table.strip().splitlines()[1:]
        for example in re.findall(r"`([^`]+)`", row.split("|")[2])
    ]
    assert len(examples) >= 17
    page = soup(client.get("/help/query-syntax"))
    shown = {text(a.code): a["href"] for a in page.select("table.syntax a")}
    for example in examples:
        assert example in shown, example
        assert query_of(shown[example]) == {"q": [example]}


def test_opensearch_description(client) -> None:
    response = client.get("/opensearch.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/opensearchdescription+xml"
    description = BeautifulSoup(response.get_data(as_text=True), "xml")
    assert description.ShortName.string == "Council minutes"
    url = description.find("Url", type="text/html")
    assert url["template"] == "http://localhost/search?q={searchTerms}"


def test_every_role_kind_sort_and_facet_has_a_label() -> None:
    from indexer.chunks import KINDS
    from search.results import SORTS
    from search.schema import FACETS
    from web import views

    assert list(views.ROLE_LABELS) == list(ROLES)
    assert list(views.KIND_LABELS) == list(views.KIND_NAMES) == list(KINDS)
    assert list(views.SORT_LABELS) == list(SORTS)
    assert set(views.FACET_LABELS) == set(FACETS)


def test_without_an_index_the_pages_say_search_is_unavailable(tmp_path: Path) -> None:
    from web import create_app

    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "none")}).test_client()
    for url in ("/", "/search?q=library", "/status"):
        response = client.get(url)
        assert response.status_code == 503
        page = soup(response)
        assert text(page.h1) == "Search is not available at the moment"
        assert "run `minutes-search reindex PATH` first" in text(page.select_one(".lead"))


def test_the_error_page_names_the_parameter(app) -> None:
    from flask import render_template

    with app.test_request_context("/anything"):
        html = render_template("error.html", status=400, message="no good", parameter="per_page")
    page = BeautifulSoup(html, "html.parser")
    assert text(page.h1) == "There is a problem with the request"
    assert text(page.select_one(".lead")) == "no good"
    assert "The problem is with the per_page parameter." in text(page.main)


def test_the_chart_fills_the_years_between(app) -> None:
    from search.results import FacetCount
    from web.charts import YearCount, year_chart, years

    bars = years([FacetCount("2021", 3), FacetCount("2018", 1)])
    assert bars == [YearCount(2018, 1), YearCount(2019, 0), YearCount(2020, 0), YearCount(2021, 3)]
    svg = BeautifulSoup(str(year_chart(bars, "Hits <by> year")), "html.parser")
    assert svg.svg.title.string == "Hits <by> year"
    assert [t.string for t in svg.select("g > title")] == [
        "2018: 1 match", "2019: 0 matches", "2020: 0 matches", "2021: 3 matches"
    ]  # fmt: skip
    assert year_chart([], "nothing") == ""


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("libary opening hours", "library opening hours"),
        ('"libary hours"', '"library hours"'),
        ("Recyclng", "Recycling"),
        ("buss depot", "bus depot"),
        ("library", None),  # nothing to correct
        ("zzzzqqq", None),  # nothing near
        ("speaker:Patell", None),  # field values are left alone
    ],
)
def test_suggest_a_near_spelling(engine: SearchEngine, query: str, suggestion: str | None) -> None:
    from search.suggest import suggest

    assert suggest(engine, query) == suggestion


def test_an_agenda_says_on_its_meeting_page_that_it_is_not_minutes(tmp_path: Path) -> None:
    from indexer.build import reindex
    from web import create_app

    source = tmp_path / "minutes" / "ashworth-town-council" / "planning" / "2024-03-05.txt"
    source.parent.mkdir(parents=True)
    source.write_text(
        "Ashworth Town Council\n\nAGENDA\n\nA meeting of the Planning Committee will be held "
        "on Tuesday 5 March 2024 at 7 pm.\n\n1. Apologies for absence\n\n"
        "2. Planning applications for the zebrafinch depot\n",
        encoding="utf-8",
    )
    reindex([tmp_path / "minutes"], tmp_path / "index")
    engine = SearchEngine(tmp_path / "index")
    (hit,) = engine.search(SearchRequest(q="zebrafinch", facets=False)).hits
    client = create_app({"TESTING": True, "INDEX": str(tmp_path / "index")}).test_client()
    page = BeautifulSoup(client.get(f"/meetings/{hit.meeting_id}").data, "html.parser")
    assert "This is the agenda of a meeting to come, not its minutes" in page.get_text(" ")
    assert "Agenda of a meeting to come: not minutes" in page.get_text(" ")
