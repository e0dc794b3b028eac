"""The screenshot in docs/: the search page with results at 1280x900.

Refresh it with ``MINUTES_SEARCH_UPDATE_SCREENSHOT=1 .venv/bin/pytest -m browser -k screenshot``.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

DOCS_SCREENSHOT = ROOT / "docs" / "search-page.png"


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_search_page_screenshot(page: Page, tmp_path: Path) -> None:
    page.goto("/search?q=library+opening+hours")
    expect(page.locator(".snippet mark").first).to_be_visible()
    update = os.environ.get("MINUTES_SEARCH_UPDATE_SCREENSHOT") == "1"
    target = DOCS_SCREENSHOT if update else tmp_path / "search-page.png"
    page.screenshot(path=str(target))
    assert png_size(target) == (DESKTOP["width"], DESKTOP["height"])
    assert png_size(DOCS_SCREENSHOT) == (DESKTOP["width"], DESKTOP["height"])
