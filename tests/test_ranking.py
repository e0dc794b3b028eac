"""What ranking adds to the words' BM25F, searched on a real index of sample_data/."""

from __future__ import annotations

import re

import numpy
import pytest
from whoosh.lang.porter import stem

from indexer.build import SECTION_BOOST, chunks_of, document_fields
from search.analysis import index_terms, query_tokens
from search.engine import SearchEngine, SearchRequest
from search.query import parse_query
from search.ranking import _near, word_pairs
from search.results import Page
from search.schema import about
from tests.conftest import SAMPLE_DATA


def run(engine: SearchEngine, q: str, **filters: object) -> Page:
    return engine.search(SearchRequest(q=q, per_page=10, **filters))  # type: ignore[arg-type]


def first(page: Page) -> tuple[str, str]:
    return page.hits[0].source.split("/", 1)[1], page.hits[0].item_title


@pytest.mark.parametrize(
    ("british", "american"),
    [("harbour", "harbor"), ("centres", "centers"), ("licence", "license"),
     ("programme", "program"), ("neighbourhood", "neighborhood"), ("organisation", "organization"),
     ("authorised", "authorized"), ("kerb", "curb"), ("theatre", "theater"), ("colour", "color")],
)  # fmt: skip
def test_british_and_american_spellings_are_one_word(british: str, american: str) -> None:
    assert query_tokens(british)[0][0] == query_tokens(american)[0][0]
    assert list(index_terms(british)) == list(index_terms(american))


@pytest.mark.parametrize("word", ["hour", "four", "tour", "your", "flour", "raise", "noise"])
def test_words_that_only_look_british_are_left_alone(word: str) -> None:
    assert query_tokens(word)[0][0] == stem(word)


def test_an_american_spelling_finds_the_british_one(engine: SearchEngine) -> None:
    page = run(engine, "town center masterplan")
    assert first(page) == (
        "ashbury-borough-council/cabinet/2019-06-20.txt",
        "Ashbury Town Centre Masterplan - Consultation Draft",
    )
    assert re.search(r"<mark>[^<]*Centre[^<]*</mark>", page.hits[0].snippet)


def test_other_words_for_the_same_thing_are_searched_too(engine: SearchEngine) -> None:
    """A search for "TPO" finds the tree preservation order, "apartments" the flats."""
    tpo = run(engine, "TPO parkside road")
    assert first(tpo) == (
        "ashbury-borough-council/planning-committee/2021-02-11.html",
        "Tree Preservation Order No. 3 2020 - Land at Parkside Road, Ashbury",
    )
    assert "<mark>Tree Preservation Order</mark>" in tpo.hits[0].snippet
    flats = run(engine, "apartments market place")
    assert first(flats)[1] == "Application 20/00931/FUL - 27 Market Place, Ashbury"
    assert "<mark>flats</mark>" in flats.hits[0].snippet
    assert run(engine, '"tree preservation order"').total == run(engine, "TPO").total


def test_a_question_finds_the_chunks_holding_most_of_its_words(engine: SearchEngine) -> None:
    page = run(engine, "what did Gary Lomax say about fares in 2021")
    assert page.notes == ("no result holds every word; these hold the most of them",)
    assert first(page) == (
        "kelmscott-district-council/licensing-committee/2021-10-12.pdf",
        "Hackney Carriage Fares Review",
    )


def test_chunks_holding_every_word_come_before_those_holding_some(engine: SearchEngine) -> None:
    exact = run(engine, "library opening hours")
    assert not exact.notes and exact.total >= 10  # enough hold every word: nothing added
    few = run(engine, "trampoline park hollins")
    held = run(engine, "trampoline OR park OR hollins").total
    assert few.total == held and few.notes[0].endswith("the others hold the most of them")
    assert (
        first(few)[1]
        == "Application 19/00503/FUL - Unit 4, Hollins Lane Industrial Estate, Ashbury"
    )


def test_typed_logic_is_never_relaxed(engine: SearchEngine) -> None:
    for q in ('"trampoline zebra"', "trampoline -park", "zebrafinch", "trampoline OR zebrafinch"):
        assert not any("hold" in note for note in run(engine, q).notes), q


def test_a_meetings_body_date_and_speaker_are_searched_as_words(engine: SearchEngine) -> None:
    page = run(engine, "Kelmscott licensing pavement October 2021")
    assert (page.hits[0].date, page.hits[0].item_title) == ("2021-10-12", "Pavement Licences")
    dated = run(engine, "library hours March 2021")
    assert dated.hits[0].date == "2021-03-04"
    spoken = run(engine, "Zoë reopening", kind=("speech",))  # her name is not in her words
    assert spoken.hits and spoken.hits[0].speaker == "Councillor Zoë Hartley"


def test_about_holds_the_distinctive_words_of_a_chunks_meeting() -> None:
    from datetime import date

    assert about("Ashbury Borough Council", "Planning Committee", date(2021, 2, 11), None) == (
        "Ashbury Planning 11 February 2021"
    )
    assert about(None, None, None, "Councillor Zoë Hartley") == "Councillor Zoë Hartley"


def test_words_close_together_are_found_within_a_few_words(engine: SearchEngine) -> None:
    gen = engine.generation()
    together = run(engine, '"outline business case"').hits[0].id
    apart = next(
        h.id
        for h in run(engine, "outline case", kind=("item",)).hits
        if "outline business case" not in (engine.document(h.id) or {})["text"].lower()
    )
    numbers = numpy.array(sorted(gen.searcher.document_number(id=i) for i in (together, apart)))
    near = _near(gen.evaluator(), "text", "outlin", "case", numbers)  # "business" between
    assert [int(n) for n in numbers[near]] == [gen.searcher.document_number(id=together)]
    pairs = word_pairs(parse_query("the outline business case", gen).query)
    assert pairs == [("outlin", "busi"), ("busi", "case")]


def test_of_equal_scores_the_newer_meeting_comes_first(engine: SearchEngine) -> None:
    page = run(engine, '"there were no apologies for absence"', kind=("item",))
    ties = [h for h in page.hits if h.score == page.hits[0].score]
    assert len(ties) >= 3
    dates = [h.date or "" for h in ties]
    assert dates == sorted(dates, reverse=True)


def test_text_outside_the_items_weighs_a_quarter(engine: SearchEngine) -> None:
    """A transcript's opening names the meeting and everyone in it; the item is the answer."""
    chunks, _ = chunks_of(SAMPLE_DATA / "ashbury-borough-council/cabinet/2021-03-04.txt")
    opening = [c for c in chunks if c.section]
    assert [c.item_title[:30] for c in opening] == ["Transcript of the Ashbury Boro"]
    assert document_fields(opening[0])["_boost"] == SECTION_BOOST == 0.25
    assert "_boost" not in document_fields(next(c for c in chunks if c.item_number == "3"))
    page = run(engine, "what did Cllr Hartley say about library hours in March 2021")
    assert (page.hits[0].date, page.hits[0].item_title) == ("2021-03-04", "Library opening hours")


def test_an_excluded_word_is_not_expanded(engine: SearchEngine) -> None:
    """ "-taxi" leaves out the word taxi, not the hackney carriages "taxi" also looks for."""
    page = engine.search(SearchRequest(q="hackney -taxi", per_page=100))
    assert page.total > 0
    for hit in page.hits:
        text = (engine.document(hit.id) or {})["text"] + hit.item_title
        assert "hackney" in text.lower() and "taxi" not in text.lower()
    assert run(engine, "hackney").total > page.total
