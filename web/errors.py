"""Every error in one shape: JSON for /api/ URLs, the error page for browsers; no tracebacks."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from flask import Flask, Response, current_app, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound

from search.errors import IndexMissing, IndexOutOfDate, InvalidQuery

GENERIC_500 = "something went wrong on our side; it has been logged"
# What the public is told when the index cannot answer: the next step, but not where the index
# lives on the server (the library's own message, which names it, goes to the server's log).
NO_INDEX = "there is no index yet; run `minutes-search reindex PATH` first"
OLD_INDEX = (
    "the index was built by another version of minutes-search or cannot be opened; "
    "run `minutes-search reindex --full`"
)


def error_body(status: int, message: str, parameter: str | None = None) -> dict[str, Any]:
    """Return the body of every API error: status, error message and the parameter at fault."""
    return {"status": status, "error": message, "parameter": parameter}


def json_response(data: Any, status: int = 200) -> Response:
    """Return ``data`` as JSON, keeping the order of its keys (facets come most frequent first)."""
    body = json.dumps(data, ensure_ascii=False)
    return current_app.response_class(body, status=status, mimetype="application/json")


def error_response(status: int, message: str, parameter: str | None = None) -> Response:
    """Return the error as JSON under /api/, else as the HTML error page."""
    if wants_json():
        return json_response(error_body(status, message, parameter), status)
    return _page(status, message, parameter)


def wants_json() -> bool:
    """Say whether this request is an API request (answered in JSON)."""
    return request.path == "/api" or request.path.startswith("/api/")


def _page(status: int, message: str, parameter: str | None) -> Response:
    try:
        html = render_template("error.html", status=status, message=message, parameter=parameter)
    except Exception:  # the error page must not fail in turn
        current_app.logger.exception("the error page could not be rendered")
        html = f"<!doctype html><title>Error {status}</title><p>{escape(message)}</p>"
    return current_app.response_class(html, status=status, mimetype="text/html")


def invalid_query(error: InvalidQuery) -> Response:
    return error_response(400, error.message, error.parameter)


def index_unavailable(error: IndexMissing | IndexOutOfDate) -> Response:
    current_app.logger.error("index unavailable: %s", error)
    return error_response(503, NO_INDEX if isinstance(error, IndexMissing) else OLD_INDEX)


def http_error(error: HTTPException) -> Response:
    response = error_response(error.code or 500, _message(error), None)
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


def _message(error: HTTPException) -> str:
    """Return the message the handler gave, or one naming the URL and what to do."""
    if error.description != type(error).description:
        return str(error.description)
    if isinstance(error, NotFound):
        return f"nothing at {request.path}" + ("; see /api/openapi.json" if wants_json() else "")
    if isinstance(error, MethodNotAllowed):
        return f"{request.method} is not allowed here: this site only reads (GET)"
    return str(error.name).lower()


def server_error(error: Exception) -> Response:
    current_app.logger.exception("error answering %s %s", request.method, request.full_path)
    return error_response(500, GENERIC_500)


def register(app: Flask) -> None:
    """Answer every error with the one JSON shape (API) or the error page (browsers)."""
    app.register_error_handler(InvalidQuery, invalid_query)
    app.register_error_handler(IndexMissing, index_unavailable)
    app.register_error_handler(IndexOutOfDate, index_unavailable)
    app.register_error_handler(HTTPException, http_error)
    app.register_error_handler(Exception, server_error)
