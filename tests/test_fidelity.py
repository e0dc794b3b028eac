"""The reader against the labels people wrote: never below the recorded figures."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import fidelity
from bench.fidelity import BASELINE, name_key, same_body, same_number, same_person
from indexer.model import Item, Meeting


def test_names_compare_by_surname_and_initial() -> None:
    assert name_key("Cllr R Crisp (Chair)") == ("crisp", "r")
    assert name_key("Judith Taylor, Clerk") == ("taylor", "j")
    assert same_person("Vice Mayor deHaan", "Councilmember Doug deHaan")
    assert same_person("Zoë Hartley", "Councillor Zoe Hartley")
    assert not same_person("Ms J Smith", "Mr B Smith")


def test_item_numbers_compare_as_printed_or_qualified() -> None:
    assert same_number("4-A", "4A") and same_number("6(a)", "6a") and same_number("285.", "285")
    assert same_number("11", "PDHDD 11") and same_number("32/2016", "By-law 32/2016")
    assert not same_number("11", "111") and not same_number("2", "")


def test_bodies_compare_by_their_words() -> None:
    assert same_body(["Planning Board"], "PLANNING BOARD")
    assert same_body(["City Council", "Council"], "Regular Meeting of the City Council")
    assert not same_body(["Planning Board"], "City of Alameda Planning Board")


def test_titles_compare_by_stems() -> None:
    assert fidelity.title_similarity("Adjourn", "Adjournment") == 1.0
    assert fidelity.title_similarity("Land Acknowledgement", "Land acknowledgment") == 1.0
    assert fidelity.title_similarity("Budget", "Budgeting and Finance") == 1.0
    assert fidelity.title_similarity("Roads", "Parks") == 0.0


def test_items_pair_in_the_documents_order_then_any_order() -> None:
    read = Meeting(
        source="",
        items=tuple(
            Item(number=number, title=title)
            for number, title in [
                ("", "Closed Session Report"),
                ("", "Public Comments"),
                ("12", "Ordinance"),
                ("", "Pledge"),
            ]
        ),
    )
    label = [
        {"title": "Recess to Closed Session"},  # shares two words with the report read
        {"title": "Closed Session Report"},
        {"title": "Public Comments"},
        {"title": "Pledge of Allegiance"},
        {"number": "12", "title": "Ordinance"},  # labelled out of the order read
        {"title": "Adjournment"},
    ]
    assert fidelity.match_items(label, read) == [None, 0, 1, 3, 2, None]


def test_labels_are_short_facts_not_copied_text() -> None:
    """Notes in the labeller's own words (at most 300 characters); names and titles short."""
    files = sorted(fidelity.LABELS.glob("*/*.json"))
    assert files
    too_long = {}
    for path in files:
        label = json.loads(path.read_text(encoding="utf-8"))
        if len(label.get("notes", "")) > 300:
            too_long[f"{path.name}: notes"] = len(label["notes"])
        for where, text in _strings({k: v for k, v in label.items() if k != "notes"}):
            if len(text) > 150:
                too_long[f"{path.name}: {where}"] = len(text)
    assert too_long == {}


def _strings(value: object, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string value in a label, with where it is."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")


@pytest.mark.corpus
def test_reading_never_falls_below_the_recorded_figures(corpus: Path) -> None:
    recorded = json.loads(BASELINE.read_text(encoding="utf-8"))
    summary, _ = fidelity.run()
    assert summary["documents"] == recorded["documents"]
    fell = {
        (scope, name, measure): (figures[measure], then[name][measure])
        for scope, now, then, measures in _scopes(summary, recorded)
        for name, figures in now.items()
        for measure in measures
        if figures[measure] < then[name][measure] - 0.0005
    }
    assert fell == {}, "reading got worse; if on purpose, record with bench/fidelity.py --record"


def _scopes(now: dict, then: dict):  # type: ignore[no-untyped-def]
    """Overall precision, recall and F1; each source's F1 (a source's precision alone is 1.0
    while nothing is read there, so its first true finding would count as a fall)."""
    yield "overall", now["overall"], then["overall"], ("p", "r", "f1")
    for source, figures in now["by_source"].items():
        yield source, figures, then["by_source"][source], ("f1",)
