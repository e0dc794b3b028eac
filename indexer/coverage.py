"""Lose nothing: find the text a reading left out of its meetings and keep it as sections.

A document's words are compared with what its meetings hold as sequences of words (shingles).
Paragraphs the meetings do not hold become ``Meeting.sections`` (items with no number): the
text before the first item, between items, after the last, or the whole document when no
structure was found, cut at headings and every few hundred words.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from indexer.model import Item, Meeting

SHINGLE = 4  # words in a sequence
SECTION_WORDS = 500  # an unrecognised section is cut after about this many words
MIN_SECTION_WORDS = 200  # ... and at a heading once it has this many
_HEADING_RE = re.compile(r"^[ \t]*(?P<title>[A-Z0-9][^\n]{2,90}?)[ \t]*:?[ \t]*$")


@dataclass(frozen=True)
class Coverage:
    """How much of a document's text its meetings hold."""

    words: int  # words in the document's text
    kept: float  # share of its word sequences held anywhere in the meetings (0..1)
    placed: float  # share held in recognised items (0..1)


def meeting_texts(meeting: Meeting, recognised_only: bool = False) -> Iterator[str]:
    """Yield every text a meeting's chunks carry: attendance, items, speeches, decisions."""
    for person in meeting.attendance:
        yield person.name
    for item in meeting.items if recognised_only else meeting.items + meeting.sections:
        yield f"{item.number} {item.title} {item.text}"  # a heading runs into its text
        yield from (f"{c.speaker} {c.text}" for c in item.contributions)  # holds c.text too
        yield from (r.text for r in item.resolutions)


class _Sequences:
    """Word sequences as integers: each word its hash, each run of SHINGLE words a hash of
    their hashes (and a word alone its hash, negated), so that whole documents are compared as
    numpy arrays rather than sets of tuples. A word's hash is worked out from its bytes by
    numpy (``_word_ids``), every word of a document at once, not by Python word by word."""

    @staticmethod
    def runs(ids: np.ndarray) -> np.ndarray:
        """Return the hashes of the runs of SHINGLE words (none for fewer words)."""
        if len(ids) < SHINGLE:
            return np.empty(0, dtype=np.int64)
        key = ids[: len(ids) - SHINGLE + 1].copy()
        for offset in range(1, SHINGLE):
            key = key * _PRIME + ids[offset : len(ids) - SHINGLE + 1 + offset]
        return key

    def held(self, texts: Iterable[str]) -> np.ndarray:
        """Return the runs of the texts (none across two of them), and each word alone."""
        ids, owner = self._read(list(texts))
        runs, whole = self._whole_runs(ids, owner)
        return np.concatenate([runs[whole], ~ids])

    def wanted(self, paragraphs: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return what each paragraph must find held: its runs, or a short paragraph's words
        one by one; with the paragraph each belongs to, and each paragraph's count of words."""
        ids, owner = self._read(paragraphs)
        runs, whole = self._whole_runs(ids, owner)
        sizes = np.bincount(owner, minlength=len(paragraphs))
        short = sizes[owner] < SHINGLE
        values = np.concatenate([runs[whole], ~ids[short]])
        owners = np.concatenate([owner[: len(runs)][whole], owner[short]])
        return values, owners, sizes

    @staticmethod
    def _read(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Return the words of all the texts as ids, and the text each word is in: one pass
        over the texts marked apart, not one for each speech and paragraph."""
        data = np.frombuffer(_spaced(_BREAK.join(texts).lower()), dtype=np.uint8)
        inside = np.concatenate([[False], data > ord(" "), [False]])
        edges = np.flatnonzero(inside[1:] != inside[:-1])
        starts, ends = edges[0::2], edges[1::2]
        return _word_ids(data, starts, ends), np.searchsorted(np.flatnonzero(data == 0), starts)

    def _whole_runs(self, ids: np.ndarray, owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return the runs of the words, and which lie inside one text."""
        runs = self.runs(ids)
        whole = owner[: len(runs)] == owner[SHINGLE - 1 :] if len(runs) else runs > 0
        return runs, whole


_PRIME = 1_000_003  # spreads the words of a run over the 64 bits (overflow wraps: a hash)
_BREAK = "\x00"  # between paragraphs: no word
_WORD_CHAR_RE = re.compile(r"\w")
_NOT_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_NEITHER_RE = re.compile(r"[^\w\x00-\x7f]")  # neither a word character nor ASCII
_FEW = 16  # past this many kinds of them, one regular expression replaces them all
_BYTE_PRIME = np.uint64(0x100000001B3)  # FNV's: spreads a word's bytes over the 64 bits
_MIXERS = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
# Each byte: an ASCII character that is no word character becomes a space; a word character,
# a NUL and the bytes of a character past ASCII (128 and over in UTF-8) stay.
_SPACE_FOR_NON_WORD = bytes(
    b if b == 0 or b >= 128 or _WORD_CHAR_RE.match(chr(b)) else ord(" ") for b in range(256)
)


def _spaced(text: str) -> bytes:
    r"""Return the text in UTF-8 with every character that is no word character (``\W``) a
    space, but NUL: its words are the runs of bytes over 32. The few characters past ASCII
    that are no word characters (quotes, dashes, bullets) are replaced one by one, the rest
    by one bytes.translate: no regular expression is tried at every character."""
    others = [c for c in set(_NOT_ASCII_RE.findall(text)) if not _WORD_CHAR_RE.match(c)]
    if len(others) > _FEW:
        text = _NEITHER_RE.sub(" ", text)
    else:
        for char in others:
            text = text.replace(char, " ")
    return text.encode().translate(_SPACE_FOR_NON_WORD)


def _word_ids(data: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Return a 64-bit hash of each word, the bytes ``data[start:end]``: a polynomial over its
    bytes, worked out for all words together one byte position at a time (the longest words
    first, so that each step works on the words still that long), then mixed."""
    lengths = ends - starts
    order = np.argsort(-lengths)
    first = starts[order]
    longer = len(order) - np.cumsum(np.bincount(lengths))  # how many words are longer than n
    hashes = np.zeros(len(order), dtype=np.uint64)
    for position, count in enumerate(longer[:-1]):
        hashes[:count] = hashes[:count] * _BYTE_PRIME + data[first[:count] + position]
    ids = np.empty_like(hashes)
    ids[order] = _mixed(hashes)
    return ids.view(np.int64)


def _mixed(values: np.ndarray) -> np.ndarray:
    """Spread the bits of each value over all 64 (MurmurHash3's finaliser)."""
    for multiplier in _MIXERS:
        values = (values ^ (values >> np.uint64(33))) * multiplier
    values ^= values >> np.uint64(33)
    return values


def held_share(text: str, held_texts: Iterable[str]) -> float:
    """Return the share of the text's word sequences that the given texts hold."""
    sequences = _Sequences()
    held = np.sort(sequences.held(held_texts))
    return _share(sequences.wanted(_paragraphs(text))[0], held)


def keep_everything(
    text: str, meetings: list[Meeting], source: str
) -> tuple[list[Meeting], Coverage]:
    """Add the paragraphs of ``text`` that no meeting holds as unrecognised sections; return
    the meetings and how much of the text they hold, in all and in recognised items.

    The sections go to the first meeting (a document's text outside its meetings is about the
    first one more often than not); a document with no meeting gets one of its own.
    """
    sequences = _Sequences()
    placed = np.sort(
        sequences.held(t for m in meetings for t in meeting_texts(m, recognised_only=True))
    )
    others = np.sort(sequences.held(s.text for m in meetings for s in m.sections))
    paragraphs = _paragraphs(text)
    flat, owner, sizes = sequences.wanted(paragraphs)
    in_items = _member(flat, placed)
    held = in_items | _member(flat, others)
    count = np.bincount(owner, minlength=len(paragraphs))
    missing = np.bincount(owner, ~held, minlength=len(paragraphs)).astype(np.int64)
    kept = [
        index
        for index in np.flatnonzero(missing)
        if _misses(int(sizes[index]), int(count[index]), int(missing[index]))
    ]
    lost = int(missing.sum() - missing[kept].sum()) if len(flat) else 0
    coverage = Coverage(
        words=int(sizes.sum()),
        kept=1.0 - lost / len(flat) if len(flat) else 1.0,
        placed=float(in_items.mean()) if len(flat) else 1.0,
    )
    return _with_sections(meetings, [paragraphs[i] for i in kept], source), coverage


def _member(values: np.ndarray, held: np.ndarray) -> np.ndarray:
    """Tell, for each value, whether the sorted array ``held`` has it."""
    if not len(held):
        return np.zeros(len(values), dtype=bool)
    order = np.argsort(values)  # sorted, they are looked up in one sweep: twice as fast
    ordered = values[order]
    at = np.minimum(np.searchsorted(held, ordered), len(held) - 1)
    found = np.empty(len(values), dtype=bool)
    found[order] = held[at] == ordered
    return found


def _share(wanted: np.ndarray, held: np.ndarray) -> float:
    """Return the share of the word sequences (counted as often as they occur) held."""
    return float(_member(wanted, held).mean()) if len(wanted) else 1.0


def _misses(tokens: int, wanted: int, missing: int) -> bool:
    """Tell a paragraph whose words the meetings do not hold: a short one with a word or a
    word sequence of its own, a longer one with a tenth of its word sequences (a label or a
    line of page furniture that a reader dropped from inside a held passage does not count)."""
    if tokens < SHINGLE:
        return missing > 0
    return missing > 0 and (wanted <= 12 or missing >= 0.1 * wanted or missing >= 6)


def _with_sections(meetings: list[Meeting], missing: list[str], source: str) -> list[Meeting]:
    """Add the missing paragraphs as sections of the first meeting (or of a meeting of theirs)."""
    if not missing:
        return meetings
    sections = tuple(_sections(missing))
    if not meetings:
        return [Meeting(source=source, sections=sections)]
    first = meetings[0]
    return [dataclasses.replace(first, sections=first.sections + sections), *meetings[1:]]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


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
    """Return a paragraph's heading: a first line in capitals, or short, or above more lines."""
    first = paragraph.split("\n", 1)[0]
    match = _HEADING_RE.match(first)
    if match and (first.isupper() or "\n" in paragraph or len(first.split()) <= 8):
        return re.sub(r"\s+", " ", match.group("title"))
    return None


def _section(title: str, body: list[str]) -> Item:
    """Return a section: its heading as title, else its first eight words."""
    text = "\n\n".join(body)
    if not title:
        words = text.split(maxsplit=8)  # the first eight, and the rest if any
        title = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    return Item(number="", title=title, text=text)
