"""Dates and times as minutes write them, read with python-dateutil."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil import parser as dateparser

from indexer.extract.numbers import words_to_int

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WRITTEN = (
    rf"(?:(?:{WEEKDAYS}),?\s+)?(?:the\s+)?(?:{_DAY}\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+{_YEAR}"
    rf"|(?:{MONTHS})\.?\s+{_DAY},?\s+{_YEAR})"
)
_NUMERIC = r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b"
_IN_WORDS = (
    rf"(?:{MONTHS})\s+the\s+([A-Za-z-]+(?:[\s-]+[A-Za-z]+)?),?\s+"
    r"((?:[A-Za-z]+[\s-]+){1,5}?[A-Za-z]+teen|Two\s+Thousand(?:\s+and\s+[A-Za-z-]+)?)"
)
DATE_RE = re.compile(rf"{_WRITTEN}|{_NUMERIC}", re.IGNORECASE)
WORDS_DATE_RE = re.compile(_IN_WORDS, re.IGNORECASE)
TIME_RE = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b(noon|midday)\b", re.IGNORECASE
)
_SUFFIX_RE = re.compile(r"(\d)(st|nd|rd|th)\b", re.IGNORECASE)
_FILLER_RE = re.compile(r"\b(?:the|of)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, with where it was."""

    value: date
    start: int
    end: int


def parse_date(text: str, dayfirst: bool = True) -> date | None:
    """Return the date written in ``text``, or None when it holds no whole date."""
    text = text.strip()
    found = WORDS_DATE_RE.search(text)
    if found:
        return _words_date(found)
    match = DATE_RE.search(text)
    if not match:
        return None
    cleaned = _FILLER_RE.sub(" ", _SUFFIX_RE.sub(r"\1", match.group(0)))
    try:
        return dateparser.parse(cleaned, dayfirst=dayfirst).date()
    except (ValueError, OverflowError):
        return None


def _words_date(match: re.Match[str]) -> date | None:
    """Read "January the Third, Two Thousand and Eighteen"."""
    day = words_to_int(match.group(1))
    year = words_to_int(match.group(2))
    month = match.group(0).split()[0]
    if not day or not year:
        return None
    try:
        return datetime.strptime(f"{day} {month[:3]} {year}", "%d %b %Y").date()
    except ValueError:
        return None


def find_dates(text: str, dayfirst: bool = True) -> list[FoundDate]:
    """Return every whole date written in ``text``, in order."""
    found = []
    for match in DATE_RE.finditer(text):
        value = parse_date(match.group(0), dayfirst=dayfirst)
        if value is not None:
            found.append(FoundDate(value, match.start(), match.end()))
    for match in WORDS_DATE_RE.finditer(text):
        value = _words_date(match)
        if value is not None:
            found.append(FoundDate(value, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def parse_time(text: str) -> time | None:
    """Return the first clock time in ``text`` ("10.00 am", "7:05 p.m.", "noon")."""
    match = TIME_RE.search(text)
    if not match:
        return None
    if match.group(4):
        return time(12, 0)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 12 or minute > 59:
        return None
    if match.group(3).lower() == "p" and hour != 12:
        hour += 12
    elif match.group(3).lower() == "a" and hour == 12:
        hour = 0
    return time(hour, minute)


_DAY_BEFORE_RE = re.compile(
    r"(working\s+)?day\s+before\s+the\s+meeting\s*\(in\s+this\s+case\s+([^)]{6,40})\)",
    re.IGNORECASE,
)


def infer_meeting_date(text: str) -> date | None:
    """Infer the meeting date from a deadline like "the working day before the meeting (in
    this case 12 September 2017)"."""
    match = _DAY_BEFORE_RE.search(text)
    if not match:
        return None
    deadline = parse_date(match.group(2))
    if deadline is None:
        return None
    following = deadline + timedelta(days=1)
    if match.group(1):
        while following.weekday() >= 5:
            following += timedelta(days=1)
    return following
