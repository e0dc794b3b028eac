"""Security headers on every response, and nothing served that could change the index."""

from __future__ import annotations

import re

import pytest

from search.engine import SearchEngine, SearchRequest
from web.security import HEADERS

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def assert_secure(response) -> None:  # type: ignore[no-untyped-def]
    headers = response.headers
    assert headers["Content-Security-Policy"] == CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Permissions-Policy"] == HEADERS["Permissions-Policy"]
    assert "camera=()" in headers["Permissions-Policy"]


def urls(app, engine: SearchEngine) -> list[str]:  # type: ignore[no-untyped-def]
    """Return a URL for every route the app serves, with real ids where it takes one."""
    hit = engine.search(SearchRequest(q="library", kind=("item",), per_page=1)).hits[0]
    values = {"meetings": hit.meeting_id, "items": hit.id}
    found = []
    for rule in app.url_map.iter_rules():
        url = rule.rule
        for name in rule.arguments:
            value = next((v for k, v in values.items() if f"/{k}/" in url), "x")
            url = re.sub(rf"<(?:\w+:)?{name}>", value, url)
        found.append(url)
    return found


@pytest.mark.parametrize(
    ("url", "status", "mimetype"),
    [
        ("/api/search?q=library", 200, "application/json"),
        ("/api/search?page=x", 400, "application/json"),
        ("/api/items/nope", 404, "application/json"),
        ("/api/nowhere", 404, "application/json"),
        ("/search.atom?q=library", 200, "application/atom+xml"),
        ("/search.csv?q=library", 200, "text/csv"),
        ("/search.csv?from=x", 400, "text/html"),
        ("/", 200, "text/html"),
        ("/search?q=library", 200, "text/html"),
        ("/items/nope", 404, "text/html"),
        ("/no/such/page", 404, "text/html"),
    ],
)
def test_headers_on_every_kind_of_response(client, url: str, status: int, mimetype: str) -> None:
    response = client.get(url)
    assert (response.status_code, response.mimetype) == (status, mimetype)
    assert_secure(response)


def test_headers_on_every_route_and_method(app, client, engine: SearchEngine) -> None:
    for url in urls(app, engine):
        for method in ("GET", "HEAD", "OPTIONS"):
            response = client.open(url, method=method)
            assert response.status_code < 500, (method, url)
            assert_secure(response)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_nothing_can_be_changed(app, client, engine: SearchEngine, method: str) -> None:
    for url in [*urls(app, engine), "/no/such/page", "/api/no/such"]:
        response = client.open(url, method=method, data={"q": "x"})
        assert response.status_code == 405, (method, url)
        assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
        assert_secure(response)
        if url.startswith("/api/"):
            assert response.json["status"] == 405


def test_no_route_accepts_a_write(app) -> None:
    for rule in app.url_map.iter_rules():
        assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule.rule
