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
# "12 March 2019", "the 12th day of January, 2011", "March 12, 2019", "MARCH 12,2019"
_WRITTEN = (
    rf"(?:(?:{WEEKDAYS}),?\s+)?(?:the\s+)?(?:{_DAY}\s+(?:day\s+)?(?:of\s+)?(?:{MONTHS})\.?,?\s+"
    rf"{_YEAR}|(?:{MONTHS})\.?\s+{_DAY},?\s*{_YEAR})"
)
# "12.9.17", "4/5/2020"; not part of a longer number such as a minute's "16/07/26/4"
_NUMERIC = r"(?<![\d./])\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b(?![./]\d)"
# ISO 8601, as transcripts and exports head their text: "2024-04-30"
_ISO = rf"\b{_YEAR}-[01]\d-[0-3]\d\b"
_IN_WORDS = (
    rf"(?:{MONTHS})\s+the\s+([A-Za-z-]+(?:[\s-]+[A-Za-z]+)?),?\s+"
    r"((?:[A-Za-z]+[\s-]+){1,5}?[A-Za-z]+teen|Two\s+Thousand(?:\s+and\s+[A-Za-z-]+)?)"
)
DATE_RE = re.compile(rf"{_WRITTEN}|{_ISO}|{_NUMERIC}", re.IGNORECASE)
WORDS_DATE_RE = re.compile(_IN_WORDS, re.IGNORECASE)
TIME_RE = re.compile(
    r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?|\b(noon|midday)\b", re.IGNORECASE
)
# Month names in the other languages councils publish minutes in: French, Welsh.
_FOREIGN_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "ionawr": 1, "chwefror": 2, "mawrth": 3, "ebrill": 4,
    "mehefin": 6, "gorffennaf": 7, "awst": 8, "medi": 9, "hydref": 10, "tachwedd": 11,
    "rhagfyr": 12,
}  # fmt: skip
# "le 12 janvier 2017", "1er mars 2019", "11eg Ionawr 2017", "21ain Mehefin 2020"
FOREIGN_DATE_RE = re.compile(
    rf"\b(\d{{1,2}})(?:er|re|af|il|ydd|edd|ed|fed|eg|ain)?\s+({'|'.join(_FOREIGN_MONTHS)})"
    rf"\s+({_YEAR})\b",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(r"(\d)(st|nd|rd|th)\b", re.IGNORECASE)
_FILLER_RE = re.compile(r"\b(?:the|day\s+of|of)\b", re.IGNORECASE)


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
    if foreign := FOREIGN_DATE_RE.search(text):
        return _foreign_date(foreign)
    match = DATE_RE.search(text)
    if not match:
        return None
    if re.fullmatch(_ISO, match.group(0)):
        return _iso_date(match.group(0))
    cleaned = _FILLER_RE.sub(" ", _SUFFIX_RE.sub(r"\1", match.group(0))).replace(",", ", ")
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


def _iso_date(text: str) -> date | None:
    """Read "2024-04-30"."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _foreign_date(match: re.Match[str]) -> date | None:
    """Read "12 janvier 2017" or "11eg Ionawr 2017"."""
    month = _FOREIGN_MONTHS[match.group(2).lower()]
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
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
    for match in FOREIGN_DATE_RE.finditer(text):
        value = _foreign_date(match)
        if value is not None:
            found.append(FoundDate(value, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


_MONTH_FIRST_RE = re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*{_YEAR}", re.I)
_DAY_FIRST_RE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+{_YEAR}", re.I)


def writes_month_first(text: str) -> bool:
    """Tell whether the text writes its dates month first ("January 12, 2011"), as in the US,
    so that its numeric dates ("4/5/2020") are read month first too."""
    return len(_MONTH_FIRST_RE.findall(text)) > len(_DAY_FIRST_RE.findall(text))


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
