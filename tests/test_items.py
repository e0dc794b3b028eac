import pytest

from indexer.extract.items import split_items


def numbers_and_titles(text: str) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in split_items(text)[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Present: Cllr A\n\n77/21 Apologies\n\nNone.\n\n78/21 Bus Depot\n\nDiscussed.\n",
            [("77/21", "Apologies"), ("78/21", "Bus Depot")],
        ),
        (
            "1/19 Minutes\n\nSigned.\n\n2/19 Library Hours\n\nNoted.",
            [("1/19", "Minutes"), ("2/19", "Library Hours")],
        ),
        (
            "338.1 Budget 2020-21\n\nText.\n\n338.2 Capital Programme\n\nText.",
            [("338.1", "Budget 2020-21"), ("338.2", "Capital Programme")],
        ),
        (
            "Minute 151: Declarations of Interest\n\nNone.\n\nMinute 152: Licensing Policy\n\nText.",
            [("Minute 151", "Declarations of Interest"), ("Minute 152", "Licensing Policy")],
        ),
        (
            "ITEM 5 Planning Applications\n\nText.\n\nITEM 6 Any Other Business\n\nNone.",
            [("ITEM 5", "Planning Applications"), ("ITEM 6", "Any Other Business")],
        ),
        (
            "MH05/17.1 Welcome\n\nText.\n\nMH05/17.2 Care Homes Review\n\nText.",
            [("MH05/17.1", "Welcome"), ("MH05/17.2", "Care Homes Review")],
        ),
        (
            "6. Planning Matters\n\nIntro.\n\n6(a) 19/00412/FUL Bus Depot\n\nText.\n\n"
            "6(b) 19/00530/FUL Mill Lane\n\nText.\n\n(c) Appeals\n\nNone.",
            [
                ("6", "Planning Matters"),
                ("6(a)", "19/00412/FUL Bus Depot"),
                ("6(b)", "19/00530/FUL Mill Lane"),
                ("(c)", "Appeals"),
            ],
        ),
        (
            "MINUTES\n\nAPOLOGIES FOR ABSENCE\n\nNone.\n\nLIBRARY OPENING HOURS\n\nText.\n\n"
            "BUS DEPOT REDEVELOPMENT\n\nRESOLVED that it be noted.",
            [
                ("", "APOLOGIES FOR ABSENCE"),
                ("", "LIBRARY OPENING HOURS"),
                ("", "BUS DEPOT REDEVELOPMENT"),
            ],
        ),
    ],
)
def test_numbering_styles(text: str, expected: list[tuple[str, str]]) -> None:
    assert numbers_and_titles(text) == expected


def test_numbered_paragraphs_inside_an_item_are_not_items() -> None:
    text = (
        "5. Budget\n\nRESOLVED that:\n\n1. the budget be approved;\n\n2. That the plan be noted.\n\n"
        "6. Close\n\nEnded."
    )
    assert numbers_and_titles(text) == [("5", "Budget"), ("6", "Close")]


def test_lists_numbered_from_one_again_are_not_items() -> None:
    text = "12. Libraries\n\nText.\n\n1. Opening Hours\n\nA list.\n\n13. Close\n\nEnded."
    assert numbers_and_titles(text) == [("12", "Libraries"), ("13", "Close")]


def test_minutes_and_decision_blocks() -> None:
    text = "4.\n\nBus Depot\n\nThe report.\n\nDecision:\n\nApproved.\n\nMinutes:\n\nDiscussed at length."
    preamble, [item] = split_items("Header\n\n" + text)
    assert preamble.strip() == "Header"
    assert (item.number, item.title) == ("4", "Bus Depot")
    assert item.decision == "Approved."
    assert item.minutes == "Discussed at length."
    assert item.body == "The report.\n\nApproved.\n\nDiscussed at length."
