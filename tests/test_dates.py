from datetime import date, time

import pytest

from indexer.extract.dates import (
    find_dates,
    infer_meeting_date,
    parse_date,
    parse_time,
    writes_month_first,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday, 13th September, 2017 10.00 am", date(2017, 9, 13)),
        ("14 August 2017", date(2017, 8, 14)),
        ("12.9.17", date(2017, 9, 12)),
        ("January 12, 2011", date(2011, 1, 12)),
        ("January the Third, Two Thousand and Eighteen", date(2018, 1, 3)),
        ("April the Twelfth, Two Thousand and Seventeen", date(2017, 4, 12)),
        ("MONDAY, APRIL 10, 2017", date(2017, 4, 10)),
        ("Thursday the 3rd of March 2022", date(2022, 3, 3)),
        ("Sept. 5, 2016", date(2016, 9, 5)),
        ("in 2017", None),
        ("31 February 2019", None),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday, 13th September, 2017 10.00 am", time(10, 0)),
        ("called to order at 7:05 p.m.", time(19, 5)),
        ("at 12 noon", time(12, 0)),
        ("at 12.30 am", time(0, 30)),
        ("no time here", None),
    ],
)
def test_parse_time(text: str, expected: time | None) -> None:
    assert parse_time(text) == expected


def test_find_dates_in_order() -> None:
    found = find_dates("held on 14 August 2017; next on January 12, 2018.")
    assert [f.value for f in found] == [date(2017, 8, 14), date(2018, 1, 12)]


def test_infer_from_working_day_before() -> None:
    text = "no later than 9.00am on the working day before the meeting (in this case 12 September 2017)."
    assert infer_meeting_date(text) == date(2017, 9, 13)


def test_infer_skips_the_weekend() -> None:
    text = "the working day before the meeting (in this case Friday 8 September 2017)"
    assert infer_meeting_date(text) == date(2017, 9, 11)


def test_infer_nothing_without_a_deadline() -> None:
    assert infer_meeting_date("The Minutes of the Meeting held on 14 August 2017") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("was held this 12th day of January, 2011", date(2011, 1, 12)),
        ("NOVEMBER 16,2020", date(2020, 11, 16)),
        ("2024-04-05", date(2024, 4, 5)),
        ("le 12 janvier 2017", date(2017, 1, 12)),
        ("1er mars 2021", date(2021, 3, 1)),
        ("CYFARFOD 11eg IONAWR 2017", date(2017, 1, 11)),
        ("21ain Mehefin 2020", date(2020, 6, 21)),
        ("31 février 2019", None),
    ],
)
def test_parse_more_forms(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_a_minute_number_is_not_a_date() -> None:
    assert find_dates("Item 21/07/26/4 Play area") == []


def test_month_first_is_told_from_the_written_dates() -> None:
    assert writes_month_first("Minutes, March 5, 2024. Paid on 4/5/2024.")
    assert not writes_month_first("Minutes, 5 March 2024. Paid on 4/5/2024.")
