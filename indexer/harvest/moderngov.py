"""ModernGov (``mgWebService.asmx``): committees, their meetings, each meeting's minutes.

``GetCommittees`` lists the committees, ``GetMeetings`` a committee's meetings between two
dates (dd/mm/yyyy), and ``GetMeeting`` one meeting: its status, venue, attendees with their
attendance as the clerk recorded it, and each agenda item with its minutes as HTML once
``minutepublished`` is True. That answer is the minutes document: it is saved as it came
(``.xml``), and the reader (indexer/readers/moderngov_xml.py) takes the attendance and items
from it. The service lists no URL for a printed-minutes PDF, so none is fetched; the papers
linked from each item are named in the sidecar, not followed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from lxml import etree  # type: ignore[import-untyped]

from indexer.harvest.http import Fetched, FetchError, Hosts, PoliteClient
from indexer.harvest.source import Failure, HarvestError, MeetingRef, Minutes, Validators

DEFAULT_SINCE = date(2000, 1, 1)  # GetMeetings needs a first date
_PAGE = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--|<!doctype\s+html|<html|<script|<head|<body)", re.I
)
_TITLE = re.compile(rb"<title[^>]*>\s*(.*?)\s*</title>", re.I | re.S)
# What an attendee element says, by our name: never addresses, telephones or photographs.
_ATTENDEE = {
    "name": "name",
    "role": "roledescription",
    "attendance": "attendance",
    "party": "politicalparty",
    "ward": "ward",
    "member_id": "memberid",
}


class ModernGov:
    """A council's ModernGov site, e.g. ``https://democracy.example.gov.uk``."""

    platform = "moderngov"

    def __init__(self, url: str, council: str | None = None) -> None:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise HarvestError(
                f"{url!r} is not a web address; give the ModernGov site's, "
                "e.g. https://democracy.example.gov.uk"
            )
        path = parts.path.rstrip("/")
        if "." in path.rsplit("/", 1)[-1]:  # a page of the site: mgWebService.asmx, ...
            path = path.rsplit("/", 1)[0]
        self.site = f"{parts.scheme}://{parts.netloc}{path}"
        self.council = council or parts.hostname or parts.netloc
        self.hosts = Hosts(frozenset({parts.netloc.lower()}))

    def service(self, operation: str, query: str = "") -> str:
        """Return the URL of a web-service operation."""
        return f"{self.site}/mgWebService.asmx/{operation}" + (f"?{query}" if query else "")

    def meeting_url(self, committee_id: str, meeting_id: str) -> str:
        """Return the council's public page for a meeting."""
        return f"{self.site}/ieListDocuments.aspx?CId={committee_id}&MId={meeting_id}"

    def meetings(
        self, client: PoliteClient, since: date | None, committees: tuple[str, ...]
    ) -> Iterator[MeetingRef | Failure]:
        """List the meetings of each committee (of the named ones) since ``since``."""
        url = self.service("GetCommittees")
        try:
            listed = parse_xml(client.get(url), "committees")
        except FetchError as error:
            yield Failure(error.url, error.reason)
            return
        chosen = _chosen(listed, committees, url)
        window = f"sFromDate={_dmy(since or DEFAULT_SINCE)}&sToDate={_dmy(date.today())}"
        for committee_id, title in chosen:
            url = self.service("GetMeetings", f"lCommitteeId={committee_id}&{window}")
            try:
                found = parse_xml(client.get(url), "getmeetings")
            except FetchError as error:
                yield Failure(error.url, error.reason)
                continue
            for meeting in found.iter("meeting"):
                yield from _meeting_ref(meeting, committee_id, title, url)

    def minutes(
        self, client: PoliteClient, meeting: MeetingRef, validators: Validators
    ) -> Minutes | None:
        """Ask GetMeeting; return its answer as the minutes once they are published."""
        url = self.service("GetMeeting", f"lMeetingId={meeting.id}")
        known = validators.get(url, {})
        fetched = client.get(url, etag=known.get("etag"), last_modified=known.get("last_modified"))
        if fetched.not_modified:
            return None
        root = parse_xml(fetched, "meeting")
        validators[url] = {
            k: v for k, v in (("etag", fetched.etag), ("last_modified", fetched.last_modified)) if v
        }
        if _text(root, "minutepublished") != "True":
            return None
        return Minutes(
            url,
            ".xml",
            self._sidecar(root, meeting),
            fetched.body,
            fetched.etag,
            fetched.last_modified,
        )

    def _sidecar(self, root: etree._Element, meeting: MeetingRef) -> dict[str, Any]:
        committee_id = meeting.listing["committee_id"]
        page = self.meeting_url(committee_id, meeting.id)
        return {
            "council": self.council,
            "committee": meeting.committee,
            "date": meeting.date,
            "url": page,
            "venue": _text(root, "meetinglocation") or None,
            "harvest": {
                "platform": self.platform,
                "site": self.site,
                "committee_id": committee_id,
                "meeting_id": meeting.id,
                "meeting_url": page,
                "status": _text(root, "meetingstatus") or None,
                "time": _text(root, "meetingtime") or None,
                "attendees": [_attendee(a) for a in root.iterfind("attendees/attendee")],
                "items": [_item(i) for i in root.iterfind("agendaitems/agendaitem")],
            },
        }


def parse_xml(fetched: Fetched, root_tag: str) -> etree._Element:
    """Parse a web-service answer safely (no entities, DTD or network) and check its root;
    raise FetchError saying what came instead."""
    body = fetched.body
    if _PAGE.match(body[:2000]):
        title = _TITLE.search(body)
        named = (
            f" (“{' '.join(title.group(1).decode('utf-8', 'replace').split())}”)" if title else ""
        )
        raise FetchError(
            fetched.url,
            f"a web page{named} where the ModernGov web service's XML "
            "was expected; is this the ModernGov site's address?",
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise FetchError(fetched.url, f"not well-formed XML ({error})") from None
    if etree.QName(root).localname.lower() != root_tag:
        raise FetchError(
            fetched.url, f"XML whose root is <{etree.QName(root).localname}>, not <{root_tag}>"
        )
    return root


def _chosen(listed: etree._Element, wanted: tuple[str, ...], url: str) -> list[tuple[str, str]]:
    """Return (id, title) of the committees to harvest: all but deleted ones, or those named."""
    committees = [
        (_text(c, "committeeid"), _text(c, "committeetitle"))
        for c in listed.iter("committee")
        if _text(c, "committeedeleted") != "True" and _text(c, "committeeid")
    ]
    if not wanted:
        return committees
    by_name = {_fold(title): (cid, title) for cid, title in committees}
    missing = [name for name in wanted if _fold(name) not in by_name]
    if missing:
        known = "; ".join(sorted(title for _, title in committees))
        raise HarvestError(
            f"no committee named {', '.join(map(repr, missing))} at {url}; "
            f"its committees are: {known}"
        )
    return [by_name[_fold(name)] for name in wanted]


def _meeting_ref(
    meeting: etree._Element, committee_id: str, title: str, url: str
) -> Iterator[MeetingRef | Failure]:
    meeting_id = _text(meeting, "meetingid")
    try:
        when = datetime.strptime(_text(meeting, "meetingdate"), "%d/%m/%Y").date()
    except ValueError:
        yield Failure(url, f"meeting {meeting_id or '?'}: no date dd/mm/yyyy")
        return
    cancelled = _text(meeting, "meetingstatus").lower() == "cancelled"
    yield MeetingRef(meeting_id, title, when, cancelled, listing={"committee_id": committee_id})


def _attendee(element: etree._Element) -> dict[str, Any]:
    return {ours: element.get(theirs) or None for ours, theirs in _ATTENDEE.items()}


def _item(element: etree._Element) -> dict[str, Any]:
    documents = [
        {"title": _text(doc, "title") or None, "url": _text(doc, "url") or None}
        for doc in element.iterfind("linkeddocuments/linkeddoc")
    ]
    return {
        "id": _text(element, "agendaitemid") or None,
        "number": _text(element, "fulldisplaynumberformat") or None,
        "title": _text(element, "agendaitemtitle") or None,
        "minutes_number": _text(element, "minutesitemnumber") or None,
        "decision": _text(element, "isdecision") == "True",
        "documents": documents,
    }


def _text(element: etree._Element, path: str) -> str:
    return " ".join((element.findtext(path) or "").split())


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")
