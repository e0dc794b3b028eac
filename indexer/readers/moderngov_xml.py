"""ModernGov's web-service XML (``mgWebService.asmx/GetMeeting``) read into a Meeting.

A GetMeeting answer says what a page of minutes only prints: the meeting's date, time and
venue, each attendee's attendance ("Present", "Apologies", "Absent", "Present as substitute"),
and each agenda item's number and title with its agenda text, minutes and decision as escaped
HTML. Other answers of the service (GetCommittees, GetMeetings, GetCouncillorsByWard) and
pages saved under a .xml name are refused with the reason. Only names and roles are read: the
attendees' addresses, telephone numbers, e-mail and photographs are never looked at.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import time

from bs4 import BeautifulSoup
from lxml import etree  # type: ignore[import-untyped]

from indexer.assemble import build_item, read_attendance
from indexer.errors import UnreadableDocument
from indexer.extract.dates import parse_date, parse_time
from indexer.extract.items import RawItem
from indexer.extract.speakers import Roster
from indexer.model import Attendance, Meeting
from indexer.readers.moderngov import html_text

# The service's other answers, by their root element.
OPERATIONS = {
    "committees": "GetCommittees",
    "getmeetings": "GetMeetings",
    "councillorsbyward": "GetCouncillorsByWard",
    "councillors": "GetCouncillors",
    "calendarevents": "GetCalendarEvents",
    "definitions": "the service's description (WSDL)",
}
_WRAPPERS = ("Envelope", "Body")  # a SOAP answer wraps the meeting in these and *Response/*Result
_COUNCIL_TAGS = ("councilname", "council", "organisationname", "organisation")
_COMMITTEE_TAGS = ("committeetitle", "committeename")
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--|<!doctype\s+html|<html|<script|<head|<body)", re.I
)
_TITLE_RE = re.compile(r"<title[^>]*>\s*(.*?)\s*</title>", re.I | re.S)
_CLOCK_RE = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")


def read_moderngov_xml(data: bytes, source: str) -> tuple[str, Meeting]:
    """Read a GetMeeting answer: its readable text and the meeting; refuse any other XML."""
    root = _meeting_element(_parse(data, source), source)
    raw_items = [_raw_item(item) for item in root.iterfind("agendaitems/agendaitem")]
    attendance = _attendance(root) or read_attendance("", raw_items)
    chair = next((a.name for a in attendance if a.role == "chair"), None)
    roster = Roster((a.name for a in attendance), chair=chair)
    meeting = Meeting(
        source=source,
        council=_first_text(root, _COUNCIL_TAGS),
        committee=_committee(root),
        date=parse_date(_text(root, "meetingdate"), dayfirst=True),
        start_time=_clock(_text(root, "meetingtime")),
        venue=_venue(root),
        attendance=tuple(attendance),
        items=tuple(build_item(raw, roster) for raw in raw_items),
    )
    return readable_text(root, meeting, raw_items), meeting


# -- parsing and telling a meeting from the service's other answers ----------------------------


def _parse(data: bytes, source: str) -> etree._Element:
    """Parse the XML safely (no entities, no network, no DTD), namespaces dropped."""
    if _HTML_START.match(data[:2000].decode("utf-8", "replace")):
        raise UnreadableDocument(source, _html_reason(data))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UnreadableDocument(source, f"not minutes: not well-formed XML ({error})") from None
    for element in root.iter(tag=etree.Element):
        element.tag = etree.QName(element).localname
    return root


def _html_reason(data: bytes) -> str:
    """Say that a web page, not the service's XML, was saved, naming its title if it has one."""
    title = _TITLE_RE.search(data.decode("utf-8", "replace"))
    named = f" (“{' '.join(title.group(1).split())}”)" if title and title.group(1).strip() else ""
    return f"not minutes: a web page{named}, not a ModernGov web-service answer"


def _meeting_element(root: etree._Element, source: str) -> etree._Element:
    """Return the ``<meeting>`` of a GetMeeting answer, or raise saying what the XML is."""
    while _is_wrapper(root.tag) and len(root) == 1:
        root = root[0]
    tag = str(root.tag)
    if tag == "meeting" and root.find("meetingid") is not None:
        return root
    if tag.lower() in OPERATIONS:
        operation = OPERATIONS[tag.lower()]
        raise UnreadableDocument(
            source, f"a ModernGov web-service answer, not a meeting: {operation}"
        )
    if tag.lower() == "html":
        raise UnreadableDocument(
            source, "not minutes: a web page, not a ModernGov web-service answer"
        )
    raise UnreadableDocument(
        source, f"not minutes: XML whose root is <{tag}>, not a ModernGov GetMeeting answer"
    )


def _is_wrapper(tag: str) -> bool:
    """Tell the SOAP envelope and the *Response / *Result elements around an answer."""
    return tag in _WRAPPERS or tag.endswith(("Response", "Result"))


# -- the meeting's facts -----------------------------------------------------------------------


def _text(element: etree._Element, path: str) -> str:
    """Return the stripped text at ``path`` under ``element``, "" when absent."""
    return " ".join((element.findtext(path) or "").split())


def _first_text(root: etree._Element, tags: tuple[str, ...]) -> str | None:
    """Return the text of the first of ``tags`` the meeting carries itself, if any."""
    return next((_text(root, tag) for tag in tags if _text(root, tag)), None)


def _committee(root: etree._Element) -> str | None:
    """Return the committee the meeting names, else the one its items and papers name most."""
    named = _first_text(root, _COMMITTEE_TAGS)
    if named:
        return named
    found = [_text(e, ".") for e in root.iterfind(".//refertocommittee")]
    found += [_text(e, ".") for e in root.iterfind(".//linkeddoc/committeetitle")]
    counts = Counter(name for name in found if name)
    return counts.most_common(1)[0][0] if counts else None


def _venue(root: etree._Element) -> str | None:
    """Return the meeting's place: its location, and its room when that says more."""
    location, room = _text(root, "meetinglocation"), _text(root, "meetingroom")
    if room and room not in location:
        return f"{location}, {room}" if location else room
    return location or None


def _clock(text: str) -> time | None:
    """Return the time the meeting starts: "10.00 am", "2:30pm" or "14:00"."""
    found = parse_time(text)
    if found is not None or not (match := _CLOCK_RE.search(text)):
        return found
    return time(int(match.group(1)), int(match.group(2)))


# -- attendance: names and roles only --------------------------------------------------------


def _attendance(root: etree._Element) -> list[Attendance]:
    """Return the attendees whose attendance the answer records, with their roles."""
    found: list[Attendance] = []
    for attendee in root.iterfind("attendees/attendee"):
        name = _attendee_name(attendee)
        role = attendance_role(attendee.get("attendance", ""), attendee.get("roledescription", ""))
        if name and role and Attendance(name, role) not in found:
            found.append(Attendance(name, role))
    return found


def _attendee_name(attendee: etree._Element) -> str:
    """Return an attendee's name, from its attribute or its child element."""
    return " ".join((attendee.get("name") or attendee.findtext("name") or "").split())


def attendance_role(attendance: str, role_description: str = "") -> str | None:
    """Map ModernGov's attendance ("Present as substitute", "Apologies") to a role; None for
    "Expected" and other words that say nothing about the meeting as held."""
    said, role = attendance.strip().lower(), role_description.strip().lower()
    if said.startswith("apolog"):
        return "apologies"
    if "absent" in said:
        return "absent"
    if "substitute" in said or (said.startswith("present") and "substitute" in role):
        return "substitute"
    if said.startswith(("in attendance", "also")):
        return "also_present"
    if not said.startswith(("present", "attended")):
        return None
    return _present_role(role)


def _present_role(role: str) -> str:
    """Return the role of someone present, from their role at the meeting."""
    if re.match(r"(?:chair|chairman|chairperson|chairwoman|mayor)\b", role):
        return "chair"
    return "officer" if "officer" in role else "present"


# -- items --------------------------------------------------------------------------------------


def _raw_item(item: etree._Element) -> RawItem:
    """Read one agenda item: number as displayed, title, agenda text, minutes and decision."""
    agenda = _html(item.findtext("agendatext"))
    minutes = _html(item.findtext("minutesnonemptyhtmlbody")) or None
    decision = _html(item.findtext("decisionnonemptyhtmlbody")) or None
    body = "\n\n".join(part for part in (agenda, decision, minutes) if part)
    return RawItem(_item_number(item), _text(item, "agendaitemtitle"), body, minutes, decision)


def _item_number(item: etree._Element) -> str:
    """Return the number the item is shown with ("1."), else its agenda number and sub-number."""
    shown = _text(item, "fulldisplaynumberformat").rstrip(".")
    if shown:
        return shown
    return _text(item, "agendaitemnumber") + _text(item, "agendaitemsubnumber")


def _html(fragment: str | None) -> str:
    """Render an escaped HTML body to text with a blank line between its blocks."""
    if not fragment or not fragment.strip():
        return ""
    collapsed = re.sub(r"\s+", " ", fragment)  # line ends in HTML source are spaces
    return html_text(BeautifulSoup(collapsed, "lxml"))


def readable_text(root: etree._Element, meeting: Meeting, raw_items: list[RawItem]) -> str:
    """Return the answer's text a reader sees: the attendees whose attendance is not recorded
    (so that their names are kept) and the items."""
    placed = {a.name for a in meeting.attendance}
    attendees = root.iterfind("attendees/attendee")
    unplaced = [_attendee_line(a) for a in attendees if _attendee_name(a) not in placed]
    items = [f"{raw.number} {raw.title}\n\n{raw.body}".strip() for raw in raw_items]
    blocks = ["\n".join(unplaced), *items]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _attendee_line(attendee: etree._Element) -> str:
    """Return "Name, role: attendance" for the text; never contact details."""
    name = _attendee_name(attendee)
    role = " ".join(attendee.get("roledescription", "").split())
    said = " ".join(attendee.get("attendance", "").split())
    return f"{name}{', ' + role if role else ''}{': ' + said if said else ''}" if name else ""
