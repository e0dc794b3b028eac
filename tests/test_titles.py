import re

import pytest

from indexer.extract import titles


@pytest.mark.parametrize("words", [titles.OFFICER_TITLES, titles.PLURAL_TITLES])
def test_no_word_starts_another(words: tuple[str, ...]) -> None:
    # Readers add their own words in any order: that reads the same only if none starts another.
    plain = [re.sub(r"\\\.\?", "", word) for word in words]
    for word in words:
        assert [p for p in plain if re.match(f"(?:{word})", p, re.IGNORECASE)] == [
            re.sub(r"\\\.\?", "", word)
        ]


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("Councillors", "Councillor"),
        ("Cllrs", "Cllr"),
        ("Aldermen", "Alderman"),
        ("Alderwomen", "Alderwoman"),
        ("Board Members", "Board Member"),
        ("Messrs", "Mr"),
    ],
)
def test_singular(plural: str, singular: str) -> None:
    assert titles.singular(plural) == singular


def test_chair_reads_each_form() -> None:
    chair = re.compile(rf"(?:{titles.CHAIR})$")
    assert [
        w for w in ("Chair", "Chairman", "Chairwoman", "Chairperson", "Chairs") if chair.match(w)
    ] == [
        "Chair",
        "Chairman",
        "Chairwoman",
        "Chairperson",
    ]
