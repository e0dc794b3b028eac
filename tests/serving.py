"""A `minutes-search serve` process on a free loopback port, for tests that ask it over HTTP
(and bench/load_bench.py, which loads it)."""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The checkout's own command; tests/test_install.py passes an installed one instead.
CHECKOUT_COMMAND = (sys.executable, "-c", "from indexer.cli import main; main()")
STARTUP_SECONDS = 120  # the first run indexes sample_data/ before it listens


class Server:
    """A `minutes-search serve` process, its base URL, and what it wrote on stderr."""

    def __init__(
        self,
        *args: str,
        command: Sequence[str] = CHECKOUT_COMMAND,
        cwd: Path = ROOT,
        env: Mapping[str, str] | None = None,
        threads: int | None = 2,
    ) -> None:
        """Start ``serve`` with ``args``; ``threads`` None leaves serve's own default."""
        options = ["--threads", str(threads)] if threads else []
        self.process = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", "0", *options, *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.stderr: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.url = self._wait_for_url()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.stderr.append(line)
            found = re.search(r"on (http://127\.0\.0\.1:\d+/)", line)
            if found:
                return found.group(1)
        self.stop()
        raise AssertionError(f"the server did not start: {''.join(self.stderr)}")

    def log(self) -> str:
        """Return what the server has written on stderr so far."""
        while True:
            try:
                self.stderr.append(self.lines.get_nowait())
            except queue.Empty:
                return "".join(self.stderr)

    def worker_pids(self, count: int, seconds: float = 60) -> list[int]:
        """Return the pids of the ``count`` gunicorn workers, once they have all booted."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pids = re.findall(r"Booting worker with pid: (\d+)", self.log())
            if len(pids) >= count:
                return [int(pid) for pid in pids]
            time.sleep(0.1)
        raise AssertionError(f"fewer than {count} workers booted: {self.log()}")

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """Fetch ``path``; an error status is returned like any other, not raised."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, dict(error.headers), error.read()

    def json(self, path: str) -> Any:
        status, _, body = self.get(path)
        assert status == 200, body
        return json.loads(body)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.reader.join(timeout=10)
        if self.process.stderr is not None:
            self.process.stderr.close()
