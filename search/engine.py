"""Open the index, keep a searcher a thread fresh, and answer searches with a Page."""

from __future__ import annotations

import dataclasses
import threading
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy
from whoosh import query
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from indexer.chunks import KINDS
from indexer.model import item_sort_key
from search.errors import InvalidQuery
from search.evaluate import Evaluator, IndexArrays, best
from search.highlight import highlight
from search.names import NameIndex
from search.postings import column_codes, field_lengths
from search.query import (
    KIND_ALIASES,
    DateRange,
    Marks,
    ParsedQuery,
    parse_query,
    parse_user_date,
)
from search.ranking import Relaxed, prepare, rank, relax
from search.results import SORTS, FacetCount, Hit, MeetingGroup, Page
from search.schema import DEFAULT_FIELDS, FACETS
from search.storage import MANIFEST, IndexDir, open_index, read_json, understood

MAX_PER_PAGE = 100
# After a reindex commits, how long a request waits for one thread to read the new state's
# columns (a small index's are read in that time) before it is answered from the state before.
READ_WAIT = 1.0
RELAX_BELOW = 10  # fewer chunks holding every word: add those holding most of them
MAX_DEPTH = 10_000
FACET_LIMIT = 100


@dataclass(frozen=True)
class SearchRequest:
    """A search: query text, facet filters (OR within a facet, AND across), dates, paging."""

    q: str = ""
    committee: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    council: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    year: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    group: bool = False
    facet_limit: int = FACET_LIMIT
    facets: bool = True

    def validate(self) -> None:
        """Raise InvalidQuery naming the parameter that is out of range."""
        if self.sort not in SORTS:
            raise InvalidQuery(f"sort must be one of {', '.join(SORTS)}", "sort")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise InvalidQuery(f"per_page must be between 1 and {MAX_PER_PAGE}", "per_page")
        if self.page < 1:
            raise InvalidQuery("page must be 1 or more", "page")
        if self.page * self.per_page > MAX_DEPTH:
            raise InvalidQuery(f"results go no deeper than {MAX_DEPTH}; narrow the search", "page")
        for kind in self.kind:
            if kind not in KIND_ALIASES:
                raise InvalidQuery("kind must be item, speech, decision or attendance", "kind")


@dataclass
class _Generation:
    """A searcher and what has been worked out from it, dropped when the index changes."""

    version: Path
    searcher: Searcher
    name_indexes: dict[str, NameIndex] = field(default_factory=dict)
    arrays: IndexArrays | None = None
    codes: dict[str, tuple[list[str], Any]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # what browse.py works out once
    # One thread reads a new index state's facet columns (about 2 s at 250,000 chunks) while
    # the others wait for them, rather than every thread reading them again at once.
    reading: threading.Lock = field(default_factory=threading.Lock)
    read: threading.Event = field(default_factory=threading.Event)  # set once they are read
    reader: threading.Lock = field(default_factory=threading.Lock)  # taken by that one thread

    def expand_prefix(self, fieldname: str, prefix: str) -> Iterator[Any]:
        """Yield the indexed words of a field that start with ``prefix``."""
        yield from self.searcher.reader().expand_prefix(fieldname, prefix)

    def evaluator(self) -> Evaluator:
        """Return an evaluator of queries over this thread's searcher."""
        assert self.arrays is not None
        return Evaluator(self.searcher, self.arrays)

    def names(self, fieldname: str) -> NameIndex:
        """Return the names of a keyword field by their words, built once per searcher."""
        if fieldname not in self.name_indexes:
            values = self.searcher.reader().field_terms(fieldname)
            self.name_indexes[fieldname] = NameIndex(values)
        return self.name_indexes[fieldname]


class _Held:
    """A thread's generation. A searcher is closed when a second newer one replaces it (so a
    request that picked it up just before a reindex committed can finish with it), and when
    the thread ends or the engine is dropped: the index's files are open in each searcher."""

    def __init__(self) -> None:
        self.generation: _Generation | None = None
        self._open: list[Searcher] = []
        weakref.finalize(self, _close, self._open)

    def hold(self, generation: _Generation) -> _Generation:
        self.generation = generation
        self._open.append(generation.searcher)
        if len(self._open) > 2:
            self._open.pop(0).close()
        return generation


def _close(searchers: list[Searcher]) -> None:
    for searcher in searchers:
        searcher.close()


class SearchEngine:
    """One searcher per thread on the newest committed index, reopened when a reindex has
    committed. Whoosh searchers read their files with seek-then-read, so two threads must
    never share one; what is worked out from an index state (facet columns, postings) is shared."""

    def __init__(self, root: Path) -> None:
        self.store = IndexDir(root)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._shared: dict[tuple[Path, int], _Generation] = {}

    def generation(self) -> _Generation:
        """Return this thread's searcher on the newest committed index, reopening only when
        it changed."""
        held: _Held | None = getattr(self._local, "held", None)
        if held is None:
            held = self._local.held = _Held()
        mine = held.generation
        if mine is not None and self.store.current() == mine.version:
            if mine.searcher.up_to_date():
                return mine
            version = mine.version  # a reindex committed
        else:  # a first request, or a --full rebuild swapped in: check its schema once
            version = self.store.require_current()
        # Not searcher.refresh(): it keeps the readers of segments that a merge has replaced
        # (whoosh.index._reader adds the old reader's segments back), so every merged chunk
        # would be found twice.
        fresh = self._for_thread(version, open_index(version).searcher())
        if mine is not None and not self._read_by_now(fresh):
            fresh.searcher.close()
            return mine  # the state before answers until the new one's columns are read
        return held.hold(fresh)

    def _read_by_now(self, gen: _Generation) -> bool:
        """Say whether a new state's columns are read: the first thread to ask starts a thread
        reading them, and each waits for it at most READ_WAIT seconds."""
        if not gen.read.is_set() and gen.reader.acquire(blocking=False):
            number = gen.searcher.reader().generation()
            threading.Thread(target=self._read_state, args=(gen, number), daemon=True).start()
        return gen.read.wait(READ_WAIT)

    def _read_state(self, gen: _Generation, number: int) -> None:
        """Read the facet codes, dates and field lengths of state ``number`` of ``gen``'s
        version with a searcher of this thread's own (unless a newer state came meanwhile)."""
        try:
            searcher = open_index(gen.version).searcher()
            try:
                if searcher.reader().generation() == number:
                    self._read_columns(dataclasses.replace(gen, searcher=searcher))
            finally:
                searcher.close()
        except Exception:
            pass  # the requests meet the error themselves
        finally:
            gen.read.set()

    def _read_columns(self, gen: _Generation) -> None:
        for name in FACETS:
            self._codes(gen, name)
        gen.evaluator().dates()
        assert gen.arrays is not None
        for name in DEFAULT_FIELDS:
            if name not in gen.arrays.lengths:
                gen.arrays.lengths[name] = field_lengths(gen.searcher.reader(), name)

    def _for_thread(self, version: Path, searcher: Searcher) -> _Generation:
        """Wrap a thread's searcher with the columns shared by every searcher of its state."""
        key = (version, searcher.reader().generation())
        with self._lock:
            shared = self._shared.get(key)
            if shared is None:
                self._shared = {key: self._fresh(version, searcher)}  # older states are done
                shared = self._shared[key]
        return dataclasses.replace(shared, searcher=searcher)

    @staticmethod
    def _fresh(version: Path, searcher: Searcher) -> _Generation:
        return _Generation(version, searcher, arrays=IndexArrays.of(searcher))

    def search(self, request: SearchRequest) -> Page:
        """Run a search and return a page of hits with facet counts over every match."""
        request.validate()
        gen = self.generation()
        parsed = prepare(parse_query(request.q, gen))
        evaluator = gen.evaluator()
        docnums = evaluator.match_ids(self._combine(parsed, request, gen))
        relaxed = relax(parsed.query) if len(docnums) < RELAX_BELOW else None
        if relaxed is not None:  # few chunks hold every word: add those holding most of them
            exact = len(docnums)
            wider = dataclasses.replace(parsed, query=relaxed.query())
            docnums = evaluator.match_ids(self._combine(wider, request, gen))
            if len(docnums) > exact:
                parsed = dataclasses.replace(wider, notes=(*parsed.notes, _relaxed_note(exact)))
            else:
                relaxed = None
        total = len(docnums)
        hits = self._page_hits(gen, evaluator, parsed, request, docnums, relaxed) if total else []
        notes = parsed.notes
        if total and not hits:
            last = -(-total // request.per_page)
            notes = (*notes, f"there is no page {request.page}; the last is {last}")
        return Page(
            total=total,
            page=request.page,
            per_page=request.per_page,
            hits=tuple(hits),
            facets=self._facets(gen, docnums, request.facet_limit) if request.facets else {},
            notes=notes,
            groups=_group(hits) if request.group else None,
            relaxed=relaxed is not None,
        )

    def _combine(
        self, parsed: ParsedQuery, request: SearchRequest, gen: _Generation
    ) -> query.Query:
        parts = [] if isinstance(parsed.query, query.Every) else [parsed.query]
        parts += _filters(request)
        if not parts:
            return query.Every()
        return parts[0] if len(parts) == 1 else query.And(parts)

    def _page_hits(
        self,
        gen: _Generation,
        evaluator: Evaluator,
        parsed: ParsedQuery,
        request: SearchRequest,
        docnums: numpy.ndarray,
        relaxed: Relaxed | None = None,
    ) -> list[Hit]:
        """Return the requested page of hits: by BM25F score within the matching documents
        (search/ranking.py), or by date from the date column."""
        limit = request.page * request.per_page
        start = (request.page - 1) * request.per_page
        scoring = _scoring_query(parsed.query)
        if request.sort == "relevance" and scoring is not None:
            scores = rank(evaluator, scoring, docnums, relaxed)
            ranked = best(scores, docnums, limit, then=evaluator.dates())  # ties: newer first
        else:
            dates = evaluator.dates()[docnums]
            # oldest: by date then document order; newest: the reverse date, a meeting's
            # items still in their order
            keys = (docnums, dates) if request.sort == "oldest" else (docnums, -dates)
            ranked = [(0.0, int(docnums[i])) for i in numpy.lexsort(keys)[:limit]]
        return [
            _hit(gen.searcher.stored_fields(docnum), score, parsed.marks)
            for score, docnum in ranked[start:limit]
        ]

    def _facets(
        self, gen: _Generation, matched: numpy.ndarray, limit: int
    ) -> dict[str, tuple[FacetCount, ...]]:
        facets = {}
        for name in FACETS:
            values, codes = self._codes(gen, name)
            counts = numpy.bincount(codes[matched], minlength=len(values))
            held = numpy.flatnonzero(counts)
            found = [
                (values[i], n)
                for i, n in zip(held.tolist(), counts[held].tolist(), strict=True)
                if values[i]
            ]
            ordered = sorted(found, key=lambda kv: (-kv[1], kv[0]))[:limit]
            facets[name] = tuple(FacetCount(value, count) for value, count in ordered)
        return facets

    def _codes(self, gen: _Generation, name: str) -> tuple[list[str], Any]:
        """Return a facet's distinct values and, for every document, the index of its value
        (an array, so counting a match set's values is one numpy.bincount)."""
        if name not in gen.codes:
            with gen.reading:
                if name not in gen.codes:
                    gen.codes[name] = column_codes(gen.searcher.reader(), name)
        return gen.codes[name]

    def document(self, chunk_id: str) -> dict[str, Any] | None:
        """Return the stored fields of one chunk, or None."""
        gen = self.generation()
        found: dict[str, Any] | None = gen.searcher.document(id=chunk_id)
        return found

    def meeting_documents(self, meeting_id: str) -> list[dict[str, Any]]:
        """Return every chunk of a meeting in document order."""
        gen = self.generation()
        docs = list(gen.searcher.documents(meeting_id=meeting_id))
        order = {"attendance": 0, "item": 1, "speech": 2, "decision": 3}
        # Chunk ids end in their position ("-s2" before "-s10"): compare them naturally.
        return sorted(
            docs,
            key=lambda d: (d.get("item_index", -1), order[d["kind"]], item_sort_key(d["id"])),
        )

    def manifest(self) -> dict[str, Any]:
        """Return the current index's manifest, read again only when it has been rewritten."""
        gen = self.generation()
        path = gen.version / MANIFEST
        stamp = path.stat().st_mtime_ns if path.exists() else 0
        cached = gen.memo.get("manifest")
        if cached is None or cached[0] != stamp:
            cached = gen.memo["manifest"] = (stamp, read_json(path))
        manifest: dict[str, Any] = cached[1]
        return manifest

    def stats(self) -> dict[str, Any]:
        """Return what the index holds: meetings, chunks by kind, committees, dates, last run."""
        gen = self.generation()
        reader = gen.searcher.reader()
        evaluator = gen.evaluator()
        dates = evaluator.dates()
        known = dates[evaluator.arrays.live & (dates > 0)]  # live chunks of a known date
        manifest = self.manifest()
        return {
            "index": str(self.store.root),
            "meetings": sum(1 for _ in reader.field_terms("meeting_id")),
            "chunks": reader.doc_count(),
            "chunks_by_kind": {k: reader.doc_frequency("kind", k) for k in KINDS},
            "councils": sorted(reader.field_terms("council")),
            "committees": sorted(reader.field_terms("committee")),
            "first_date": _iso(int(known.min())) if len(known) else None,
            "last_date": _iso(int(known.max())) if len(known) else None,
            "files": len(manifest.get("files", {})),
            "last_reindex": manifest.get("last_reindex"),
            **understood(manifest.get("files", {})),
        }

    def check(self) -> list[str]:
        """Return the ways the index disagrees with its manifest (none when healthy)."""
        gen = self.generation()
        reader = gen.searcher.reader()
        files = self.manifest().get("files", {})
        problems = []
        for path, entry in sorted(files.items()):
            found = _live_count(reader, "source", path)
            if found != entry.get("chunks"):
                problems.append(
                    f"{path}: the index holds {found} chunks, the manifest {entry.get('chunks')}"
                )
        expected = sum(e.get("chunks", 0) for e in files.values())
        if reader.doc_count() != expected:
            problems.append(f"the index holds {reader.doc_count()} chunks, its files {expected}")
        return problems


_TEXT_FIELDS = frozenset(DEFAULT_FIELDS)


def _live_count(reader: Any, fieldname: str, text: str) -> int:
    """Return how many documents not deleted hold a term. Whoosh's doc_frequency still
    counts the documents an update deleted until their segment is merged away, so a file
    reindexed in place looked like twice its chunks."""
    if not reader.has_deletions():
        return int(reader.doc_frequency(fieldname, text))
    try:
        ids = reader.postings(fieldname, text).all_ids()
    except TermNotFound:
        return 0
    return sum(1 for docnum in ids if not reader.is_deleted(docnum))


def _scoring_query(q: query.Query) -> query.Query | None:
    """Return the part of a query that ranks: its words. Clauses on dates, kinds and names only
    narrow (the matching set already holds them), and a query of such clauses alone is ordered
    by date instead (None)."""
    if isinstance(q, query.And):
        words = [c for c in q.subqueries if _has_words(c)]
        return (words[0] if len(words) == 1 else query.And(words)) if words else None
    return q if _has_words(q) else None


def _has_words(q: query.Query) -> bool:
    return any(field in _TEXT_FIELDS for field, _ in q.iter_all_terms(phrases=True)) or any(
        getattr(leaf, "fieldname", None) in _TEXT_FIELDS for leaf in q.leaves()
    )


def _filters(request: SearchRequest) -> list[query.Query]:
    """Turn the facet and date filters into queries."""
    filters: list[query.Query] = []
    for name, values in (("committee", request.committee), ("speaker", request.speaker),
                         ("council", request.council), ("year", request.year)):  # fmt: skip
        if values:
            filters.append(query.Or([query.Term(name, v) for v in values]))
    if request.kind:
        filters.append(query.Or([query.Term("kind", KIND_ALIASES[k]) for k in request.kind]))
    if request.date_from or request.date_to:
        start = parse_user_date(request.date_from, "from")[0] if request.date_from else None
        end = parse_user_date(request.date_to, "to")[1] if request.date_to else None
        if start and end and start > end:
            raise InvalidQuery("from is after to", "from")
        filters.append(DateRange(start, end))
    return filters


def _hit(stored: dict[str, Any], score: float, marks: Marks) -> Hit:
    details = stored.get("details", {})
    return Hit(
        id=stored["id"],
        kind=stored["kind"],
        council=stored.get("council"),
        committee=stored.get("committee"),
        date=_iso(stored.get("date", 0)),
        item_number=stored.get("item_number", ""),
        item_title=stored.get("item_title", ""),
        speaker=stored.get("speaker"),
        snippet=_snippet(stored, marks),
        meeting_id=stored["meeting_id"],
        source=stored["source"],
        score=round(score, 4),
        outcome=stored.get("outcome"),
        url=details.get("url"),
    )


def _snippet(stored: dict[str, Any], marks: Marks) -> str:
    """Highlight the text; lead with the title when only the title matched."""
    text, title = stored.get("text", ""), stored.get("item_title", "")
    snippet = highlight(text, marks)
    if "<mark>" not in snippet and title:
        titled = highlight(title, marks, limit=None)
        if "<mark>" in titled:
            return f"{titled} — {snippet}" if snippet else titled
    return snippet or highlight(title, marks)


def _relaxed_note(exact: int) -> str:
    if not exact:
        return "no result holds every word; these hold the most of them"
    held = "1 result holds" if exact == 1 else f"{exact} results hold"
    return f"{held} every word; the others hold the most of them"


def _iso(value: int) -> str | None:
    if not value:
        return None
    text = f"{value:08d}"
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _group(hits: list[Hit]) -> tuple[MeetingGroup, ...]:
    """Group a page's hits by meeting, in the order the meetings first appear."""
    groups: dict[str, list[Hit]] = {}
    for hit in hits:
        groups.setdefault(hit.meeting_id, []).append(hit)
    return tuple(
        MeetingGroup(mid, group[0].council, group[0].committee, group[0].date, tuple(group))
        for mid, group in groups.items()
    )
