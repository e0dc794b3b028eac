"""Highlighting reads a text's words once and marks each search's words in them."""

from __future__ import annotations

from search.highlight import highlight
from search.query import Marks

TEXT = "The library opening hours were agreed. Libraries elsewhere open on Sundays."


def test_a_text_read_again_is_marked_for_each_search_alike() -> None:
    library = Marks(frozenset({"librari"}), ())
    hours = Marks(frozenset(), (("open", "hour"),))
    first = highlight(TEXT, library)
    assert first == highlight(TEXT, library)
    assert first.count("<mark>") == 2 and "<mark>library</mark>" in first
    assert highlight(TEXT, hours) == (
        "The library <mark>opening hours</mark> were agreed. Libraries elsewhere open on Sundays."
    )
