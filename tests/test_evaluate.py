"""The array evaluator matches what Whoosh matches and scores as Whoosh's BM25F scores."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from whoosh import query

from indexer.build import reindex
from search.engine import SearchEngine
from search.evaluate import Evaluator, IndexArrays, top
from search.postings import read_postings
from search.query import parse_query
from tests.conftest import SAMPLE_DATA

QUERIES = [
    "library",
    "bus depot",
    '"bus depot"',
    '"declaration of interest"',
    "library OR parking",
    "library -opening",
    "(bus OR library) NOT depot",
    "speaker:patel budget",
    "committee:planning date:2019",
    "kind:decision approved",
    "libr*",
    "libary~",
    "19/00412/FUL",
    "section 106",
]


def _whoosh_docs(q: query.Query, searcher) -> set[int]:  # type: ignore[no-untyped-def]
    return set(q.docs(searcher))


@pytest.mark.parametrize("text", QUERIES)
def test_matches_are_whooshs(engine: SearchEngine, text: str) -> None:
    gen = engine.generation()
    parsed = parse_query(text, gen)
    found = numpy.flatnonzero(gen.evaluator().matches(parsed.query))
    assert set(found.tolist()) == _whoosh_docs(parsed.query, gen.searcher)
    if text not in ("libr*", "libary~"):
        assert len(found), "a query that finds nothing tests little"


@pytest.mark.parametrize("text", ["library", "bus depot", "library OR parking", "libary~"])
def test_scores_are_whooshs_bm25f(engine: SearchEngine, text: str) -> None:
    gen = engine.generation()
    evaluator = gen.evaluator()

    def expand(node: query.Query) -> query.Query:
        """Whoosh scores a fuzzy term as a constant; we score the words it stands for."""
        return evaluator._expand(node) if isinstance(node, query.FuzzyTerm) else node

    q = parse_query(text, gen).query.accept(expand)
    docnums = numpy.flatnonzero(evaluator.matches(q))
    ours = top(evaluator.scores(q), docnums, 50)
    theirs = gen.searcher.search(q, limit=50)
    assert [d for _, d in ours] == [hit.docnum for hit in theirs]
    assert [s for s, _ in ours] == pytest.approx([hit.score for hit in theirs], rel=1e-5)


def test_phrases_need_their_words_in_order(engine: SearchEngine) -> None:
    gen = engine.generation()
    evaluator = gen.evaluator()
    for words in (["plann", "applic"], ["declar", "of", "interest"], ["applic", "plann"]):
        each = evaluator.matches(query.And([query.Term("text", w) for w in words]))
        phrase = query.Phrase("text", words)
        found = evaluator.matches(phrase)
        assert not (found & ~each).any()
        assert set(numpy.flatnonzero(found).tolist()) == set(phrase.docs(gen.searcher))
        if words[0] != "applic":
            assert 0 < found.sum() < each.sum()


def test_deleted_documents_are_not_read(tmp_path: Path) -> None:
    """After an incremental reindex replaces a file, its old chunks match nothing."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    source = next(SAMPLE_DATA.rglob("*.txt"))
    target = folder / source.name
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    reindex([folder], tmp_path / "index")
    target.write_text(source.read_text(encoding="utf-8") + "\nZebracrossing noted.\n")
    reindex([folder], tmp_path / "index")
    engine = SearchEngine(tmp_path / "index")
    gen = engine.generation()
    reader = gen.searcher.reader()
    assert reader.has_deletions()
    arrays = IndexArrays.of(gen.searcher)
    assert arrays.live.sum() == reader.doc_count()
    postings = read_postings(reader, "kind", "item")
    assert all(not reader.is_deleted(int(d)) for d in postings.ids)
    evaluator = Evaluator(gen.searcher, arrays)
    assert evaluator.matches(query.Every()).sum() == reader.doc_count()
    assert evaluator.matches(query.Term("text", "zebracross")).sum() >= 1
