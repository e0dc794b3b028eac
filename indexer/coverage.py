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
    return [w.lower() for w in _WORD_RE.findall(text)]


def shingles(tokens: list[str]) -> set[tuple[str, ...]]:
    """Return every run of SHINGLE words (the whole list when shorter)."""
    if len(tokens) < SHINGLE:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def meeting_texts(meeting: Meeting, recognised_only: bool = False) -> Iterator[str]:
    """Yield every text a meeting's chunks carry: facts, attendance, items, speeches, decisions."""
    yield " ".join(str(v) for v in (meeting.council, meeting.committee, meeting.venue) if v)
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


def document_shingles(text: str) -> set[tuple[str, ...]]:
    """Return the word sequences of a document, paragraph by paragraph."""
    found: set[tuple[str, ...]] = set()
    for paragraph in _paragraphs(text):
        tokens = words(paragraph)
        found |= shingles(tokens) if len(tokens) >= SHINGLE else {(t,) for t in tokens}
    return found


def measure(text: str, meetings: list[Meeting]) -> Coverage:
    """Return how much of ``text`` the meetings hold, anywhere and in recognised items."""
    wanted = document_shingles(text)
    if not wanted:
        return Coverage(0, 1.0, 1.0)
    anywhere = _held(t for m in meetings for t in meeting_texts(m))
    placed = _held(t for m in meetings for t in meeting_texts(m, recognised_only=True))
    count = len(words(text))
    return Coverage(count, len(wanted & anywhere) / len(wanted), len(wanted & placed) / len(wanted))


def keep_everything(text: str, meetings: list[Meeting], source: str) -> list[Meeting]:
    """Add the paragraphs of ``text`` that no meeting holds as unrecognised sections.

    They go to the first meeting (a document's text outside its meetings is about the first
    one more often than not); a document with no meeting gets one of its own.
    """
    held = _held(t for m in meetings for t in meeting_texts(m))
    missing = [p for p in _paragraphs(text) if _misses(p, held)]
    if not missing:
        return meetings
    sections = tuple(_sections(missing))
    if not meetings:
        return [Meeting(source=source, sections=sections)]
    first = meetings[0]
    return [dataclasses.replace(first, sections=first.sections + sections), *meetings[1:]]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def _misses(paragraph: str, held: set[tuple[str, ...]]) -> bool:
    """Tell a paragraph whose words the meetings do not hold: a short one with a word or a
    word sequence of its own, a longer one with a tenth of its word sequences (a label or a
    line of page furniture that a reader dropped from inside a held passage does not count)."""
    tokens = words(paragraph)
    if len(tokens) < SHINGLE:
        return any((token,) not in held for token in tokens)
    wanted = shingles(tokens)
    missing = len(wanted - held)
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
