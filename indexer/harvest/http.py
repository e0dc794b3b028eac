"""A polite HTTP client for harvesting: one council's hosts only, slowly, within limits.

Every request names minutes-search in its User-Agent, waits ``delay`` seconds after the one
before, gives up after ``timeout`` seconds without an answer, retries 429 and 5xx answers (and
broken connections) with a growing wait, honouring ``Retry-After``, and reads a body only up to
``max_bytes``. Redirects are followed by hand, each hop checked against the council's hosts,
so a link off those hosts is never fetched. Conditional requests (``If-None-Match``,
``If-Modified-Since``) are sent when the caller has the validators of an earlier answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

MB = 1024 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_REDIRECTS = 5


def _version() -> str:
    try:
        return version("minutes-search")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0"


USER_AGENT = (
    f"minutes-search/{_version()} (harvests published council minutes for search; "
    "polite: one request at a time, a delay between requests)"
)


@dataclass(frozen=True)
class Politeness:
    """How hard a harvest may press a council's server."""

    delay: float = 1.0  # seconds between the end of one request and the start of the next
    timeout: float = 30.0  # seconds without an answer before a request is given up
    retries: int = 3  # further tries after a 429, a 5xx or a broken connection
    backoff: float = 2.0  # first wait between tries, doubled each time (without Retry-After)
    max_retry_after: float = 300.0  # a longer Retry-After is a failure, not a wait
    max_bytes: int = 50 * MB  # a longer body is refused
    user_agent: str = USER_AGENT


class FetchError(Exception):
    """A URL that could not be fetched, with the reason in words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Hosts:
    """The hosts a harvest may ask: exact ``host[:port]`` names, or names ending in a suffix."""

    names: frozenset[str]
    suffixes: tuple[str, ...] = ()

    def allows(self, url: str) -> bool:
        """Tell whether ``url`` is on one of the council's hosts (http or https only)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        host = parts.hostname.lower()
        return parts.netloc.lower() in self.names or host.endswith(self.suffixes)


@dataclass(frozen=True)
class Fetched:
    """One answer: its final URL, status (200 or 304), body and validators."""

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class PoliteClient:
    """Fetch URLs of the council's hosts one at a time, politely."""

    hosts: Hosts
    politeness: Politeness = field(default_factory=Politeness)
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0  # requests sent, retries included
    _last: float | None = None
    _client: httpx.Client | None = None

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        secret: dict[str, str] | None = None,
    ) -> Fetched:
        """GET ``url`` (conditionally when validators are given); raise FetchError.

        :param secret: query parameters sent with the first request (an API token) but never
            named in the answer's URL nor in an error.
        """
        headers = {"User-Agent": self.politeness.user_agent}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(MAX_REDIRECTS + 1):
            if not self.hosts.allows(url):
                raise FetchError(url, "not on the council's host; not followed")
            answer = self._with_retries(url, headers, secret)
            if isinstance(answer, Fetched):
                return answer
            url, secret = answer, None
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

    def _with_retries(
        self, url: str, headers: dict[str, str], secret: dict[str, str] | None
    ) -> Fetched | str:
        """Send one request, retrying 429, 5xx and broken connections; return the answer
        or the URL a redirect points to."""
        tries = self.politeness.retries + 1
        for attempt in range(tries):
            try:
                return self._once(url, headers, secret)
            except _Retry as retry:
                if attempt + 1 == tries:
                    raise FetchError(url, f"{retry.reason} after {tries} tries") from None
                wait = retry.after
                if wait is None:
                    wait = self.politeness.backoff * 2**attempt
                if wait > self.politeness.max_retry_after:
                    raise FetchError(url, f"{retry.reason}; asked to wait {wait:.0f} s") from None
                self.sleep(wait)
        raise AssertionError("unreachable")

    def _once(
        self, url: str, headers: dict[str, str], secret: dict[str, str] | None
    ) -> Fetched | str:
        """Send one request after the polite delay and read its answer within the limits."""
        self._wait()
        self.requests += 1
        client = self._http()
        try:
            with client.stream("GET", url, headers=headers, params=secret) as response:
                self._last = time.monotonic()
                return self._answer(url, response)
        except httpx.TimeoutException:
            raise _Retry(f"no answer within {self.politeness.timeout:g} s") from None
        except httpx.TransportError as error:
            raise _Retry(f"connection failed ({type(error).__name__})") from None
        finally:
            self._last = time.monotonic()

    def _answer(self, url: str, response: httpx.Response) -> Fetched | str:
        status = response.status_code
        if status in RETRY_STATUSES:
            raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("Retry-After")))
        if response.is_redirect and "Location" in response.headers:
            return urljoin(url, response.headers["Location"])
        if status == 304:
            return Fetched(url, 304, etag=response.headers.get("ETag"))
        if status != 200:
            raise FetchError(url, f"HTTP {status} {response.reason_phrase}".rstrip())
        return Fetched(
            url,
            200,
            self._body(url, response),
            response.headers.get("ETag"),
            response.headers.get("Last-Modified"),
            response.headers.get("Content-Type"),
        )

    def _body(self, url: str, response: httpx.Response) -> bytes:
        """Read the body, refusing it as soon as it passes the size cap."""
        cap = self.politeness.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"larger than the cap of {_size(cap)} ({_size(int(declared))})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"larger than the cap of {_size(cap)}; download stopped")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait(self) -> None:
        if self._last is not None:
            left = self.politeness.delay - (time.monotonic() - self._last)
            if left > 0:
                self.sleep(left)

    def _http(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.politeness.timeout, follow_redirects=False)
        return self._client


class _Retry(Exception):
    """An answer worth asking again: its reason and the wait the server asked for."""

    def __init__(self, reason: str, after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.after = after


def _retry_after(value: str | None) -> float | None:
    """Read ``Retry-After``: seconds, or an HTTP date; None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB else f"{count:,} bytes"
