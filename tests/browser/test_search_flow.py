"""A person searching in a real browser: typing, narrowing, reading an item, paging."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser


def test_type_a_phrase_and_see_highlighted_hits(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Search the minutes").fill('"library opening hours"')
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page).to_have_url(re.compile(r"/search\?q=%22library\+opening\+hours%22"))
    heading = page.locator("#results-heading")
    expect(heading).to_have_text(re.compile(r"^\d+ results? for “\"library opening hours\"”$"))
    marks = page.locator(".snippet mark")
    expect(marks.first).to_be_visible()
    assert {text.lower() for text in marks.all_inner_texts()} == {"library opening hours"}
    assert page.console_errors == []


def test_press_enter_to_search(page: Page) -> None:
    page.goto("/search?q=budget")
    box = page.get_by_label("Search the minutes")
    box.fill("parking")
    box.press("Enter")
    expect(page.locator("#results-heading")).to_have_text(re.compile(r"results for “parking”$"))


def test_narrow_by_a_facet_and_the_count_matches(page: Page) -> None:
    page.goto("/search?q=library")
    facet = page.locator("section[aria-labelledby=facet-committee] li.facet-value a").first
    label = facet.evaluate("a => a.firstChild.textContent.trim()")
    count = facet.locator(".facet-count").evaluate("s => s.firstChild.textContent.trim()")
    facet.click()
    expect(page.locator("#results-heading")).to_have_text(f"{count} results for “library”")
    expect(page.locator(".applied-filters")).to_contain_text(f"Committee: {label}")
    page.get_by_role("link", name=f"Remove filter Committee: {label}").first.click()
    expect(page.locator("#results-heading")).to_have_text(re.compile(r"^164 results"))
    assert page.console_errors == []


def test_open_an_item_then_its_meeting(page: Page) -> None:
    page.goto("/search?q=library+opening+hours")
    page.locator(".group-item .hit-title a").first.click()
    expect(page.locator("h1")).to_have_text("Item 3: Library opening hours")
    expect(page.locator("h1 mark")).to_have_text("Library opening hours")
    expect(page.locator("section[aria-labelledby=minutes] mark").first).to_be_visible()
    page.locator("dl.facts").get_by_role("link", name="Cabinet, 4 March 2021").click()
    expect(page).to_have_url(re.compile(r"/meetings/f60a9be279fa63d1$"))
    expect(page.locator("h1")).to_have_text("Cabinet, 4 March 2021")
    expect(page.get_by_role("heading", name="Attendance")).to_be_visible()
    expect(page.locator("ol.item-list > li")).to_have_count(7)  # 6 items, the opening text
    assert page.console_errors == []


def test_page_through_results(page: Page) -> None:
    page.goto("/search?q=library")
    expect(page.locator(".range")).to_have_text("Showing 1 to 20 of 164")
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"[?&]page=2\b"))
    expect(page.locator(".range")).to_have_text("Showing 21 to 40 of 164")
    expect(page.locator("nav.pagination [aria-current=page]")).to_have_text("2")
    page.get_by_role("link", name="Page 9").click()
    expect(page.locator(".range")).to_have_text("Showing 161 to 164 of 164")
    expect(page.get_by_role("link", name="Next page")).to_have_count(0)
    page.get_by_role("link", name="Previous page").click()
    expect(page.locator(".range")).to_have_text("Showing 141 to 160 of 164")


def test_a_bad_date_is_explained_next_to_the_box(page: Page) -> None:
    page.goto("/search?q=library")
    page.locator("summary", has_text="Meeting dates").click()
    page.get_by_label("From").fill("2019-13")
    page.get_by_role("button", name="Apply dates").click()
    expect(page.locator("#dates-error")).to_have_text(
        "Error: '2019-13' is not a date (month must be in 1..12)"
    )
    expect(page.get_by_label("From")).to_have_attribute("aria-invalid", "true")
    page.locator(".error-summary a").click()
    expect(page.get_by_label("From")).to_be_focused()


def test_the_keyboard_reaches_the_content_first_and_focus_is_visible(page: Page) -> None:
    page.goto("/search?q=library")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert skip.evaluate("a => getComputedStyle(a).backgroundColor") == "rgb(255, 221, 0)"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    help_link = page.locator(":focus")
    expect(help_link).to_have_text("How to write a query")
    assert help_link.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"
    page.keyboard.press("Tab")
    box = page.locator(":focus")
    expect(box).to_have_attribute("id", "q")
    assert box.evaluate("e => getComputedStyle(e).outlineColor") == "rgb(255, 221, 0)"
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Search")


def test_search_works_without_javascript(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_label("Search the minutes").fill("allotments")
        page.get_by_role("button", name="Search", exact=True).click()
        expect(page.locator("#results-heading")).to_contain_text("for “allotments”")
        page.locator("summary", has_text="Meeting dates").click()
        page.get_by_label("To").fill("2020")
        page.get_by_role("button", name="Apply dates").click()
        expect(page.locator(".applied-filters")).to_contain_text("To: 2020")
    finally:
        context.close()


@pytest.mark.parametrize(
    "url",
    [
        "/search?q=library+opening+hours",
        "/search?q=library&group=0",
        "/items/f60a9be279fa63d1-i3?q=library",
        "/meetings/b690f7bfea244bc8",
        "/status",
        "/help/query-syntax",
        "/people/ashbury-borough-council/priya-patel",  # /speakers/ sends the name there
    ],
)
def test_phone_width_pages_do_not_scroll_sideways(page: Page, url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{url} is {width}px wide on a {PHONE['width']}px phone"
    assert page.console_errors == []
