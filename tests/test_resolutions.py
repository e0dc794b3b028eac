import pytest

from indexer.extract.resolutions import find_resolutions, parse_outcome, parse_votes


def test_resolution_with_clauses_and_vote_before_it() -> None:
    text = (
        "On being put to the vote the recommendation was carried by 22 votes to one, "
        "with two abstentions.\n\nRESOLVED that:\n\n(a) the report be noted; and\n\n"
        "(b) the bus depot scheme be approved.\n\nCouncillor Smith then left the meeting."
    )
    [resolution] = find_resolutions(text)
    assert resolution.text == (
        "RESOLVED that:\n(a) the report be noted; and\n(b) the bus depot scheme be approved."
    )
    assert resolution.outcome == "carried"
    assert (resolution.votes_for, resolution.votes_against, resolution.abstentions) == (22, 1, 2)


def test_mover_seconder_and_ayes_nays() -> None:
    text = "Moved by Councillor A Brown, seconded by Councillor C. Dee. RESOLVED: that the policy be adopted. Ayes: 5 Nays: 0"
    [resolution] = find_resolutions(text)
    assert resolution.mover == "Councillor A Brown"
    assert resolution.seconder == "Councillor C. Dee"
    assert resolution.outcome == "adopted"
    assert (resolution.votes_for, resolution.votes_against) == (5, 0)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The motion was declared LOST.", "lost"),
        ("Agreed that the minutes be signed. Carried unanimously.", "carried"),
        ("RESOLVED that the item be deferred to the next meeting.", "deferred"),
        ("ORDERED that the matter be referred to Cabinet.", "referred"),
        ("Be it resolved that the plan is endorsed.", "agreed"),
        ("The motion was withdrawn.", "withdrawn"),
        ("Nothing decided here.", None),
    ],
)
def test_outcomes(text: str, outcome: str | None) -> None:
    assert parse_outcome(text) == outcome


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("carried by 22 votes to one, with two abstentions", (22, 1, 2)),
        ("Ayes: 5 Nays: 0", (5, 0, None)),
        ("For: 7 Against: 2 Abstentions: 1", (7, 2, 1)),
        ("(Y-5)", (5, None, None)),
        ("(Y-5, N-2)", (5, 2, None)),
        ("The rules were suspended. Yeas 17. Nays 0.", (17, 0, None)),
        ("unanimously", (None, None, None)),
    ],
)
def test_votes(text: str, votes: tuple[int | None, ...]) -> None:
    assert parse_votes(text) == votes


def test_several_resolutions_and_order() -> None:
    text = (
        "RESOLVED that the minutes be approved.\n\nDiscussion.\n\nAGREED that the item be deferred."
    )
    assert [r.outcome for r in find_resolutions(text)] == ["approved", "deferred"]


def test_a_motion_lost_without_resolved_is_a_decision() -> None:
    text = (
        "Councillor Firth proposed an increase. The motion was declared LOST (Y-1, N-3).\n\nNext."
    )
    [resolution] = find_resolutions(text)
    assert (
        resolution.text
        == "Councillor Firth proposed an increase. The motion was declared LOST (Y-1, N-3)."
    )
    assert (resolution.outcome, resolution.votes_for, resolution.votes_against) == ("lost", 1, 3)


def test_lost_amendment_then_resolution_gives_both() -> None:
    text = "The amendment was declared LOST.\n\nRESOLVED that the report be noted."
    assert [r.outcome for r in find_resolutions(text)] == ["lost", "noted"]
