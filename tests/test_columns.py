"""Columns read in one piece hold what Whoosh's column readers give a document at a time."""

from __future__ import annotations

import numpy
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from search.engine import SearchEngine
from search.postings import column_codes, column_numbers, column_values, field_lengths
from search.schema import FACETS


def test_facet_columns_read_in_one_piece_are_whooshs(engine: SearchEngine) -> None:
    reader = engine.generation().searcher.reader()
    for name in FACETS:
        slow = [
            v.decode("utf-8") if isinstance(v, bytes) else v for v in column_values(reader, name)
        ]
        values, codes = column_codes(reader, name)
        assert values == sorted(set(slow))
        assert [values[c] for c in codes] == slow, name
    assert len(set(column_values(reader, "speaker"))) > 5


def test_dates_and_lengths_read_in_one_piece_are_whooshs(engine: SearchEngine) -> None:
    reader = engine.generation().searcher.reader()
    dates = column_numbers(reader, "date")
    assert dates.tolist() == [v or 0 for v in column_values(reader, "date")]
    assert 20000101 < dates.max() < 20991231
    for field in ("text", "item_title", "about"):
        expected = [
            byte_to_length(code)
            for segment, _ in reader.leaf_readers()
            for code in segment._perdoc.column_reader(f"_{field}_len", LENGTHS_COLUMN)
        ]
        found = field_lengths(reader, field)
        assert numpy.array_equal(found, numpy.array(expected, dtype=numpy.float32)), field
