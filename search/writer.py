"""Write Whoosh segments fast, in one process or several.

Whoosh's SegmentWriter handles every posting as a tuple in a sorting pool and writes it with a
method call and a length lookup each: about 30 microseconds a posting, most of the cost of a
build. FastWriter is that writer with two methods replaced: ``add_document`` analyses text once
with ``index_terms`` and keeps each term's postings in arrays, and the segment is written a
block of postings at a time through the codec's own postings writer. The files are Whoosh's
own (the pinned whoosh3 codec), so everything that reads the index is unchanged; deletions,
merges, locking and the table of contents are Whoosh's. ``write_parallel`` runs several
FastWriters in worker processes, each writing its own segment, and commits them together.
"""

from __future__ import annotations

import heapq
import itertools
import multiprocessing
import queue
import resource
import struct
import traceback
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pickle import dumps
from typing import Any, TypeVar

import numpy
from whoosh.analysis import IDTokenizer
from whoosh.codec.whoosh3 import W3Codec
from whoosh.fields import ID, TEXT
from whoosh.writing import IndexingError, SegmentWriter

from search.analysis import MinutesFilter, index_terms
from search.postings import LISTS

BLOCK_POSTINGS = 256  # postings a block: fewer, larger blocks read faster for whole lists
COMPRESSION = 1  # zlib level of a block; Whoosh's 3 writes about a seventh slower for 3% less
SMALL_BLOCK = 8  # postings: fewer are not worth compressing
SEGMENT_DOCS = 200_000  # a worker starts a new segment after this many, bounding its memory
# A term with at least this many postings in a segment also has its document numbers and
# weights written as plain arrays (search/postings.py, LISTS): read without unpickling
# every posting's positions.
LONG_LIST = 2048

Task = TypeVar("Task")
Outcome = TypeVar("Outcome")


def codec() -> W3Codec:
    """Return the codec every segment of the index is written with."""
    return W3Codec(blocklimit=BLOCK_POSTINGS, compression=COMPRESSION)


class _Postings:
    """One term's postings in a segment, in document order."""

    __slots__ = ("ids", "values", "weights")

    def __init__(self) -> None:
        self.ids = array("I")
        self.weights = array("f")
        self.values: list[bytes] = []


_ONE_POSITION: dict[int, bytes] = {}
_COUNT = struct.Struct(">I")  # whoosh.system.pack_uint


def _encode_positions(positions: list[int]) -> bytes:
    """Encode positions exactly as whoosh.formats.Positions.encode does."""
    if len(positions) == 1:
        at = positions[0]
        found = _ONE_POSITION.get(at)
        if found is None:
            found = _ONE_POSITION[at] = _COUNT.pack(1) + dumps([at], 2)
        return found
    deltas = [positions[0]]
    deltas += [b - a for a, b in itertools.pairwise(positions)]
    return _COUNT.pack(len(deltas)) + dumps(deltas, 2)


def _plan(field: Any) -> str:
    """Tell how a field is indexed: our text analysis, a whole value, or Whoosh's own way."""
    if isinstance(field, TEXT) and any(isinstance(f, MinutesFilter) for f in field.analyzer.items):
        return "text"  # index_terms computes exactly what this analyzer does
    if isinstance(field, ID) and isinstance(field.analyzer, IDTokenizer):
        return "id"
    return "other"


def _bytes(term: str | bytes) -> bytes:
    return term.encode("utf-8") if isinstance(term, str) else term


class FastWriter(SegmentWriter):  # type: ignore[misc]
    """A Whoosh SegmentWriter that analyses and writes postings in bulk."""

    def __init__(self, ix: Any, deletions: SegmentWriter | None = None, **kwargs: Any) -> None:
        """``deletions``: the writer that holds the index's lock, for a writer of a further
        segment in the same commit (see write_parallel)."""
        self._deletions = deletions
        # Separate files, not Whoosh's compound file: a reader of a compound file copies each
        # of its parts into memory (a BytesIO over the mmap), the whole postings and stored
        # fields, for every searcher; separate files are read where they lie.
        kwargs.setdefault("compound", False)
        super().__init__(ix, codec=codec(), **kwargs)
        self._terms: dict[str, dict[str | bytes, _Postings]] = {}  # field -> term -> postings
        self._lengths: dict[str, array[int]] = {}
        self._plans = {name: _plan(field) for name, field in self.schema.items()}

    def delete_by_term(self, fieldname: str, text: Any, searcher: Any = None) -> int:
        """Delete documents holding a term (through the lock holder, for a further segment)."""
        if self._deletions is not None:
            return int(self._deletions.delete_by_term(fieldname, text, searcher))
        return int(super().delete_by_term(fieldname, text, searcher))

    def add_document(self, **fields: Any) -> None:
        """Add one document: analyse its fields, keep its postings, store its values."""
        self._check_state()
        schema = self.schema
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        docnum = self.docnum
        local = docnum - self.docbase
        boost = float(fields.get("_boost", 1.0))
        writer = self.perdocwriter
        writer.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = (
                    self._index_field(name, field, value, docnum, boost) if field.indexed else 0
                )
                if field.scorable:
                    lengths = self._lengths.setdefault(name, array("I"))
                    lengths.extend([0] * (local + 1 - len(lengths)))
                    lengths[local] = length
                writer.add_field(name, field, value if field.stored else None, length)
                if field.column_type:
                    writer.add_column_value(name, field.column_type, field.to_column_value(value))
        except Exception:
            writer.cancel_doc()
            raise
        writer.finish_doc()
        self._added = True
        self.docnum += 1

    def _index_field(self, name: str, field: Any, value: Any, docnum: int, boost: float) -> int:
        """Keep a field's postings for one document; return its length in terms."""
        terms = self._terms.setdefault(name, {})
        weight = field.format.field_boost * boost
        plan = self._plans[name]
        if plan == "text":
            length = 0
            get = terms.get
            for term, positions in index_terms(value).items():
                postings = get(term)
                if postings is None:
                    postings = terms[term] = _Postings()
                count = len(positions)
                length += count
                postings.ids.append(docnum)
                postings.weights.append(count * weight)
                if count == 1:
                    encoded = _ONE_POSITION.get(positions[0]) or _encode_positions(positions)
                else:
                    encoded = _encode_positions(positions)
                postings.values.append(encoded)
            return length
        if plan == "id" and isinstance(value, str):
            postings = terms.get(value)
            if postings is None:
                postings = terms[value] = _Postings()
            postings.ids.append(docnum)
            postings.weights.append(weight)
            postings.values.append(b"")
            return 0
        length = 0
        for tbytes, freq, term_weight, vbytes in field.index(value):  # Whoosh's own analysis
            postings = terms.get(tbytes)
            if postings is None:
                postings = terms[tbytes] = _Postings()
            postings.ids.append(docnum)
            postings.weights.append(term_weight * boost)
            postings.values.append(vbytes or b"")
            length += freq
        return length if field.scorable else 0

    def _flush_segment(self) -> None:
        """Write the segment's postings: in bulk, or merged with postings from merged
        segments when Whoosh's merge policy pooled some."""
        self.perdocwriter.close()
        if self.pool.current or self.pool.runs:
            lengths = self.per_document_reader()
            merged = heapq.merge(self._posting_tuples(), self.pool.iter_postings())
            self.fieldwriter.add_postings(self.schema, lengths, merged)
            lengths.close()
        else:
            self._write_postings()
        self.fieldwriter.close()

    def _posting_tuples(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        for name in sorted(self._terms):
            terms = self._terms[name]
            for term in sorted(terms):
                postings, btext = terms[term], _bytes(term)
                for docnum, weight, value in zip(
                    postings.ids, postings.weights, postings.values, strict=True
                ):
                    yield name, btext, docnum, weight, value

    def _write_postings(self) -> None:
        """Write every term's postings through the codec's postings writer, a block at a
        time, with the block statistics Whoosh's matchers use to skip blocks."""
        fieldwriter = self.fieldwriter
        lists = LongLists()
        for name in sorted(self._terms):
            field, terms = self.schema[name], self._terms[name]
            lengths = self._lengths.get(name)
            base = self.docbase
            fieldwriter.start_field(name, field)
            keep_values = bool(field.format.fixed_value_size() != 0)
            for term in sorted(terms):
                postings = terms[term]
                fieldwriter.start_term(_bytes(term))
                writer = fieldwriter._postwriter
                count = len(postings.ids)
                # Whoosh means to leave tiny blocks uncompressed but never does.
                writer._compression = COMPRESSION if count >= SMALL_BLOCK else 0
                for start in range(0, count, BLOCK_POSTINGS):
                    end = start + BLOCK_POSTINGS
                    ids = postings.ids[start:end]
                    weights = postings.weights[start:end]
                    writer._ids, writer._weights = ids, weights
                    writer._values = postings.values[start:end] if keep_values else []
                    writer._maxweight = max(weights)
                    if lengths is not None:
                        block = [lengths[i - base] for i in ids]
                        writer._minlength, writer._maxlength = min(block) or None, max(block)
                    if end < count:
                        writer._write_block()
                fieldwriter.finish_term()
                if count >= LONG_LIST:
                    lists.add(name, _bytes(term), postings.ids, postings.weights)
            fieldwriter.finish_field()
        handle = self.newsegment.create_file(self.storage, LISTS)
        handle.write(lists.finish())
        handle.close()


class LongLists:
    """The long posting lists of a segment as arrays: each term's document numbers (as gaps,
    uint32) and weights (float32), zlib'd, then a directory of (field, term) -> (offset,
    length, count), then the directory's offset (8 bytes, little-endian)."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._at = 0
        self._directory: dict[tuple[str, bytes], tuple[int, int, int]] = {}

    def add(self, field: str, term: bytes, ids: array[int], weights: array[float]) -> None:
        numbers = numpy.frombuffer(ids, dtype=numpy.uint32)
        gaps = numpy.diff(numbers, prepend=numpy.uint32(0)).astype("<u4")
        weighed = numpy.frombuffer(weights, dtype=numpy.float32).astype("<f4")
        packed = zlib.compress(gaps.tobytes() + weighed.tobytes(), 1)
        self._directory[(field, term)] = (self._at, len(packed), len(numbers))
        self._parts.append(packed)
        self._at += len(packed)

    def finish(self) -> bytes:
        directory = dumps(self._directory, 4)
        return b"".join([*self._parts, directory, struct.pack("<Q", self._at)])


@dataclass(frozen=True)
class Built:
    """What write_parallel wrote: new segments, and the peak memory of a writing process."""

    segments: int
    peak_bytes: int


def _peak_memory() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: kilobytes


def write_parallel(
    ix: Any,
    tasks: Iterable[Task],
    work: Callable[[Task, FastWriter], Outcome],
    done: Callable[[Outcome], None],
    procs: int = 1,
    before: Callable[[FastWriter], None] | None = None,
    segment_docs: int = SEGMENT_DOCS,
) -> Built:
    """Run ``work(task, writer)`` for every task and commit what the writers wrote.

    With ``procs`` > 1 the tasks run in that many worker processes, each adding to segments
    of its own, and ``work`` must be a module-level function; ``done`` gets each task's
    outcome in this process as it finishes (for progress). ``before`` runs on this process's
    writer first (to delete documents). A writer starts a new segment after
    ``segment_docs`` documents, which bounds its memory; in this process the writer that
    holds the index's lock keeps the deletions. Whoosh's policy then merges small segments.
    An exception in a task stops the build, and nothing is committed.
    """
    writer = FastWriter(ix)
    try:
        if before is not None:
            before(writer)
        if procs <= 1:
            segments, peak = _run_here(ix, writer, tasks, work, done, segment_docs)
        else:
            segments, peak = _run_workers(ix, list(tasks), work, done, procs, segment_docs)
        final = writer._merge_segments(None, None, None)  # Whoosh's default: merge small ones
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        written = len(segments) + writer._added
        writer._commit_toc(final + segments)
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    writer._finish()
    return Built(written, peak)


def _run_here(
    ix: Any,
    writer: FastWriter,
    tasks: Iterable[Any],
    work: Callable[..., Any],
    done: Callable[[Any], None],
    segment_docs: int,
) -> tuple[list[Any], int]:
    """Run the tasks in this process: into ``writer`` up to ``segment_docs`` documents, then
    into further segments, whose deletions go to ``writer``."""
    segments: list[Any] = []
    current = writer
    try:
        for task in tasks:
            done(work(task, current))
            if current.docnum - current.docbase >= segment_docs:
                if current is not writer:
                    segments.append(current._finalize_segment())
                current = FastWriter(ix, _lk=False, deletions=writer)
        if current is not writer:
            if current._added:
                segments.append(current._finalize_segment())
            else:
                _drop(current)
    except BaseException:
        if current is not writer:
            _drop(current)
        raise
    return segments, _peak_memory()


def _drop(writer: FastWriter) -> None:
    """Abandon a writer of a further segment. Not cancel(): that destroys the temporary
    folder every writer of the index shares, under the writer that will commit. Its files,
    in no table of contents, go at the commit."""
    writer._close_segment()


def _run_workers(
    ix: Any,
    tasks: list[Any],
    work: Callable[..., Any],
    done: Callable[[Any], None],
    procs: int,
    segment_docs: int,
) -> tuple[list[Any], int]:
    """Feed tasks to worker processes; return the segments they wrote and the most memory
    one of them used."""
    # forkserver: workers start clean even when this process has threads (a server);
    # Windows has only spawn.
    methods = multiprocessing.get_all_start_methods()
    context: Any = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    jobs: Any = context.Queue()
    results: Any = context.Queue()
    for task in tasks:
        jobs.put(task)
    workers = [
        context.Process(
            target=_worker,
            args=(ix.storage.folder, ix.indexname, jobs, results, work, segment_docs),
        )
        for _ in range(procs)
    ]
    for _ in workers:
        jobs.put(None)
    for process in workers:
        process.start()
    segments: list[Any] = []
    finished = peak = 0
    try:
        while finished < len(workers):
            try:
                kind, payload = results.get(timeout=1.0)
            except queue.Empty:
                if any(p.exitcode not in (None, 0) for p in workers):
                    raise IndexingError("a worker process of the reindex died") from None
                continue
            if kind == "done":
                done(payload)
            elif kind == "segments":
                segments += payload[0]
                peak = max(peak, payload[1])
                finished += 1
            else:
                raise IndexingError(f"a worker process of the reindex failed:\n{payload}")
    finally:
        for process in workers:
            if process.is_alive() and finished < len(workers):
                process.terminate()
            process.join()
    return segments, peak


def _worker(
    folder: str,
    indexname: str,
    jobs: Any,
    results: Any,
    work: Callable[..., Any],
    segment_docs: int,
) -> None:
    """Take tasks until the end marker, starting a new segment every ``segment_docs``."""
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(folder)
    segments: list[Any] = []
    writer: FastWriter | None = None
    try:
        while (task := jobs.get()) is not None:
            if writer is None:
                writer = FastWriter(storage.open_index(indexname), _lk=False)
            results.put(("done", work(task, writer)))
            if writer.docnum >= segment_docs:
                segments.append(writer._finalize_segment())
                writer = None
        if writer is not None and writer._added:
            segments.append(writer._finalize_segment())
        elif writer is not None:
            _drop(writer)
        results.put(("segments", (segments, _peak_memory())))
    except BaseException:
        results.put(("error", traceback.format_exc()))
