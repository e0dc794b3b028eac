"""Searching a real index of sample_data/: every query form, facets, highlights, errors."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from indexer.build import linked_chunks
from indexer.chunks import Chunk
from search.engine import SearchEngine, SearchRequest
from search.errors import InvalidQuery
from search.results import Page
from tests.conftest import SAMPLE_DATA


def run(engine: SearchEngine, q: str = "", **filters: object) -> Page:
    return engine.search(SearchRequest(q=q, per_page=100, **filters))  # type: ignore[arg-type]


def meetings_of(page: Page) -> set[tuple[str | None, str | None]]:
    return {(h.committee, h.date) for h in page.hits}


@cache
def all_chunks() -> tuple[Chunk, ...]:
    """Every chunk of the sample data, read without the index, for brute-force counts (each
    name given to its person, as the index gives them)."""
    return tuple(linked_chunks(SAMPLE_DATA))


def test_words_must_all_match(engine: SearchEngine) -> None:
    page = run(engine, "bus depot refused")
    assert page.total > 0
    for hit in page.hits:
        text = engine.document(hit.id)
        assert text is not None
        blob = f"{text['item_title']} {text['text']}".lower()
        assert "bus" in blob and "depot" in blob and "refus" in blob


def test_phrase_is_exact_and_highlighted_whole(engine: SearchEngine) -> None:
    page = run(engine, '"library opening hours"')
    assert page.total > 0
    assert all("<mark>" in h.snippet for h in page.hits)
    assert any("<mark>library opening hours</mark>" in h.snippet.lower() for h in page.hits)
    loose = run(engine, "library opening hours")
    assert loose.total >= page.total


def test_or_not_minus_and_brackets(engine: SearchEngine) -> None:
    libraries = run(engine, "library").total
    taxis = run(engine, "hackney").total
    both = run(engine, "library OR hackney").total
    assert max(libraries, taxis) <= both <= libraries + taxis
    without = run(engine, "library NOT sunday").total
    minus = run(engine, "library -sunday").total
    assert without == minus < libraries
    grouped = run(engine, "(library OR hackney) -sunday").total
    assert grouped < both


def test_speaker_field_and_name_search(engine: SearchEngine) -> None:
    page = run(engine, 'speaker:"Priya Patel" library')
    assert page.total > 0
    assert {h.speaker for h in page.hits} == {"Councillor Priya Patel"}
    assert run(engine, "speaker:Patel").total >= page.total


def test_committee_council_and_kind_fields(engine: SearchEngine) -> None:
    page = run(engine, "committee:planning council:kelmscott kind:decision")
    assert page.total > 0
    assert {(h.council, h.committee, h.kind) for h in page.hits} == {
        ("Kelmscott District Council", "Planning Committee", "decision")
    }


def test_item_field(engine: SearchEngine) -> None:
    page = run(engine, "item:77/21")
    assert {(h.item_number, h.date) for h in page.hits} == {("77/21", "2021-02-25")}


@pytest.mark.parametrize(
    ("query", "first", "last"),
    [
        ("date:2019", "2019-01-01", "2019-12-31"),
        ("date:2020-02", "2020-02-01", "2020-02-29"),
        ("date:2019-07-11", "2019-07-11", "2019-07-11"),
        ("date:[2019-06 to 2020-03]", "2019-06-01", "2020-03-31"),
        ("before:2020", "0000", "2019-12-31"),
        ("after:2021-06", "2021-07-01", "9999"),
    ],
)
def test_dates(engine: SearchEngine, query: str, first: str, last: str) -> None:
    page = run(engine, f"{query} kind:item")
    expected = sum(
        1
        for c in all_chunks()
        if c.kind == "item" and c.date and first <= c.date.isoformat() <= last
    )
    assert page.total == expected > 0
    assert all(h.date and first <= h.date <= last for h in page.hits)


def test_from_and_to_filters_match_date_ranges(engine: SearchEngine) -> None:
    by_query = run(engine, "budget date:[2020 to 2020-06]")
    by_filter = run(engine, "budget", date_from="2020", date_to="2020-06")
    assert by_query.total == by_filter.total > 0


def test_prefix_and_fuzzy(engine: SearchEngine) -> None:
    assert run(engine, "librar*").total == run(engine, "library OR libraries OR librarian").total
    assert run(engine, "Kowalczik~").total == run(engine, "Kowalczyk").total > 0


def test_references_kept_whole_and_by_parts(engine: SearchEngine) -> None:
    ref = run(engine, "19/00412/FUL")
    assert ref.total > 0 and all(
        "19/00412/FUL" in (engine.document(h.id) or {}).get("text", "") + h.item_title
        for h in ref.hits
    )
    assert any("<mark>19/00412/FUL</mark>" in h.snippet for h in ref.hits)
    assert run(engine, "A4123").total > 0
    assert run(engine, "2020-21").total < run(engine, "2020").total


def test_s106_and_section_106_find_each_other(engine: SearchEngine) -> None:
    s106 = {h.id for h in run(engine, "s106").hits}
    section = {h.id for h in run(engine, '"section 106"').hits}
    assert s106 == section and len(s106) > 0


def test_procedural_items_rank_below_substantive(engine: SearchEngine) -> None:
    page = run(engine, "library kind:item")
    titles = [h.item_title.lower() for h in page.hits]
    procedural = [i for i, t in enumerate(titles) if "declaration" in t or "apolog" in t]
    substantive = [i for i, t in enumerate(titles) if "library" in t]
    assert procedural and substantive and max(substantive[:3]) < min(procedural)


def test_facets_match_a_brute_force_count(engine: SearchEngine) -> None:
    page = run(engine, "kind:speech")
    speeches = [c for c in all_chunks() if c.kind == "speech"]
    assert page.total == len(speeches)
    committees = {f.value: f.count for f in page.facets["committee"]}
    assert committees == dict(Counter(c.committee for c in speeches if c.committee))
    years = {f.value: f.count for f in page.facets["year"]}
    assert years == dict(Counter(str(c.date.year) for c in speeches if c.date))
    councils = {f.value: f.count for f in page.facets["council"]}
    assert councils == dict(Counter(c.council for c in speeches if c.council))
    speakers = {f.value: f.count for f in page.facets["speaker"]}
    assert speakers == dict(Counter(c.speaker for c in speeches if c.speaker))


def test_facet_filters_combine_with_the_query(engine: SearchEngine) -> None:
    everything = run(engine, "budget")
    narrowed = run(engine, "budget", committee=("Cabinet",), year=("2021",))
    assert 0 < narrowed.total < everything.total
    assert {(h.committee, h.date[:4]) for h in narrowed.hits if h.date} == {("Cabinet", "2021")}
    cabinet = {f.value: f.count for f in everything.facets["committee"]}["Cabinet"]
    assert run(engine, "budget", committee=("Cabinet",)).total == cabinet


def test_sorting_and_paging(engine: SearchEngine) -> None:
    newest = engine.search(SearchRequest(q="library", sort="newest", per_page=5))
    dates = [h.date for h in newest.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = engine.search(SearchRequest(q="library", sort="oldest", per_page=5))
    assert [h.date for h in oldest.hits] == sorted(h.date for h in oldest.hits)
    second = engine.search(SearchRequest(q="library", sort="oldest", per_page=5, page=2))
    assert not {h.id for h in oldest.hits} & {h.id for h in second.hits}
    assert second.total == oldest.total and second.pages == -(-oldest.total // 5)


def test_grouping_by_meeting(engine: SearchEngine) -> None:
    page = engine.search(SearchRequest(q="bus depot", group=True))
    assert page.groups is not None
    assert sum(len(g.hits) for g in page.groups) == len(page.hits)
    assert len({g.meeting_id for g in page.groups}) == len(page.groups)


def test_snippets_escape_everything_but_marks(engine: SearchEngine) -> None:
    page = run(engine, '"Vinyl & Vine"')
    assert page.total > 0
    snippet = page.hits[0].snippet
    assert "&amp;" in snippet and "<mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ('"bus depot', "ignored an unmatched quote mark at character 1"),
        ("(bus depot", "closed 1 unclosed bracket"),
        ("bus depot)", "ignored an unmatched ) at character 10"),
        ("colour:red bus", "there is no field colour:, so it was searched as a word"),
        ("*depot", "a word cannot start with * or ?; searched for the rest of the word"),
    ],
)
def test_malformed_queries_are_read_leniently_with_a_note(
    engine: SearchEngine, query: str, note: str
) -> None:
    page = run(engine, query)
    assert any(n.startswith(note) for n in page.notes), page.notes


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "date:2019-13",
            "'2019-13' is not a date (month must be in 1..12) (at character 6 of the query)",
        ),
        ("date:[2021 to 2019]", "the date range 2021 to 2019 ends before it starts"),
        (
            "kind:minutes",
            "kind:minutes is not a kind; use kind:item, kind:speech, kind:decision or kind:attendance (at character 1 of the query)",
        ),
        ("li*", "li* is too short: type at least 3 letters before the *"),
    ],
)
def test_hopeless_queries_say_what_was_wrong(
    engine: SearchEngine, query: str, message: str
) -> None:
    with pytest.raises(InvalidQuery) as raised:
        run(engine, query)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sort", "random", "sort must be one of relevance, newest, oldest"),
        ("per_page", 0, "per_page must be between 1 and 100"),
        ("page", 0, "page must be 1 or more"),
        (
            "date_from",
            "last year",
            "'last year' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (like 2017-09-13)",
        ),
    ],
)
def test_bad_parameters_name_the_parameter(
    engine: SearchEngine, field: str, value: object, message: str
) -> None:
    with pytest.raises(InvalidQuery) as raised:
        engine.search(SearchRequest(q="library", **{field: value}))  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert raised.value.parameter == {"date_from": "from"}.get(field, field)


def test_empty_query_lists_everything_newest_first(engine: SearchEngine) -> None:
    page = engine.search(SearchRequest())
    assert page.total == len(all_chunks())
    assert page.hits[0].date == max(c.date.isoformat() for c in all_chunks() if c.date)
