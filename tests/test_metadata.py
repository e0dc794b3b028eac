"""Meeting facts from outside the document: the folder convention and the file's name."""

from datetime import date
from pathlib import Path

import pytest

from indexer.metadata import Hints, folder_hints, name_date


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("planning-board-2023-09-11.pdf", date(2023, 9, 11)),
        ("Council 2023_05_22.pdf", date(2023, 5, 22)),
        ("minutes_20190314.docx", date(2019, 3, 14)),
        ("2021.02.25-council.txt", date(2021, 2, 25)),
        ("report-2023-13-40.pdf", None),
        ("item-12345678901.pdf", None),
        ("minutes.pdf", None),
    ],
)
def test_name_date(name: str, expected: date | None) -> None:
    assert name_date(name) == expected


def test_folder_convention() -> None:
    path = Path("minutes/ashford-parish-council/planning-and-highways/2021-06-07.txt")
    assert folder_hints(path) == Hints(
        "Ashford Parish Council", "Planning and Highways", date(2021, 6, 7)
    )


def test_a_dated_name_outside_the_convention_gives_only_the_date() -> None:
    assert folder_hints(Path("downloads/town-board-2020-11-16.md")) == Hints(
        date=date(2020, 11, 16)
    )


def test_year_folders_are_not_bodies() -> None:
    assert folder_hints(Path("archive/record/2016/2016-04-13.txt")) == Hints(date=date(2016, 4, 13))
