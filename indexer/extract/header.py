"""What the top of minutes says about the meeting: body, council, date, venue, status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from indexer.extract.dates import find_dates, parse_time

_PAGE_TITLE_RE = re.compile(
    r"^\s*Agenda(?:,\s*decisions)?\s+and\s+(?P<draft>draft\s+)?minutes\s*[-–]\s*(?P<committee>.+?)"
    r"\s*[-–]\s*(?P<when>[A-Z][a-z]+day,?\s+.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_MINUTES_OF_RE = re.compile(
    r"minutes\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w-]+\s+){0,2}?(?:meeting|hearing|session)\s+of\s+(?:the\s+)?)?"
    r"(?P<committee>[A-Z][\w&,' -]+?)\s+"
    r"held\s+(?P<rest>(?:at|in|on|as|remotely|virtually)[^\n]*(?:\n[^\n]+){0,2})",
    re.IGNORECASE,
)
_BODY_MEETING_RE = re.compile(
    r"\b(?:the\s+)?(?P<council>(?:[A-Z][\w'’]+\s+){1,4}Council)\s+(?P<committee>(?:[A-Z][\w&'’]*"
    r"\s+){0,5}?[A-Z][\w&'’]*)\s+meeting\b"
)
_BODY_LINE_RE = re.compile(
    r"^[ \t]*(?P<body>(?:[A-Z][\w&'’-]*[ \t]+(?:(?:and|of|the|for)[ \t]+)?){0,6}"
    r"(?:Committee|Cabinet|Panel|Board|Sub-Committee|Commission|Forum|Executive|COMMITTEE"
    r"|CABINET|PANEL|BOARD))[ \t]*$",
    re.MULTILINE,
)
_VENUE_RE = re.compile(r"^\s*(?:Venue|Place|Location)\s*:\s*(?P<venue>.+?)\s*\.?\s*$", re.I | re.M)
_HELD_AT_RE = re.compile(
    r"held\s+(?:at|in)\s+(?:the\s+)?(?P<venue>.+?)(?:,?\s+on\s+|\s+at\s+\d|\s*$)", re.IGNORECASE
)
_COUNCIL_RE = re.compile(
    r"^\s*(?:[Tt]he\s+)?(?P<council>(?!(?:Meetings?|Minutes|Agenda|Full|The)\b)"
    r"(?:[A-Z][\w'’-]+\s+){1,4}Council)\s*$",
    re.MULTILINE,
)
_CAPS_COUNCIL_RE = re.compile(
    r"^\s*(?:THE\s+)?(?P<council>(?!(?:MEETINGS?|MINUTES|AGENDA|FULL)\b)(?:[A-Z][A-Z'’-]+\s+){1,4}"
    r"COUNCIL)\s*$",
    re.MULTILINE,
)
_DRAFT_RE = re.compile(r"\b(?:draft|unconfirmed|unapproved)\s+minutes\b|^\s*DRAFT\s*$", re.I | re.M)
_CONFIRMED_RE = re.compile(r"\b(?:confirmed|approved)\s+minutes\b", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    """Meeting facts found at the top of a document; None where it says nothing."""

    council: str | None = None
    committee: str | None = None
    date: date | None = None
    start_time: time | None = None
    venue: str | None = None
    status: str | None = None


def read_header(text: str) -> Header:
    """Read the meeting's body, date, time, venue and status from the top of the minutes."""
    title = _PAGE_TITLE_RE.search(text)
    minutes_of = _MINUTES_OF_RE.search(text)
    when = title.group("when") if title else (minutes_of.group("rest") if minutes_of else text)
    dates = find_dates(when)
    committee = title.group("committee") if title else None
    if committee is None and minutes_of and minutes_of.group("committee").lower() != "meeting":
        committee = minutes_of.group("committee")
    if committee is None and (line := _BODY_LINE_RE.search(text[:1500])):
        committee = (
            line.group("body").title() if line.group("body").isupper() else line.group("body")
        )
    body = _BODY_MEETING_RE.search(text[:2000])
    if committee is None and body:
        committee = body.group("committee")
    return Header(
        council=_council(text) or (_tidy(body.group("council")) if body else None),
        committee=_tidy(committee) if committee else None,
        date=dates[0].value if dates else None,
        start_time=parse_time(when) if dates else None,
        venue=_venue(text, minutes_of.group("rest") if minutes_of else None),
        status=_status(text, bool(title and title.group("draft"))),
    )


def _council(text: str) -> str | None:
    match = _CAPS_COUNCIL_RE.search(text[:2000]) or _COUNCIL_RE.search(text[:2000])
    if not match:
        return None
    council = _tidy(match.group("council"))
    council = re.sub(r"^the\s+", "", council, flags=re.IGNORECASE)
    return council.title() if council.isupper() else council


def _venue(text: str, held: str | None) -> str | None:
    if match := _VENUE_RE.search(text):
        return _tidy(match.group("venue"))
    if held and (match := _HELD_AT_RE.search(f"held {held}")):
        venue = _tidy(match.group("venue"))
        return venue if venue and not re.match(r"\d|on\b", venue) else None
    return None


def _status(text: str, draft_title: bool) -> str | None:
    if draft_title or _DRAFT_RE.search(text[:3000]):
        return "draft"
    return "confirmed" if _CONFIRMED_RE.search(text[:3000]) else None


def _tidy(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip(" ,.-–")
