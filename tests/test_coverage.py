"""Lose nothing: text outside the recognised items is kept as sections, and measured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.chunks import chunk_meeting
from indexer.coverage import _spaced, held_share, keep_everything
from indexer.model import Item, Meeting
from indexer.read import find_documents, read_with_coverage
from indexer.readers.text import read_text
from tests.conftest import CORPUS

MINUTES = """KELMSCOTT DISTRICT COUNCIL

Minutes of the Planning Committee held on Tuesday 14 July 2020

The Chairman welcomed the new clerk and reminded members about the fire drill at the depot.

1. Apologies

Apologies were received from Councillor Amber Lowe.

A site visit to the old tannery on Mill Lane was arranged for members before the next meeting.

2. Bus Depot

RESOLVED that the application be approved.

Signed as a correct record by the Chairman of the Planning Committee at its next meeting.
"""


def _read(text: str) -> list[str]:
    _, meetings = read_text(text, "m.txt")
    kept, _ = keep_everything(text, meetings, "m.txt")
    return [section.text for meeting in kept for section in meeting.sections]


def test_text_before_the_first_item_is_kept_as_a_section() -> None:
    sections = "\n\n".join(_read(MINUTES))
    assert "reminded members about the fire drill at the depot" in sections
    assert "old tannery on Mill Lane" not in sections  # inside item 1: already held


def test_text_a_reader_left_between_and_after_its_items_is_kept() -> None:
    items = (Item("1", "Apologies", "Apologies were received from Councillor Amber Lowe."),)
    meeting = Meeting(source="m.html", items=items)
    text = (
        "1 Apologies\n\nApologies were received from Councillor Amber Lowe.\n\n"
        "A table of planning appeals lodged since the last meeting of the committee.\n\n"
        "Signed as a correct record by the Chairman at the next meeting."
    )
    [kept], _ = keep_everything(text, [meeting], "m.html")
    assert kept.items == items
    assert [s.text for s in kept.sections] == [
        "A table of planning appeals lodged since the last meeting of the committee.\n\n"
        "Signed as a correct record by the Chairman at the next meeting."
    ]


def test_items_are_not_repeated_in_sections() -> None:
    sections = "\n\n".join(_read(MINUTES))
    assert "RESOLVED that the application be approved" not in sections


def test_a_document_with_no_structure_becomes_sections_of_its_own() -> None:
    text = "\n\n".join(
        f"Paragraph {n} says something about the {n}th allotment." for n in range(80)
    )
    [meeting], _ = keep_everything(text, [], "notes.txt")
    assert meeting.items == ()
    assert sum(len(s.text.split()) for s in meeting.sections) == len(text.split())
    assert len(meeting.sections) > 1  # cut every few hundred words


def test_coverage_counts_what_the_items_hold() -> None:
    _, meetings = read_text(MINUTES, "m.txt")
    before = held_share(MINUTES, _chunk_texts(meetings))
    kept, coverage = keep_everything(MINUTES, meetings, "m.txt")
    assert before < 1.0  # the preamble is in no item
    assert held_share(MINUTES, _chunk_texts(kept)) == coverage.kept == 1.0
    assert coverage.placed < 1.0


def _chunk_texts(meetings: list[Meeting]) -> list[str]:
    """Return what the index holds of the meetings: every chunk's words and titles."""
    chunks = [c for m in meetings for c in chunk_meeting(m)]
    return [f"{c.item_number} {c.item_title} {c.speaker or ''} {c.text}" for c in chunks]


@pytest.mark.corpus
def test_every_corpus_file_keeps_99_percent_of_its_word_sequences(corpus: Path) -> None:
    lost = {}
    for path in find_documents([corpus]):
        reading = read_with_coverage(path)
        share = held_share(reading.text, _chunk_texts(reading.meetings))
        if share < 0.99:
            lost[str(path.relative_to(CORPUS))] = share
    assert lost == {}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_words_are_cut_as_the_word_pattern_cuts_them(text: str) -> None:
    """The coverage pass cuts words with bytes.translate: the same words as ``\\w+``, in any
    script, with any punctuation, quotes, dashes and ligatures."""
    assert _spaced(text).split() == [w.encode() for w in re.findall(r"\w+", text)]


def test_words_of_minutes_in_many_scripts() -> None:
    text = "Cllr O’Neil—“the café’s ﬁnal İstanbul trip” (£1,200) • Lötzsch: 10:30 a.m. ¶ 5½"
    assert _spaced(text).split() == [w.encode() for w in re.findall(r"\w+", text)]
