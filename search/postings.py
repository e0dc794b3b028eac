"""A term's postings as numpy arrays, read a whole list at a time.

Whoosh's matchers walk postings one document at a time in Python, about 15 microseconds a
posting. Here a term's list is read from the postings file in one piece and its blocks are
decoded in C (zlib, pickle, numpy.cumsum), so matching, counting and scoring can be done with
array operations (search/evaluate.py). The reading follows the pinned whoosh3 codec's block
layout (search/writer.py writes the same layout); a posting list it cannot read this way is
read through Whoosh's matcher instead.
"""

from __future__ import annotations

import io
import itertools
import pickle
import struct
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC
from whoosh.util.numeric import byte_to_length

CACHE_POSTINGS = 4_000_000  # postings kept between searches: 12 bytes each, about 48 MB
_BLOCK_LENGTH = struct.Struct("!i")
_LENGTHS = numpy.array([byte_to_length(b) for b in range(256)], dtype=numpy.float32)


@dataclass(frozen=True)
class Postings:
    """One term's postings over the whole index: global docnums in order, and weights."""

    ids: numpy.ndarray
    weights: numpy.ndarray
    values: tuple[bytes, ...] | None = None  # encoded positions, when asked for

    def __len__(self) -> int:
        return len(self.ids)


EMPTY = Postings(numpy.zeros(0, numpy.int64), numpy.zeros(0, numpy.float32), ())


class PostingsCache:
    """Postings of terms read from one index state, the most recent kept up to a size.
    Shared by the threads searching that state; each thread reads with its own reader."""

    def __init__(self, limit: int = CACHE_POSTINGS) -> None:
        self._found: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._size = 0
        self._limit = limit
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget every term read (benchmarks use it to time searches on a cold cache)."""
        with self._lock:
            self._found.clear()
            self._size = 0

    def get(self, reader: Any, field: str, text: str, values: bool = False) -> Postings:
        """Return the postings of ``field:text`` (with positions when ``values``)."""
        key = (field, text)
        with self._lock:
            found = self._found.get(key)
            if found is not None and (found.values is not None or not values):
                self._found.move_to_end(key)
                return found
        found = read_postings(reader, field, text, values)
        with self._lock:
            old = self._found.pop(key, None)
            self._size += _cost(found) - (_cost(old) if old is not None else 0)
            self._found[key] = found
            while self._size > self._limit and len(self._found) > 1:
                _, dropped = self._found.popitem(last=False)
                self._size -= _cost(dropped)
        return found


def _cost(postings: Postings) -> int:
    return len(postings) * (6 if postings.values is not None else 1)


def read_postings(reader: Any, field: str, text: str, values: bool = False) -> Postings:
    """Read every posting of a term from each segment of ``reader`` (a Whoosh IndexReader)."""
    btext = text.encode("utf-8")
    parts = []
    for segment, offset in reader.leaf_readers():
        if (field, btext) not in segment:
            continue
        ids, weights, vals = _segment_postings(segment, field, btext)
        parts.append((ids + offset, weights, vals))
    if not parts:
        return EMPTY if values else Postings(EMPTY.ids, EMPTY.weights)
    ids = numpy.concatenate([p[0] for p in parts])
    weights = numpy.concatenate([p[1] for p in parts])
    kept = tuple(v for p in parts for v in p[2]) if values else None
    return Postings(ids, weights, kept)


def _segment_postings(
    segment: Any, field: str, btext: bytes
) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]]:
    terms = segment._terms
    info = terms.term_info(field, btext)
    if info.is_inlined():  # a term of one posting keeps it in its term info (writer.py)
        ids, weights, values = info.inlined_postings()
        found = (numpy.array(ids, numpy.int64), numpy.array(weights, numpy.float32), list(values))
    elif hasattr(terms, "_postfile"):
        start, length = info.extent()
        if isinstance(length, tuple):  # W3TermInfo.from_bytes forgets to take the int out
            (length,) = length
        raw = terms._postfile.get(start, length)
        if raw[:4] != WHOOSH3_HEADER_MAGIC:
            return _matcher_postings(segment, field, btext)
        found = _decode_blocks(raw)
    else:
        return _matcher_postings(segment, field, btext)
    return _live(segment, *found) if segment.has_deletions() else found


def _live(
    segment: Any, ids: numpy.ndarray, weights: numpy.ndarray, values: list[bytes]
) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]]:
    """Drop the postings of a segment's deleted documents."""
    live = ~numpy.isin(ids, numpy.fromiter(segment._perdoc.deleted_docs(), dtype=numpy.int64))
    kept = [v for v, keep in zip(values, live, strict=True) if keep] if values else values
    return ids[live], weights[live], kept


def _decode_blocks(raw: bytes) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]]:
    """Decode a whoosh3 posting list: after a magic number, blocks of (signed length, info
    pickle, data pickle, zlib'd when the info says so); a negative length marks the last."""
    stream = io.BytesIO(raw)
    position = 4
    ids: list[numpy.ndarray] = []
    weights: list[numpy.ndarray] = []
    values: list[bytes] = []
    while position < len(raw):
        (size,) = _BLOCK_LENGTH.unpack_from(raw, position)
        end = position + 4 + abs(size)
        stream.seek(position + 4)
        count, _, _, compression, _, _ = pickle.load(stream)
        data = raw[stream.tell() : end]
        gaps, block_weights, block_values = pickle.loads(
            zlib.decompress(data) if compression else data
        )
        ids.append(numpy.cumsum(numpy.array(gaps, dtype=numpy.int64)))  # gaps restart a block
        if isinstance(block_weights, tuple):
            weights.append(numpy.array(block_weights, dtype=numpy.float32))
        else:
            weight = 1.0 if block_weights is None else block_weights
            weights.append(numpy.full(count, weight, dtype=numpy.float32))
        if isinstance(block_values, tuple):
            values.extend(block_values)
        position = end
        if size < 0:
            break
    return numpy.concatenate(ids), numpy.concatenate(weights), values


def _matcher_postings(
    segment: Any, field: str, btext: bytes
) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]]:
    matcher = segment.postings(field, btext)
    ids, weights, values = [], [], []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        values.append(matcher.value() if matcher.supports("positions") else b"")
        matcher.next()
    return numpy.array(ids, dtype=numpy.int64), numpy.array(weights, numpy.float32), values


def field_lengths(reader: Any, field: str) -> numpy.ndarray:
    """Return every document's length in a field, as Whoosh's scorers see it (quantised)."""
    found = numpy.zeros(reader.doc_count_all(), dtype=numpy.float32)
    for segment, offset in reader.leaf_readers():
        column = f"_{field}_len"
        perdoc = segment._perdoc
        if not perdoc.has_column(column):
            continue
        codes = numpy.fromiter(
            perdoc.column_reader(column, LENGTHS_COLUMN), dtype=numpy.uint8,
            count=segment.doc_count_all(),
        )  # fmt: skip
        found[offset : offset + len(codes)] = _LENGTHS[codes]
    return found


def column_values(reader: Any, field: str) -> list[Any]:
    """Return a field's column value for every document, segment by segment: Whoosh's
    MultiReader.column_reader leaves out the segments that have no value for the field, so
    the values after them would shift; a segment's own reader gives the field's default."""
    values: list[Any] = []
    for segment, _ in reader.leaf_readers():
        values += segment.column_reader(field)
    return values


def column_numbers(reader: Any, field: str) -> numpy.ndarray:
    """Return a numeric column's value for every document (0 where it has none)."""
    values = column_values(reader, field)
    return numpy.fromiter((v or 0 for v in values), dtype=numpy.int64, count=len(values))


def positions_of(
    values: tuple[bytes, ...], chosen: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Decode the positions of the postings ``chosen`` (whoosh.formats.Positions: a count,
    then a pickle of gaps): return, for every position, the index in ``chosen`` of the
    posting it belongs to, and the position."""
    gaps = [pickle.loads(values[i][4:]) for i in chosen]
    counts = numpy.fromiter(map(len, gaps), dtype=numpy.int64, count=len(gaps))
    flat = numpy.fromiter(itertools.chain.from_iterable(gaps), numpy.int64, int(counts.sum()))
    running = numpy.cumsum(flat)
    ends = numpy.cumsum(counts)
    before = numpy.concatenate(([0], running[ends[:-1] - 1])) if len(ends) else ends
    owners = numpy.repeat(numpy.arange(len(gaps)), counts)
    return owners, running - numpy.repeat(before, counts)
