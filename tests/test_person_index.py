"""People in the index: one speaker facet entry per person, a person id on every chunk that
names one, and speaker: finding a person by any form of their name (issue 10)."""

from __future__ import annotations

from pathlib import Path

from indexer.build import reindex
from search.engine import SearchEngine, SearchRequest

HARTLEY = "ashbury-borough-council/zoe-hartley"


def facet(engine: SearchEngine, q: str) -> dict[str, int]:
    page = engine.search(SearchRequest(q=q))
    return {c.value: c.count for c in page.facets["speaker"]}


def test_the_speaker_facet_lists_each_person_once_by_their_fullest_name(
    engine: SearchEngine,
) -> None:
    # Before: "Councillor B Cartwright" 2 and "Councillor Cartwright" 1, "Councillor G
    # Oyelaran" 2 and "Councillor Gbenga Oyelaran" 1, "Ms Eleanor Vance" 2 and "Eleanor
    # Vance" 1, and the office "Cabinet Member for Culture, Leisure and Libraries" 4, which
    # Councillor Zoë Hartley, at those meetings, is the council's only holder of.
    assert facet(engine, "library opening hours") == {
        "Councillor Zoë Hartley": 11,
        "Councillor Priya Patel": 12,
        "Sarah Okafor": 12,
        "Councillor Margaret Ellwood": 6,
        "Councillor B Cartwright": 3,
        "Councillor Gbenga Oyelaran": 3,
        "Ms Eleanor Vance": 3,
        "Councillor Tom Ashworth": 2,
        "Alison Trent": 1,
        "Councillor Fatima Rahman": 1,
        "Councillor James Calloway": 1,
        "Councillor K Müller": 1,
        "Hannah Blyth": 1,
    }


def test_the_chair_is_the_person_in_the_chair(engine: SearchEngine) -> None:
    # The Planning Committee's transcript gives "Chair" as speaker; its minutes name who
    # chaired, so no facet of any search lists the office.
    everything = facet(engine, "")
    assert "Chair" not in everything
    assert "Chairman" not in everything


def test_each_form_of_a_name_finds_the_same_person(engine: SearchEngine) -> None:
    totals = {
        q: engine.search(SearchRequest(q=q)).total
        for q in ("speaker:Hartley", 'speaker:"Zoë Hartley"', 'speaker:"Cllr Hartley"',
                  'speaker:"Councillor Zoe Hartley"')
    }  # fmt: skip
    assert totals == dict.fromkeys(totals, 26)  # 22 as Hartley, 4 as the Cabinet Member
    # person: also finds the decision of the recorded vote she is named in (25 February 2021)
    assert engine.search(SearchRequest(q=f'person:"{HARTLEY}"')).total == 27
    page = engine.search(SearchRequest(q='speaker:"Cllr Hartley"'))
    assert {c.value for c in page.facets["speaker"]} == {"Councillor Zoë Hartley"}


def test_a_speech_keeps_the_name_as_written_beside_the_person(engine: SearchEngine) -> None:
    page = engine.search(SearchRequest(q='person:"ashbury-borough-council/b-cartwright"'))
    docs = [engine.document(h.id) for h in page.hits]
    written = {d["details"].get("written") for d in docs if d}
    assert "Councillor Cartwright" in written
    assert all(d["speaker"] == "Councillor B Cartwright" for d in docs if d and d.get("speaker"))
    assert all(d["details"]["person"] == "ashbury-borough-council/b-cartwright"
               for d in docs if d and d["kind"] != "decision")  # fmt: skip


def test_a_decision_holds_its_mover_and_seconder(engine: SearchEngine) -> None:
    moved = engine.search(SearchRequest(kind=("decision",), per_page=100))
    docs = [engine.document(h.id) for h in moved.hits]
    with_mover = [d for d in docs if d and d["details"].get("mover_id")]
    assert with_mover
    first = with_mover[0]
    mover = first["details"]["mover_id"]
    found = engine.search(SearchRequest(q=f'person:"{mover}"', kind=("decision",), per_page=100))
    assert first["id"] in {h.id for h in found.hits}


def test_a_name_the_reader_is_unsure_of_is_kept_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "minutes" / "ashbury-borough-council" / "cabinet"
    folder.mkdir(parents=True)
    (folder / "2020-03-05.txt").write_text(
        "Ashbury Borough Council\nCabinet\n5 March 2020\n\n"
        "Present: Councillor John Smith and Councillor Jane Smith\n\n"
        "1. Parks\n\nCouncillor Smith said the parks were tidy.\n",
        encoding="utf-8",
    )
    report = reindex([tmp_path / "minutes"], tmp_path / "index")
    assert not report.failed
    engine = SearchEngine(tmp_path / "index")
    names = facet(engine, "")
    # Two of the name at the meeting: the speech stays "Councillor Smith", no one's words.
    assert names == {"Councillor Smith": 1, "Councillor John Smith": 1, "Councillor Jane Smith": 1}


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"Ashbury Borough Council\nCabinet\n{text}", encoding="utf-8")


def test_a_new_meeting_relinks_the_names_of_unchanged_files(tmp_path: Path) -> None:
    cabinet = tmp_path / "minutes" / "ashbury-borough-council" / "cabinet"
    write(cabinet, "2020-03-05.txt", "5 March 2020\n\n1. Parks\n\nCllr Hartley said the "
          "parks were tidy.\n")  # fmt: skip
    index = tmp_path / "index"
    reindex([tmp_path / "minutes"], index)
    assert facet(SearchEngine(index), "") == {"Cllr Hartley": 1}  # no one else to be
    write(cabinet, "2020-04-02.txt", "2 April 2020\n\nPresent: Councillor Zoë Hartley\n\n"
          "1. Libraries\n\nCouncillor Zoë Hartley said the libraries were open.\n")  # fmt: skip
    report = reindex([tmp_path / "minutes"], index)
    assert (report.added, report.unchanged, report.relinked) == (1, 1, 1)
    assert facet(SearchEngine(index), "") == {"Councillor Zoë Hartley": 3}
    again = reindex([tmp_path / "minutes"], index)
    assert (again.added, again.updated, again.relinked, again.unchanged) == (0, 0, 0, 2)
