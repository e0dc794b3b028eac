"""One document, several meetings: where each begins, and what each is read as."""

from datetime import date

from indexer.extract.meetings import sitting_body, split_meetings
from indexer.readers.plaintext import parse_meetings

BUSINESS = (
    "The Clerk reported on the state of the footpaths, the lighting of the square and the "
    "repairs to the bus shelter on the main road, and members discussed each in turn. "
)

REGULAR_THEN_SPECIAL = f"""MINUTES OF THE REGULAR TOWN COUNCIL MEETING
TUESDAY, MARCH 3, 2015 - 7:30 P.M.

Mayor Pell convened the Regular Meeting at 7:32 p.m.

ROLL CALL - Present: Councilmembers Abbot, Brandt and Mayor Pell - 3.

Absent: Councilmember Corey.

(15-010) Footpath Repairs

{BUSINESS}

There being no further business, Mayor Pell adjourned the Regular Meeting at 9:10 p.m.

MINUTES OF THE SPECIAL TOWN COUNCIL MEETING
TUESDAY, MARCH 3, 2015 - 6:30 P.M.

Mayor Pell convened the Special Meeting at 6:31 p.m.

Roll Call - Present: Councilmembers Abbot, Brandt, Corey and Mayor Pell - 4.

(15-009) Conference with Legal Counsel

The Special Meeting was adjourned at 7:20 p.m.
"""


def test_a_second_minutes_heading_after_an_adjournment_starts_a_meeting() -> None:
    regular, special = parse_meetings(REGULAR_THEN_SPECIAL, "m.txt")
    assert (regular.committee, regular.date) == ("Town Council", date(2015, 3, 3))
    assert regular.people("absent") == ["Councilmember Corey"]
    assert [i.number for i in regular.items] == ["15-010"]
    assert (special.committee, special.date) == ("Town Council", date(2015, 3, 3))
    assert "Councilmember Corey" in special.people("present")
    assert [i.number for i in special.items] == ["15-009"]


def test_each_part_begins_at_its_heading_and_nothing_is_dropped() -> None:
    parts = split_meetings(REGULAR_THEN_SPECIAL)
    assert [p.text.split("\n")[0] for p in parts] == [
        "MINUTES OF THE REGULAR TOWN COUNCIL MEETING",
        "MINUTES OF THE SPECIAL TOWN COUNCIL MEETING",
    ]
    assert "\n".join(p.text for p in parts) == REGULAR_THEN_SPECIAL


def test_a_heading_wrapped_over_lines_is_one_heading() -> None:
    text = REGULAR_THEN_SPECIAL.replace(
        "MINUTES OF THE SPECIAL TOWN COUNCIL MEETING",
        "MINUTES OF THE SPECIAL JOINT TOWN COUNCIL,\nHARBOUR AUTHORITY AND\nHOUSING BOARD MEETING",
    )
    assert len(split_meetings(text)) == 2


SITTING_AS = f"""SUMMARY OF THE TOWN COUNCIL MEETING

June 8, 2016

16-201 1. ROLL CALL: Present: Abbot, Brandt, Corey. Absent: Dunne.

16-202 2. Approving the agenda. Moved by Abbot to adopt. Motion Carried 3-1.

{BUSINESS}

BOARD OF HEALTH

16-210 MOTION TO CONVENE. Moved by Brandt that the Town Council adjourn and convene as a
Board of Health. Motion Carried 3-1.

16-211 1. Abatement of the nuisance at 4 Mill Lane. Moved by Corey to adopt. Motion Carried 3-1.

16-212 MOTION TO ADJOURN. Moved by Abbot to adjourn at 6:02 P.M. Motion Carried 3-1.
"""


def test_a_council_convened_as_another_body_is_a_meeting_of_that_body() -> None:
    council, health = parse_meetings(SITTING_AS, "m.txt")
    assert council.committee == "Town Council"
    assert health.committee == "Board of Health"
    assert health.date == council.date == date(2016, 6, 8)
    assert health.people("present") == council.people("present") != []
    assert "1" in [i.number for i in health.items]


AGENDA_PACK = f"""Lowmarsh District Council
Licensing Committee

A meeting of the Licensing Committee will be held:
Date: 14 May 2021
Time: 10:00
Venue: Council Chamber, Town Hall

This is a public meeting and members of the public are welcome to attend. For more
information about the agenda please contact the committee clerk.

1. Apologies for absence
2. Minutes of the meeting held on 9 April 2021
3. Taxi licensing policy

LICENSING COMMITTEE
PRESENT: Councillors Amos (Chair), Byrne and Carver.
Apologies for absence were received from Councillor Drew.

1 TAXI FARES
{BUSINESS}
RESOLVED: That the fares be approved.
"""


def test_an_agenda_before_printed_minutes_is_no_meeting() -> None:
    parts = split_meetings(AGENDA_PACK)
    assert [p.notice for p in parts] == [True, False]
    [meeting] = parse_meetings(AGENDA_PACK, "pack.txt")
    assert meeting.committee == "Licensing Committee"
    assert meeting.council == "Lowmarsh District Council"
    assert meeting.people("apologies") == ["Councillor Drew"]


def test_a_cover_page_belongs_to_the_minutes_after_it() -> None:
    cover = AGENDA_PACK.replace("A meeting of the Licensing Committee will be held:", "Minutes")
    [part] = split_meetings(cover)
    assert (part.text, part.notice) == (cover, False)


ONE_MEETING = f"""MINUTES OF THE REGULAR MEETING OF THE PLANNING BOARD
April 2, 2019

The meeting was called to order at 7:00 p.m.

ROLL CALL: Present: Members Abbot, Brandt and Corey.

1. APPROVAL OF MINUTES

MINUTES OF THE REGULAR MEETING OF MARCH 5, 2019
Moved by Abbot, seconded by Brandt, that the minutes be approved. Carried.

2. SITE PLAN REVIEW
{BUSINESS}

PLANNING BOARD
Present: the applicant and her architect.
{BUSINESS}

The meeting adjourned at 9:00 p.m.
"""


def test_minutes_named_inside_an_item_or_a_running_head_start_no_meeting() -> None:
    assert len(split_meetings(ONE_MEETING)) == 1
    assert len(parse_meetings(ONE_MEETING, "m.txt")) == 1


def test_a_heading_before_the_meeting_has_closed_starts_no_meeting() -> None:
    unclosed = REGULAR_THEN_SPECIAL.replace(
        "There being no further business, Mayor Pell adjourned the Regular Meeting at 9:10 p.m.",
        "",
    )
    assert len(split_meetings(unclosed)) == 1


def test_the_body_sat_as_is_named_only_when_it_is_a_body() -> None:
    assert sitting_body("The Council sat as the Licensing Authority.") == "Licensing Authority"
    assert sitting_body("adjourn and convene a\nBoard of Health.") == "Board of Health"
    assert sitting_body("Councillor Amos sat as the Chairman.") is None


def test_a_closed_session_inside_a_meeting_starts_no_meeting() -> None:
    closed = ONE_MEETING.replace(
        "2. SITE PLAN REVIEW",
        "The Board adjourned to closed session at 8:00 p.m.\n\nCLOSED SESSION\n\n"
        "The Chair convened the closed session at 8:05 p.m.\n\n2. SITE PLAN REVIEW",
    )
    assert len(split_meetings(closed)) == 1


def test_an_adjournment_long_before_a_heading_does_not_close_the_meeting() -> None:
    early = REGULAR_THEN_SPECIAL.replace(
        "(15-010) Footpath Repairs\n",
        "The item on the bridge was adjourned to the next meeting.\n\n"
        + "(15-010) Footpath Repairs\n"
        + "\n".join(f"Line {n} of the discussion." for n in range(50))
        + "\n",
    ).replace(
        "There being no further business, Mayor Pell adjourned the Regular Meeting at 9:10 p.m.",
        "",
    )
    assert len(split_meetings(early)) == 1


def test_an_agendas_adjournment_item_does_not_make_it_minutes() -> None:
    pack = AGENDA_PACK.replace(
        "3. Taxi licensing policy", "3. Taxi licensing policy\n4. Adjournment"
    )
    assert [p.notice for p in split_meetings(pack)] == [True, False]


AGENDA = """Ashworth Town Council

NOTICE OF MEETING

You are hereby summoned to attend a meeting of the Planning Committee to be held on
Tuesday 5 March 2024 at 7.00 pm in the Council Chamber.

AGENDA

1. Apologies for absence
2. Minutes of the meeting held on 6 February 2024
3. Planning applications
"""


def test_an_agenda_is_read_as_what_it_is() -> None:
    (meeting,) = parse_meetings(AGENDA, "agenda.txt")
    assert meeting.status == "agenda"
    assert [i.number for i in meeting.items] == ["1", "2", "3"]


def test_minutes_that_mention_an_agenda_are_minutes() -> None:
    minutes = AGENDA.replace("NOTICE OF MEETING", "MINUTES").replace(
        "3. Planning applications",
        "3. Planning applications\nRESOLVED: that permission be granted.",
    )
    (meeting,) = parse_meetings(minutes, "minutes.txt")
    assert meeting.status != "agenda"
