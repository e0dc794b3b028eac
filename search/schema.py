"""The index's fields and how their text is analysed. Bump SCHEMA_VERSION on any change."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    Token,
)
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

SCHEMA_VERSION = 1

# Words, keeping references whole: 23/01234/FUL, 77/21, A4440, 2016-17, s106, 338.1.
TOKEN_PATTERN = r"\w+(?:[/.\-]\w+)*"
_SECTION_REF = re.compile(r"^s(\d{1,4}[a-z]?)$")


class ReferenceFilter(Filter):  # type: ignore[misc]
    """Index a compound reference whole and by its parts, and "s106" as "section 106" too.

    At query time a token is left whole, so "2016-17" matches exactly and "2016" matches
    its part; at index time "section 106" is also indexed as "s106" and the reverse.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        previous = ""
        for token in tokens:
            if token.mode != "index":
                yield token
                continue
            text, pos = token.text, token.pos
            yield token
            yield from _extra_forms(token, text, pos, previous)
            previous = text


def _extra_forms(token: Token, text: str, pos: int, previous: str) -> Iterator[Token]:
    """Yield a reference's parts, and the other spelling of a section number."""
    if re.search(r"[/.\-]", text):
        for part in re.split(r"[/.\-]+", text):
            if part:
                token.text, token.pos = part, pos
                yield token
    if match := _SECTION_REF.match(text):
        for offset, word in enumerate(("section", match.group(1))):
            token.text, token.pos = word, pos + offset
            yield token
    elif previous == "section" and re.fullmatch(r"\d{1,4}[a-z]?", text):
        token.text, token.pos = f"s{text}", pos - 1
        yield token


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return str(stem(word))


class PlainStemFilter(Filter):  # type: ignore[misc]
    """Stem English words; leave references and numbers ("a4440", "2016-17") alone."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            if token.text.isalpha():
                token.text = _stem(token.text)
            yield token


def text_analyzer() -> Analyzer:
    """Stemmed English, accents folded, no stop list so phrases keep every word."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | ReferenceFilter()
        | PlainStemFilter()
    )


def name_analyzer() -> Analyzer:
    """Names: words lower-cased with accents folded, not stemmed ("Benson", "Müller")."""
    return RegexTokenizer(r"\w+(?:['’.\-]\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Schema:
    """Return the schema: searchable text, facet keywords with columns, stored display fields."""
    text, names = text_analyzer(), name_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        meeting_id=ID(stored=True),
        source=ID(stored=True),
        council=ID(stored=True, sortable=True),
        committee=ID(stored=True, sortable=True),
        council_text=TEXT(analyzer=names),
        committee_text=TEXT(analyzer=names),
        speaker=ID(stored=True, sortable=True),
        speaker_text=TEXT(analyzer=names),
        year=ID(stored=True, sortable=True),
        month=ID,
        day=ID,
        date=NUMERIC(int, bits=32, stored=True, sortable=True, signed=False),
        item_key=ID,
        item_number=STORED,
        item_sort=ID(stored=True, sortable=True),
        item_index=STORED,
        item_title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        text=TEXT(analyzer=text, stored=True),
        outcome=ID(stored=True),
        details=STORED,
    )


# Query prefixes a user can type, and the fields they search.
USER_FIELDS = {
    "speaker": "speaker_text",
    "committee": "committee_text",
    "council": "council_text",
    "title": "item_title",
    "text": "text",
    "item": "item_key",
    "kind": "kind",
    "outcome": "outcome",
}
DATE_FIELDS = ("date", "before", "after")
DEFAULT_FIELDS = {"item_title": 2.0, "text": 1.0, "speaker_text": 0.5}
FACETS = ("committee", "year", "speaker", "kind", "council")
