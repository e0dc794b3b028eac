"""The HTML pages: search, items, meetings, speakers, committees, status and help. Thin: each
view reads the request, asks the library, and hands plain results to a template."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import PurePath
from urllib.parse import quote, urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from markupsafe import Markup, escape

from indexer.harvest.status import harvest_status
from search import browse, people
from search.engine import MAX_DEPTH, SearchRequest
from search.errors import InvalidQuery
from search.highlight import highlight
from search.query import Marks
from search.results import FacetCount, Hit, MeetingSummary
from search.suggest import suggest
from web import charts, engine
from web.params import PARAMETERS, REPEATABLE, search_request

blueprint = Blueprint("views", __name__)

# Labels of the allowed values declared in the library (tests/test_pages.py checks they agree).
FACET_LABELS = {"committee": "Committee", "year": "Year", "speaker": "Speaker",
                "kind": "Kind", "council": "Council"}  # fmt: skip
KIND_LABELS = {"item": "Items", "speech": "Speeches", "decision": "Decisions",
               "attendance": "Attendance"}  # fmt: skip
KIND_NAMES = {"item": "Item", "speech": "Speech", "decision": "Decision",
              "attendance": "Attendance"}  # fmt: skip
ROLE_LABELS = {"present": "Present", "chair": "Chair", "apologies": "Apologies",
               "absent": "Absent", "substitute": "Substitutes", "also_present": "Also present",
               "officer": "Officers"}  # fmt: skip
SORT_LABELS = {"relevance": "Relevance", "newest": "Newest first", "oldest": "Oldest first"}
FACET_SHOWN = 10  # values listed before "show more"
# Values a facet lists on the page, "show more" included (the API gives 100): a longer list
# is no help to a reader, and a page's facet links are most of its rendering.
PAGE_FACET_LIMIT = 40
PERSON_LIMIT = 50  # contributions and attendances listed on a person's page
PAGE_WINDOW = 2  # page links either side of the current page


# --- search --------------------------------------------------------------------------------------


@blueprint.get("/")
def home() -> ResponseReturnValue:
    """The home page: the search box and what is indexed; a search when given parameters."""
    if _searching():
        return search()
    return render_template("home.html", status=browse.status(engine()))


@blueprint.get("/search")
def search() -> ResponseReturnValue:
    """Search: hits grouped by meeting (``group=0`` lists them flat), facets, a chart."""
    try:
        wanted = search_request(request.args, group=request.args.get("group") != "0")
        page = engine().search(dataclasses.replace(wanted, facet_limit=PAGE_FACET_LIMIT))
    except InvalidQuery as error:
        return render_template("search.html", error=error, q=request.args.get("q", "")), 400
    unsure = not page.total or page.relaxed
    suggestion = suggest(engine(), wanted.q) if unsure and wanted.q.strip() else None
    return render_template(
        "search.html",
        wanted=wanted,
        q=wanted.q,
        page=page,
        suggestion=suggestion,
        bars=charts.years(page.facets.get("year", ())),
        last_page=min(page.pages, MAX_DEPTH // wanted.per_page),
    )


def _searching() -> bool:
    return any(request.args.get(name, "").strip() for name in PARAMETERS)


def search_args(**changes: str | None) -> list[tuple[str, str]]:
    """Return the current search's parameters with single values set (None drops them)."""
    kept = [
        (name, value)
        for name, value in request.args.items(multi=True)
        if name in PARAMETERS and name not in changes and value.strip()
    ]
    return kept + [(name, value) for name, value in changes.items() if value is not None]


def search_url(**changes: str | None) -> str:
    """Return the URL of the current search with ``changes`` (page, sort, group, q...)."""
    return _url("views.search", search_args(**changes))


def with_filter(name: str, value: str) -> str:
    """Return the URL of the current search narrowed to ``name=value``, from page 1."""
    if "filter_base" not in g:  # a page links a hundred facet values: work this out once
        g.filter_base = (url_for("views.search"), urlencode(search_args(page=None)))
    base, current = g.filter_base
    added = urlencode([(name, value)])
    return f"{base}?{current}&{added}" if current else f"{base}?{added}"


def without_filter(name: str, value: str | None = None) -> str:
    """Return the URL of the current search without the filter (all of ``name``'s values
    when ``value`` is None), from page 1."""
    kept = [(n, v) for n, v in search_args(page=None) if n != name or v not in (value, None)]
    if value is None:
        kept = [(n, v) for n, v in kept if n != name]
    return _url("views.search", kept)


def without_filters() -> str:
    """Return the URL of the current search with no filters, from page 1."""
    names = (*REPEATABLE, "from", "to", "page")
    return _url("views.search", [(n, v) for n, v in search_args() if n not in names])


def feed_url(path: str) -> str:
    """Return the URL of the feed or export at ``path`` for the current search."""
    args = [(n, v) for n, v in search_args(page=None, per_page=None, group=None)]
    return request.script_root + path + ("?" + urlencode(args) if args else "")


def applied_filters() -> list[tuple[str, str]]:
    """Return the (parameter, value) filters of the current search, in the URL's order."""
    names = (*REPEATABLE, "from", "to")
    return [(n, v) for n, v in request.args.items(multi=True) if n in names and v.strip()]


def _url(endpoint: str, args: list[tuple[str, str]]) -> str:
    base = url_for(endpoint)
    return base + ("?" + urlencode(args) if args else "")


def hit_url(hit: Hit, q: str = "") -> str:
    """Return the page of a hit: its item (at the speech or decision), or its meeting."""
    if hit.kind == "attendance":
        return url_for("views.meeting", id=hit.meeting_id, _anchor="attendance")
    anchor = hit.id if hit.kind in ("speech", "decision") else None
    return url_for("views.item", id=hit.id, q=q.strip() or None, _anchor=anchor)


def page_numbers(current: int, last: int) -> list[int | None]:
    """Return the page numbers to link, None where some are left out (1 … 4 5 6 … 20)."""
    shown = {1, last, *range(current - PAGE_WINDOW, current + PAGE_WINDOW + 1)}
    numbers = sorted(n for n in shown if 1 <= n <= last)
    with_gaps: list[int | None] = []
    for number in numbers:
        if with_gaps and number - (with_gaps[-1] or 0) > 1:
            with_gaps.append(None)
        with_gaps.append(number)
    return with_gaps


def by_item(hits: tuple[Hit, ...]) -> list[list[Hit]]:
    """Return a meeting's hits gathered by item, in the order the items first appear."""
    items: dict[tuple[bool, str, str], list[Hit]] = {}
    for hit in hits:
        key = (hit.kind == "attendance", hit.item_number, hit.item_title)
        items.setdefault(key, []).append(hit)
    return list(items.values())


def facet_values(name: str, counts: tuple[FacetCount, ...]) -> list[FacetCount]:
    """Return a facet's counts as listed: years newest first, the others commonest first."""
    if name == "year":
        return sorted(counts, key=lambda c: c.value, reverse=True)
    return list(counts)


def facet_items(name: str, counts: list[FacetCount], chosen: list[str]) -> Markup:
    """Return the list entries of a facet's values: a link adding the filter, or, when
    applied, one removing it; a speaker's also links to their record. Built here, not in a
    template: a page lists a hundred and more values, and this is most of its rendering."""
    entries = []
    for c in counts:
        label = escape(KIND_LABELS.get(c.value, c.value) if name == "kind" else c.value)
        count = f"{c.count:,}"
        if c.value in chosen:
            href = escape(without_filter(name, c.value))
            entries.append(
                f'<li class="facet-value chosen"><a href="{href}"><span class="visually-hidden">'
                f'Remove filter </span>{label} <span class="facet-count">{count}</span>'
                '<span class="remove" aria-hidden="true"> ✕</span></a></li>'
            )
            continue
        record = ""
        if name == "speaker":
            value = escape(c.value)
            record = (
                f' <a class="facet-person" href="{escape(person_url(c.value))}" title="The record'
                f' of {value}">record<span class="visually-hidden"> of {value}</span></a>'
            )
        entries.append(
            f'<li class="facet-value"><a href="{escape(with_filter(name, c.value))}">{label} '
            f'<span class="facet-count">{count}<span class="visually-hidden"> results</span>'
            f"</span></a>{record}</li>"
        )
    return Markup("\n".join(entries))


# --- items, meetings, people, committees ---------------------------------------------------------


@blueprint.get("/items/<id>")
def item(id: str) -> ResponseReturnValue:
    """One item in full, with the query's words marked when ``q`` is given."""
    view = browse.item(engine(), id) or abort(404, f"There is no item with the id {id}.")
    q = request.args.get("q", "").strip()
    return render_template(
        "item.html",
        view=view,
        q=q,
        mark=_marker(browse.query_marks(engine(), q) if q else None),
        previous=_neighbour(view.previous_id),
        next=_neighbour(view.next_id),
    )


def _neighbour(chunk_id: str | None) -> dict[str, str] | None:
    """Return the id, number and title of a neighbouring item, for its link."""
    doc = engine().document(chunk_id) if chunk_id else None
    if doc is None:
        return None
    return {
        "id": doc["id"],
        "number": doc.get("item_number", ""),
        "title": doc.get("item_title", ""),
    }


def _marker(marks: Marks | None) -> Callable[[str], str]:
    """Return a function giving a text with the marks as HTML (<mark> only), else as is."""
    if marks is None:
        return lambda text: text
    return lambda text: Markup(highlight(text, marks, limit=None))


@blueprint.get("/meetings/<id>")
def meeting(id: str) -> ResponseReturnValue:
    """One meeting: its facts, attendance by role and items."""
    view = browse.meeting(engine(), id) or abort(404, f"There is no meeting with the id {id}.")
    return render_template("meeting.html", view=view)


@blueprint.get("/people/<path:id>")
def person(id: str) -> ResponseReturnValue:
    """One person: their names, committees, attendance by year, speeches by meeting, motions
    moved and seconded, and their words searched with ``q``."""
    q = request.args.get("q", "").strip()
    try:
        view = people.person(engine(), id, q)
    except InvalidQuery as error:
        view = people.person(engine(), id)
        if view is None:
            abort(404, f"There is no person with the id {id}.")
        return render_template("person.html", view=view, q=q, error=error), 400
    if view is None:
        abort(404, f"There is no person with the id {id}.")
    return render_template("person.html", view=view, q=q, error=None)


def person_url(name: str) -> str:
    """Return the page of the person shown or written as ``name`` (through /speakers/, which
    sends it on to the person when the name is one person's)."""
    if "speaker_base" not in g:  # a page links a hundred speakers: build the route once
        g.speaker_base = url_for("views.speaker", name="-")[:-1]
    base: str = g.speaker_base
    return base + quote(name, safe=_PATH_SAFE)


_PATH_SAFE = "!$&'()*+,/:;=@"  # what Werkzeug leaves unquoted in a path, as url_for would


@blueprint.get("/speakers/<path:name>")
def speaker(name: str) -> ResponseReturnValue:
    """A name's person page when it is one person's; else what was said and attended under
    that name, newest first."""
    pid = people.find_person(engine(), name)
    if pid is not None:
        return redirect(url_for("views.person", id=pid), code=302)
    said = engine().search(_person(name, "speech", facets=True))
    attended = engine().search(_person(name, "attendance", facets=False))
    if not said.total and not attended.total:
        abort(404, f"No one called {name} speaks or attends in the indexed minutes.")
    return render_template(
        "speaker.html",
        name=name,
        said=said,
        attended=attended,
        bars=charts.years(said.facets.get("year", ())),
    )


def _person(name: str, kind: str, facets: bool) -> SearchRequest:
    return SearchRequest(speaker=(name,), kind=(kind,), sort="newest",
                         per_page=PERSON_LIMIT, facets=facets)  # fmt: skip


@blueprint.get("/committees")
def committees() -> ResponseReturnValue:
    """Every council's committees with their meetings and dates."""
    by_council = itertools.groupby(browse.bodies(engine()), key=lambda body: body["council"])
    return render_template("committees.html", councils=[(c, list(b)) for c, b in by_council])


@blueprint.get("/committee")
def committee() -> ResponseReturnValue:
    """One committee's meetings by year (``?council=...&committee=...``)."""
    council, name = request.args.get("council", ""), request.args.get("committee", "")
    found = browse.committees(engine()).get((council, name))
    if not found:
        abort(404, f"There is no committee called {name or '(unnamed)'} of {council or '?'}.")
    return render_template(
        "committee.html", council=council, name=name, years=list(_by_year(found))
    )


def _by_year(meetings: list[MeetingSummary]) -> Iterator[tuple[str, list[MeetingSummary]]]:
    for year, found in itertools.groupby(meetings, key=lambda m: (m.date or "")[:4]):
        yield year or "Date not known", list(found)


def committee_url(council: str | None, name: str | None) -> str:
    """Return the page of a committee."""
    return url_for("views.committee", council=council or "", committee=name or "")


# --- status, help, OpenSearch --------------------------------------------------------------------


@blueprint.get("/status")
def status() -> ResponseReturnValue:
    """What is indexed, when the last reindex ran and which files it could not read."""
    roots = engine().manifest().get("roots", [])  # harvests: docs/harvest.md
    return render_template(
        "status.html", status=browse.status(engine()), harvests=harvest_status(roots)
    )


@blueprint.get("/help/query-syntax")
def query_syntax() -> ResponseReturnValue:
    """How to write a query, with an example of each form."""
    return render_template("help.html")


@blueprint.get("/opensearch.xml")
def opensearch() -> ResponseReturnValue:
    """The OpenSearch description, so a browser can add the search box."""
    body = render_template("opensearch.xml")
    return Response(body, mimetype="application/opensearchdescription+xml")


# --- what templates share ------------------------------------------------------------------------


@blueprint.app_template_filter("long_date")
def long_date(value: str | None) -> str:
    """Return an ISO date as people write it: 4 March 2021."""
    if not value:
        return "date not known"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {day:%B %Y}"


@blueprint.app_template_filter("file_name")
def file_name(path: str) -> str:
    """Return the last part of a path: the source document's file name."""
    return PurePath(path).name


@blueprint.app_template_filter("paragraphs")
def paragraphs(text: str) -> list[str]:
    """Return the text's paragraphs (split at blank lines), keeping Markup as Markup."""
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


@blueprint.app_context_processor
def shared() -> dict[str, object]:
    """Give every template the labels and URL helpers."""
    return {
        "site_name": current_app.config["SITE_NAME"],
        "facet_labels": FACET_LABELS,
        "kind_labels": KIND_LABELS,
        "kind_names": KIND_NAMES,
        "role_labels": ROLE_LABELS,
        "sort_labels": SORT_LABELS,
        "facet_shown": FACET_SHOWN,
        "search_url": search_url,
        "with_filter": with_filter,
        "without_filter": without_filter,
        "without_filters": without_filters,
        "feed_url": feed_url,
        "applied_filters": applied_filters,
        "hit_url": hit_url,
        "page_numbers": page_numbers,
        "facet_values": facet_values,
        "facet_items": facet_items,
        "by_item": by_item,
        "committee_url": committee_url,
        "person_url": person_url,
        "year_chart": charts.year_chart,
    }
