"""Admission: each server process searches for at most THREADS requests at once and holds at
most MAX_IN_FLIGHT (searching or waiting for a turn); one more is answered 503 with a
Retry-After header at once, and a request that waited QUEUE_TIMEOUT seconds for a turn gets
the same answer. An overloaded server says so quickly instead of leaving clients hanging.

The counts are per process: under ``serve --workers N`` each worker admits on its own, so the
site holds N times MAX_IN_FLIGHT. The server must run more threads than MAX_IN_FLIGHT (see
``server_threads``), or the requests past the limit would queue in the server unseen.
"""

from __future__ import annotations

import threading

from flask import Flask, Response, current_app, g

from web.errors import error_response

BUSY = "the server is busy; try again in a moment"
# Threads beyond MAX_IN_FLIGHT: they answer the requests past the limit with a quick 503.
SPARE_THREADS = 4


class Admission:
    """Count the requests a process holds and hand out turns to search."""

    def __init__(self, threads: int, in_flight: int, wait_seconds: float) -> None:
        self.limit = max(in_flight, threads)
        self.wait_seconds = wait_seconds
        self._turns = threading.BoundedSemaphore(threads)
        self._lock = threading.Lock()
        self.held = 0

    def enter(self) -> bool:
        """Take a turn, waiting at most ``wait_seconds``; False when full or waited too long."""
        with self._lock:
            if self.held >= self.limit:
                return False
            self.held += 1
        if self._turns.acquire(timeout=self.wait_seconds):
            return True
        self._count_out()
        return False

    def leave(self) -> None:
        """Give back a turn taken by enter()."""
        self._turns.release()
        self._count_out()

    def _count_out(self) -> None:
        with self._lock:
            self.held -= 1


def server_threads(app: Flask) -> int:
    """Return how many threads a server process of ``app`` should run."""
    config = app.config
    return max(int(config["MAX_IN_FLIGHT"]), int(config["THREADS"])) + SPARE_THREADS


def _admission() -> Admission:
    found: Admission = current_app.extensions["minutes_search_admission"]
    return found


def admit() -> Response | None:
    """Let the request through, or answer 503 with Retry-After when the process is full."""
    if not _admission().enter():
        response = error_response(503, BUSY)
        response.headers["Retry-After"] = str(current_app.config["RETRY_AFTER"])
        return response
    g.admitted = True
    return None


def release(error: BaseException | None) -> None:
    """Give back the request's turn once it is answered, whatever happened."""
    if g.pop("admitted", False):
        _admission().leave()


def register(app: Flask) -> None:
    """Admit requests before any view runs; give their turn back when each is done."""
    config = app.config
    app.extensions["minutes_search_admission"] = Admission(
        config["THREADS"], config["MAX_IN_FLIGHT"], float(config["QUEUE_TIMEOUT"])
    )
    app.before_request(admit)
    app.teardown_request(release)
