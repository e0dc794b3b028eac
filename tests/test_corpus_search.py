"""The whole shared corpus of real minutes, indexed once and searched (slow: marked corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.build import ReindexReport, reindex
from search.engine import SearchEngine, SearchRequest
from search.errors import InvalidQuery
from tests.conftest import CORPUS

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ReindexReport]:
    if not CORPUS.is_dir():
        pytest.skip(f"the real-minutes corpus is not at {CORPUS}")
    root = tmp_path_factory.mktemp("corpus-index")
    return root, reindex([CORPUS], root, procs=2)


@pytest.fixture(scope="module")
def corpus_engine(corpus_index: tuple[Path, ReindexReport]) -> SearchEngine:
    return SearchEngine(corpus_index[0])


def test_reindex_explains_every_failure(corpus_index: tuple[Path, ReindexReport]) -> None:
    _, report = corpus_index
    # 1 + 156 + 26 + 41 documents, and dev-SOURCES.md read as text; MANIFEST.md is skipped
    assert report.seen == 225
    assert all(f.reason for f in report.failed)
    assert report.added == report.seen - len(report.failed)
    assert report.meetings >= 450 and report.chunks > 25_000


def test_party_whip_finds_item_286_highlighted(corpus_engine: SearchEngine) -> None:
    page = corpus_engine.search(SearchRequest(q='"Party Whip"'))
    [hit] = page.hits
    assert (hit.item_number, hit.date, hit.kind) == ("286", "2017-09-13", "item")
    assert "<mark>Party Whip</mark>" in hit.snippet


def test_speaker_derek_benson_finds_item_289(corpus_engine: SearchEngine) -> None:
    page = corpus_engine.search(SearchRequest(q='speaker:"Derek Benson"'))
    assert {(h.item_number, h.speaker) for h in page.hits} == {("289", "Derek Benson")}


def test_essex_finds_289_highlighted(corpus_engine: SearchEngine) -> None:
    page = corpus_engine.search(SearchRequest(q="Essex"))
    assert any(h.item_number == "289" and "<mark>Essex</mark>" in h.snippet for h in page.hits)


def test_year_with_committee_facets(corpus_engine: SearchEngine) -> None:
    page = corpus_engine.search(SearchRequest(q="date:2017"))
    committees = {f.value: f.count for f in page.facets["committee"]}
    councils = {f.value: f.count for f in page.facets["council"]}
    assert {"City Council", "Board of Control", "Board of Zoning Appeals"} <= set(committees)
    assert {"Cleveland City Council", "City of Winnipeg"} <= set(councils)
    for facet, counts in (("council", councils), ("committee", committees)):
        others = " ".join(f'NOT {facet}:"{value}"' for value in counts)
        unnamed = corpus_engine.search(SearchRequest(q=f"date:2017 {others}", per_page=100))
        assert sum(counts.values()) == page.total - unnamed.total, facet
        assert all(getattr(h, facet) is None for h in unnamed.hits), facet
    for committee, count in committees.items():
        narrowed = corpus_engine.search(SearchRequest(q="date:2017", committee=(committee,)))
        assert narrowed.total == count
    assert {f.value for f in page.facets["year"]} == {"2017"}


def test_winnipeg_and_cleveland_items_are_searchable(corpus_engine: SearchEngine) -> None:
    page = corpus_engine.search(SearchRequest(q='item:"Res. No. 399-17"'))
    assert {(h.date, h.council) for h in page.hits} == {("2017-04-10", "Cleveland City Council")}
    rezoning = corpus_engine.search(SearchRequest(q="rezoning council:winnipeg kind:decision"))
    assert rezoning.total > 0 and {h.council for h in rezoning.hits} == {"City of Winnipeg"}


def test_a_prefix_expands_within_its_cap(corpus_engine: SearchEngine) -> None:
    page = corpus_engine.search(SearchRequest(q="constr*"))
    exact = corpus_engine.search(SearchRequest(q="construct OR construction OR constraint"))
    assert page.total >= exact.total > 0
    with pytest.raises(InvalidQuery):
        corpus_engine.search(SearchRequest(q="co*"))
