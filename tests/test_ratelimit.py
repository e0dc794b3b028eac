"""Optional rate limiting per client (RATE_LIMIT): 429 with Retry-After in the usual shape."""

from __future__ import annotations

from pathlib import Path

from web import create_app


def client(index: Path, **config: object):  # type: ignore[no-untyped-def]
    settings = {"TESTING": True, "INDEX": str(index), **config}
    return create_app(settings).test_client()


def test_off_unless_set(sample_index: Path) -> None:
    browser = client(sample_index)
    assert all(browser.get("/api/search?q=library").status_code == 200 for _ in range(8))


def test_a_client_past_its_limit_is_told_when_to_come_back(sample_index: Path) -> None:
    browser = client(sample_index, RATE_LIMIT="3/minute")
    assert [browser.get("/api/search?q=library").status_code for _ in range(3)] == [200] * 3
    refused = browser.get("/api/search?q=library")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    body = refused.get_json()
    assert body["status"] == 429 and body["parameter"] is None
    assert body["error"].startswith("too many requests from your address; try again in ")
    page = browser.get("/search?q=library")  # the same client, a page: the error page
    assert page.status_code == 429 and page.mimetype == "text/html"
    assert b"too many requests from your address" in page.data
    with browser.get("/static/site.css") as static:  # never counted
        assert static.status_code == 200


def test_behind_a_proxy_each_forwarded_client_is_counted_apart(sample_index: Path) -> None:
    browser = client(sample_index, RATE_LIMIT="2/minute", TRUST_PROXY=1)

    def status(address: str) -> int:
        headers = {"X-Forwarded-For": address}
        return int(browser.get("/api/search?q=library", headers=headers).status_code)

    assert [status("203.0.113.7") for _ in range(3)] == [200, 200, 429]
    assert status("198.51.100.9") == 200
