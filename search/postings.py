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
import os
import pickle
import struct
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.util.numeric import byte_to_length

LISTS = ".lists"  # a segment's long posting lists as arrays (search/writer.py, LongLists)
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
        ids, weights, vals = _segment_postings(segment, field, btext, values)
        parts.append((ids + offset, weights, vals))
    if not parts:
        return EMPTY if values else Postings(EMPTY.ids, EMPTY.weights)
    ids = numpy.concatenate([p[0] for p in parts])
    weights = numpy.concatenate([p[1] for p in parts])
    kept = tuple(v for p in parts for v in p[2]) if values else None
    return Postings(ids, weights, kept)


def _segment_postings(
    segment: Any, field: str, btext: bytes, positions: bool = True
) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]]:
    if not positions:
        long = _long_list(segment, field, btext)
        if long is not None:
            return _live(segment, *long) if segment.has_deletions() else long
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


class _Lists:
    """The directory and an open descriptor of one segment's long-lists file."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDONLY)
        size = os.fstat(self.fd).st_size
        (start,) = struct.unpack("<Q", os.pread(self.fd, 8, size - 8))
        self.directory: dict[tuple[str, bytes], tuple[int, int, int]] = pickle.loads(
            os.pread(self.fd, size - 8 - start, start)
        )

    def read(self, field: str, btext: bytes) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]]:
        """Return a term's document numbers and weights (its positions are not here)."""
        offset, length, count = self.directory[(field, btext)]
        raw = zlib.decompress(os.pread(self.fd, length, offset))
        gaps = numpy.frombuffer(raw, dtype="<u4", count=count)
        weights = numpy.frombuffer(raw, dtype="<f4", count=count, offset=4 * count)
        return numpy.cumsum(gaps, dtype=numpy.int64), weights.astype(numpy.float32), []


_lists: dict[str, _Lists | None] = {}
_lists_lock = threading.Lock()


def _long_list(
    segment: Any, field: str, btext: bytes
) -> tuple[numpy.ndarray, numpy.ndarray, list[bytes]] | None:
    """Return a term's postings from its segment's long-lists file, or None when the term's
    list is short (or the segment was written without one: Whoosh's merges)."""
    folder = getattr(segment._storage, "folder", None)
    if folder is None:
        return None
    path = os.path.join(folder, segment._segment.make_filename(LISTS))
    if path not in _lists:
        with _lists_lock:
            if path in _lists:  # another thread opened it meanwhile
                return _long_list(segment, field, btext)
            for known in [p for p in _lists if not os.path.exists(p)]:  # merged away
                gone = _lists.pop(known)
                if gone is not None:
                    os.close(gone.fd)
            try:
                _lists[path] = _Lists(path)
            except (OSError, ValueError, pickle.UnpicklingError, struct.error):
                _lists[path] = None
    lists = _lists.get(path)
    if lists is None or (field, btext) not in lists.directory:
        return None
    return lists.read(field, btext)


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
        column_reader = perdoc.column_reader(column, LENGTHS_COLUMN)
        codes = _numbers(column_reader, segment.doc_count_all())
        if codes is None:
            codes = numpy.fromiter(column_reader, dtype=numpy.uint8, count=segment.doc_count_all())
        found[offset : offset + len(codes)] = _LENGTHS[codes.astype(numpy.uint8)]
    return found


def _numbers(column_reader: Any, count: int) -> numpy.ndarray | None:
    """Return a numeric column's raw values read in one piece (Whoosh's reader reads one
    value a call), or None for another kind of column."""
    if type(column_reader) is not NumericColumn.Reader:
        return None
    width, code = column_reader._fixedlen, column_reader._typecode
    stored = min(column_reader._count, count)
    raw = column_reader._dbfile.get(column_reader._basepos, stored * width) if stored else b""
    found = numpy.full(count, column_reader._default, dtype=numpy.dtype(">" + code))
    found[:stored] = numpy.frombuffer(raw, dtype=numpy.dtype(">" + code), count=stored)
    return found


def _strings(column_reader: Any, count: int) -> tuple[list[Any], numpy.ndarray] | None:
    """Return a variable-length bytes column's distinct raw values and each document's index
    among them, from one read of its data (Whoosh's reader seeks and reads a value a call),
    or None for another kind of column."""
    if type(column_reader) is not VarBytesColumn.Reader:
        return None
    lengths, offsets = column_reader._lengths, column_reader._offsets
    if len(lengths) != count or len(offsets) != count:
        return None
    total = offsets[-1] + lengths[-1] if count else 0
    blob = column_reader._dbfile.get(column_reader._basepos, total) if total else b""
    index: dict[bytes, int] = {}
    pieces = (blob[o : o + n] for o, n in zip(offsets, lengths, strict=True))
    codes = numpy.fromiter(
        (index.setdefault(piece, len(index)) for piece in pieces), dtype=numpy.int64, count=count
    )
    return list(index), codes


def _segment_codes(segment: Any, field: str) -> tuple[list[Any], numpy.ndarray]:
    """Return a segment's column as distinct values (as Whoosh's reader gives them) and
    each document's index among them."""
    count = segment.doc_count_all()
    fieldobj = segment.schema[field]
    found: tuple[list[Any], numpy.ndarray] | None = None
    if fieldobj.column_type is not None and segment._perdoc.has_column(field):
        column_reader = segment._perdoc.column_reader(field, fieldobj.column_type)
        numbers = _numbers(column_reader, count)
        if numbers is not None:
            distinct, codes = numpy.unique(numbers, return_inverse=True)
            found = distinct.tolist(), codes.astype(numpy.int64)
        else:
            found = _strings(column_reader, count)
        if found is not None:
            return [fieldobj.from_column_value(v) for v in found[0]], found[1]
    index: dict[Any, int] = {}
    values = segment.column_reader(field)
    codes = numpy.fromiter(
        (index.setdefault(v, len(index)) for v in values), dtype=numpy.int64, count=count
    )
    return list(index), codes


def column_codes(reader: Any, field: str) -> tuple[list[Any], numpy.ndarray]:
    """Return a column's distinct values, sorted (bytes decoded), and for every document the
    index of its value among them: read segment by segment (Whoosh's
    MultiReader.column_reader leaves out the segments that have no value for the field, so
    the values after them would shift; a segment's own reader gives the field's default)."""
    parts = []
    for segment, _ in reader.leaf_readers():
        distinct, codes = _segment_codes(segment, field)
        parts.append(([v.decode("utf-8") if isinstance(v, bytes) else v for v in distinct], codes))
    values = sorted({v for distinct, _ in parts for v in distinct})
    at = {v: i for i, v in enumerate(values)}
    mapped = [
        numpy.array([at[v] for v in distinct], dtype=numpy.int32)[codes]
        for distinct, codes in parts
    ]
    return values, numpy.concatenate(mapped) if mapped else numpy.zeros(0, dtype=numpy.int32)


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
    values, codes = column_codes(reader, field)
    numbers = numpy.array([v or 0 for v in values], dtype=numpy.int64)
    found: numpy.ndarray = numbers[codes] if len(codes) else numpy.zeros(0, dtype=numpy.int64)
    return found


# Encoded positions seen lately and their gaps: most postings hold one position, and the same
# few thousand encodings recur, so a dictionary look-up replaces most unpickling.
GAPS_KEPT = 200_000
_gaps: dict[bytes, list[int]] = {}


def _decoded(value: bytes) -> list[int]:
    found: list[int] = pickle.loads(value[4:])
    _gaps[value] = found
    return found


def positions_of(
    values: tuple[bytes, ...], chosen: numpy.ndarray
) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Decode the positions of the postings ``chosen`` (whoosh.formats.Positions: a count,
    then a pickle of gaps): return, for every position, the index in ``chosen`` of the
    posting it belongs to, and the position."""
    known = _gaps
    if len(known) > GAPS_KEPT:
        known.clear()
    gaps = [known.get(v) or _decoded(v) for v in map(values.__getitem__, chosen.tolist())]
    counts = numpy.fromiter(map(len, gaps), dtype=numpy.int64, count=len(gaps))
    flat = numpy.fromiter(itertools.chain.from_iterable(gaps), numpy.int64, int(counts.sum()))
    running = numpy.cumsum(flat)
    ends = numpy.cumsum(counts)
    before = numpy.concatenate(([0], running[ends[:-1] - 1])) if len(ends) else ends
    owners = numpy.repeat(numpy.arange(len(gaps)), counts)
    return owners, running - numpy.repeat(before, counts)
