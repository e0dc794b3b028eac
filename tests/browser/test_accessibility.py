"""axe-core, run in the browser on each kind of page: no serious or critical violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

PAGES = {
    "search results": "/search?q=library+opening+hours",
    "flat results with filters": "/search?q=library&group=0&committee=Cabinet&from=2020",
    "no results": "/search?q=libary&committee=Cabinet",
    "bad date": "/search?q=library&from=2019-13",
    "home": "/",
    "item": "/items/b690f7bfea244bc8-i3?q=hackney",
    "transcript item": "/items/f60a9be279fa63d1-i3",
    "meeting": "/meetings/b690f7bfea244bc8",
    "speaker": "/speakers/Councillor%20Priya%20Patel",
    "committees": "/committees",
    "committee": "/committee?council=Ashbury+Borough+Council&committee=Cabinet",
    "status": "/status",
    "query syntax": "/help/query-syntax",
    "not found": "/items/nope",
}
BLOCKING = ("serious", "critical")
# WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, one h1, skip link).
RULES = {"runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}  # fmt: skip
AXE = Axe()


def violations(page: Page) -> list[dict[str, object]]:
    """Run axe-core on the page and return every violation, whatever its impact."""
    found: list[dict[str, object]] = AXE.run(page, options=RULES).response["violations"]
    return found


def describe(found: list[dict[str, object]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(n["target"]) for n in v["nodes"])  # type: ignore[attr-defined]
        for v in found
    )


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_serious_or_critical_violations(page: Page, url: str) -> None:
    page.goto(url)
    blocking = [v for v in violations(page) if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


@pytest.mark.parametrize("url", [PAGES["search results"], PAGES["item"], PAGES["meeting"]])
def test_no_violations_at_all_on_a_phone(page: Page, url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(url)
    found = violations(page)
    assert not found, describe(found)


def test_axe_does_find_a_violation(page: Page) -> None:
    """Guard the guard: a field with no label is reported, so a silent axe cannot pass."""
    page.set_content('<!doctype html><html lang="en"><title>t</title><main><input></main></html>')
    assert "label" in {v["id"] for v in violations(page)}
