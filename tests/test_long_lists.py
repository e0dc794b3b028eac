"""A segment's long posting lists, kept as arrays beside Whoosh's postings, read the same."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from whoosh import index as whoosh_index

from indexer.build import document_fields, iter_chunks
from search import postings as postings_module
from search import writer as writer_module
from search.engine import SearchEngine, SearchRequest
from search.postings import LISTS, _decode_blocks, _long_list, read_postings
from search.schema import build_schema
from search.storage import IndexDir
from search.writer import write_parallel
from tests.conftest import SAMPLE_DATA


def _build(root: Path) -> SearchEngine:
    store = IndexDir(root)
    version = store.new_version()
    ix = whoosh_index.create_in(str(version), build_schema())
    docs = [document_fields(chunk) for chunk in iter_chunks([SAMPLE_DATA])]

    def add(batch: list[dict], writer) -> None:  # type: ignore[no-untyped-def,type-arg]
        for doc in batch:
            writer.add_document(**doc)

    write_parallel(ix, [docs], add, lambda _: None)
    store.swap(version)
    return SearchEngine(root)


def test_long_lists_hold_the_ids_and_weights_of_the_postings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "LONG_LIST", 20)  # the sample minutes are small
    engine = _build(tmp_path)
    reader = engine.generation().searcher.reader()
    checked = 0
    for segment, _ in reader.leaf_readers():
        assert Path(segment._storage.folder, segment._segment.make_filename(LISTS)).is_file()
        for field, btext in list(segment.all_terms()):
            long = _long_list(segment, field, btext)
            info = segment._terms.term_info(field, btext)
            if info.is_inlined() or info.doc_frequency() < 20:
                assert long is None
                continue
            start, length = info.extent()
            if isinstance(length, tuple):  # as search/postings.py reads it
                (length,) = length
            ids, weights, _ = _decode_blocks(segment._terms._postfile.get(start, length))
            assert long is not None
            assert long[0].tolist() == ids.tolist() and long[1].tolist() == weights.tolist()
            checked += 1
    assert checked > 50


def test_searches_find_the_same_with_and_without_long_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    requests = [SearchRequest(q=q) for q in ("council", "the planning", '"the council"')]
    monkeypatch.setattr(writer_module, "LONG_LIST", 10**9)
    without = _build(tmp_path / "without")
    monkeypatch.setattr(writer_module, "LONG_LIST", 20)
    with_lists = _build(tmp_path / "with")
    reader = with_lists.generation().searcher.reader()
    word = read_postings(reader, "text", "council")
    assert len(word) > 20
    assert numpy.all(numpy.diff(word.ids) > 0)
    for request in requests:
        assert with_lists.search(request) == without.search(request)
    monkeypatch.setattr(postings_module, "_lists", {})  # opened again from the files
    assert with_lists.search(requests[0]) == without.search(requests[0])
