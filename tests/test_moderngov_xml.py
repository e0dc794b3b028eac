"""ModernGov web-service XML: a GetMeeting answer read into a meeting, other answers refused."""

from __future__ import annotations

import shutil
from datetime import date, time
from pathlib import Path

import pytest

from indexer.errors import UnreadableDocument
from indexer.read import read_document, read_tree
from indexer.readers.moderngov_xml import attendance_role

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT.parent / "shared" / "fixtures" / "harvest" / "moderngov"

# A GetMeeting answer of our own: the shape of the service's, with made-up people and text.
GET_MEETING = """<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>501</meetingid>
  <committeetitle>Licensing Committee</committeetitle>
  <meetingdate>14/07/2020</meetingdate>
  <meetingstatus>Confirmed</meetingstatus>
  <meetingtime>7.30 pm</meetingtime>
  <meetinglocation>Council Chamber, Market Square, Kelmscott</meetinglocation>
  <meetingroom>  </meetingroom>
  <minutepublished>True</minutepublished>
  <agendaitems>
    <agendaitem>
      <agendaitemid>9001</agendaitemid>
      <agendaitemtitle>Apologies for Absence</agendaitemtitle>
      <agendatext></agendatext>
      <agendaitemnumber>1</agendaitemnumber>
      <fulldisplaynumberformat>12.</fulldisplaynumberformat>
      <minutesnonemptyhtmlbody>&lt;p&gt;Apologies were received from Councillor Dora Pike.&lt;/p&gt;</minutesnonemptyhtmlbody>
    </agendaitem>
    <agendaitem>
      <agendaitemid>9002</agendaitemid>
      <agendaitemtitle>Taxi Licensing Policy</agendaitemtitle>
      <agendatext>&lt;p&gt;Report of the Licensing Manager, attached.&lt;/p&gt;</agendatext>
      <agendaitemnumber>2</agendaitemnumber>
      <fulldisplaynumberformat>13.</fulldisplaynumberformat>
      <minutesnonemptyhtmlbody>&lt;p&gt;Councillor Ann Hale asked about the hours of the
office.&lt;/p&gt;&lt;p&gt;RESOLVED that the revised policy be approved.&lt;/p&gt;</minutesnonemptyhtmlbody>
      <decisionnonemptyhtmlbody></decisionnonemptyhtmlbody>
    </agendaitem>
  </agendaitems>
  <attendees>
    <attendee memberid="1" name="Councillor Ann Hale" roledescription="Chair" attendance="Present" ward="North">
      <url>https://democracy.example.org/mgUserInfo.aspx?UID=1</url>
      <email>ann.hale@example.org</email>
      <homeaddress>1 Private Road</homeaddress>
    </attendee>
    <attendee memberid="2" name="Councillor Bob Tyne" roledescription="Committee Member" attendance="Present"/>
    <attendee memberid="3" name="Councillor Dora Pike" roledescription="Committee Member" attendance="Apologies"/>
    <attendee memberid="4" name="Councillor Eve Marsh" roledescription="Committee Member" attendance="Absent"/>
    <attendee memberid="5" name="Councillor Fay Lunt" roledescription="Substitute" attendance="Present as substitute"/>
    <attendee memberid="6" name="Councillor Gus Hart" roledescription="Committee Member" attendance="Expected"/>
  </attendees>
</meeting>
"""


def write(tmp_path: Path, text: str, name: str = "meeting.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def reason(path: Path) -> str:
    with pytest.raises(UnreadableDocument) as raised:
        read_document(path)
    return raised.value.reason


def test_get_meeting_is_read_into_a_meeting(tmp_path: Path) -> None:
    [meeting] = read_document(write(tmp_path, GET_MEETING))
    assert (meeting.committee, meeting.date, meeting.start_time) == (
        "Licensing Committee",
        date(2020, 7, 14),
        time(19, 30),
    )
    assert meeting.venue == "Council Chamber, Market Square, Kelmscott"
    assert [(a.name, a.role) for a in meeting.attendance] == [
        ("Councillor Ann Hale", "chair"),
        ("Councillor Bob Tyne", "present"),
        ("Councillor Dora Pike", "apologies"),
        ("Councillor Eve Marsh", "absent"),
        ("Councillor Fay Lunt", "substitute"),
    ]
    assert [(i.number, i.title) for i in meeting.items] == [
        ("12", "Apologies for Absence"),
        ("13", "Taxi Licensing Policy"),
    ]
    policy = meeting.items[1]
    assert policy.minutes == (
        "Councillor Ann Hale asked about the hours of the office.\n\n"
        "RESOLVED that the revised policy be approved."
    )
    assert policy.text.startswith("Report of the Licensing Manager, attached.\n\n")
    assert policy.speakers == ["Councillor Ann Hale"]
    assert [r.outcome for r in policy.resolutions] == ["approved"]


def test_no_contact_details_are_read_and_expected_members_are_kept(tmp_path: Path) -> None:
    [meeting] = read_document(write(tmp_path, GET_MEETING))
    dumped = str(meeting.to_dict())
    assert "ann.hale@example.org" not in dumped
    assert "Private Road" not in dumped
    assert "mgUserInfo" not in dumped
    assert "Councillor Gus Hart" in dumped  # expected, attendance not recorded: kept as text


def test_council_name_when_given_and_a_soap_envelope(tmp_path: Path) -> None:
    soap = (
        '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
        '<GetMeetingResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingResult>'
        "<meeting><meetingid>7</meetingid><councilname>Kelmscott District Council</councilname>"
        "<meetingdate>02/03/2021</meetingdate><meetingtime>14:00</meetingtime><agendaitems>"
        "<agendaitem><agendaitemtitle>Budget</agendaitemtitle><agendaitemnumber>5</agendaitemnumber>"
        "<agendaitemsubnumber>a</agendaitemsubnumber></agendaitem></agendaitems></meeting>"
        "</GetMeetingResult></GetMeetingResponse></soap:Body></soap:Envelope>"
    )
    [meeting] = read_document(write(tmp_path, soap))
    assert (meeting.council, meeting.date, meeting.start_time) == (
        "Kelmscott District Council",
        date(2021, 3, 2),
        time(14, 0),
    )
    assert [(i.number, i.title) for i in meeting.items] == [("5a", "Budget")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "<committees><committeescount>1</committeescount><committee><committeeid>1"
            "</committeeid><committeetitle>Cabinet</committeetitle></committee></committees>",
            "a ModernGov web-service answer, not a meeting: GetCommittees",
        ),
        (
            "<councillorsbyward><wards></wards></councillorsbyward>",
            "a ModernGov web-service answer, not a meeting: GetCouncillorsByWard",
        ),
        (
            "<getmeetings><meetingscount>0</meetingscount></getmeetings>",
            "a ModernGov web-service answer, not a meeting: GetMeetings",
        ),
        (
            "<!DOCTYPE html><html><head><title>Error</title></head><body>Oops</body></html>",
            "not minutes: a web page (“Error”), not a ModernGov web-service answer",
        ),
        (
            "<catalogue><book/></catalogue>",
            "not minutes: XML whose root is <catalogue>, not a ModernGov GetMeeting answer",
        ),
    ],
)
def test_other_answers_are_refused_with_the_reason(
    tmp_path: Path, body: str, expected: str
) -> None:
    assert reason(write(tmp_path, body)) == expected


def test_broken_xml_and_entities_are_refused_safely(tmp_path: Path) -> None:
    assert reason(write(tmp_path, "<meeting><meetingid>1</meeting>")).startswith(
        "not minutes: not well-formed XML ("
    )
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    entity = (
        f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<meeting><meetingid>1</meetingid><agendaitems><agendaitem>"
        "<agendaitemtitle>Leak &x;</agendaitemtitle></agendaitem></agendaitems></meeting>"
    )
    [meeting] = read_document(write(tmp_path, entity))
    assert "TOP SECRET" not in str(meeting.to_dict())


def test_a_bad_xml_file_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    write(tmp_path, GET_MEETING, "a.xml")
    write(tmp_path, "<councillorsbyward><wards/></councillorsbyward>", "b.xml")
    results = {r.path.name: r for r in read_tree([tmp_path])}
    assert len(results["a.xml"].meetings) == 1
    assert (
        results["b.xml"].error
        == "a ModernGov web-service answer, not a meeting: GetCouncillorsByWard"
    )


@pytest.mark.parametrize(
    ("attendance", "role_description", "role"),
    [
        ("Present", "Vice-Chair", "present"),
        ("Present", "Chairman", "chair"),
        ("Apologies, sent substitute", "Committee Member", "apologies"),
        ("In attendance", "", "also_present"),
        ("Present", "Officer", "officer"),
        ("Expected", "Committee Member", None),
    ],
)
def test_attendance_roles(attendance: str, role_description: str, role: str | None) -> None:
    assert attendance_role(attendance, role_description) == role


# -- the real answers recorded in ../shared/fixtures, read in place ----------------------------


def recorded(name: str) -> Path:
    path = RECORDED / name
    if not path.is_file():
        pytest.skip(f"the recorded ModernGov answers are not at {RECORDED}")
    return path


def test_recorded_meeting_with_minutes() -> None:
    [meeting] = read_document(recorded("lgsf/meeting_with_minutes.xml"))
    assert (meeting.committee, meeting.date, meeting.start_time) == (
        "Audit Committee",
        date(2026, 2, 10),
        time(10, 0),
    )
    assert meeting.venue == "Council Antechamber, Level 2, Town Hall Extension"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Minutes"),
        ("9", "Work Programme"),
    ]
    assert meeting.items[1].minutes is not None
    assert meeting.items[1].minutes.startswith("The Committee considered a report of the")
    assert meeting.attendance == ()  # "Expected": the answer does not say who came


def test_recorded_meeting_without_minutes() -> None:
    [meeting] = read_document(recorded("lgsf/meeting_no_minutes.xml"))
    assert (meeting.date, meeting.items) == (date(2026, 1, 13), ())
    assert "smallpic" not in str(meeting.to_dict())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lgsf/committees.xml", "a ModernGov web-service answer, not a meeting: GetCommittees"),
        ("lgsf/meetings.xml", "a ModernGov web-service answer, not a meeting: GetMeetings"),
        (
            "cardiff/GetCouncillorsByWard.xml",
            "a ModernGov web-service answer, not a meeting: GetCouncillorsByWard",
        ),
        (
            "eastherts/GetCouncillorsByWard.xml",
            "a ModernGov web-service answer, not a meeting: GetCouncillorsByWard",
        ),
        (
            "westberks/mgWebService.asmx-wsdl.xml",
            "a ModernGov web-service answer, not a meeting: the service's description (WSDL)",
        ),
    ],
)
def test_recorded_answers_that_are_not_meetings(name: str, expected: str) -> None:
    assert reason(recorded(name)) == expected


@pytest.mark.parametrize(
    "name", ["leeds/GetCouncillorsByWard.html", "denbighshire/GetCouncillorsByWard.html"]
)
def test_recorded_web_pages_saved_as_xml(tmp_path: Path, name: str) -> None:
    saved = tmp_path / "GetCouncillorsByWard.xml"  # as a harvester that trusted the URL saved it
    shutil.copyfile(recorded(name), saved)
    assert reason(saved).startswith("not minutes: a web page")
