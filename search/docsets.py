"""Every document a query matches, as a Python set, fast.

Whoosh walks postings one document at a time in Python; counting every match that way (for the
total and the facet counts) costs about 15 microseconds a document. Here a term's postings are
read a block at a time and queries are combined with set operations in C, and the sets of
common filter terms (years, committees, kinds) are kept for the life of a searcher. This wraps
Whoosh's reader: it reads the on-disk blocks through the leaf matcher's own methods, and falls
back to Whoosh's matcher for any query or matcher it does not know.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from whoosh import query
from whoosh.searching import Searcher

CACHE_SIZE = 256


class DocSets:
    """Document sets of queries over one searcher, with a cache of term sets."""

    def __init__(self) -> None:
        self._terms: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self._all: frozenset[int] | None = None
        self._lock = threading.Lock()  # the cache is shared by the threads of one index state

    def matching(self, q: query.Query, searcher: Searcher) -> frozenset[int]:
        """Return the docnums that ``q`` matches."""
        if isinstance(q, query.Term):
            return self.term(searcher, q.fieldname, q.text)
        if isinstance(q, query.And):
            sets = sorted((self.matching(c, searcher) for c in q.subqueries), key=len)
            return frozenset.intersection(*sets) if sets else frozenset()
        if isinstance(q, query.Or):
            parts = [self.matching(c, searcher) for c in q.subqueries]
            return frozenset().union(*parts)
        if isinstance(q, query.AndNot):
            return self.matching(q.a, searcher) - self.matching(q.b, searcher)
        if isinstance(q, query.AndMaybe):
            return self.matching(q.a, searcher)
        if isinstance(q, query.Not):
            return self.everything(searcher) - self.matching(q.query, searcher)
        if isinstance(q, query.Every):
            return self.everything(searcher)
        if q is query.NullQuery:
            return frozenset()
        return frozenset(q.docs(searcher))

    def everything(self, searcher: Searcher) -> frozenset[int]:
        """Return every live document."""
        if self._all is None:
            self._all = frozenset(searcher.reader().all_doc_ids())
        return self._all

    def term(self, searcher: Searcher, field: str, text: Any) -> frozenset[int]:
        """Return the documents holding a term, from the cache or the postings."""
        key = (field, text.decode("utf-8") if isinstance(text, bytes) else str(text))
        with self._lock:
            found = self._terms.get(key)
            if found is not None:
                self._terms.move_to_end(key)
                return found
        found = frozenset(_term_docnums(searcher, *key))
        with self._lock:
            self._terms[key] = found
            if len(self._terms) > CACHE_SIZE:
                self._terms.popitem(last=False)
        return found


def _term_docnums(searcher: Searcher, field: str, text: str) -> set[int]:
    found: set[int] = set()
    for reader, offset in searcher.reader().leaf_readers():
        if (field, text) not in reader:
            continue
        ids = _leaf_ids(reader.postings(field, text))
        found.update(ids if offset == 0 else (offset + i for i in ids))
    return found


def _leaf_ids(matcher: Any) -> list[int]:
    """Return a segment's docnums for a term, a block of postings at a time when possible."""
    deleted: frozenset[int] = frozenset()
    if type(matcher).__name__ == "FilterMatcher":
        deleted, matcher = matcher._ids, matcher.child
    if not all(hasattr(matcher, a) for a in ("_read_ids", "_lastblock", "_goto", "_nextoffset")):
        ids = list(matcher.all_ids())
    else:
        ids = []
        while True:
            if matcher._blocklength:
                matcher._read_ids()
                ids.extend(matcher._ids)
            if matcher._lastblock:
                break
            matcher._goto(matcher._nextoffset)
    return [i for i in ids if i not in deleted] if deleted else ids
