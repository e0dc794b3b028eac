"""Suggest a near spelling for a query that found nothing, from the words in the index."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import Any

from whoosh import query
from whoosh.support.levenshtein import damerau_levenshtein

from search.analysis import query_tokens
from search.engine import SearchEngine, SearchRequest
from search.errors import InvalidQuery
from search.names import name_words

# A bare word: not a field name (word:), not a field's value (:word), not prefix* or fuzzy~.
_WORD = re.compile(r"(?<![\w:*~?'’])[^\W\d_][\w'’]*(?![\w:*~?'’])")
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})
_TEXT_FIELDS = ("text", "item_title")
_MIN_LENGTH = 3
_SAMPLE_DOCS = 5
_CANDIDATES = 10


def suggest(engine: SearchEngine, q: str) -> str | None:
    """Return ``q`` with its unknown words respelt as near words of the index, when that
    finds something; else None."""
    searcher = engine.generation().searcher
    changed = False

    def respell(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        if word in _OPERATORS or len(word) < _MIN_LENGTH or _known(engine, word):
            return word
        better = _nearest(searcher, word)
        if better is None:
            return word
        changed = True
        return better.capitalize() if word[0].isupper() else better

    suggestion = _WORD.sub(respell, q)
    return suggestion if changed and _finds_something(engine, suggestion) else None


def _known(engine: SearchEngine, word: str) -> bool:
    """Tell whether every form of ``word`` is in the index's text, titles or speakers' names."""
    gen = engine.generation()
    reader = gen.searcher.reader()
    stems = [term for term, _, _ in query_tokens(word)]
    in_text = all(any(reader.doc_frequency(f, s) for f in _TEXT_FIELDS) for s in stems)
    return in_text or all(gen.names("speaker").knows(w) for w in name_words(word))


def _nearest(searcher: Any, word: str) -> str | None:
    """Return the indexed word nearest ``word`` as written (its stem within one edit, two for
    longer words), the commoner of equally near ones."""
    stems = [term for term, _, _ in query_tokens(word)]
    if len(stems) != 1:
        return None
    reader = searcher.reader()
    distance = 2 if len(word) > _MIN_LENGTH else 1
    found = {
        (field, term)
        for field in _TEXT_FIELDS
        for term in reader.terms_within(field, stems[0], distance, prefix=1)
    }
    common = sorted(found, key=lambda ft: (-reader.doc_frequency(*ft), ft))[:_CANDIDATES]
    written = [(form, -reader.doc_frequency(*ft)) for ft in common
               if (form := _written_form(searcher, *ft, word.lower()))]  # fmt: skip
    if not written:
        return None
    return min(written, key=lambda fw: (damerau_levenshtein(fw[0], word.lower()), fw))[0]


def _written_form(searcher: Any, field: str, term: str, word: str) -> str | None:
    """Return how the index's documents write ``term``, closest to ``word`` first."""
    forms: Counter[str] = Counter()
    results = searcher.search(query.Term(field, term), limit=_SAMPLE_DOCS)
    for hit in itertools.islice(results, _SAMPLE_DOCS):
        text = hit.get(field, "")
        for found, start, end in query_tokens(text):
            if found == term:
                forms[text[start:end].lower()] += 1
    if not forms:
        return None
    return min(forms, key=lambda form: (damerau_levenshtein(form, word), -forms[form], form))


def _finds_something(engine: SearchEngine, q: str) -> bool:
    try:
        return engine.search(SearchRequest(q=q, per_page=1, facets=False)).total > 0
    except InvalidQuery:
        return False
