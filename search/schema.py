"""The index's fields and how their text is analysed. Bump SCHEMA_VERSION on any change."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from whoosh.analysis import Analyzer, CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, Token
from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map

SCHEMA_VERSION = 2

# Words, keeping references whole: 23/01234/FUL, 77/21, A4440, 2016-17, s106, 338.1.
TOKEN_PATTERN = r"\w+(?:[/.\-]\w+)*"
_SECTION_REF = re.compile(r"^s(\d{1,4}[a-z]?)$")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return str(stem(word))


def _plain(text: str) -> str:
    """Stem an English word; leave references and numbers ("a4440", "2016-17") alone."""
    return _stem(text) if text.isalpha() else text


class MinutesFilter(Filter):  # type: ignore[misc]
    """Lower-case, fold accents and stem words; index references whole and by their parts.

    One filter rather than a chain of four, because analysis is most of the cost of indexing.
    At index time "23/01234/FUL" is also indexed as "23", "01234" and "ful", "s106" also as
    "section 106" and "section 106" also as "s106"; at query time a token is left whole, so
    "2016-17" matches exactly while "2016" matches its part.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        previous = ""
        for token in tokens:
            text = token.text.lower().translate(accent_map)
            if token.mode != "index" or (text.isalnum() and not _special(text, previous)):
                token.text = _plain(text)
                yield token
            else:
                pos = token.pos
                token.text = _plain(text)
                yield token
                yield from _extra_forms(token, text, pos, previous)
            previous = text


def _special(text: str, previous: str) -> bool:
    """Tell a token that has another spelling: "s106", or the number after "section"."""
    return bool(_SECTION_REF.match(text)) or (previous == "section" and text[:1].isdigit())


def _extra_forms(token: Token, text: str, pos: int, previous: str) -> Iterator[Token]:
    """Yield a reference's parts, and the other spelling of a section number."""
    if not text.isalnum():
        for part in re.split(r"[/.\-]+", text):
            if part:
                token.text, token.pos = _plain(part), pos
                yield token
    if match := _SECTION_REF.match(text):
        for offset, word in enumerate(("section", match.group(1))):
            token.text, token.pos = word, pos + offset
            yield token
    elif previous == "section" and re.fullmatch(r"\d{1,4}[a-z]?", text):
        token.text, token.pos = f"s{text}", pos - 1
        yield token


def text_analyzer() -> Analyzer:
    """Stemmed English, accents folded, no stop list so phrases keep every word."""
    return RegexTokenizer(TOKEN_PATTERN) | MinutesFilter()


def name_analyzer() -> Analyzer:
    """Names: words lower-cased with accents folded, not stemmed ("Benson", "Müller")."""
    return RegexTokenizer(r"\w+(?:['’.\-]\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> Schema:
    """Return the schema: searchable text, facet keywords with columns, stored display fields."""
    text = text_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True, sortable=True),
        meeting_id=ID(stored=True),
        source=ID(stored=True),
        council=ID(stored=True, sortable=True),
        committee=ID(stored=True, sortable=True),
        speaker=ID(stored=True, sortable=True),
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
    "speaker": "speaker",
    "committee": "committee",
    "council": "council",
    "title": "item_title",
    "text": "text",
    "item": "item_key",
    "kind": "kind",
    "outcome": "outcome",
}
DATE_FIELDS = ("date", "before", "after")
DEFAULT_FIELDS = {"item_title": 2.0, "text": 1.0}
NAME_FIELDS = ("speaker", "committee", "council")  # keyword fields searched by their words
FACETS = ("committee", "year", "speaker", "kind", "council")
