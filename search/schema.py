"""The index's fields and how their text is analysed. Bump SCHEMA_VERSION on any change."""

from __future__ import annotations

import re
from datetime import date

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from search.analysis import text_analyzer

# 10: a decision's recorded vote names who voted for, against and abstained, and their ids are
# in ``person`` with the mover's and seconder's;
# 9: the speaker is the person behind the name (the registry's name for "Cllr Hartley" and
# "Zoë Hartley" alike, offices resolved to their holder), and every speech, attendance and
# decision holds the ids of its people (speaker, attendee, mover, seconder) in ``person``;
# 8: text outside items weighs a quarter; 7: British spellings as American
SCHEMA_VERSION = 10


class StoredNumber(NUMERIC):  # type: ignore[misc]
    """A number stored and kept in a column, never indexed: dates are sorted and filtered
    from the column (search.query.DateRange), so indexing their eight numeric terms a chunk
    would only cost time."""

    indexed = False


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
        person=KEYWORD(commas=True, lowercase=False, scorable=False),
        year=ID(stored=True, sortable=True),
        date=StoredNumber(int, bits=32, stored=True, sortable=True, signed=False),
        item_key=ID,
        item_number=STORED,
        item_index=STORED,
        item_title=TEXT(analyzer=text, stored=True, field_boost=2.0),
        text=TEXT(analyzer=text, stored=True),
        about=TEXT(analyzer=text),
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
    "person": "person",
}
DATE_FIELDS = ("date", "before", "after")
DEFAULT_FIELDS = {"item_title": 2.0, "text": 1.0}
# What a chunk is about that its text may not say: who met, when, who spoke. Each word of a
# search is also looked for there (search/ranking.py), weighing less than the text.
ABOUT_FIELD, ABOUT_BOOST = "about", 0.5
# Words of bodies' names that every chunk of a council would hold: not worth looking for.
_GENERIC = re.compile(
    r"\b(?:council|committee|sub|borough|district|city|county|parish|town|community|board|"
    r"commission|meeting|of|the|and|for|on)\b",
    re.IGNORECASE,
)
NAME_FIELDS = ("speaker", "committee", "council")  # keyword fields searched by their words
FACETS = ("committee", "year", "speaker", "kind", "council")


def about(
    council: str | None, committee: str | None, when: date | None, speaker: str | None
) -> str:
    """Return the words a chunk is about beyond its text: the distinctive words of its council's
    and committee's names, its meeting's date written out ("16 September 2021"), its speaker."""
    names = " ".join(_GENERIC.sub(" ", n) for n in (council, committee) if n)
    written = f"{when.day} {when:%B %Y}" if when else ""
    return " ".join(" ".join(part.split()) for part in (names, written, speaker or "") if part)
