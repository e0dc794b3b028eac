"""Hostile input: any query text the parser can be given, any request the OpenAPI document
allows (and some it does not), and minutes that carry markup of their own.

The property-based tests are seeded (``derandomize``) and bounded, so CI runs the same examples
every time: no 5xx, no traceback in any body, and each answer within a time bound.
"""

from __future__ import annotations

import json
import re
import time
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import Case, GenerationMode

from indexer.build import reindex
from search.engine import SearchEngine, SearchRequest
from search.errors import InvalidQuery
from search.query import parse_query
from tests.serving import Server

# A query is answered well within a second on the sample index; the bound leaves room for a
# busy shared machine, and catches a query that explodes (a wide prefix, a deep nesting).
SECONDS = 5.0
SEEDED = settings(
    derandomize=True,
    deadline=None,  # timed by the tests themselves, against SECONDS
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Pieces of the query language, put together in any order: the parser's hard cases.
SYNTAX = [
    '"', "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "^", "^3", ":", "-", "+", "\\",
    "/", "'", "OR", "AND", "NOT", "or", "to", "TO", "speaker:", "committee:", "council:",
    "item:", "kind:", "title:", "outcome:", "date:", "before:", "after:", "date:[", "date:{",
    "2019", "2019-13", "2019-02-30", "0000", "9999-12-31", "kind:item", "kind:nonsense",
    "lib*", "l*", "*ary", "libary~", "library", "parking", "the", "a", "Cllr", "Councillor",
    "Priya", "Patel", "5.1", "12/20", "£", "é", "日本", "\u0000", "\u200b", "\ufeff",
    "\ud7ff", "x" * 300, "<script>", "&amp;", "%00", "${x}", "{{7*7}}",
]  # fmt: skip
QUERIES = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(SYNTAX), max_size=20).map(" ".join),
    st.lists(st.sampled_from(SYNTAX), max_size=20).map("".join),
)


@settings(SEEDED, max_examples=300)
@given(text=QUERIES)
def test_the_parser_answers_or_says_why(engine: SearchEngine, text: str) -> None:
    """Any text parses into a query, or raises InvalidQuery with a message; nothing else."""
    started = time.monotonic()
    try:
        parsed = parse_query(text, engine.generation())
    except InvalidQuery as error:
        assert error.message and "\n" not in error.message
        assert error.parameter == "q"
    else:
        assert all(note and "\n" not in note for note in parsed.notes)
    assert time.monotonic() - started < SECONDS


@settings(SEEDED, max_examples=150)
@given(text=QUERIES, page=st.integers(1, 3), sort=st.sampled_from(["relevance", "newest"]))
def test_any_query_is_searched_or_refused(
    engine: SearchEngine, text: str, page: int, sort: str
) -> None:
    started = time.monotonic()
    try:
        result = engine.search(SearchRequest(q=text, page=page, sort=sort))
    except InvalidQuery:
        pass
    else:
        assert result.total >= 0
    assert time.monotonic() - started < SECONDS


# Memory a request may take beyond what the index holds: a search of the sample takes well under
# a megabyte; a query that explodes (a prefix matching every word, nesting) would take many.
REQUEST_BYTES = 16 * 2**20


@settings(SEEDED, max_examples=60)
@given(text=QUERIES, path=st.sampled_from(["/api/search", "/search", "/search.csv"]))
def test_a_request_takes_bounded_memory(client, text: str, path: str) -> None:  # type: ignore[no-untyped-def]
    """The most memory one request allocates at once, traced (tracemalloc), stays bounded."""
    client.get(path, query_string={"q": text})  # warm: columns and searchers read once
    tracemalloc.start()
    try:
        response = client.get(path, query_string={"q": text})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code in (200, 400)
    assert peak < REQUEST_BYTES, f"{path}?q={text!r} took {peak / 2**20:.1f} MB"


# -- the HTTP API against its OpenAPI document ----------------------------------------------


def test_every_route_survives_what_its_document_allows(app) -> None:  # type: ignore[no-untyped-def]
    """Requests built by schemathesis from the OpenAPI document, for every route (API, feeds
    and pages), with values inside what it declares and outside it: never a 5xx, never a
    traceback, an API error always in its one shape.

    (schemathesis's own pytest plugin needs a pytest older than ours, so hypothesis drives its
    strategies here.)"""
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15
    cases = st.one_of(
        *(operation.as_strategy(mode) for operation in operations for mode in GenerationMode)
    )
    asked: set[tuple[str, str]] = set()

    @settings(SEEDED, max_examples=600)
    @given(case=cases)
    def answer(case: Case) -> None:
        asked.add((case.path, case.meta.generation.mode.value if case.meta else ""))
        started = time.monotonic()
        # plain bodies: schemathesis asks for compressed ones but its WSGI transport does not
        # decode them
        response = case.call(headers={"Accept-Encoding": "identity"})
        elapsed = time.monotonic() - started
        body = response.text
        assert response.status_code < 500, (case.path, case.query, body[:500])
        assert "Traceback" not in body and 'File "' not in body
        assert elapsed < SECONDS, (case.path, case.query, elapsed)
        if case.path.startswith("/api/") and response.status_code >= 400:
            error = json.loads(body)
            assert set(error) == {"status", "error", "parameter"}
            assert error["status"] == response.status_code

    answer()
    assert len({path for path, _ in asked}) == len(operations)  # every route was tried


@settings(SEEDED, max_examples=150)
@given(
    name=st.sampled_from(
        [
            "q",
            "committee",
            "speaker",
            "from",
            "to",
            "page",
            "per_page",
            "sort",
            "kind",
            "year",
            "group",
            "q\u0000",
            "x",
            "[]",
        ]
    ),
    value=st.one_of(st.text(max_size=100), st.sampled_from(SYNTAX)),
    path=st.sampled_from(
        [
            "/api/search",
            "/search",
            "/search.atom",
            "/search.csv",
            "/api/items/{}",
            "/items/{}",
            "/speakers/{}",
            "/committee",
        ]
    ),
)
def test_raw_query_strings(client, name: str, value: str, path: str) -> None:  # type: ignore[no-untyped-def]
    """Any parameter, known or not, with any text, percent-encoded as a browser would."""
    url = path.format(quote(value, safe="")) if "{}" in path else path
    if "{}" not in path:
        url += f"?{quote(name, safe='')}={quote(value, safe='')}"
    started = time.monotonic()
    response = client.get(url)
    assert response.status_code < 500, (url, response.get_data(as_text=True)[:500])
    assert "Traceback" not in response.get_data(as_text=True)
    assert time.monotonic() - started < SECONDS
    assert "\n" not in response.headers.get("Content-Disposition", "")


# -- markup inside the minutes themselves ---------------------------------------------------

PAYLOADS = {
    "council": '"><script>alert("council")</script>',
    "committee": "<img src=x onerror=alert('committee')>",
    "url": "javascript:alert('url')",
    "venue": "<svg onload=alert('venue')>",
}
HOSTILE_MINUTES = """<SCRIPT>alert("head")</SCRIPT> MINUTES

MINUTES of the meeting held at the Village Hall on Monday 2 March 2020 at 7.30 pm

Present: Councillor Ann Smith (Chair), Councillor Dee O'Hara, Councillor Bea Jones

1. Bins <script>alert("title")</script>

Councillor Jones said the bins <a href="javascript:alert('link')">were</a> full of <iframe src=javascript:alert('frame')></iframe> rubbish.

RESOLVED that the <style>body{display:none}</style> bins be emptied <!-- comment --> weekly.

2. Parking "><img src=x onerror=alert('item')> {{7*7}} ${7*7} &lt;b&gt;

Councillor O'Hara said that the car park and the bins were "<marquee>" full.
"""
# The only elements the site's own pages are made of; a payload would add others.
SITE_TAGS = {
    "html", "head", "meta", "title", "link", "body", "header", "nav", "ul", "ol", "li", "a",
    "main", "h1", "h2", "h3", "h4", "p", "form", "label", "input", "button", "select", "option",
    "div", "span", "dl", "dt", "dd", "section", "aside", "footer", "mark", "table", "thead",
    "tbody", "tr", "th", "td", "caption", "details", "summary", "small", "strong", "em", "code",
    "svg", "rect", "g", "text", "fieldset", "legend", "abbr", "time", "br", "figure",
    "figcaption", "article", "search", "hr", "pre", "kbd", "sup", "sub", "b", "i", "q", "s",
    "desc", "line", "path", "polyline", "circle",
}  # fmt: skip


class _Markup(HTMLParser):
    """Collect a page's elements and the attributes that could run script."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.risky: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name.startswith("on") or re.match(
                r"\s*(?:javascript|data|vbscript):", value or "", re.I
            ):
                self.risky.append(f"<{tag} {name}={value!r}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(html: str, where: str) -> str:
    """Check a page holds only the site's own elements and no attribute that runs script;
    return its text."""
    markup = _Markup()
    markup.feed(html)
    assert markup.tags <= SITE_TAGS, (where, markup.tags - SITE_TAGS)
    assert "script" not in markup.tags and markup.risky == [], (where, markup.risky)
    return "".join(markup.text)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Server:
    """A real server over minutes whose text, folders and sidecar carry markup."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "minutes" / "<b>parish</b>" / '"><i>committee<'
    folder.mkdir(parents=True)
    (folder / "2020-03-02.txt").write_text(HOSTILE_MINUTES, encoding="utf-8")
    sidecar = "".join(f"{key} = {json.dumps(value)}\n" for key, value in PAYLOADS.items())
    (folder / "2020-03-02.meta.toml").write_text(sidecar, encoding="utf-8")
    (folder / "2020-04-06.txt").write_text(HOSTILE_MINUTES.replace("2 March", "6 April"))
    report = reindex([root / "minutes"], root / "index")
    assert report.failed == [] and report.meetings == 2
    server = Server("--index", str(root / "index"))
    yield server
    server.stop()


def test_payloads_in_minutes_come_out_escaped_on_every_page(hostile: Server) -> None:
    hits = hostile.json("/api/search?q=bins&per_page=100")["hits"]
    assert hits
    speakers = hostile.json("/api/search?q=&per_page=1")["facets"]["speaker"]
    meeting = hits[0]["meeting_id"]
    item = next(h["id"] for h in hits if h["kind"] == "item")
    search = "?q=" + quote('bins OR parking OR "<script>"')
    committee = hostile.json(f"/api/meetings/{meeting}")
    pages = [
        "/", f"/search{search}", f"/search{search}&group=0", f"/items/{item}",
        f"/items/{item}?q=bins", f"/meetings/{meeting}", "/committees", "/status",
        f"/committee?council={quote(committee['council'] or '')}&committee={quote(committee['committee'] or '')}",
        *(f"/speakers/{quote(name, safe='')}" for name in speakers),
        f"/search?q={quote('<script>alert(1)</script>')}",
        f"/items/{quote('<script>')}", f"/nowhere/{quote('<script>')}",
    ]  # fmt: skip
    seen = ""
    for page in pages:
        status, headers, body = hostile.get(page)
        assert status in (200, 404), (page, status)
        assert headers["Content-Type"].startswith("text/html"), page
        seen += assert_inert(body.decode("utf-8"), page)
    # The payloads did reach the pages, as text.
    for text in ('alert("title")', "Councillor Ann", "onerror=alert('committee')", "javascript:"):
        assert text in seen, text
    assert "javascript:alert('url')" not in seen  # not a link, and not shown


def test_payloads_stay_text_in_feeds_exports_and_json(hostile: Server) -> None:
    status, _, body = hostile.get("/search.atom?q=bins")
    assert status == 200
    feed = ElementTree.fromstring(body)
    atom = "{http://www.w3.org/2005/Atom}"
    assert {element.tag for element in feed.iter()} <= {
        f"{atom}{tag}"
        for tag in (
            "feed",
            "title",
            "id",
            "updated",
            "author",
            "name",
            "link",
            "entry",
            "category",
            "summary",
        )
    }
    titles = [element.text or "" for element in feed.iter(f"{atom}title")]
    assert any('alert("title")' in title for title in titles)
    for summary in feed.iter(f"{atom}summary"):  # HTML for the feed reader to render
        assert_inert(summary.text or "", "feed summary")
    for hit in hostile.json("/api/search?q=bins+OR+parking&per_page=100")["hits"]:
        assert_inert(hit["snippet"], "snippet")
        assert hit["url"] is None or hit["url"].startswith(("http://", "https://"))
    item = hostile.json("/api/search?q=bins&kind=item")["hits"][0]["id"]
    highlighted = hostile.json(f"/api/items/{item}?q=bins")["highlighted"]
    for html in [highlighted["title"], highlighted["text"], *highlighted["speeches"]]:
        assert_inert(html, "highlighted")
    status, headers, body = hostile.get("/search.csv?q=bins")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert 'filename="minutes-bins.csv"' in headers["Content-Disposition"]


def test_a_meeting_link_is_only_ever_a_web_address(tmp_path: Path) -> None:
    """A sidecar's url that is not http(s) is not kept: it could only be a script link."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    for n, url in enumerate(["javascript:alert(1)", " JavaScript:x", "data:text/html,x",
                             "https://example.org/m/1", "HTTP://EXAMPLE.ORG/m/2"]):  # fmt: skip
        (folder / f"{n}.txt").write_text("1. Bins\n\nNoted.\n", encoding="utf-8")
        (folder / f"{n}.meta.toml").write_text(f"url = {json.dumps(url)}\n", encoding="utf-8")
    reindex([folder], tmp_path / "index")
    hits = SearchEngine(tmp_path / "index").search(SearchRequest(q="bins", per_page=10)).hits
    assert sorted((h.source, h.url) for h in hits if h.kind == "item") == [
        ("minutes/0.txt", None),
        ("minutes/1.txt", None),
        ("minutes/2.txt", None),
        ("minutes/3.txt", "https://example.org/m/1"),
        ("minutes/4.txt", "HTTP://EXAMPLE.ORG/m/2"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/static/../../pyproject.toml",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/....//....//pyproject.toml",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/items/..%2f..%2f..%2fetc%2fpasswd",
        "/speakers/..%2f..%2fpyproject.toml",
        "/api/meetings/%2e%2e%2f%2e%2e%2fpyproject.toml",
    ],
)
def test_no_path_leads_out_of_the_site(client, url: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code in (301, 308, 400, 404), (url, response.status_code)
    assert "[build-system]" not in body and "root:x:0" not in body
