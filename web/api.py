"""The JSON API: search, items, meetings, status and the OpenAPI document. GET only."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, request

from search import browse, people
from search.engine import SearchEngine
from search.errors import InvalidQuery
from search.highlight import highlight
from search.results import ItemView
from web import engine, openapi
from web.errors import json_response
from web.params import PARAMETERS, search_request, unknown_parameters

blueprint = Blueprint("api", __name__, url_prefix="/api")


def check_parameters(allowed: tuple[str, ...]) -> None:
    """Refuse a parameter the endpoint does not know, naming it (400)."""
    unknown = unknown_parameters(request.args, allowed)
    if unknown:
        known = ", ".join(allowed) or "none"
        raise InvalidQuery(f"unknown parameter {unknown[0]!r}; known: {known}", unknown[0])


@blueprint.get("/search")
def search() -> Response:
    """Search: the same JSON as ``minutes-search search --json``."""
    check_parameters(tuple(PARAMETERS))
    return json_response(engine().search(search_request(request.args)).to_dict())


@blueprint.get("/items/<id>")
def item(id: str) -> Response:
    """One item with its speeches and decisions; with ``q``, its text highlighted too."""
    check_parameters(("q",))
    view = browse.item(engine(), id) or abort(404, f"no item with id {id!r}")
    data = view.to_dict()
    if request.args.get("q", "").strip():
        data["highlighted"] = highlighted(engine(), view, request.args["q"])
    return json_response(data)


def highlighted(search_engine: SearchEngine, view: ItemView, q: str) -> dict[str, Any]:
    """Return the item's title, text, speeches and decisions as HTML with the query marked."""
    marks = browse.query_marks(search_engine, q)
    return {
        "title": highlight(view.title, marks, limit=None),
        "text": highlight(view.text, marks, limit=None),
        "speeches": [highlight(s.text, marks, limit=None) for s in view.speeches],
        "decisions": [highlight(d.text, marks, limit=None) for d in view.decisions],
    }


@blueprint.get("/meetings/<id>")
def meeting(id: str) -> Response:
    """One meeting with its attendance by role and its items."""
    check_parameters(())
    view = browse.meeting(engine(), id) or abort(404, f"no meeting with id {id!r}")
    return json_response(view.to_dict())


@blueprint.get("/people/<path:id>")
def person(id: str) -> Response:
    """One person's record: names, committees, attendance by year, meetings, motions, and
    their speeches matching ``q`` (newest first without)."""
    check_parameters(("q",))
    view = people.person(engine(), id, request.args.get("q", "").strip())
    if view is None:
        abort(404, f"no person with id {id!r}")
    return json_response(view.to_dict())


@blueprint.get("/status")
def status() -> Response:
    """What is indexed per committee, the last reindex and its failures."""
    check_parameters(())
    return json_response(browse.status(engine()))


@blueprint.get("/openapi.json")
def openapi_document() -> Response:
    """The OpenAPI 3.1 document of every URL this site serves."""
    check_parameters(())
    return json_response(openapi.document())
