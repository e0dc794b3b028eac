"""Run the site in production: waitress in one process, or gunicorn's pre-forked workers.

waitress (pure Python, threads, runs everywhere) is the default. Searching is Python code
holding the interpreter's lock, so one process uses one core; ``--workers N`` runs N gunicorn
worker processes on one listening socket (POSIX only), each with its own app, search engine
and admission counts (web/admission.py).
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

from flask import Flask

from web.admission import server_threads

BACKLOG = 2048  # connections the kernel queues before a worker accepts them
KEEPALIVE = 5  # seconds a kept-alive connection waits for its next request
GRACEFUL_TIMEOUT = 10  # seconds a stopping worker has to finish its requests

Announce = Callable[[str, int, str], None]  # (address, port, what serves)


class NoGunicorn(RuntimeError):
    """gunicorn cannot run here (it needs fork and fcntl: Linux, macOS, BSD)."""


class CannotListen(RuntimeError):
    """The address cannot be bound; the message is the system's reason ("Address in use")."""


def serve_waitress(app: Flask, host: str, port: int, announce: Announce) -> None:
    """Serve ``app`` with waitress until stopped."""
    from waitress.server import create_server

    try:
        server: Any = create_server(app, host=host, port=port, threads=server_threads(app))
    except OSError as error:
        raise CannotListen(error.strerror or str(error)) from None
    listening = getattr(server, "effective_listen", None) or [
        (server.effective_host, server.effective_port)
    ]
    for address, bound in listening:
        announce(address, bound, f"waitress, {app.config['THREADS']} searches at once")
    server.run()


def listen(host: str, port: int) -> socket.socket:
    """Bind and listen on ``host``:``port`` (0: any free port), as gunicorn would."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        sock = socket.socket(family, kind, proto)
    except OSError as error:
        raise CannotListen(error.strerror or str(error)) from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except OSError as error:
        sock.close()
        raise CannotListen(error.strerror or str(error)) from None
    return sock


def serve_gunicorn(
    factory: Callable[[], Flask], sock: socket.socket, workers: int, announce: Announce
) -> None:
    """Serve with ``workers`` gunicorn processes on ``sock`` until stopped. Each worker calls
    ``factory`` after the fork, so no searcher or lock is shared between processes."""
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError as error:  # not installed on Windows (see pyproject.toml)
        raise NoGunicorn(str(error)) from None

    app = factory()
    options = {
        "bind": [f"fd://{sock.fileno()}"],
        "workers": workers,
        "worker_class": "gthread",
        "threads": server_threads(app),
        "backlog": BACKLOG,
        "keepalive": KEEPALIVE,
        "graceful_timeout": GRACEFUL_TIMEOUT,
        "proc_name": "minutes-search",
        "errorlog": "-",
        "loglevel": "info",
        "control_socket_disable": True,  # gunicorn >= 25.1 opens one in $HOME by default
    }

    class Gunicorn(BaseApplication):
        def load_config(self) -> None:
            for name, value in options.items():
                if name in self.cfg.settings:
                    self.cfg.set(name, value)

        def load(self) -> Any:  # a Flask app: a WSGI callable
            return factory()

    address, port = sock.getsockname()[:2]
    threads = app.config["THREADS"]
    announce(address, port, f"gunicorn, {workers} workers of {threads} searches at once")
    Gunicorn().run()
