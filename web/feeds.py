"""Alerts and exports of a search: an Atom feed of the newest matches and a CSV of them all."""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlencode
from xml.etree import ElementTree

from flask import Blueprint, Response, abort, current_app, request, url_for
from werkzeug.datastructures import MultiDict

from search import people
from search.engine import MAX_DEPTH, MAX_PER_PAGE, SearchRequest
from search.results import Hit
from web import engine
from web.api import check_parameters
from web.params import PARAMETERS, search_request

blueprint = Blueprint("feeds", __name__)

ATOM = "http://www.w3.org/2005/Atom"
FEED_KINDS = ("item", "decision")  # an alert per item and per decision, not per speech
PAGING = ("page", "per_page", "group")  # accepted (links copy them) and ignored
CSV_COLUMNS = ("id", "kind", "council", "committee", "date", "item_number", "item_title",
               "speaker", "outcome", "snippet", "url")  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 does not allow, even escaped (a PDF's form feed, say).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_request(**overrides: object) -> SearchRequest:
    """Read the search parameters; paging ones are ignored, unknown ones refused (400)."""
    check_parameters(tuple(PARAMETERS))
    args = MultiDict([(k, v) for k, v in request.args.items(multi=True) if k not in PAGING])
    return search_request(args, **overrides)


def collect(search: SearchRequest, limit: int) -> tuple[int, list[Hit]]:
    """Return the number of matches and the first ``limit`` hits, a page of 100 at a time."""
    per_page = max(1, min(limit, MAX_PER_PAGE))
    hits: dict[str, Hit] = {}
    total = 0
    for number in range(1, -(-min(limit, MAX_DEPTH) // per_page) + 1):
        page = engine().search(replace(search, page=number, per_page=per_page, facets=False))
        total = page.total
        hits.update((hit.id, hit) for hit in page.hits)
        if len(page.hits) < per_page:
            break
    return total, list(hits.values())[:limit]


def hit_url(hit: Hit) -> str:
    """Return the absolute URL of the hit's page: its item (at the speech or decision), or
    for attendance its meeting."""
    if hit.kind == "attendance":
        return url_for("views.meeting", id=hit.meeting_id, _anchor="attendance", _external=True)
    anchor = hit.id if hit.kind in ("speech", "decision") else None
    return url_for("views.item", id=hit.id, _anchor=anchor, _external=True)


def plain(snippet: str) -> str:
    """Return a snippet's HTML as plain text."""
    return html.unescape(re.sub(r"</?mark>", "", snippet))


@blueprint.get("/search.atom")
def atom() -> Response:
    """An Atom feed of the newest matches (items and decisions unless ``kind`` is given)."""
    search = feed_request(sort="newest", group=False)
    if not search.kind:
        search = replace(search, kind=FEED_KINDS)
    _, hits = collect(search, current_app.config["FEED_LIMIT"])
    body = ElementTree.tostring(atom_feed(search, hits), encoding="unicode", xml_declaration=True)
    return current_app.response_class(body, mimetype="application/atom+xml")


def atom_feed(search: SearchRequest, hits: list[Hit]) -> ElementTree.Element:
    """Build the feed: one entry per hit, linking to its page, dated by its meeting."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    site = current_app.config["SITE_NAME"]
    _text(feed, "title", f"{site}: {search.q.strip() or 'all minutes'}")
    _text(feed, "id", request.url)
    _text(feed, "updated", max((_updated(h) for h in hits), default=_now()))
    _text(ElementTree.SubElement(feed, f"{{{ATOM}}}author"), "name", site)
    _link(feed, request.url, "self", "application/atom+xml")
    page = url_for("views.search", _external=True)
    page += f"?{urlencode(list(request.args.items(multi=True)))}" if request.args else ""
    _link(feed, page, "alternate", "text/html")
    for hit in hits:
        _entry(feed, hit)
    return feed


PERSON_KINDS = ("speech", "decision")  # what a person says, the motions they move, their votes


@blueprint.get("/people/<path:id>/feed.atom")
def person_atom(id: str) -> Response:
    """An Atom feed of a person's newest contributions, the motions they moved or seconded
    and the decisions of recorded votes that name them."""
    check_parameters(())
    view = people.person(engine(), id)
    if view is None:
        abort(404, f"There is no person with the id {id}.")
    search = SearchRequest(q=f'person:"{id}"', kind=PERSON_KINDS, sort="newest", group=False)
    _, hits = collect(search, current_app.config["FEED_LIMIT"])
    page = url_for("views.person", id=id, _external=True)
    feed = person_feed(f"{current_app.config['SITE_NAME']}: {view.name}", page, hits)
    body = ElementTree.tostring(feed, encoding="unicode", xml_declaration=True)
    return current_app.response_class(body, mimetype="application/atom+xml")


def person_feed(title: str, page: str, hits: list[Hit]) -> ElementTree.Element:
    """Build a person's feed: one entry per speech or motion, linking to it."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "id", request.url)
    _text(feed, "updated", max((_updated(h) for h in hits), default=_now()))
    site = current_app.config["SITE_NAME"]
    _text(ElementTree.SubElement(feed, f"{{{ATOM}}}author"), "name", site)
    _link(feed, request.url, "self", "application/atom+xml")
    _link(feed, page, "alternate", "text/html")
    for hit in hits:
        _entry(feed, hit)
    return feed


def _entry(feed: ElementTree.Element, hit: Hit) -> None:
    entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
    url = hit_url(hit)
    _text(entry, "title", entry_title(hit))
    _text(entry, "id", url)
    _text(entry, "updated", _updated(hit))
    _link(entry, url, "alternate", "text/html")
    ElementTree.SubElement(entry, f"{{{ATOM}}}category", term=hit.kind)
    _text(entry, "summary", hit.snippet).set("type", "html")


def entry_title(hit: Hit) -> str:
    """Return e.g. 'Cabinet, 2020-01-16 — Decision (carried) on item 5: Library hours'."""
    where = ", ".join(x for x in (hit.committee, hit.date) if x) or "Undated meeting"
    number = f"item {hit.item_number}" if hit.item_number else "item"
    about = f"{number}: {hit.item_title}" if hit.item_title else number
    what = {
        "decision": f"Decision ({hit.outcome or 'no outcome stated'}) on {about}",
        "speech": f"{hit.speaker} on {about}",
        "attendance": f"Attendance: {hit.speaker}",
    }.get(hit.kind, about[0].upper() + about[1:])
    return f"{where} — {what}"


def _text(parent: ElementTree.Element, tag: str, text: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = _NOT_XML.sub("", text)
    return element


def _link(parent: ElementTree.Element, href: str, rel: str, media_type: str) -> None:
    ElementTree.SubElement(parent, f"{{{ATOM}}}link", href=href, rel=rel, type=media_type)


def _updated(hit: Hit) -> str:
    return f"{hit.date or '1970-01-01'}T00:00:00Z"


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@blueprint.get("/search.csv")
def export_csv() -> Response:
    """The matches as CSV, up to CSV_LIMIT rows, in the order asked for (``sort``)."""
    search = feed_request(group=False)
    total, hits = collect(search, current_app.config["CSV_LIMIT"])
    out = io.StringIO()
    out.write("\ufeff")  # a byte-order mark, so spreadsheet programs read UTF-8
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(hit) for hit in hits)
    response = current_app.response_class(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(search.q)}"'
    response.headers["X-Total-Count"] = str(total)
    return response


def csv_row(hit: Hit) -> list[str]:
    """Return a hit's cells as plain text, safe to open in a spreadsheet."""
    values = {**hit.to_dict(), "snippet": plain(hit.snippet), "url": hit_url(hit)}
    return [defuse("" if values[c] is None else str(values[c])) for c in CSV_COLUMNS]


def defuse(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would read as a formula."""
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def filename(q: str) -> str:
    """Return the export's file name, from the query's words."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", q).strip("-").lower()[:40].strip("-")
    return f"minutes-{slug or 'all'}.csv"
