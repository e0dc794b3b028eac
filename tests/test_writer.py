"""The fast writer writes what Whoosh's own writer writes, in one process or several."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index

from indexer.build import document_fields, iter_chunks, reindex
from search.analysis import index_terms, query_tokens, text_analyzer
from search.engine import SearchEngine, SearchRequest
from search.schema import build_schema
from search.writer import FastWriter, write_parallel
from tests.conftest import SAMPLE_DATA

EDGE_TEXTS = [
    "Planning application 23/01234/FUL for the A4440 in 2016-17, s106 and section 106 funds",
    "section 12a section s5 section section 7",
    "Café Müller's naïve coöperation — ÉCOLE",
    "Minute 77/21 (338.1) 23/01234/23 a.b.c. -- ... //",
    "",
]


def _whoosh_terms(text: str) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    for token in text_analyzer()(text, positions=True, mode="index"):
        found[token.text].append(token.pos)
    return dict(found)


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_index_terms_are_the_analyzers_terms(text: str) -> None:
    assert index_terms(text) == _whoosh_terms(text)


def test_index_terms_on_every_sample_chunk() -> None:
    for chunk in iter_chunks([SAMPLE_DATA]):
        for text in (chunk.text, chunk.item_title):
            assert index_terms(text) == _whoosh_terms(text), chunk.id


def test_query_tokens_are_the_analyzers_query_tokens() -> None:
    text = EDGE_TEXTS[0] + " " + EDGE_TEXTS[2]
    expected = [
        (t.text, t.startchar, t.endchar)
        for t in text_analyzer()(text, positions=True, chars=True, mode="query")
    ]
    assert query_tokens(text) == expected


def _postings(reader: Any) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    found = {}
    for fieldname, text in reader.all_terms():
        matcher = reader.postings(fieldname, text)
        postings = []
        while matcher.is_active():
            postings.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        found[(fieldname, text)] = postings
    return found


def test_fast_writer_writes_what_whoosh_writes(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    docs = [document_fields(chunk) for chunk in iter_chunks([SAMPLE_DATA])]
    assert any("_boost" in doc for doc in docs)  # procedural chunks are boosted down
    readers = []
    for name, make in (("whoosh", lambda ix: ix.writer()), ("fast", FastWriter)):
        (tmp_path / name).mkdir()
        ix = whoosh_index.create_in(str(tmp_path / name), build_schema())
        writer = make(ix)
        for doc in docs:
            writer.add_document(**doc)
        writer.commit()
        readers.append(ix.reader())
    whoosh, fast = readers
    for reader in readers:
        request.addfinalizer(reader.close)
    assert _postings(fast) == _postings(whoosh)
    for docnum in range(len(docs)):
        assert fast.stored_fields(docnum) == whoosh.stored_fields(docnum)
        for fieldname in ("text", "item_title"):
            expected = whoosh.doc_field_length(docnum, fieldname)
            assert fast.doc_field_length(docnum, fieldname) == expected
    for column in ("kind", "committee", "speaker", "year", "date"):
        assert list(fast.column_reader(column)) == list(whoosh.column_reader(column))


def _add_numbers(task: range, writer: FastWriter) -> int:
    for n in task:
        writer.add_document(id=f"doc{n}", kind="item", text=f"motion {n} carried", date=n)
    return len(task)


def _fail(task: int, writer: FastWriter) -> int:
    if task == 3:
        raise ValueError("a broken task")
    return task


def test_parallel_writers_commit_every_segment(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    counts: list[int] = []
    tasks = [range(start, start + 50) for start in range(0, 400, 50)]
    built = write_parallel(ix, tasks, _add_numbers, counts.append, procs=2, segment_docs=100)
    assert sorted(counts) == [50] * 8
    # a worker starts a new segment after 100 documents
    with ix.reader() as reader:
        sizes = [segment.doc_count_all() for segment, _ in reader.leaf_readers()]
    assert len(sizes) == built.segments >= 4
    assert max(sizes) <= 100 and sum(sizes) == 400
    assert built.peak_bytes > 10_000_000  # a Python process with numpy and Whoosh loaded
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 400
        assert {searcher.stored_fields(d)["id"] for d in range(400)} == {
            f"doc{n}" for n in range(400)
        }
        assert len(list(searcher.documents(text="motion"))) == 400


def test_one_process_starts_new_segments_and_keeps_deletions(tmp_path: Path) -> None:
    """In one process too a writer starts a new segment after segment_docs documents; a
    deletion made while adding to a later segment reaches the commit."""
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    write_parallel(ix, [range(0, 50)], _add_numbers, lambda _: None)
    built = write_parallel(
        ix,
        [range(start, start + 50) for start in range(100, 400, 50)] + [range(7, 8)],
        _replace_numbers,
        lambda _: None,
        segment_docs=100,
    )
    assert built.segments == 4  # 100, 100, 100 and 1 documents
    with ix.searcher() as searcher:
        ids = [searcher.stored_fields(d)["id"] for d in searcher.reader().all_doc_ids()]
        assert sorted(ids) == sorted([f"doc{n}" for n in [*range(50), *range(100, 400)]])
        assert searcher.doc_count() == 350  # doc7 was deleted, then added again


def _replace_numbers(task: range, writer: FastWriter) -> int:
    for n in task:
        writer.delete_by_term("id", f"doc{n}")
    return _add_numbers(task, writer)


def test_a_further_segment_that_got_nothing_is_dropped(tmp_path: Path) -> None:
    """Ten documents fill the first segment; the next task adds none (as when every file it
    reads fails): its writer is dropped without taking the shared temporary folder along."""
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    built = write_parallel(ix, [range(10), range(0)], _add_numbers, lambda _: None, segment_docs=10)
    assert built.segments == 1
    assert ix.doc_count() == 10


def test_a_failing_worker_commits_nothing(tmp_path: Path) -> None:
    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    with pytest.raises(Exception, match="a broken task"):
        write_parallel(ix, list(range(8)), _fail, lambda _: None, procs=2)
    assert ix.doc_count() == 0
    lock = ix.lock("WRITELOCK")
    assert lock.acquire()  # the failed build released it
    lock.release()


def test_parallel_and_single_process_builds_search_alike(tmp_path: Path) -> None:
    requests = [SearchRequest(q="library"), SearchRequest(q='"bus depot"'),
                SearchRequest(q="speaker:patel", sort="newest")]  # fmt: skip
    pages = []
    for procs, name in ((1, "one"), (2, "two")):
        reindex([SAMPLE_DATA], tmp_path / name, full=True, procs=procs, parallel_bytes=0)
        engine = SearchEngine(tmp_path / name)
        pages.append([engine.search(r) for r in requests])
    for request, one, two in zip(requests, *pages, strict=True):
        assert one.total == two.total
        assert one.facets == two.facets
        # Workers take files in no fixed order, so hits that tie may come in another order.
        if request.sort == "newest":
            assert [h.date for h in one.hits] == [h.date for h in two.hits]
        else:
            assert [h.score for h in one.hits] == [h.score for h in two.hits]
