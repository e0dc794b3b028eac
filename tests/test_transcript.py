from pathlib import Path

import pytest

from indexer import trace
from indexer.extract.speakers import Roster, find_contributions
from indexer.read import read_document
from indexer.readers.transcript import is_transcript, parse_transcript, speaker_label

TRANSCRIPT = """Transcript of the Brindle Town Council Cabinet meeting, Thursday 4 March 2021

Chair: Good evening and welcome. We have apologies from Councillor Firth.
Councillor Owen Tate: Thank you, Chair.
Chair: Item 3, library opening hours. Councillor Sandhu, would you introduce it?
Councillor Hari Sandhu: Thank you. The proposal keeps both libraries open on Saturdays.
Councillor Owen Tate: I support it, the saving is met elsewhere.
Chair: Item 4, the bus depot. This was deferred, so we move on.
Grace Lund: For the record the report will come back in April.
Chair: Thank you. The meeting is closed.
"""


def test_turns_become_items_and_contributions(tmp_path: Path) -> None:
    path = tmp_path / "cabinet.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    [meeting] = read_document(path)
    assert (meeting.council, meeting.committee, str(meeting.date)) == (
        "Brindle Town Council",
        "Cabinet",
        "2021-03-04",
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        ("", "Opening"),
        ("3", "Library opening hours"),
        ("4", "The bus depot"),
    ]
    library = meeting.items[1]
    assert library.speakers == ["Chair", "Councillor Hari Sandhu", "Councillor Owen Tate"]
    assert library.contributions[1].text == (
        "Thank you. The proposal keeps both libraries open on Saturdays."
    )
    assert meeting.items[2].speakers == ["Chair", "Grace Lund"]


def test_a_chair_who_names_themselves_is_named_in_every_turn(tmp_path: Path) -> None:
    text = TRANSCRIPT.replace(
        "Chair: Good evening and welcome.", "Chair: Good evening. I'm Councillor Ada Moss, Chair."
    )
    path = tmp_path / "cabinet.txt"
    path.write_text(text, encoding="utf-8")
    [meeting] = read_document(path)
    library = meeting.items[1]
    assert library.speakers[0] == "Councillor Ada Moss"
    assert library.contributions[0].role == "Chair"
    assert ("Councillor Ada Moss", "chair") in [(a.name, a.role) for a in meeting.attendance]


# A caption transcript: capitalised labels, turns wrapped over several lines, a roll call.
CAPTIONS = """2022-06-14
Regular Meeting
ADA MORENO: Good evening. This is Ada Moreno, Chair of the Harbor Board. I now call
the meeting to order. I will now call for the roll. Director Pike.
TOM PIKE: Present.
ADA MORENO: Director Voss.
LENA VOSS: Here.
ADA MORENO: Thank you. Next is our public comment period, which is open to anyone. We
ask speakers to give their names and keep to three minutes. Please come forward when
your name is called.
AUDIENCE: Thank you. My name is Carla Reyes and I live on the east side. The ferry
timetable changed without notice and I missed two shifts at work.
ADA MORENO: Thank you, Ms. Reyes. We'll now move to the Treasurer's report.
TOM PIKE: Thank you, Chair. Income is on budget for the quarter and the reserve is
unchanged since March.
ADA MORENO: We will now move on to our next discussion item, which is the dredging
contract renewal. Director Voss.
LENA VOSS: I move approval of the renewal for two years.
TOM PIKE: Second.
ADA MORENO: Any discussion? Seeing none, that motion will pass. This meeting is
adjourned. Thank you, everybody.
"""


def test_a_caption_transcript_with_wrapped_turns_is_read(tmp_path: Path) -> None:
    assert is_transcript(CAPTIONS)
    meeting = parse_transcript(CAPTIONS, "captions.txt")
    assert [i.title for i in meeting.items] == [
        "Opening",
        "Roll call",
        "Public comment period",
        "Treasurer's report",
        "The dredging contract renewal",
        "Adjournment",
    ]
    assert meeting.items[0].speakers == ["Ada Moreno"]
    assert meeting.items[2].speakers == ["Ada Moreno", "Carla Reyes"]
    assert meeting.items[3].contributions[1].text.endswith("unchanged since March.")


def test_those_who_answer_the_roll_are_present() -> None:
    meeting = parse_transcript(CAPTIONS.replace("Director Voss.", "Director Voss. I am here."), "c")
    assert [(a.name, a.role) for a in meeting.attendance] == [
        ("Tom Pike", "present"),
        ("Ada Moreno", "present"),
        ("Lena Voss", "present"),
    ]


def test_a_motion_moved_and_seconded_in_turns(tmp_path: Path) -> None:
    meeting = parse_transcript(CAPTIONS, "captions.txt")
    [motion] = meeting.items[4].resolutions
    assert (motion.outcome, motion.mover, motion.seconder) == ("carried", "Lena Voss", "Tom Pike")


def test_field_labels_do_not_make_a_transcript() -> None:
    minutes = "Minutes of the Parks Committee, 3 May 2021\n\n" + "\n".join(
        f"{n}. Item {n}\nAction: Approve the report.\nMOTION: Carried.\nRESULT: Adopted.\n"
        f"Ayes: Smith, Jones\nNote: none."
        for n in range(1, 8)
    )
    assert not is_transcript(minutes)
    roll_call = "Minutes\n\n" + "\n".join(
        f"Councilmember Avery Hale: Aye\nCouncilmember Jo Brand: Nay\nMayor Kim Oduya: Aye\n{n}."
        for n in range(6)
    )
    assert not is_transcript(roll_call)


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("ERIK LANGE", "Erik Lange"),
        ("CommissionerFernandez", "Commissioner Fernandez"),
        ("PublicWorksDirectorDiaz", "Public Works Director Diaz"),
        ("MayorMacLeod", "Mayor MacLeod"),
        ("Ms. Ortiz", "Ms. Ortiz"),
        ("AUDIENCE", "Audience"),
        ("GARY VAN DORN", "Gary van Dorn"),
        ("RESOLVED", None),
        ("Roll Call", None),
        ("MOTION CARRIED", None),
        ("Present", None),
        ("Note", None),
        ("Item 4", None),
    ],
)
def test_speaker_labels(label: str, speaker: str | None) -> None:
    assert speaker_label(label) == speaker


# A verbatim transcript of one item: the heading names it, labels are run together.
ONE_ITEM = """City of Weston City Commission Meeting
Agenda Item D-3
March 2, 2023

Agenda Item D-3 [Start: 10:15 a.m.]
Update regarding the marina lease

MayorOkafor: Moving onto item D-3. Madam Manager, would you introduce it?
CityManagerBlake: Thank you, Mayor. The lease ends next year and the tenant has asked
to renew on the same terms.
CommissionerReyes: I would like to see a new appraisal before we agree to anything.
MayorOkafor: That is fair. We will bring it back in April.
CommissionerReyes: Thank you.
CityManagerBlake: We will have the appraisal by then.
"""


def test_a_transcript_of_one_item_takes_its_heading() -> None:
    assert is_transcript(ONE_ITEM)
    meeting = parse_transcript(ONE_ITEM, "item.pdf")
    [item] = meeting.items
    assert (item.number, item.title) == ("D-3", "Update regarding the marina lease")
    assert item.speakers == ["Mayor Okafor", "City Manager Blake", "Commissioner Reyes"]


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("Thank you. Moving on to agenda item 5.2: the parking strategy.", "The parking strategy"),
        ("OK. Item 7, the library hours.", "The library hours"),
        ("Thank you. The next item is the Clerk's report.", "Clerk's report"),
        ("Thanks. Let's go to the report of the auditor.", "Report of the auditor"),
        ("So, we'll now move to public comment.", "Public comment"),
        ("Now we will move to our next speaker, Jan Holt.", None),
        ("Let's go to the podium for questions.", None),
    ],
)
def test_how_chairs_move_on(said: str, title: str | None) -> None:
    text = f"Chair: Good evening, all. {said} Thank you.\nKim Hale: Thank you.\n" * 1
    text += "Jo Park: Agreed.\nKim Hale: Yes.\nJo Park: Fine.\nChair: Good.\n"
    items = parse_transcript(text, "t.txt").items
    titles = [i.title for i in items[1:]]
    assert titles == ([title] if title else [])


def test_turns_inline_in_minutes_are_speakers_of_the_item() -> None:
    roster = Roster(["Councillor Jane Holt", "Councillor Tom Marsh", "Mayor Ann Wu"])
    text = (
        "The report was introduced. Holt: I move approval of the plan. Marsh: Second.\n"
        "Mayor Wu: Thank you, all in favour?\n"
        "Action: Approve the report.\n"
        "Councillor Tom Marsh: Aye\n"
        "Bloggs: I object to the plan.\n"
        "Marsh: I think the fees are too high\nand should be cut."
    )
    said = [(c.speaker, c.text) for c in find_contributions(text, roster)]
    assert said == [
        ("Councillor Jane Holt", "Holt: I move approval of the plan."),
        ("Councillor Tom Marsh", "Marsh: Second."),
        ("Mayor Ann Wu", "Mayor Wu: Thank you, all in favour?"),
        ("Councillor Tom Marsh", "Marsh: I think the fees are too high and should be cut."),
    ]


def test_headings_and_offices_after_a_colon_are_not_turns() -> None:
    roster = Roster(["Councillor Jane Holt"])
    text = (
        "Member Comments: we will take these later.\nCouncillor Jane Holt: Cabinet Member for Roads"
    )
    assert find_contributions(text, roster) == []


PUBLIC_COMMENT = """Transcript of the Eastvale Transit Board meeting, 7 May 2024

Chair: Good evening. We'll now move to public comment.
Chair: Our next speaker is former Board Director Ann Oakes. Director Oakes, please.
AUDIENCE: Thank you. The buses on Elm Street are late every morning.
Chair: Ms. Oakes, if you could please wrap up.
AUDIENCE: Thank you. That is all.
Chair: Thank you. Now I'll call on our next speaker in person, who is Tom Birch.
AUDIENCE: Good evening. I ride the 40 every day and it is full.
Chair: Thank you. Mr. Clerk, any hands raised online?
Clerk: Yes, Chair. We had a hand raised from JD Vance.
Chair: OK. JD Vance, you are now recognized.
AUDIENCE: Hello. Can you hear me?
Chair: Yes, we can. Please go ahead.
AUDIENCE: I want more night services on the weekend.
Chair: Thank you. We now have the General Manager's report, which is long and has many parts, and I will ask our General Manager to take us through it, with the slides that were circulated. The report covers ridership, the budget for the year, the new fare system, the depot works and the recruitment of drivers.
AUDIENCE: Thanks for doing this.
Chair: Next. So my name is not needed here. The hearing continues.
PUBLIC: Hi. So my name is Lee Ray, and I live on Oak Lane.
"""


def test_members_of_the_public_are_named_by_the_chair_calling_them() -> None:
    meeting = parse_transcript(PUBLIC_COMMENT, "board.txt")
    speakers = [c.speaker for item in meeting.items for c in item.contributions]
    assert [s for s in speakers if s not in {"Chair", "Clerk"}] == [
        "Ann Oakes", "Ann Oakes", "Tom Birch", "JD Vance", "JD Vance", "Audience", "Lee Ray",
    ]  # fmt: skip


def test_a_note_says_the_chair_called_the_speaker() -> None:
    with trace.recording() as notes:
        parse_transcript(PUBLIC_COMMENT, "board.txt")
    called = [(n.value, n.rule) for n in notes if n.fact == "speaker"]
    assert ("Tom Birch", "the chair calling the next speaker") in called
    assert ("Lee Ray", "a speaker giving their name") in called


def test_the_first_item_a_chair_names_after_a_heading_of_several() -> None:
    text = CAPTIONS.replace(
        "ADA MORENO: We will now move on to our next discussion item, which is the dredging\n"
        "contract renewal. Director Voss.",
        "ADA MORENO: We will now move on to our discussion items. There are two this evening.\n"
        "The first is our draft mooring fees policy. Director Voss, please introduce it.",
    )
    meeting = parse_transcript(text, "captions.txt")
    assert [i.title for i in meeting.items][-2:] == [
        "Draft mooring fees policy",
        "Adjournment",
    ]
    assert meeting.items[-2].speakers == ["Ada Moreno", "Lena Voss", "Tom Pike"]
