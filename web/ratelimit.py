"""Optional rate limiting per client, for a public search box: RATE_LIMIT (e.g. "30/minute;
500/hour", the `limits` notation) caps the requests each client address makes to the site's
pages, API and feeds; past it a request is answered 429 with Retry-After in the usual error
shape. Off unless set. Static files are never counted.

Flask-Limiter keeps the counts: in each server process by default (``memory://``), so under
``serve --workers N`` a client may make up to N times the limit; RATE_LIMIT_STORAGE names a
shared store (``redis://host:6379``, ``memcached://host:11211``) to count across processes.
Behind a reverse proxy every request comes from the proxy: TRUST_PROXY (see web.create_app)
makes the client's address the one the proxy gives in X-Forwarded-For.
"""

from __future__ import annotations

import time

from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address

from web.errors import error_response

TOO_MANY = "too many requests from your address; try again in {seconds} s"


def register(app: Flask) -> None:
    """Count each client's requests against RATE_LIMIT, when it is set."""
    if not app.config["RATE_LIMIT"]:
        return
    limiter = Limiter(
        get_remote_address,
        app=app,
        application_limits=[str(app.config["RATE_LIMIT"])],  # over the whole site, not a route
        application_limits_exempt_when=lambda: request.endpoint == "static",
        storage_uri=str(app.config["RATE_LIMIT_STORAGE"]),
        headers_enabled=True,
    )
    app.extensions["rate_limiter"] = limiter
    app.register_error_handler(RateLimitExceeded, _refused)


def _refused(error: RateLimitExceeded) -> Response:
    """Answer a client past its limit: 429 in the usual shape, with when to try again."""
    current = current_app.extensions["rate_limiter"].current_limit
    seconds = max(int(current.reset_at - time.time()), 1) if current else 60
    response = error_response(429, TOO_MANY.format(seconds=seconds))
    response.headers["Retry-After"] = str(seconds)
    return response
