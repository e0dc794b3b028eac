"""The Flask front end over the search library: pages, a JSON API and feeds. Thin by design."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from flask_compress import Compress
from werkzeug.middleware.proxy_fix import ProxyFix

from search.engine import SearchEngine
from search.storage import default_index_dir

DEFAULTS: dict[str, Any] = {
    "INDEX": None,  # None: $MINUTES_SEARCH_INDEX, else ~/.local/share/minutes-search/index
    "SITE_NAME": "Council minutes search",
    "CSV_LIMIT": 5000,  # rows in a /search.csv export
    "FEED_LIMIT": 50,  # entries in a /search.atom feed
    # Under load, per server process (web/admission.py): searches answered at once, requests
    # held at once (answered or waiting; one more gets 503 + Retry-After), the longest wait
    # for a turn before a 503, and the Retry-After seconds. One search at a time: a search is
    # Python holding the interpreter's lock, so two at once in a process only slow each other
    # (docs/performance.md: p95 of the page 73-91 ms with 1, 121 ms with 4); cores are used by
    # `serve --workers N`.
    "THREADS": 1,
    "MAX_IN_FLIGHT": 32,
    "QUEUE_TIMEOUT": 10,
    "RETRY_AFTER": 1,
    # Optional rate limiting per client (web/ratelimit.py): e.g. "30/minute;500/hour"; where
    # the counts are kept; proxies in front whose X-Forwarded-For names the client.
    "RATE_LIMIT": None,
    "RATE_LIMIT_STORAGE": "memory://",
    "TRUST_PROXY": 0,
    # Responses compressed for clients that accept it (flask-compress: zstd, Brotli or gzip,
    # as the browser prefers; a 50 KB results page goes over as 9 KB). False where a reverse
    # proxy in front compresses.
    "COMPRESS": True,
    "COMPRESS_MIMETYPES": [
        "text/html",
        "application/json",
        "application/atom+xml",
        "text/csv",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/opensearchdescription+xml",
    ],
}


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Make the app. Settings: defaults, then ``instance/config.py``, then ``MINUTES_SEARCH_*``
    environment variables (``MINUTES_SEARCH_INDEX=/srv/index``), then ``test_config``."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("MINUTES_SEARCH")
    if test_config:
        app.config.update(test_config)
    index = Path(app.config["INDEX"]) if app.config["INDEX"] else default_index_dir()
    app.config["INDEX"] = str(index)
    app.extensions["minutes_search"] = SearchEngine(index)

    from web import admission, api, errors, feeds, ratelimit, security, views

    app.register_blueprint(views.blueprint)
    app.register_blueprint(api.blueprint)
    app.register_blueprint(feeds.blueprint)
    errors.register(app)
    if (hops := int(app.config["TRUST_PROXY"])) > 0:
        # Behind HOPS reverse proxies: the client's address (rate limits, logs) and the scheme
        # (links in feeds and exports) are the ones the proxies pass on.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]
    security.register(app)
    admission.register(app)  # after security: a refused write takes no turn
    ratelimit.register(app)
    if app.config["COMPRESS"]:
        Compress(app)
    return app


def engine() -> SearchEngine:
    """Return the search engine shared by every request of this app."""
    found: SearchEngine = current_app.extensions["minutes_search"]
    return found
