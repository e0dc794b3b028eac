"""Search quality against the questions people wrote: never below the recorded figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench import relevance
from bench.relevance import BASELINE, MEASURES, Answer, Question, load_questions
from indexer.chunks import Chunk

KINDS = {"words", "phrase", "name", "speaker", "date", "reference", "place", "synonym"}


def chunk(source: str, number: str = "", title: str = "", text: str = "") -> Chunk:
    return Chunk(id="x", kind="item", meeting_id="m", text=text, source=source,
                 item_number=number, item_title=title)  # fmt: skip


def test_an_answer_is_recognised_by_number_then_title_then_words() -> None:
    doc = "sample_data/a.txt"
    by_number = Answer(doc, item="5-B", title="Fences")
    assert by_number.recognises(chunk(doc, "5B", "2023-3368"))
    assert not by_number.recognises(chunk(doc, "5-C", "Fences"))  # numbered, but another item
    assert by_number.recognises(chunk(doc, "", "FENCES study session"))  # the number was lost
    assert not by_number.recognises(chunk("sample_data/b.txt", "5-B"))
    assert Answer(doc, title="Poet Laureat").recognises(chunk(doc, "", "poet laureate"))
    assert Answer(doc, words=("South Shore",)).recognises(chunk(doc, "7", "", "2212 South Shore"))
    assert Answer(doc).recognises(chunk(doc))


def test_measures_take_the_first_chunk_of_each_answer() -> None:
    doc = "sample_data/a.txt"
    question = Question("q", "words", "words", (Answer(doc, "1"), Answer(doc, "2")))
    found = relevance.ranks(question, [chunk(doc, "3"), chunk(doc, "2"), chunk(doc, "2")])
    outcome = relevance.Outcome(question, "minutes-search", found)
    assert outcome.measures() == {"mrr": 0.5, "success@1": 0.0, "success@10": 1.0,
                                  "ndcg@10": pytest.approx(0.6309 / 1.6309, abs=1e-4)}  # fmt: skip


def test_questions_are_well_formed_and_not_copied_text() -> None:
    questions = load_questions()
    assert len(questions) >= 150
    assert len({q.id for q in questions}) == len(questions)
    assert {q.kind for q in questions} == KINDS
    for question in questions:
        assert question.answers and len(question.q) <= 80, question.id
        for answer in question.answers:
            assert answer.doc.startswith(("corpus/", "sample_data/")), question.id
            assert len(answer.title) <= 40 and all(len(w) <= 40 for w in answer.words)


def test_sample_questions_never_fall_below_the_recorded_figures() -> None:
    report = relevance.run("sample_data/")
    assert report["missing"] == []
    _no_fall(report, "sample_data")


@pytest.mark.corpus
def test_every_question_never_falls_below_the_recorded_figures(corpus: Path) -> None:
    report = relevance.run()
    assert report["missing"] == [], "an answer is no longer read; fix the question"
    _no_fall(report, "all")


def _no_fall(report: dict[str, Any], scope: str) -> None:
    recorded = json.loads(BASELINE.read_text(encoding="utf-8"))[scope]
    now = report[scope]
    assert now["questions"] == recorded["questions"]
    then, figures = recorded["overall"]["minutes-search"], now["overall"]["minutes-search"]
    fell = {m: (figures[m], then[m]) for m in MEASURES if figures[m] < then[m] - 0.0005}
    assert fell == {}, "search got worse; if on purpose, record with bench/relevance.py --record"
