"""The Cleveland City Record reader: on our own snippets, and on the real issues read in place."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date
from datetime import time as clock
from functools import cache
from pathlib import Path

import pytest

from indexer.model import Item, Meeting
from indexer.readers.cityrecord import (
    clean_text,
    is_city_record,
    parse_city_record,
    person_name,
    split_names,
)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
RECORD = CORPUS / "cleveland-city-record"
needs_record = pytest.mark.skipif(
    not RECORD.is_dir(), reason=f"the City Record corpus is not at {RECORD} (a user's clone)"
)


@cache
def issue(name: str) -> tuple[Meeting, ...]:
    """Return the meetings of one issue ("2017-04-12"), read in place."""
    path = RECORD / name[:4] / f"{name}.txt"
    return tuple(parse_city_record(path.read_text(encoding="utf-8"), str(path)))


def meeting(name: str, committee: str) -> Meeting:
    """Return the one meeting of ``committee`` in an issue."""
    (found,) = [m for m in issue(name) if m.committee == committee]
    return found


def item(found: Meeting, number: str) -> Item:
    """Return the item numbered ``number``."""
    (match,) = [i for i in found.items if i.number == number]
    return match


# Written by us: the shapes of the extracted text, not its words. -----------------------------

PAGE = (
    "The City Record\n"
    "Official Publication of the Council of the City of Cleveland\n"
    "May 3, 2017\n"
    "The committee met in the Chamber and the mem-\n"
    "bers agreed.\n"
    "\n"
    "The City Record\n"
    "\n"
    "12\n"
    "Item one was taken.\n"
    "\n"
    "May 3, 2017\n"
    "Parking at 5611\n"
    "Example Avenue.\n"
)


def test_clean_text_drops_running_heads_and_page_numbers():
    cleaned = clean_text(PAGE)
    assert "members agreed." in cleaned
    assert "\n12\n" not in cleaned
    assert "\nThe City Record\n" not in cleaned
    assert "\nMay 3, 2017\n" not in cleaned
    assert "5611\nExample Avenue." in cleaned


def test_clean_text_keeps_hyphens_before_capitals():
    assert "Walker-\nMinor" in clean_text("Ann Walker-\nMinor and Ben Doe-\nroe")
    assert "Doeroe" in clean_text("Ann Walker-\nMinor and Ben Doe-\nroe")


def test_split_names_joins_lines_and_drops_titles():
    names = "Ann\nB. Example, Chief of Staff Carl Sample, and Directors Doe, Roe and O’Neil."
    assert split_names(names) == ["Ann B. Example", "Carl Sample", "Doe", "Roe", "O’Neil"]


def test_split_names_keeps_a_suffix_with_its_name():
    assert split_names("Ann Example, Sr., and Bob Sample") == ["Ann Example, Sr.", "Bob Sample"]


def test_person_name_drops_the_title():
    assert person_name("Interim Director L. Sample") == "L. Sample"
    assert person_name("Chief of Staff") is None


def test_is_city_record_needs_the_masthead():
    assert is_city_record(PAGE)
    assert not is_city_record("Minutes of the Planning Committee held on 3 May 2017")


# The real issues, read in place. --------------------------------------------------------------


@pytest.mark.corpus
@needs_record
def test_council_meeting_is_dated_the_day_it_met():
    council = meeting("2017-04-12", "City Council")
    assert council.council == "Cleveland City Council"
    assert council.date == date(2017, 4, 10)
    assert council.start_time == clock(19, 5)


@pytest.mark.corpus
@needs_record
def test_council_attendance():
    council = meeting("2017-04-12", "City Council")
    assert council.people("chair") == ["Kevin J. Kelley"]
    assert len(council.people("present")) + len(council.people("chair")) == 17
    assert "Phyllis E. Cleveland" in council.people("present")
    assert "Frank G. Jackson" in council.people("also_present")
    assert council.people("absent") == []
    assert len({a.name for a in council.attendance}) == len(council.attendance)


@pytest.mark.corpus
@needs_record
def test_council_absences_authorised():
    council = meeting("2016-01-27", "City Council")
    assert council.people("absent") == [
        "Joe Cimperman",
        "Phyllis E. Cleveland",
        "Brian J. Cummins",
        "TJ Dow",
    ]
    assert len(council.people("present")) == 12


@pytest.mark.corpus
@needs_record
def test_council_items_in_order_each_once():
    numbers = [i.number for i in meeting("2017-04-12", "City Council").items]
    assert len(numbers) == 44 == len(set(numbers))
    assert numbers[:2] == ["File No. 379-17", "File No. 380-17"]
    assert numbers[-1] == "Res. No. 204-17"
    assert numbers.index("Ord. No. 385-17") < numbers.index("Ord. No. 391-17")


@pytest.mark.corpus
@needs_record
def test_calendar_and_adopted_legislation_are_not_items():
    numbers = [i.number for i in meeting("2017-04-12", "City Council").items]
    assert numbers.count("Ord. No. 305-17") == 1  # read a second time, then on the Calendar
    assert "Ord. No. 110-17" not in numbers  # only reprinted among the adopted legislation
    assert "Ord. No. 189-17" not in numbers


@pytest.mark.corpus
@needs_record
def test_referred_ordinance():
    found = item(meeting("2017-04-12", "City Council"), "Ord. No. 385-17")
    (resolution,) = found.resolutions
    assert resolution.outcome == "referred"
    assert resolution.mover == "Kelley"
    assert found.title.startswith("An emergency ordinance")


@pytest.mark.corpus
@needs_record
def test_adopted_resolution_with_votes():
    (resolution,) = item(meeting("2017-04-12", "City Council"), "Res. No. 204-17").resolutions
    assert resolution.outcome == "adopted"
    assert (resolution.votes_for, resolution.votes_against) == (17, 0)
    assert resolution.mover == "McCormack, K. Johnson and Brancatelli"


@pytest.mark.corpus
@needs_record
def test_ordinance_passed_on_first_reading():
    (resolution,) = item(meeting("2017-04-12", "City Council"), "Ord. No. 391-17").resolutions
    assert (resolution.outcome, resolution.votes_for, resolution.votes_against) == ("passed", 17, 0)
    assert resolution.mover == "Conwell"


@pytest.mark.corpus
@needs_record
def test_communication_and_condolence():
    council = meeting("2017-04-12", "City Council")
    assert item(council, "File No. 379-17").resolutions[0].outcome == "received"
    condolence = item(council, "Res. No. 399-17")
    assert condolence.title == "Willie Ray Payton, Sr."
    assert condolence.resolutions[0].outcome == "adopted"


@pytest.mark.corpus
@needs_record
def test_failed_ordinance():
    (resolution,) = item(meeting("2016-08-17", "City Council"), "Ord. No. 621-16").resolutions
    assert (resolution.outcome, resolution.votes_for, resolution.votes_against) == ("lost", 1, 16)


@pytest.mark.corpus
@needs_record
def test_call_to_order_with_a_wrong_weekday_yields_to_the_heading():
    assert meeting("2016-09-21", "City Council").date == date(2016, 9, 19)


@pytest.mark.corpus
@needs_record
def test_week_without_council_meeting():
    assert [m.committee for m in issue("2016-01-06")] == ["Board of Zoning Appeals"]
    assert "City Council" not in {m.committee for m in issue("2016-06-15")}


@pytest.mark.corpus
@needs_record
def test_board_of_control():
    board = meeting("2017-04-12", "Board of Control")
    assert (board.date, board.start_time) == (date(2017, 4, 5), clock(10, 44))
    assert board.people("chair") == ["Langhenry"]
    assert board.people("absent") == ["Jackson"]
    assert len(board.people("present")) == 11
    assert len(board.items) == 19
    first = board.items[0]
    assert first.number == "Resolution No. 162-17"
    (resolution,) = first.resolutions
    assert (resolution.outcome, resolution.votes_for, resolution.votes_against) == (
        "adopted",
        12,
        0,
    )
    assert resolution.mover == "Dumas"


@pytest.mark.corpus
@needs_record
def test_two_board_of_control_meetings_in_one_issue():
    boards = [m for m in issue("2018-02-07") if m.committee == "Board of Control"]
    assert [b.date for b in boards] == [date(2018, 1, 30), date(2018, 1, 31)]
    assert [len(b.items) for b in boards] == [1, 7]


@pytest.mark.corpus
@needs_record
def test_board_of_zoning_appeals():
    board = meeting("2017-04-12", "Board of Zoning Appeals")
    assert board.date == date(2017, 4, 10)
    assert len(board.items) == 11
    outcomes = {i.number: i.resolutions[0].outcome for i in board.items}
    assert outcomes["Calendar No. 17-60"] == "approved"
    assert outcomes["Calendar No. 16-300"] == "postponed"
    assert outcomes["Calendar No. 17-57"] == "withdrawn"
    assert item(board, "Calendar No. 17-60").title == "2117 Barber Avenue"
    assert "Calendar No. 17-62" not in outcomes  # on the schedule of a later hearing


@pytest.mark.corpus
@needs_record
def test_zoning_heading_corrects_a_misprinted_year():
    assert meeting("2016-01-06", "Board of Zoning Appeals").date == date(2016, 1, 4)


@pytest.mark.corpus
@needs_record
def test_board_of_building_standards():
    board = meeting("2017-04-12", "Board of Building Standards and Building Appeals")
    assert board.date == date(2017, 4, 5)
    (motion,) = item(board, "Docket A-13-17").resolutions
    assert (motion.outcome, motion.votes_for, motion.votes_against) == ("carried", 5, 0)
    assert (motion.mover, motion.seconder) == ("Bradley", "Gallagher")
    assert item(board, "Docket A-24-17").resolutions[0].outcome == "withdrawn"


@pytest.mark.corpus
@needs_record
def test_every_issue_parses_quickly():
    paths = sorted(RECORD.glob("*/*.txt"))
    texts = {str(p): p.read_text(encoding="utf-8") for p in paths}
    started = time.perf_counter()
    meetings = [m for path, text in texts.items() for m in parse_city_record(text, path)]
    elapsed = time.perf_counter() - started
    assert len(paths) == 156
    assert all(is_city_record(text) for text in texts.values())
    assert Counter(m.committee for m in meetings) == {
        "City Council": 97,
        "Board of Control": 154,
        "Board of Zoning Appeals": 151,
        "Board of Building Standards and Building Appeals": 71,
    }
    assert all(m.date is not None for m in meetings)
    assert elapsed < 20, f"parsing the corpus took {elapsed:.1f}s"


@pytest.mark.corpus
@needs_record
def test_council_meets_in_the_week_before_the_issue():
    for path in sorted(RECORD.glob("*/*.txt")):
        for found in issue(path.stem):
            if found.committee == "City Council" and found.date:
                assert 0 < (date.fromisoformat(path.stem) - found.date).days <= 7, path.stem


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "seed").is_dir(), reason=f"no seed document in {CORPUS}")
def test_other_minutes_are_not_city_records():
    for path in (CORPUS / "seed").glob("*.txt"):
        assert not is_city_record(path.read_text(encoding="utf-8"))
