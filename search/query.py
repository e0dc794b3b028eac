"""User query text and filters -> a Whoosh query; lenient by default, InvalidQuery otherwise.

The language (docs/query-syntax.md): words (all must match), "phrases", OR, NOT, -word,
brackets, speaker: committee: council: item: kind: title: outcome:, date:2017,
date:2017-09, date:[2016 to 2018-06], before:, after:, prefix*, fuzzy~.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from whoosh import fields, matching, qparser, query

from indexer.chunks import KINDS
from search.analysis import name_analyzer, text_analyzer
from search.errors import InvalidQuery
from search.names import NameIndex
from search.postings import column_values
from search.schema import (
    DATE_FIELDS,
    DEFAULT_FIELDS,
    NAME_FIELDS,
    USER_FIELDS,
)

MAX_EXPANSION = 200
MIN_PREFIX = 3
_STOP_LIST = (
    "a an and are as at be by for from in into is it of on or that the to was were will with"
)
STOP_WORDS = frozenset(_STOP_LIST.split())
KIND_ALIASES = {**{k: k for k in KINDS}, "items": "item", "speeches": "speech",
                "decisions": "decision", "resolutions": "decision", "resolution": "decision",
                "attendees": "attendance"}  # fmt: skip
_FIELD_PREFIX_RE = re.compile(r"(?<![\w:/])([A-Za-z_]+):(?=[^\s:]|$)")
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


class Lexicon(Protocol):
    """What the parser asks of the index: the words of a field, and its names by their words."""

    def expand_prefix(self, fieldname: str, prefix: str) -> Iterable[Any]: ...

    def names(self, fieldname: str) -> NameIndex: ...


@dataclass(frozen=True)
class Marks:
    """What a snippet should mark: single words, and phrases as word sequences."""

    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ParsedQuery:
    """A query ready to run, with notes on anything read leniently."""

    query: query.Query
    notes: tuple[str, ...] = ()
    marks: Marks = field(default_factory=lambda: Marks(frozenset(), ()))


def _parse_schema() -> fields.Schema:
    text, names = text_analyzer(), name_analyzer()
    return fields.Schema(
        title=fields.TEXT(analyzer=text),
        text=fields.TEXT(analyzer=text),
        speaker=fields.TEXT(analyzer=names),
        committee=fields.TEXT(analyzer=names),
        council=fields.TEXT(analyzer=names),
        item=fields.ID,
        person=fields.ID,
        kind=fields.ID,
        outcome=fields.ID,
        date=fields.ID,
        before=fields.ID,
        after=fields.ID,
    )


def _parser() -> qparser.QueryParser:
    boosts = {"title": DEFAULT_FIELDS["item_title"], "text": DEFAULT_FIELDS["text"]}
    parser = qparser.MultifieldParser(list(boosts), _parse_schema(), fieldboosts=boosts)
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.add_plugin(qparser.PrefixPlugin())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    # "-word" excludes a word, but only at a word's start: "2016-17" stays one reference.
    parser.add_plugin(qparser.PlusMinusPlugin(r"(?<![^\s(])\+", r"(?<![^\s(])-(?=[\w\"(])"))
    return parser


_PARSER = _parser()
_INDEX_FIELD = {"title": "item_title", **USER_FIELDS}


def parse_query(text: str, lexicon: Lexicon) -> ParsedQuery:
    """Parse ``text`` leniently, noting what was changed; raise InvalidQuery when hopeless."""
    notes: list[str] = []
    cleaned = _repair(text.strip(), notes)
    if not cleaned:
        return ParsedQuery(query.Every(), tuple(notes))
    parsed = _PARSER.parse(cleaned)
    if parsed is query.NullQuery:
        return ParsedQuery(query.Every(), (*notes, "nothing to search for in the query"))
    translated = _translate(parsed, lexicon, cleaned)
    translated = _drop_stop_words(translated)
    return ParsedQuery(translated, tuple(notes), _marks(translated))


def _repair(text: str, notes: list[str]) -> str:
    """Fix unbalanced quotes and brackets, leading wildcards and unknown fields, with notes."""
    if text.count('"') % 2:
        at = text.rfind('"')
        text = text[:at] + text[at + 1 :]
        notes.append(f"ignored an unmatched quote mark at character {at + 1}")
    text = _balance_brackets(text, notes)
    if re.search(r"(?:^|[\s(])[*?]+\w", text):
        text = re.sub(r"(^|[\s(])[*?]+(?=\w)", r"\1", text)
        notes.append("a word cannot start with * or ?; searched for the rest of the word")
    return _unknown_fields(text, notes)


def _balance_brackets(text: str, notes: list[str]) -> str:
    depth, kept = 0, []
    for position, char in enumerate(text):
        if _inside_quotes(text, position):
            kept.append(char)
            continue
        if char == ")" and depth == 0:
            notes.append(f"ignored an unmatched ) at character {position + 1}")
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        kept.append(char)
    if depth > 0:
        notes.append(f"closed {depth} unclosed bracket{'s' if depth > 1 else ''}")
    return "".join(kept) + ")" * depth


def _inside_quotes(text: str, position: int) -> bool:
    return text.count('"', 0, position) % 2 == 1


def _unknown_fields(text: str, notes: list[str]) -> str:
    known = set(USER_FIELDS) | set(DATE_FIELDS)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.lower() in known or _inside_quotes(text, match.start()):
            return f"{name.lower()}:" if name.lower() in known else match.group(0)
        fields_list = ", ".join(f"{f}:" for f in sorted(known))
        notes.append(
            f"there is no field {name}:, so it was searched as a word; fields are {fields_list}"
        )
        return f"{name} "

    return _FIELD_PREFIX_RE.sub(replace, text)


def _translate(q: query.Query, lexicon: Lexicon, text: str) -> query.Query:
    """Map user fields to index fields; expand dates, kinds, prefixes and fuzzy terms."""

    def visit(node: query.Query) -> query.Query:
        name = getattr(node, "fieldname", None)
        if name in DATE_FIELDS:
            return _date_query(node, text)
        if name == "kind":
            return query.Term("kind", _kind(node, text))
        if name in NAME_FIELDS:
            return _names_query(node, lexicon.names(str(name)))
        if name == "person":  # a person's stable id, as the person pages link it
            return query.Term("person", str(getattr(node, "text", "")))
        if name in ("item", "outcome"):
            value = str(getattr(node, "text", "")).lower()
            return query.Term("item_key" if name == "item" else "outcome", value)
        if isinstance(node, query.Prefix):
            return _expand_prefix(_INDEX_FIELD.get(str(name), str(name)), node.text, lexicon)
        if isinstance(node, query.FuzzyTerm):
            node.maxdist, node.prefixlength = min(node.maxdist, 2), 1
        if name in _INDEX_FIELD:
            node = node.copy()
            node.fieldname = _INDEX_FIELD[name]
        return node

    return q.accept(visit)


def _names_query(node: query.Query, names: NameIndex) -> query.Query:
    """Turn speaker:/committee:/council: words into an OR of the exact names holding them."""
    field = node.fieldname
    if isinstance(node, query.Prefix):
        found = names.with_prefix(str(node.text))
    elif isinstance(node, query.Phrase):
        found = names.containing([str(w) for w in node.words], person=field == "speaker")
    else:
        found = names.containing([str(getattr(node, "text", ""))], person=field == "speaker")
    return query.Or([query.Term(field, n) for n in found]) if found else query.NullQuery


def _kind(node: query.Query, text: str) -> str:
    value = str(getattr(node, "text", "")).lower()
    if value not in KIND_ALIASES:
        raise InvalidQuery(
            f"kind:{value} is not a kind; use kind:item, kind:speech, kind:decision "
            "or kind:attendance",
            position=_where(text, f"kind:{value}"),
        )
    return KIND_ALIASES[value]


def _expand_prefix(fieldname: str, prefix: str, lexicon: Lexicon) -> query.Query:
    """Turn prefix* into an OR of at most MAX_EXPANSION words, refusing wider ones."""
    if len(prefix) < MIN_PREFIX:
        raise InvalidQuery(
            f"{prefix}* is too short: type at least {MIN_PREFIX} letters before the *"
        )
    words = list(itertools.islice(lexicon.expand_prefix(fieldname, prefix), MAX_EXPANSION + 1))
    if len(words) > MAX_EXPANSION:
        raise InvalidQuery(
            f"{prefix}* matches more than {MAX_EXPANSION} words; type more letters before the *"
        )
    decoded = [w.decode("utf-8") if isinstance(w, bytes) else str(w) for w in words]
    return query.Or([query.Term(fieldname, w) for w in decoded]) if decoded else query.NullQuery


def _drop_stop_words(q: query.Query) -> query.Query:
    """Drop stop words from AND lists of words (phrases keep them); keep a lone one."""
    if isinstance(q, query.And):
        kept = [c for c in q.subqueries if not _is_stop(c)]
        q = query.And([_drop_stop_words(c) for c in kept]) if kept else q
    elif isinstance(q, query.Or | query.Not | query.AndNot | query.AndMaybe):
        q = q.apply(_drop_stop_words)
    return q


def _is_stop(node: query.Query) -> bool:
    if isinstance(node, query.Or):
        return all(_is_stop(child) for child in node.subqueries)
    return isinstance(node, query.Term) and str(node.text) in STOP_WORDS


def _marks(q: query.Query) -> Marks:
    """Return the analysed words and phrases that a snippet should mark."""
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for node in _leaves(q):
        if getattr(node, "fieldname", None) not in ("text", "item_title"):
            continue
        if isinstance(node, query.Phrase):
            phrases.append(tuple(str(w) for w in node.words))
        elif (isinstance(node, query.Term) and str(node.text) not in STOP_WORDS) or isinstance(
            node, query.FuzzyTerm
        ):
            words.add(str(node.text))
    return Marks(frozenset(words), tuple(dict.fromkeys(phrases)))


def _leaves(q: query.Query) -> list[query.Query]:
    """Return the words and phrases of a query, but for those it excludes."""
    if isinstance(q, query.Not):
        return []
    if isinstance(q, query.AndNot):
        return _leaves(q.a)
    if q.is_leaf():
        return [q]
    return [leaf for child in q.children() for leaf in _leaves(child)]


# --- dates -----------------------------------------------------------------------------------


def parse_user_date(value: str, parameter: str = "q", text: str = "") -> tuple[date, date]:
    """Return the first and last day that YYYY, YYYY-MM or YYYY-MM-DD covers."""
    match = _DATE_RE.match(value.strip())
    where = _where(text, value) if text else None
    if not match:
        raise InvalidQuery(
            f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (like 2017-09-13)",
            parameter,
            where,
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError as error:
        raise InvalidQuery(f"{value!r} is not a date ({error})", parameter, where) from None


class DateRange(query.Query):  # type: ignore[misc]
    """Chunks dated from ``start`` to ``end``, both included (None: unbounded); chunks of an
    unknown date are never in a range. search/evaluate.py matches it from the date column in
    one array comparison; ``docs`` and ``matcher`` serve Whoosh's own searching."""

    fieldname = "date"

    def __init__(self, start: date | None, end: date | None) -> None:
        self.start, self.end = start, end
        self.boost = 1.0

    def bounds(self) -> tuple[int, int]:
        """Return the range as YYYYMMDD numbers, as the date column holds dates."""
        low = int(f"{self.start:%Y%m%d}") if self.start else 1
        high = int(f"{self.end:%Y%m%d}") if self.end else 99991231
        return low, high

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.bounds() == other.bounds()

    def __hash__(self) -> int:
        return hash((type(self), self.bounds()))

    def __repr__(self) -> str:
        return f"DateRange({self.start}, {self.end})"

    def __str__(self) -> str:
        return f"date:[{self.start or ''} to {self.end or ''}]"

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return int(ixreader.doc_count())

    def docs(self, searcher: Any, deleting: bool = False) -> Iterable[int]:
        low, high = self.bounds()
        reader = searcher.reader()
        for docnum, value in enumerate(column_values(reader, "date")):
            if low <= (value or 0) <= high and not reader.is_deleted(docnum):
                yield docnum

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        return matching.ListMatcher(list(self.docs(searcher)), all_weights=self.boost)


def _date_query(node: query.Query, text: str) -> query.Query:
    name = node.fieldname
    if isinstance(node, query.TermRange):
        start = parse_user_date(node.start, text=text)[0] if node.start else None
        end = parse_user_date(node.end, text=text)[1] if node.end else None
        if start and end and start > end:
            raise InvalidQuery(f"the date range {node.start} to {node.end} ends before it starts")
        return DateRange(start, end)
    value = str(getattr(node, "text", ""))
    first, last = parse_user_date(value, text=text)
    if name == "before":
        return DateRange(None, first - timedelta(days=1))
    if name == "after":
        return DateRange(last + timedelta(days=1), None)
    return DateRange(first, last)


def _where(text: str, fragment: str) -> int | None:
    at = text.lower().find(fragment.lower())
    return at + 1 if at >= 0 else None
