"""Admission (web/admission.py) over the app: the 503 a full process answers, its Retry-After,
the wait for a turn, and every turn given back, whatever the request came to."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from flask import Flask

from web import create_app
from web.admission import BUSY, SPARE_THREADS, Admission, server_threads


def app_with(sample_index: Path, queue_timeout: float) -> Flask:
    """The app with one search at a time and two requests held: one searching, one waiting."""
    config = {"TESTING": True, "INDEX": str(sample_index), "THREADS": 1, "MAX_IN_FLIGHT": 2,
              "QUEUE_TIMEOUT": queue_timeout, "RETRY_AFTER": 2}  # fmt: skip
    return create_app(config)


@pytest.fixture
def small(sample_index: Path) -> Flask:
    return app_with(sample_index, queue_timeout=0.3)


def admission(app: Flask) -> Admission:
    found: Admission = app.extensions["minutes_search_admission"]
    return found


def test_a_full_process_answers_503_with_retry_after_at_once(sample_index: Path) -> None:
    app = app_with(sample_index, queue_timeout=20)
    held = admission(app)
    assert held.enter()  # the one turn, taken
    waiting: list[int] = []
    waiter = threading.Thread(
        target=lambda: waiting.append(app.test_client().get("/api/search?q=library").status_code)
    )
    waiter.start()  # the second place: waiting for the turn
    deadline = time.monotonic() + 10
    while held.held < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    client = app.test_client()
    started = time.monotonic()
    api, page = client.get("/api/search?q=library"), client.get("/search?q=library")
    assert time.monotonic() - started < 5  # refused without waiting for a turn (20 s)
    assert (api.status_code, api.headers["Retry-After"]) == (503, "2")
    assert api.get_json() == {"status": 503, "error": BUSY, "parameter": None}
    assert (page.status_code, page.headers["Retry-After"], page.mimetype) == (503, "2", "text/html")
    assert BUSY in page.get_data(as_text=True)
    assert page.headers["X-Frame-Options"] == "DENY"  # the security headers too

    held.leave()  # the waiting request gets the turn
    waiter.join(timeout=30)
    assert waiting == [200] and held.held == 0
    assert client.get("/api/search?q=library").status_code == 200


def test_a_request_waits_for_a_turn_at_most_queue_timeout(small: Flask) -> None:
    held = admission(small)
    assert held.enter()  # the one turn, taken
    started = time.monotonic()
    response = small.test_client().get("/api/search?q=library")
    waited = time.monotonic() - started
    assert response.status_code == 503 and response.headers["Retry-After"] == "2"
    assert 0.3 <= waited < 5
    held.leave()
    assert held.held == 0


def test_every_request_gives_its_turn_back(small: Flask) -> None:
    client = small.test_client()
    answers = [
        client.get("/api/search?q=library").status_code,
        client.get("/api/search?per_page=1000").status_code,
        client.get("/nothing-here").status_code,
        client.post("/api/search").status_code,
        client.get("/search.csv?q=library").status_code,
        client.get("/static/nothing.css").status_code,
    ]
    assert answers == [200, 400, 404, 405, 200, 404]
    assert admission(small).held == 0
    assert admission(small).enter()  # the turn is free


def test_the_server_runs_more_threads_than_requests_held(small: Flask) -> None:
    assert server_threads(small) == 2 + SPARE_THREADS
    defaults = create_app({"INDEX": small.config["INDEX"]})
    assert (defaults.config["THREADS"], defaults.config["MAX_IN_FLIGHT"]) == (1, 32)
    assert server_threads(defaults) == 32 + SPARE_THREADS


def test_the_limits_are_read_from_the_environment(
    sample_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINUTES_SEARCH_MAX_IN_FLIGHT", "64")
    monkeypatch.setenv("MINUTES_SEARCH_RETRY_AFTER", "5")
    app = create_app({"INDEX": str(sample_index)})
    assert admission(app).limit == 64
    assert app.config["RETRY_AFTER"] == 5
