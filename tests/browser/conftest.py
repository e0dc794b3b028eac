"""Real-browser tests: the app served over HTTP by waitress, driven by Debian's chromium.

They skip when /usr/bin/chromium is absent (a user's machine), unless
MINUTES_SEARCH_REQUIRE_BROWSER=1 (CI), when they fail instead. Playwright's own browser
downloads are never used. A failing test leaves a screenshot in tests/artifacts/.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _unavailable(reason: str) -> None:
    """Skip, or fail where the browser is required (CI sets MINUTES_SEARCH_REQUIRE_BROWSER=1)."""
    if os.environ.get("MINUTES_SEARCH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and MINUTES_SEARCH_REQUIRE_BROWSER=1 requires it")
    pytest.skip(reason)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Keep each phase's report on the test, so a fixture can tell that the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def base_url(sample_index: Path) -> Iterator[str]:
    """Serve the app over the session's index of sample_data/ on a free local port."""
    from waitress import create_server

    from web import create_app

    app = create_app({"INDEX": str(sample_index)})
    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, launched once for the session."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh desktop-sized page; its console errors (CSP violations among them) are kept in
    ``page.console_errors``; a screenshot is saved under tests/artifacts/ if the test fails."""
    context = browser.new_context(base_url=base_url, viewport=DESKTOP)
    opened = context.new_page()
    errors: list[str] = []

    def keep_error(message: Any) -> None:
        if message.type == "error":
            errors.append(message.text)

    opened.on("console", keep_error)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.console_errors = errors
    yield opened
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        opened.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
