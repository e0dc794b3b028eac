"""Lose nothing: find the text a reading left out of its meetings and keep it as sections.

A document's words are compared with what its meetings hold as sequences of words (shingles).
Paragraphs the meetings do not hold become unrecognised sections (items with
``Meeting.sections``): the text before the first item, between items, after the last, or the
whole document when no structure was found, cut at headings and every few hundred words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from indexer.model import Item, Meeting

SHINGLE = 4  # words in a sequence
SECTION_WORDS = 300  # an unrecognised section is cut after about this many words
MIN_SECTION_WORDS = 60  # ... and at a heading once it has this many
_WORD_RE = re.compile(r"\w+")
_HEADING_RE = re.compile(r"^[ \t]*(?P<title>[A-Z0-9][^\n]{2,90}?)[ \t]*:?[ \t]*$")


@dataclass(frozen=True)
class Coverage:
    """How much of a document's text its meetings hold."""

    words: int  # words in the document's text
    kept: float  # share of its word sequences held anywhere in the meetings (0..1)
    placed: float  # share held in recognised items (0..1)

    def to_dict(self) -> dict[str, float | int]:
        return {"words": self.words, "kept": round(self.kept, 4), "placed": round(self.placed, 4)}


def words(text: str) -> list[str]:
    """Return the text's words, lower-cased, as search sees them."""
    return _WORD_RE.findall(text.lower())


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    """Return every run of SHINGLE words (the whole list when shorter)."""
    if len(tokens) < SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def meeting_texts(meeting: Meeting, recognised_only: bool = False) -> Iterator[str]:
    """Yield every text a meeting's chunks carry: attendance, items, speeches, decisions."""
    for person in meeting.attendance:
        yield person.name
    for item in meeting.items if recognised_only else meeting.items + meeting.sections:
        yield f"{item.number} {item.title} {item.text}"  # a heading runs into its text
        yield from (c.text for c in item.contributions)
        yield from (f"{c.speaker} {c.text}" for c in item.contributions)
        yield from (r.text for r in item.resolutions)


def _held(texts: Iterable[str]) -> set[tuple[str, ...]]:
    """Return the word sequences of the texts, and each of their words alone."""
    held: set[tuple[str, ...]] = set()
    for text in texts:
        tokens = words(text)
        held |= shingles(tokens)
        held.update((token,) for token in tokens)
    return held


def _wanted(tokens: list[str]) -> set[tuple[str, ...]]:
    """Return a paragraph's word sequences; a short paragraph's words one by one."""
    return shingles(tokens) if len(tokens) >= SHINGLE else {(t,) for t in tokens}


def held_share(text: str, held_texts: Iterable[str]) -> float:
    """Return the share of the text's word sequences that the given texts hold."""
    wanted = set().union(*(_wanted(words(p)) for p in _paragraphs(text)))
    return len(wanted & _held(held_texts)) / len(wanted) if wanted else 1.0


def keep_everything(
    text: str, meetings: list[Meeting], source: str
) -> tuple[list[Meeting], Coverage]:
    """Add the paragraphs of ``text`` that no meeting holds as unrecognised sections; return
    the meetings and how much of the text they hold, in all and in recognised items.

    The sections go to the first meeting (a document's text outside its meetings is about the
    first one more often than not); a document with no meeting gets one of its own.
    """
    placed = _held(t for m in meetings for t in meeting_texts(m, recognised_only=True))
    held = placed | _held(s.text for m in meetings for s in m.sections)
    wanted: set[tuple[str, ...]] = set()
    missing, added = [], set[tuple[str, ...]]()
    for paragraph in _paragraphs(text):
        tokens = words(paragraph)
        found = _wanted(tokens)
        wanted |= found
        if _misses(tokens, found, held):
            missing.append(paragraph)
            added |= found
    coverage = Coverage(len(words(text)), _share(wanted, held | added), _share(wanted, placed))
    return _with_sections(meetings, missing, source), coverage


def _share(wanted: set[tuple[str, ...]], held: set[tuple[str, ...]]) -> float:
    return len(wanted & held) / len(wanted) if wanted else 1.0


def _with_sections(meetings: list[Meeting], missing: list[str], source: str) -> list[Meeting]:
    if not missing:
        return meetings
    sections = tuple(_sections(missing))
    if not meetings:
        return [Meeting(source=source, sections=sections)]
    first = meetings[0]
    return [dataclasses.replace(first, sections=first.sections + sections), *meetings[1:]]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _misses(tokens: list[str], wanted: set[tuple[str, ...]], held: set[tuple[str, ...]]) -> bool:
    """Tell a paragraph whose words the meetings do not hold: a short one with a word or a
    word sequence of its own, a longer one with a tenth of its word sequences (a label or a
    line of page furniture that a reader dropped from inside a held passage does not count)."""
    missing = len(wanted - held)
    if len(tokens) < SHINGLE:
        return missing > 0
    return missing > 0 and (len(wanted) <= 12 or missing >= 0.1 * len(wanted) or missing >= 6)


def _sections(paragraphs: list[str]) -> Iterator[Item]:
    """Group paragraphs into sections, a new one at a heading or past SECTION_WORDS words."""
    title, body, size = "", list[str](), 0
    for paragraph in paragraphs:
        heading = _heading(paragraph)
        if body and ((heading and size >= MIN_SECTION_WORDS) or size >= SECTION_WORDS):
            yield _section(title, body)
            title, body, size = "", [], 0
        if heading and not body:
            title = heading
        body.append(paragraph)
        size += len(paragraph.split())
    if body:
        yield _section(title, body)


def _heading(paragraph: str) -> str | None:
    first = paragraph.split("\n", 1)[0]
    match = _HEADING_RE.match(first)
    if match and (first.isupper() or "\n" in paragraph or len(first.split()) <= 8):
        return re.sub(r"\s+", " ", match.group("title"))
    return None


def _section(title: str, body: list[str]) -> Item:
    text = "\n\n".join(body)
    if not title:
        title = " ".join(text.split()[:8]) + ("…" if len(text.split()) > 8 else "")
    return Item(number="", title=title, text=text)
