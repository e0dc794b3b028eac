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
    all_ids: numpy.ndarray | None = None  # the live documents' numbers

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
        self._where: numpy.ndarray | None = None  # while scoring many matches: their places

    def postings(self, fieldname: str, text: Any, values: bool = False) -> Postings:
        word = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        return self.arrays.postings.get(self.reader, fieldname, word, values)

    def dates(self) -> numpy.ndarray:
        """Return every document's date as a YYYYMMDD number (0 when unknown)."""
        if self.arrays.dates is None:
            self.arrays.dates = column_numbers(self.reader, "date")
        return self.arrays.dates

    def all_ids(self) -> numpy.ndarray:
        """Return every live document's number, in order."""
        if self.arrays.all_ids is None:
            self.arrays.all_ids = numpy.flatnonzero(self.arrays.live)
        return self.arrays.all_ids

    def matches(self, q: query.Query) -> numpy.ndarray:
        """Return a boolean array: which live documents ``q`` matches."""
        found = numpy.zeros(self.arrays.size, dtype=bool)
        found[self.match_ids(q)] = True
        return found

    def match_ids(self, q: query.Query) -> numpy.ndarray:
        """Return the numbers of the live documents ``q`` matches, in order: the work is in
        proportion to the posting lists read, not to the size of the index."""
        return self._match(q)

    def _match(self, q: query.Query) -> numpy.ndarray:
        if isinstance(q, query.Term):
            return self.postings(q.fieldname, q.text).ids
        if isinstance(q, query.And):
            return self._and(q.subqueries)
        if isinstance(q, query.Or):
            return union([self._match(c) for c in q.subqueries], self.arrays.size)
        if isinstance(q, query.AndNot):
            return self._and([q.a, query.Not(q.b)])
        if isinstance(q, query.AndMaybe):
            return self._match(q.a)
        if isinstance(q, query.Not):
            return difference(self.all_ids(), self._match(q.query))
        if isinstance(q, query.Every):
            return self.all_ids()
        if q is query.NullQuery:
            return _NONE
        if isinstance(q, DateRange):
            return self._in_dates(q, self.all_ids())
        if isinstance(q, query.Phrase) and q.slop == 1:
            return self._phrase(q)
        if isinstance(q, query.MultiTerm):
            return self._match(self._expand(q))
        found = numpy.fromiter(q.docs(self.searcher), dtype=numpy.int64)
        return numpy.unique(found[self.arrays.live[found]])

    def _and(self, clauses: list[query.Query]) -> numpy.ndarray:
        """Intersect the clauses that find documents, smallest first; then keep those of the
        candidates a date range or a NOT allows (a look-up a candidate, not a pass over
        every document)."""
        narrowing = [c for c in clauses if isinstance(c, DateRange | query.Not)]
        finding = [c for c in clauses if not isinstance(c, DateRange | query.Not)]
        if not finding:
            found = self.all_ids()
        else:
            parts = sorted((self._match(c) for c in finding), key=len)
            found = parts[0]
            for part in parts[1:]:
                if not len(found):
                    break
                found = intersect(found, part)
        for clause in narrowing:
            if not len(found):
                break
            if isinstance(clause, DateRange):
                found = self._in_dates(clause, found)
            else:
                found = difference(found, self._match(clause.query))
        return found

    def _in_dates(self, q: DateRange, ids: numpy.ndarray) -> numpy.ndarray:
        low, high = q.bounds()
        dates = self.dates()[ids]
        kept: numpy.ndarray = ids[(dates >= low) & (dates <= high)]
        return kept

    def _expand(self, q: query.MultiTerm) -> query.Query:
        """Turn a prefix or fuzzy term into an OR of the words it stands for."""
        words = [query.Term(q.fieldname, w, boost=q.boost) for w in q._btexts(self.reader)]
        return query.Or(words) if words else query.NullQuery

    def _phrase(self, q: query.Phrase) -> numpy.ndarray:
        """Match the documents holding the words of a phrase one after another."""
        words = [str(w) for w in q.words]
        candidates = self._and([query.Term(q.fieldname, w) for w in words])
        if len(words) < 2 or not len(candidates):
            return candidates
        # Each occurrence of the n-th word as a key (candidate, position - n): the phrase
        # starts where every word has the same key.
        starts: numpy.ndarray | None = None
        for offset, word in enumerate(words):
            postings = self.postings(q.fieldname, word, values=True)
            assert postings.values is not None
            owners, at = positions_of(postings.values, numpy.searchsorted(postings.ids, candidates))
            kept = at >= offset
            # in order already: candidates in order, each one's positions in order
            keys = owners[kept] * _STRIDE + (at[kept] - offset)
            starts = keys if starts is None else intersect(starts, keys)
            if not len(starts):
                break
        if starts is None or not len(starts):
            return _NONE
        owners = starts // _STRIDE
        found: numpy.ndarray = candidates[
            owners[numpy.concatenate(([True], owners[1:] != owners[:-1]))]
        ]
        return found

    def scores(self, q: query.Query) -> numpy.ndarray:
        """Return every document's BM25F score for the words of ``q`` (meaningful where
        ``q`` matches)."""
        total = numpy.zeros(self.arrays.size, dtype=numpy.float64)
        every = numpy.arange(self.arrays.size)
        total[every] = self.scores_of(q, every)
        return total

    def scores_of(self, q: query.Query, docnums: numpy.ndarray) -> numpy.ndarray:
        """Return the BM25F score of each of ``docnums`` (in order) for the words of ``q``:
        each word's postings looked up at those documents only."""
        total = numpy.zeros(len(docnums), dtype=numpy.float64)
        self._where = None
        if len(docnums) * 16 > self.arrays.size:  # many: each match's place, looked up directly
            self._where = numpy.full(self.arrays.size, -1, dtype=numpy.int64)
            self._where[docnums] = numpy.arange(len(docnums))
        self._score_into(q, docnums, total)
        return total

    def _score_into(self, q: query.Query, docnums: numpy.ndarray, total: numpy.ndarray) -> None:
        # As in Whoosh, a word's boost counts and a compound query's does not.
        if isinstance(q, query.Term):
            self._term_scores(q.fieldname, q.text, docnums, total, q.boost)
        elif isinstance(q, query.Phrase):
            for word in q.words:
                self._term_scores(q.fieldname, word, docnums, total, q.boost)
        elif isinstance(q, query.AndNot):
            self._score_into(q.a, docnums, total)
        elif isinstance(q, query.MultiTerm):
            self._score_into(self._expand(q), docnums, total)
        elif isinstance(q, query.And | query.Or | query.AndMaybe):
            for child in q.children():
                self._score_into(child, docnums, total)

    def _term_scores(
        self,
        fieldname: str,
        text: Any,
        docnums: numpy.ndarray,
        total: numpy.ndarray,
        boost: float,
    ) -> None:
        if not self.searcher.schema[fieldname].scorable or not len(docnums):
            return
        postings = self.postings(fieldname, text)
        if not len(postings):
            return
        word = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        idf = self.searcher.idf(fieldname, word)
        average = self.searcher.avg_field_length(fieldname) or 1
        if self._where is not None:
            places = self._where[postings.ids]
            kept = places >= 0
            held, ids, tf = places[kept], postings.ids[kept], postings.weights[kept]
        else:
            found, at = locate(postings.ids, docnums)
            held, ids, tf = found, docnums[found], postings.weights[at[found]]
        lengths = self._lengths(fieldname)[ids]
        tf = tf.astype(numpy.float64)
        total[held] += boost * idf * (tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * lengths / average))

    def _lengths(self, fieldname: str) -> numpy.ndarray:
        found = self.arrays.lengths.get(fieldname)
        if found is None:
            found = self.arrays.lengths[fieldname] = field_lengths(self.reader, fieldname)
        return found


_NONE = numpy.zeros(0, dtype=numpy.int64)


def locate(ids: numpy.ndarray, docnums: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Return which of ``docnums`` (sorted) are in ``ids`` (sorted), and where in ``ids``."""
    if not len(ids):
        return numpy.zeros(len(docnums), dtype=bool), numpy.zeros(len(docnums), dtype=numpy.int64)
    at = numpy.searchsorted(ids, docnums)
    numpy.minimum(at, len(ids) - 1, out=at)
    held: numpy.ndarray = ids[at] == docnums
    return held, at


def intersect(a: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """Return the numbers in both sorted arrays: the smaller looked up in the larger."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    held, _ = locate(large, small)
    found: numpy.ndarray = small[held]
    return found


def difference(a: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
    """Return the numbers of sorted ``a`` not in sorted ``b``."""
    if not len(b) or not len(a):
        return a
    held, _ = locate(b, a)
    found: numpy.ndarray = a[~held]
    return found


def union(parts: list[numpy.ndarray], size: int) -> numpy.ndarray:
    """Return the numbers in any of the sorted arrays: merged and deduplicated when they are
    few, marked in an array of every document when they are many (no sort of a long list)."""
    parts = [p for p in parts if len(p)]
    if len(parts) <= 1:
        return parts[0] if parts else _NONE
    count = sum(map(len, parts))
    if count * 64 < size:
        merged = numpy.sort(numpy.concatenate(parts), kind="stable")  # runs: merged, not sorted
        kept: numpy.ndarray = merged[numpy.concatenate(([True], merged[1:] != merged[:-1]))]
        return kept
    marked = numpy.zeros(size, dtype=bool)
    for part in parts:
        marked[part] = True
    return numpy.flatnonzero(marked)


def top(
    scores: numpy.ndarray,
    docnums: numpy.ndarray,
    limit: int,
    then: numpy.ndarray | None = None,
) -> list[tuple[float, int]]:
    """Return the best ``limit`` of ``docnums`` by score (``scores`` of every document),
    ties by ``then`` (every document's number, the higher first: the date) and then in
    document order (as Whoosh)."""
    return best(scores[docnums], docnums, limit, then)


def best(
    chosen: numpy.ndarray,
    docnums: numpy.ndarray,
    limit: int,
    then: numpy.ndarray | None = None,
) -> list[tuple[float, int]]:
    """As top, with ``chosen`` the scores of ``docnums`` themselves, in their order."""
    if len(docnums) > limit:
        threshold = numpy.partition(chosen, len(chosen) - limit)[len(chosen) - limit]
        keep = chosen >= threshold
        docnums, chosen = docnums[keep], chosen[keep]
    keys = (docnums, -chosen) if then is None else (docnums, -then[docnums], -chosen)
    order = numpy.lexsort(keys)[:limit]
    return [(float(chosen[i]), int(docnums[i])) for i in order]
