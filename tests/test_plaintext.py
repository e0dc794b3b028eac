from indexer.read import read_document
from tests.conftest import DATA

LICENSING = DATA / "brindle-town-council" / "licensing-committee" / "2019-11-12.txt"


def test_header_facts() -> None:
    [meeting] = read_document(LICENSING)
    assert (meeting.council, meeting.committee) == ("Brindle Town Council", "Licensing Committee")
    assert (str(meeting.date), str(meeting.start_time)) == ("2019-11-12", "10:00:00")
    assert meeting.venue == "Council Offices, Quarry Street, Brindle"
    assert meeting.people("chair") == ["Councillor Owen Tate"]
    assert meeting.people("present") == [
        "Councillor Sandhu",
        "Councillor Firth",
        "Councillor Okoro",
    ]
    assert meeting.people("apologies") == ["Councillor Zoë Müller"]
    assert meeting.people("officer") == ["Grace Lund", "Paul Reyes"]


def test_items_speakers_and_decisions() -> None:
    [meeting] = read_document(LICENSING)
    assert [i.number for i in meeting.items] == ["31/19", "32/19", "33/19", "34/19"]
    policy = meeting.items[2]
    assert policy.title == "Street Trading Policy Review"
    assert policy.speakers == ["Grace Lund", "Councillor Sandhu", "Councillor Okoro"]
    reply = policy.contributions[2]
    assert (reply.speaker, reply.text) == (
        "Grace Lund",
        "Ms Lund replied that the number of pitches would stay at twelve.",
    )
    [adopted] = policy.resolutions
    assert (adopted.outcome, adopted.votes_for, adopted.votes_against) == ("adopted", 4, 0)
    assert (adopted.mover, adopted.seconder) == ("Councillor Okoro", "Councillor Firth")
    [lost] = meeting.items[3].resolutions
    assert (lost.outcome, lost.votes_for, lost.votes_against) == ("lost", 1, 3)
