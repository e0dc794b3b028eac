"""Match and score a Whoosh query tree with numpy arrays over every document of the index.

A query's matches are a boolean array with one place per document; a term's comes from its
postings (search/postings.py), and AND, OR and NOT are array operations in C. Scores are
Whoosh's BM25F, computed for a whole posting list at once: the sum, over the words a query
asks for (not those it excludes), of boost x idf x tf(k1 + 1) / (tf + k1(1 - b + b dl/avgdl)),
as Whoosh's matchers would compute one document at a time. A phrase is checked on the
positions of its words within the documents that hold them all, and ranked by its words.
Query types this module does not know are matched by Whoosh and add nothing to the score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy
from whoosh import query
from whoosh.searching import Searcher

from search.postings import Postings, PostingsCache, column_numbers, field_lengths, positions_of
from search.query import DateRange

B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults, which the index's searchers use
_STRIDE = 1 << 32  # a key (document, position) as one number: positions stay below 2**32


@dataclass
class IndexArrays:
    """What one index state keeps for evaluating queries: the live documents, cached
    postings, field lengths and dates. Shared by every thread searching that state."""

    size: int
    live: numpy.ndarray
    postings: PostingsCache = field(default_factory=PostingsCache)
    lengths: dict[str, numpy.ndarray] = field(default_factory=dict)
    dates: numpy.ndarray | None = None  # YYYYMMDD a document, 0 when unknown

    @classmethod
    def of(cls, searcher: Searcher) -> IndexArrays:
        reader = searcher.reader()
        live = numpy.ones(reader.doc_count_all(), dtype=bool)
        if reader.has_deletions():
            live[:] = False
            live[numpy.fromiter(reader.all_doc_ids(), dtype=numpy.int64)] = True
        return cls(reader.doc_count_all(), live)


class Evaluator:
    """Evaluate queries for one thread's searcher over the shared arrays of its state."""

    def __init__(self, searcher: Searcher, arrays: IndexArrays) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.arrays = arrays

    def postings(self, fieldname: str, text: Any, values: bool = False) -> Postings:
        word = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return self.arrays.postings.get(self.reader, fieldname, word, values)

    def dates(self) -> numpy.ndarray:
        """Return every document's date as a YYYYMMDD number (0 when unknown)."""
        if self.arrays.dates is None:
            self.arrays.dates = column_numbers(self.reader, "date")
        return self.arrays.dates

    def matches(self, q: query.Query) -> numpy.ndarray:
        """Return a boolean array: which live documents ``q`` matches."""
        found: numpy.ndarray = self._match(q) & self.arrays.live
        return found

    def _match(self, q: query.Query) -> numpy.ndarray:
        size = self.arrays.size
        if isinstance(q, query.Term):
            found = numpy.zeros(size, dtype=bool)
            found[self.postings(q.fieldname, q.text).ids] = True
            return found
        if isinstance(q, query.And):
            return _combine(numpy.logical_and, [self._match(c) for c in q.subqueries], size, True)
        if isinstance(q, query.Or):
            return _combine(numpy.logical_or, [self._match(c) for c in q.subqueries], size, False)
        if isinstance(q, query.AndNot):
            kept: numpy.ndarray = self._match(q.a) & ~self._match(q.b)
            return kept
        if isinstance(q, query.AndMaybe):
            return self._match(q.a)
        if isinstance(q, query.Not):
            excluded: numpy.ndarray = ~self._match(q.query)
            return excluded
        if isinstance(q, query.Every):
            return numpy.ones(size, dtype=bool)
        if q is query.NullQuery:
            return numpy.zeros(size, dtype=bool)
        if isinstance(q, DateRange):
            low, high = q.bounds()
            dates = self.dates()
            in_range: numpy.ndarray = (dates >= low) & (dates <= high)
            return in_range
        if isinstance(q, query.Phrase) and q.slop == 1:
            return self._phrase(q)
        if isinstance(q, query.MultiTerm):
            return self._match(self._expand(q))
        found = numpy.zeros(size, dtype=bool)
        found[numpy.fromiter(q.docs(self.searcher), dtype=numpy.int64)] = True
        return found

    def _expand(self, q: query.MultiTerm) -> query.Query:
        """Turn a prefix or fuzzy term into an OR of the words it stands for."""
        words = [query.Term(q.fieldname, w, boost=q.boost) for w in q._btexts(self.reader)]
        return query.Or(words) if words else query.NullQuery

    def _phrase(self, q: query.Phrase) -> numpy.ndarray:
        """Match the documents holding the words of a phrase one after another."""
        words = [str(w) for w in q.words]
        found = _combine(
            numpy.logical_and,
            [self._match(query.Term(q.fieldname, w)) for w in words],
            self.arrays.size,
            True,
        )
        if len(words) < 2 or not found.any():
            return found
        candidates = numpy.flatnonzero(found)
        # Each occurrence of the n-th word as a key (candidate, position - n): the phrase
        # starts where every word has the same key.
        starts: numpy.ndarray | None = None
        for offset, word in enumerate(words):
            postings = self.postings(q.fieldname, word, values=True)
            assert postings.values is not None
            owners, at = positions_of(postings.values, numpy.searchsorted(postings.ids, candidates))
            kept = at >= offset
            keys = numpy.unique(owners[kept] * _STRIDE + (at[kept] - offset))
            starts = keys if starts is None else numpy.intersect1d(starts, keys, True)
            if not len(starts):
                break
        found[:] = False
        if starts is not None and len(starts):
            found[candidates[numpy.unique(starts // _STRIDE)]] = True
        return found

    def scores(self, q: query.Query) -> numpy.ndarray:
        """Return every document's BM25F score for the words of ``q`` (meaningful where
        ``q`` matches)."""
        total = numpy.zeros(self.arrays.size, dtype=numpy.float64)
        self._score_into(q, total)
        return total

    def _score_into(self, q: query.Query, total: numpy.ndarray) -> None:
        # As in Whoosh, a word's boost counts and a compound query's does not.
        if isinstance(q, query.Term):
            self._term_scores(q.fieldname, q.text, total, q.boost)
        elif isinstance(q, query.Phrase):
            for word in q.words:
                self._term_scores(q.fieldname, word, total, q.boost)
        elif isinstance(q, query.AndNot):
            self._score_into(q.a, total)
        elif isinstance(q, query.MultiTerm):
            self._score_into(self._expand(q), total)
        elif isinstance(q, query.And | query.Or | query.AndMaybe):
            for child in q.children():
                self._score_into(child, total)

    def _term_scores(self, fieldname: str, text: Any, total: numpy.ndarray, boost: float) -> None:
        if not self.searcher.schema[fieldname].scorable:
            return
        postings = self.postings(fieldname, text)
        if not len(postings):
            return
        word = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        idf = self.searcher.idf(fieldname, word)
        average = self.searcher.avg_field_length(fieldname) or 1
        lengths = self._lengths(fieldname)[postings.ids]
        tf = postings.weights.astype(numpy.float64)
        total[postings.ids] += (
            boost * idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * lengths / average))
        )

    def _lengths(self, fieldname: str) -> numpy.ndarray:
        found = self.arrays.lengths.get(fieldname)
        if found is None:
            found = self.arrays.lengths[fieldname] = field_lengths(self.reader, fieldname)
        return found


def _combine(op: Any, parts: list[numpy.ndarray], size: int, empty: bool) -> numpy.ndarray:
    if not parts:
        return numpy.full(size, empty, dtype=bool)
    result = parts[0].copy()
    for part in parts[1:]:
        op(result, part, out=result)
    return result


def top(
    scores: numpy.ndarray,
    docnums: numpy.ndarray,
    limit: int,
    then: numpy.ndarray | None = None,
) -> list[tuple[float, int]]:
    """Return the best ``limit`` of ``docnums`` by score, ties by ``then`` (every document's
    number, the higher first: the date) and then in document order (as Whoosh)."""
    chosen = scores[docnums]
    if len(docnums) > limit:
        threshold = numpy.partition(chosen, len(chosen) - limit)[len(chosen) - limit]
        keep = chosen >= threshold
        docnums, chosen = docnums[keep], chosen[keep]
    keys = (docnums, -chosen) if then is None else (docnums, -then[docnums], -chosen)
    order = numpy.lexsort(keys)[:limit]
    return [(float(chosen[i]), int(docnums[i])) for i in order]
